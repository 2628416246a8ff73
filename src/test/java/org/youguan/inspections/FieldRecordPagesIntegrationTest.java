package org.youguan.inspections;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The field record and 责令改正 through the pages: staff record an inspection on the form with photos, the checklist
 * results and a drawn signature; a refused form answers 400 naming the field and keeps the files already uploaded;
 * the order issued from the record is a .docx with its 文号, findings, legal basis and deadline, downloadable by staff
 * and by the enterprise; the enterprise replies with evidence, staff reject with a reason, it replies again, staff
 * accept; a re-inspection that finds the order not rectified raises the lead; an enterprise sees only its own orders.
 */
@IntegrationTest
@RecordApplicationEvents
class FieldRecordPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MutableClock clock;

	@Autowired
	InspectionOrders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	InspectionRecords records;

	@Autowired
	Enterprises enterprises;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	InspectionPlans plans;

	@Autowired
	InspectionItems items;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String sf() {
		return directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
	}

	static String signature() {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(120, 40));
	}

	/**
	 * The form as a Wuzhong inspector fills it: 实名收寄, two lines comply, one does not; outcome 责令改正; with
	 * {@code changed} fields replaced (an empty value: the field left empty).
	 */
	MockMultipartHttpServletRequestBuilder form(MockHttpSession session, String draft, Map<String, String> changed) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("draft", draft == null ? "" : draft);
		fields.put("kind", "SPECIAL");
		fields.put("enterpriseCreditCode", sf());
		fields.put("inspectedOn", LocalDate.now(clock).toString());
		fields.put("inspectedAt", "09:30");
		fields.put("place", "吴中营业部");
		fields.put("items", "REAL_NAME");
		fields.put("line.REAL_NAME.0", "COMPLIANT");
		fields.put("line.REAL_NAME.1", "NONCOMPLIANT");
		fields.put("line.REAL_NAME.2", "NOT_APPLICABLE");
		// each filled form is another inspection: the same one sent twice is refused as a duplicate
		fields.put("findings", "实名信息系统上传不完整（" + UUID.randomUUID().toString().substring(0, 8) + "）");
		fields.put("representative", "王店长");
		fields.put("outcome", "RECTIFICATION");
		fields.put("signature", signature());
		fields.putAll(changed);
		MockMultipartHttpServletRequestBuilder b = multipart("/inspections/records");
		b.session(session).with(csrf());
		fields.forEach(b::param);
		b.param("inspector", "32050601", "32050602", "");
		return b;
	}

	MockMultipartHttpServletRequestBuilder form(MockHttpSession session, String draft) {
		return form(session, draft, Map.of());
	}

	long recordThroughThePage(MockHttpSession session) throws Exception {
		String url = mvc.perform(form(session, null).file(new MockMultipartFile("photos", "现场1.jpg", "image/jpeg",
				TestImages.jpeg(64, 48))))
			.andExpect(redirectedUrlPattern("/inspections/records/*"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
	}

	long issue(MockHttpSession session, long record) throws Exception {
		String url = mvc.perform(post("/inspections/records/" + record + "/order").session(session).with(csrf())
				.param("workingDays", "10"))
			.andExpect(redirectedUrlPattern("/inspections/orders/*"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
	}

	@Test
	void aRecordWithPhotosAndSignatureIsSavedFromTheFormAndShownWithItsTeamAndLines() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long id = recordThroughThePage(staff);
		String html = mvc.perform(get("/inspections/records/" + id).session(staff))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("陈吴中（执法证号 32050601）", "沈执法（执法证号 32050602）", "王店长", "09:30",
				"实名信息系统上传不完整", "不符合", "id=\"issue-order\"");
		var detail = jdbc.sql("SELECT count(*) FROM inspection_record_line WHERE record_id = :id").param("id", id)
			.query(Long.class).single();
		assertThat(detail).isEqualTo(3);
		List<Long> files = jdbc.sql("SELECT id FROM attachment WHERE module = 'inspections' AND owner_type = 'inspection_record'"
				+ " AND owner_id = :id ORDER BY id").param("id", id).query(Long.class).list();
		assertThat(files).as("the photo and the drawn signature").hasSize(2);
		mvc.perform(get("/attachments/" + files.get(0)).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"));
		mvc.perform(get("/attachments/" + files.get(0)).session(SignIn.session(mvc, "xc.staff")))
			.andExpect(status().isNotFound());
	}

	/**
	 * Finding (evidence served unmasked): the inspected enterprise reads its record's findings masked (they may name a
	 * sender or a courier), so the record's photos and signatures — which no mask reaches — are neither listed on its
	 * record page nor served to it (403), as a complaint's evidence is refused to those who read it masked; the staff
	 * who made the record read them.
	 */
	@Test
	void aRecordsPhotosAreTheStaffsAndNotServedToTheInspectedEnterprise() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long id = recordThroughThePage(staff);
		List<Long> files = jdbc.sql("SELECT id FROM attachment WHERE module = 'inspections' AND owner_type = 'inspection_record'"
				+ " AND owner_id = :id ORDER BY id").param("id", id).query(Long.class).list();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String page = mvc.perform(get("/enterprise/inspections/records/" + id).session(enterprise))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		for (long file : files) {
			assertThat(page).doesNotContain("/attachments/" + file);
			mvc.perform(get("/attachments/" + file).session(enterprise)).andExpect(status().isForbidden());
			mvc.perform(get("/attachments/" + file).session(staff)).andExpect(status().isOk());
		}
	}

	@Test
	void aRefusedFormAnswers400NamingTheFieldAndKeepsTheFilesAlreadyUploaded() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long before = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		String html = mvc.perform(form(staff, null)
				.file(new MockMultipartFile("photos", "好照片.png", "image/png", TestImages.png(50, 40)))
				.file(new MockMultipartFile("photos", "假照片.jpg", "image/jpeg", "<html>not an image</html>".getBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"photos\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("假照片.jpg", "不是JPEG");
		assertThat(html).as("the good photo stays held for the form").contains("好照片.png");
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(before);

		String draft = html.replaceAll("(?s).*name=\"draft\" value=\"([0-9a-f]{32})\".*", "$1");
		mvc.perform(form(staff, draft, Map.of("line.REAL_NAME.1", "", "signature", "")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"lines.REAL_NAME.1\"")))
			.andExpect(content().string(containsString("好照片.png")));
		String url = mvc.perform(form(staff, draft, Map.of("signature", "")))
			.andExpect(redirectedUrlPattern("/inspections/records/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT file_name FROM attachment WHERE owner_type = 'inspection_record' AND owner_id = :id"
				+ " ORDER BY id").param("id", id).query(String.class).list())
			.as("the photo and the signature held by the refused posts went with the record")
			.containsExactly("好照片.png", "现场签名.png");
	}

	@Test
	void theOrderIsADocxWithItsNumberFindingsBasisAndDeadlineForStaffAndTheEnterprise() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long record = recordThroughThePage(staff);
		long order = issue(staff, record);
		InspectionOrders.Order o = orders.get(DataScope.all(), order);
		LocalDate due = calendar.plusWorkingDays(LocalDate.now(clock), 10);
		assertThat(o.dueOn()).isEqualTo(due);
		assertThat(o.basis()).contains("《快递暂行条例》第二十三条（实名收寄）");
		long document = orders.document(DataScope.all(), order).orElseThrow().id();

		for (MockHttpSession who : List.of(staff, SignIn.session(mvc, "sf.wz"))) {
			byte[] docx = mvc.perform(get("/attachments/" + document).session(who))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
				.andReturn().getResponse().getContentAsByteArray();
			try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
					XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
				assertThat(text.getText()).contains(o.number(), "实名信息系统上传不完整", "《快递暂行条例》第二十三条",
						due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日", "实名信息系统上传完整",
						"陈吴中", "10个工作日").doesNotContain("${");
			}
		}
		mvc.perform(get("/inspections/orders/" + order).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(o.number())));
	}

	@Test
	void theEnterpriseRepliesWithEvidenceIsRejectedRepliesAgainAndIsAccepted() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		long order = issue(staff, recordThroughThePage(staff));
		String page = "/enterprise/inspections/orders/" + order;
		mvc.perform(get("/enterprise/inspections/orders").session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(page)));

		mvc.perform(multipart(page + "/reply").file(new MockMultipartFile("evidence", "台账.pdf", "application/pdf",
				"not a pdf".getBytes())).param("report", "已整改").session(sf).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attributeExists("errors"));
		assertThat(orders.get(DataScope.all(), order).status()).as("a refused evidence file saves nothing").isEqualTo("ISSUED");

		mvc.perform(multipart(page + "/reply").file(new MockMultipartFile("evidence", "整改照片.png", "image/png",
				TestImages.png(80, 60))).param("report", "已补传实名信息").session(sf).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "整改情况已提交"));
		assertThat(orders.evidence(DataScope.all(), order)).extracting(a -> a.fileName()).containsExactly("整改照片.png");

		String staffPage = "/inspections/orders/" + order;
		mvc.perform(post(staffPage + "/reject").session(staff).with(csrf()).param("note", ""))
			.andExpect(redirectedUrl(staffPage))
			.andExpect(flash().attributeExists("errors"));
		mvc.perform(post(staffPage + "/reject").session(staff).with(csrf()).param("note", "缺少系统上传记录截图"))
			.andExpect(redirectedUrl(staffPage));
		assertThat(orders.get(DataScope.all(), order).status()).isEqualTo("REJECTED");
		mvc.perform(get(page).session(sf)).andExpect(content().string(containsString("缺少系统上传记录截图")))
			.andExpect(content().string(containsString("id=\"submit-reply\"")));

		mvc.perform(multipart(page + "/reply").file(new MockMultipartFile("evidence", "截图.jpg", "image/jpeg",
				TestImages.jpeg(80, 60))).param("report", "已补充截图").session(sf).with(csrf()))
			.andExpect(flash().attribute("message", "整改情况已提交"));
		mvc.perform(post(staffPage + "/accept").session(staff).with(csrf())).andExpect(redirectedUrl(staffPage))
			.andExpect(flash().attribute("message", "整改已验收"));
		InspectionOrders.Order o = orders.get(DataScope.all(), order);
		assertThat(o.status()).isEqualTo("ACCEPTED");
		assertThat(o.rectifiedOn()).isEqualTo(LocalDate.now(clock));
		assertThat(orders.evidence(DataScope.all(), order)).hasSize(2);
	}

	/**
	 * An order's evidence is held to a room as every record's files are ({@code Attachments.requireRoom}): besides each
	 * file's own size, the files of one order in all at most {@code youguan.inspections.max-evidence-total-bytes}
	 * (50 MB) — six photos of nearly 10 MB each, every one within its own limit, are refused together (rule
	 * {@code total-size}), nothing saved; the order's generated 通知书 is no part of that room.
	 */
	@Test
	void anOrdersEvidenceIsHeldToATotalOfBytes() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long order = issue(staff, recordThroughThePage(staff));
		DataScope sf = DataScope.enterprise(sf());
		java.util.Random random = new java.util.Random(7);
		List<org.youguan.documents.UploadedFile> photos = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1800, 1800,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < 1800; y++) {
				for (int x = 0; x < 1800; x++) {
					image.setRGB(x, y, random.nextInt(0x1000000));
				}
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			assertThat(out.size()).as("each photo within its own limit").isBetween(9_000_000, 10_485_760);
			photos.add(new org.youguan.documents.UploadedFile("整改照片" + i + ".png", out.toByteArray()));
		}
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> orders.reply(sf, order, "已整改", photos))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class, e -> {
				assertThat(e.fieldErrors().get(0).field()).isEqualTo("evidence");
				assertThat(e.fieldErrors().get(0).rule()).isEqualTo("total-size");
			});
		assertThat(orders.get(DataScope.all(), order).status()).as("nothing saved").isEqualTo("ISSUED");
		assertThat(orders.evidence(DataScope.all(), order)).isEmpty();
		orders.reply(sf, order, "已整改", photos.subList(0, 5));
		assertThat(orders.evidence(DataScope.all(), order)).hasSize(5);
	}

	@Test
	void aReplyAfterARejectionIsRefusedOnceTheDeadlineHasPassed() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long order = issue(staff, recordThroughThePage(staff));
		DataScope sf = DataScope.enterprise(sf());
		orders.reply(sf, order, "已整改");
		orders.decide(DataScope.all(), order, false, "证据不足");
		clock.set(orders.get(DataScope.all(), order).dueOn().plusDays(1).atTime(10, 0));
		mvc.perform(multipart("/enterprise/inspections/orders/" + order + "/reply").param("report", "再次答复")
				.session(SignIn.session(mvc, "sf.wz")).with(csrf()))
			.andExpect(flash().attributeExists("errors"));
		assertThat(orders.get(DataScope.all(), order).status()).isEqualTo("REJECTED");
	}

	@Test
	void aReinspectionThatFindsTheOrderNotRectifiedRaisesTheLead() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long record = recordThroughThePage(staff);
		long order = issue(staff, record);
		String staffPage = "/inspections/orders/" + order;
		// a re-inspection is scheduled on a working day
		LocalDate on = calendar.plusWorkingDays(LocalDate.now(clock), 1);
		mvc.perform(post(staffPage + "/reinspection").session(staff).with(csrf()).param("on", on.toString()))
			.andExpect(flash().attribute("message", "复查已安排"));
		mvc.perform(post(staffPage + "/reinspection/result").session(staff).with(csrf()).param("result", "NOT_RECTIFIED")
				.param("note", "仍未上传"))
			.andExpect(flash().attributeExists("errors"));
		clock.set(on.atTime(10, 0));
		mvc.perform(post(staffPage + "/reinspection/result").session(staff).with(csrf()).param("result", "NOT_RECTIFIED"))
			.andExpect(flash().attributeExists("errors"));
		// the re-inspection day is within the term, and the enterprise has reported nothing: 未整改 waits for the deadline
		mvc.perform(post(staffPage + "/reinspection/result").session(staff).with(csrf()).param("result", "NOT_RECTIFIED")
				.param("note", "仍未上传"))
			.andExpect(flash().attributeExists("errors"));
		assertThat(orders.get(DataScope.all(), order).leadRaisedOn()).isNull();
		LocalDate after = calendar.onOrNextWorkingDay(orders.get(DataScope.all(), order).dueOn().plusDays(1));
		clock.set(after.atTime(10, 0));
		mvc.perform(post(staffPage + "/reinspection/result").session(staff).with(csrf()).param("result", "NOT_RECTIFIED")
				.param("note", "仍未上传"))
			.andExpect(flash().attribute("message", "复查结果已登记"));
		InspectionOrders.Order o = orders.get(DataScope.all(), order);
		assertThat(o.reinspectionResult()).isEqualTo("NOT_RECTIFIED");
		assertThat(o.leadRaisedOn()).isEqualTo(after);
		assertThat(events.stream(InspectionLeadRaised.class).filter(e -> e.recordId() == record).toList())
			.singleElement()
			.satisfies(e -> assertThat(e.findings()).contains(o.number(), "仍未上传"));
		mvc.perform(multipart("/enterprise/inspections/orders/" + order + "/reply").param("report", "补救")
				.session(SignIn.session(mvc, "sf.wz")).with(csrf()))
			.andExpect(flash().attributeExists("errors"));
	}

	@Test
	void anEnterpriseCannotSeeAnotherEnterprisesOrderNorItsDocument() throws Exception {
		String sf = sf();
		String other = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 50, null, null))
			.items().stream().map(e -> e.creditCode()).filter(c -> !c.equals(sf)).findFirst().orElseThrow();
		InspectionOrders.Order theirs = tx.execute(s -> {
			long record = records.record(DataScope.region("320506"), null, new InspectionRecordData(other,
					LocalDate.now(clock).toString(), "SPECIAL", List.of("CONTENT_CHECK"),
					List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
							new InspectionRecordData.TeamMember("沈执法", "32050602")),
					"RECTIFICATION", "未验视", null, null), false, false);
			return orders.issue(DataScope.region("320506"), record, "320506", 5);
		});
		long document = orders.document(DataScope.all(), theirs.id()).orElseThrow().id();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/inspections/orders/" + theirs.id()).session(enterprise)).andExpect(status().isNotFound());
		mvc.perform(multipart("/enterprise/inspections/orders/" + theirs.id() + "/reply").param("report", "不是我的")
				.session(enterprise).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/attachments/" + document).session(enterprise)).andExpect(status().isNotFound());
		mvc.perform(get("/inspections/orders/" + theirs.id()).session(enterprise)).andExpect(status().isForbidden());
		mvc.perform(get("/enterprise/inspections/orders").session(enterprise))
			.andExpect(content().string(not(containsString(theirs.number()))));
	}

	/** An order of the enterprise of {@code sf.wz}, recorded and issued in Wuzhong today. */
	InspectionOrders.Order issuedInWuzhong() {
		return issuedInWuzhong(sf());
	}

	/** An order of the enterprise {@code creditCode}, recorded (without checklist lines) and issued in Wuzhong today. */
	InspectionOrders.Order issuedInWuzhong(String creditCode) {
		return issuedInWuzhong(creditCode, "未验视（导出" + UUID.randomUUID().toString().substring(0, 8) + "）");
	}

	/** As {@link #issuedInWuzhong(String)}, the record's findings as given. */
	InspectionOrders.Order issuedInWuzhong(String creditCode, String findings) {
		DataScope wuzhong = DataScope.region("320506");
		return tx.execute(s -> {
			long record = records.record(wuzhong, null, new InspectionRecordData(creditCode, LocalDate.now(clock).toString(),
					"SPECIAL", List.of("CONTENT_CHECK"),
					List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
							new InspectionRecordData.TeamMember("沈执法", "32050602")),
					"RECTIFICATION", findings, null, null),
					false, false);
			return orders.issue(wuzhong, record, "320506", 5);
		});
	}

	@Test
	void theOrderExportHoldsTheListsColumnsOnlyTheUsersRegionAndFollowsTheFilters() throws Exception {
		InspectionOrders.Order mine = issuedInWuzhong();
		InspectionOrders.Order kunshan = issuedInWuzhong();
		jdbc.sql("UPDATE rectification_order SET region_code = '320583' WHERE id = :id").param("id", kunshan.id()).update();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");

		List<List<String>> rows = ExportedRows.of(mvc, staff, "/inspections/orders/export.xlsx");
		assertThat(rows.get(0)).containsExactly("文号", "被检查企业", "检查对象", "下达日期", "整改期限", "状态", "转案件线索日期");
		assertThat(ExportedRows.column(rows, 0)).contains(mine.number()).doesNotContain(kunshan.number());
		assertThat(rows.stream().filter(r -> r.get(0).equals(mine.number())).findFirst().orElseThrow())
			.as("dates and the status as the list shows them")
			.contains(mine.issuedOn().toString(), mine.dueOn().toString(), "已下达");

		assertThat(ExportedRows.of(mvc, staff, "/inspections/orders/export.xlsx", "q", mine.number())).hasSize(2);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, staff, "/inspections/orders/export.xlsx", "state", "REPLIED"), 0))
			.doesNotContain(mine.number());
		mvc.perform(get("/inspections/orders").session(staff))
			.andExpect(content().string(containsString("/inspections/orders/export.xlsx")));
	}

	/**
	 * The enterprise's own 责令改正 orders and inspection records export as .xlsx with the bureau's columns, following
	 * the page's state filter and search; another enterprise's order is in neither.
	 */
	@Test
	void theEnterpriseExportsItsOwnOrdersAndRecordsWithTheBureausColumns() throws Exception {
		String sf = sf();
		String other = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 50, null, null))
			.items().stream().map(e -> e.creditCode()).filter(c -> !c.equals(sf)).findFirst().orElseThrow();
		InspectionOrders.Order mine = issuedInWuzhong();
		InspectionOrders.Order theirs = issuedInWuzhong(other);
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");

		List<List<String>> rows = ExportedRows.of(mvc, enterprise, "/enterprise/inspections/orders/export.xlsx");
		assertThat(rows.get(0)).containsExactly("文号", "被检查企业", "检查对象", "下达日期", "整改期限", "状态", "转案件线索日期");
		assertThat(ExportedRows.column(rows, 0)).contains(mine.number()).doesNotContain(theirs.number());
		assertThat(rows.stream().filter(r -> r.get(0).equals(mine.number())).findFirst().orElseThrow())
			.contains(mine.issuedOn().toString(), mine.dueOn().toString(), "已下达");
		assertThat(ExportedRows.of(mvc, enterprise, "/enterprise/inspections/orders/export.xlsx", "q", mine.number()))
			.as("the search narrows it").hasSize(2);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, enterprise, "/enterprise/inspections/orders/export.xlsx",
				"state", "REPLIED"), 0)).doesNotContain(mine.number());
		mvc.perform(get("/enterprise/inspections/orders?state=AWAITING_REPLY").session(enterprise))
			.andExpect(content().string(containsString("/enterprise/inspections/orders/export.xlsx?state=AWAITING_REPLY")));

		List<List<String>> records = ExportedRows.of(mvc, enterprise, "/enterprise/inspections/records/export.xlsx");
		assertThat(records.get(0)).startsWith("检查日期", "被检查企业", "统一社会信用代码");
		assertThat(ExportedRows.column(records, 2)).as("its own records only").isNotEmpty().allMatch(sf::equals);
		assertThat(ExportedRows.column(records, 9)).contains(mine.number()).doesNotContain(theirs.number());
		mvc.perform(get("/enterprise/inspections/records").session(enterprise))
			.andExpect(content().string(containsString("/enterprise/inspections/records/export.xlsx")));
	}

	/**
	 * An order issued from a record kept without a line per checklist entry (the API, an import): its notice's table
	 * states for each item checked what it checks (检查内容, the item's checklist) and the record's findings (检查结果),
	 * read back from the .docx the enterprise downloads.
	 */
	@Test
	void anOrderWithoutChecklistLinesStatesWhatWasCheckedAndFoundInItsTable() throws Exception {
		InspectionOrders.Order o = issuedInWuzhong();
		long document = orders.document(DataScope.all(), o.id()).orElseThrow().id();
		byte[] docx = mvc.perform(get("/attachments/" + document).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<List<String>> cells = doc.getTables().stream()
				.flatMap(t -> t.getRows().stream())
				.map(r -> r.getTableCells().stream().map(c -> c.getText().strip()).toList())
				.toList();
			assertThat(cells).contains(List.of("检查事项", "检查内容", "检查结果"));
			InspectionItem item = items.list(DataScope.all()).stream().filter(i -> i.code().equals("CONTENT_CHECK"))
				.findFirst().orElseThrow();
			assertThat(item.checklist()).isNotEmpty();
			assertThat(cells).as("the item's checklist and the findings, not blank")
				.contains(List.of(item.name(), String.join("；", item.checklist()), o.findings()));
		}
	}

	/**
	 * The 责令改正通知书 is served on the enterprise: an ID or mobile number in the findings (a courier's, a sender's) is
	 * printed masked, as the lists show it and as a penalty document served on a party prints it; the enterprise's own
	 * credit code stays in clear (attack round 20: both numbers were printed verbatim).
	 */
	@Test
	void theOrderServedOnTheEnterpriseMasksPersonalNumbersAndKeepsItsCreditCode() throws Exception {
		InspectionOrders.Order o = issuedInWuzhong(sf(), "快递员张某（身份证320506198505057771，手机13912345678）未验视（"
				+ UUID.randomUUID().toString().substring(0, 8) + "）");
		long document = orders.document(DataScope.all(), o.id()).orElseThrow().id();
		byte[] docx = mvc.perform(get("/attachments/" + document).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			String tables = doc.getTables().stream().map(t -> t.getText()).reduce("", String::concat);
			assertThat(text.getText() + tables).contains("快递员张某", "320506********7771", "139****5678", sf())
				.doesNotContain("320506198505057771").doesNotContain("13912345678");
		}
	}

	@Test
	void aDrawnTargetIsRecordedFromItsPlanAndARandomInspectionWithoutAPlanIsRefused() throws Exception {
		DataScope city = DataScope.region("3205");
		LocalDate today = LocalDate.now(clock);
		// a drawn plan whose period holds today: a target's check lies in its plan's period
		InspectionPlan plan = plans.list(city, PageQuery.of(null, 0, 200, null, null)).items().stream()
			.filter(p -> !p.periodFrom().isAfter(today) && !p.periodTo().isBefore(today))
			.filter(p -> !plans.targets(p.id()).isEmpty())
			.findFirst().orElseThrow();
		InspectionPlan.Target target = plans.targets(plan.id()).get(0);
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String html = mvc.perform(get("/inspections/records/new").param("plan", String.valueOf(plan.id()))
				.param("target", String.valueOf(target.rank())).session(staff))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("name=\"planId\" value=\"" + plan.id() + "\"", target.enterpriseCreditCode(), plan.name());
		for (String certificate : target.certificates()) {
			assertThat(html).contains("value=\"" + certificate + "\" selected");
		}

		MockMultipartHttpServletRequestBuilder form = multipart("/inspections/records");
		form.session(staff).with(csrf());
		form.param("kind", "RANDOM").param("planId", String.valueOf(plan.id()))
			.param("enterpriseCreditCode", target.enterpriseCreditCode())
			.param("inspectedOn", LocalDate.now(clock).toString()).param("inspectedAt", "14:00")
			.param("inspector", target.certificates().toArray(String[]::new))
			.param("representative", "李经理").param("outcome", "NONE").param("signature", signature());
		for (InspectionItem item : items.list(city)) {
			if (plan.items().contains(item.code())) {
				form.param("items", item.code());
				for (int i = 0; i < item.checklist().size(); i++) {
					form.param("line." + item.code() + "." + i, "COMPLIANT");
				}
			}
		}
		String url = mvc.perform(form).andExpect(redirectedUrlPattern("/inspections/records/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT plan_id FROM inspection_record WHERE id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(plan.id());

		mvc.perform(form(SignIn.session(mvc, "wz.staff"), null, Map.of("kind", "RANDOM")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"planId\"")));
		// a plan named by what is no id: refused on planId, not saved outside its plan
		long before = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		mvc.perform(form(SignIn.session(mvc, "wz.staff"), null, Map.of("planId", "12abc")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("检查计划应为正整数（至多19位）")));
		// attack round 27: an id beyond a long is told what an id is (the one wording of ids), not only "应为整数"
		mvc.perform(form(SignIn.session(mvc, "wz.staff"), null, Map.of("planId", "99999999999999999999")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("检查计划应为正整数（至多19位）")));
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * 责令改正 corrects what a check found wrong (attack round 7: every line 符合 or 不涉及 and the outcome 责令改正 was
	 * saved, and its order cited the items): with no 不符合 line the outcome cannot be 责令改正 (400 {@code outcome},
	 * rule {@code consistent}), as 无问题 cannot be chosen with one; nothing is saved.
	 */
	@Test
	void aRectificationNeedsANoncompliantLine() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		for (String result : List.of("COMPLIANT", "NOT_APPLICABLE")) {
			mvc.perform(form(SignIn.session(mvc, "wz.staff"), null, Map.of("line.REAL_NAME.1", result)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"outcome\"")))
				.andExpect(content().string(containsString("检查内容没有不符合项时，检查结果不能为责令改正")));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theApiReadsTheRecordAndRecordsARectifiedReinspection() throws Exception {
		// re-inspected today, which must be a working day
		clock.set(calendar.onOrNextWorkingDay(LocalDate.now(clock)).atTime(10, 0));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long record = recordThroughThePage(staff);
		long order = issue(staff, record);
		String token = "Bearer demo-wz-staff-token";
		mvc.perform(get("/api/v1/inspections/records/" + record).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[1].result").value("NONCOMPLIANT"))
			.andExpect(jsonPath("$.team[0].certificateNumber").value("32050601"))
			.andExpect(jsonPath("$.orderId").value(order));
		orders.scheduleReinspection(DataScope.region("320506"), order, LocalDate.now(clock));
		mvc.perform(post("/api/v1/inspections/orders/" + order + "/reinspection/result").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"maybe\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("result"));
		mvc.perform(post("/api/v1/inspections/orders/" + order + "/reinspection/result").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"RECTIFIED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.reinspectionResult").value("RECTIFIED"))
			.andExpect(jsonPath("$.rectifiedOn").value(LocalDate.now(clock).toString()));
	}
}
