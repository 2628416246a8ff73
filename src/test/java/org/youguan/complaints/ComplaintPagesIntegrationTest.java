package org.youguan.complaints;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.WorkState;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportLoader;
import org.youguan.statistics.Reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ComplaintPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Autowired
	ComplaintQueries queries;

	/**
	 * A public filing's form with a phone of its own: filings a day per phone are limited (complaint.filings-per-phone),
	 * and the suite files many.
	 */
	static MultiValueMap<String, String> form(String waybill, String description) {
		var f = new LinkedMultiValueMap<String, String>();
		f.add("filerName", "王女士");
		f.add("phone", "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)));
		f.add("filerRole", "SENDER");
		f.add("brand", "顺丰");
		f.add("region", "320506");
		f.add("waybillNumber", waybill);
		f.add("postedOn", LocalDate.now(ChinaTime.ZONE).minusDays(15).toString());
		f.add("priorDate", LocalDate.now(ChinaTime.ZONE).minusDays(9).toString());
		f.add("priorChannel", "App");
		f.add("category", "损毁");
		f.add("reason", "内件损坏");
		f.add("amountClaimed", "300");
		f.add("description", description);
		return f;
	}

	@Test
	void thePublicFilesOnThePageAndFollowsItWithThePhone() throws Exception {
		String waybill = "SF" + org.youguan.RandomDigits.of(9);
		var filing = form(waybill, "杯子碎了<script>alert(1)</script>");
		String phone = filing.getFirst("phone");
		String page = mvc.perform(post("/public/complaints/new").with(csrf()).params(filing))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("申诉已提交")))
			.andReturn().getResponse().getContentAsString();
		String number = page.replaceAll("(?s).*id=\"complaint-number\">([^<]+)<.*", "$1");
		mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number).param("queryCode", phone))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待受理")))
			.andExpect(content().string(not(containsString("王女士"))));
		// in English its status is English (attack B3), the API keeps the Chinese label
		mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number).param("queryCode", phone)
			.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"status-label\">To be accepted<")));
		mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number).param("queryCode", "13900000000"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未找到该申诉，请核对申诉编号和查询码")))
			.andExpect(content().string(not(containsString("数据权限"))));
		var bad = form(waybill, "");
		bad.set("priorDate", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString());
		mvc.perform(post("/public/complaints/new").with(csrf()).params(bad))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("申诉内容不能为空")))
			.andExpect(content().string(not(containsString("申诉已提交"))));

		long id = queries.list(DataScope.region("320506"), ComplaintQueries.Filter.NONE, new PageQuery(number, 0, 5, null, false))
			.items().get(0).id();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/complaints/" + id).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andExpect(content().string(containsString("苏州吴中顺丰快递服务有限公司")));
		mvc.perform(get("/complaints/" + id).session(SignIn.session(mvc, "xc.staff"))).andExpect(status().isNotFound());
		// a step on a complaint outside the scope is not found (404), not flashed back
		mvc.perform(post("/complaints/" + id + "/transfer").session(SignIn.session(mvc, "xc.staff")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/complaints/" + id + "/transfer").session(staff).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"))
			.andExpect(flash().attribute("message", number + " 已受理并转办至 苏州吴中顺丰快递服务有限公司，企业答复期限 "
					+ ChineseText.day(queries.get(DataScope.all(), id).stepDue())));

		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/complaints").session(sf)).andExpect(content().string(containsString(number)));
		mvc.perform(post("/enterprise/complaints/" + id + "/reply").session(sf).with(csrf()).param("findings", "")
			.param("responsibility", "RESPONSIBLE").param("solution", "赔偿").param("handler", "客服").param("handlerPhone", "123"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("调查核实情况不能为空")));
		mvc.perform(post("/enterprise/complaints/" + id + "/reply").session(sf).with(csrf()).param("findings", "运输中挤压")
			.param("responsibility", "RESPONSIBLE").param("solution", "按保价赔偿").param("compensation", "300")
			.param("apology", "true").param("userAgrees", "true").param("handler", "客服").param("handlerPhone", "13800000002"))
			.andExpect(redirectedUrlPattern("/enterprise/complaints/*"));
		// a call-back without the reached choice, or with one the form does not offer, is refused at the field and
		// records nothing: never read as reached
		for (String reached : new String[] { null, "", "maybe" }) {
			var callback = post("/complaints/" + id + "/callback").session(staff).with(csrf())
				.param("satisfaction", "SATISFIED").param("solved", "true");
			if (reached != null) {
				callback.param("reached", reached);
			}
			var errors = (List<?>) mvc.perform(callback).andExpect(redirectedUrlPattern("/complaints/*"))
				.andReturn().getFlashMap().get("errors");
			assertThat(errors).as(reached).singleElement().extracting("field", "rule")
				.containsExactly("reached", reached == null || reached.isEmpty() ? "required" : "one-of");
		}
		assertThat(queries.get(DataScope.all(), id).status()).isEqualTo(ComplaintStatus.REPLIED);
		assertThat(queries.get(DataScope.all(), id).callbackAttempts()).isZero();
		mvc.perform(post("/complaints/" + id + "/callback").session(staff).with(csrf()).param("reached", "true")
			.param("satisfaction", "SATISFIED").param("companySatisfaction", "SATISFIED").param("solved", "true"))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		// 办结: the form proposes the enterprise's answer (有责 → 有效申诉) and prefills its compensation, but the bureau
		// decides both: neither missing is read as the enterprise's, and an override is audited with both values
		mvc.perform(get("/complaints/" + id).session(staff))
			.andExpect(content().string(Matchers.matchesPattern("(?s).*<option value=\"true\" selected=\"selected\">有效申诉</option>.*")))
			.andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"compensationPaid\" required value=\"300(\\.00)?\".*")));
		var missing = (List<?>) mvc.perform(post("/complaints/" + id + "/close").session(staff).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"))
			.andReturn().getFlashMap().get("errors");
		assertThat(missing).extracting("field").containsExactlyInAnyOrder("valid", "compensationPaid");
		assertThat(queries.get(DataScope.all(), id).status()).isEqualTo(ComplaintStatus.CALLBACK);
		mvc.perform(post("/complaints/" + id + "/close").session(staff).with(csrf()).param("valid", "false")
			.param("compensationPaid", "120")).andExpect(redirectedUrlPattern("/complaints/*"));
		ComplaintView closed = queries.get(DataScope.region("320506"), id);
		assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(closed.validComplaint()).as("the bureau's decision, not the enterprise's 有责").isFalse();
		assertThat(closed.compensationPaid()).as("what the bureau entered, not the reply's 300").isEqualByComparingTo("120");
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'complaint.close' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).single())
			.contains("非有效申诉").contains("有责").contains("按企业答复为有效申诉");
	}

	/**
	 * The enterprise's complaints list exports as .xlsx: its own complaints only (as many as its list holds, every one
	 * of them against it), with the list's state filter, and none of the complainant's contact.
	 */
	@Test
	void theEnterpriseExportsItsOwnComplaintsWithoutTheComplainantsContact() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		List<List<String>> rows = ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "state", "ALL");
		assertThat(rows.get(0)).containsExactly("申诉编号", "受理日期", "类别", "原因", "状态", "当前环节时限", "答复期限");
		var own = queries.list(DataScope.enterprise(directory.principal("sf.wz").orElseThrow().enterpriseCreditCode()),
				new ComplaintQueries.Filter(null, null, null, WorkState.ALL, false), new PageQuery("", 0, 1, null, false));
		assertThat(own.total()).isPositive();
		assertThat(rows).as("its own complaints, every one").hasSize((int) own.total() + 1);
		var all = queries.list(DataScope.region("3205"), ComplaintQueries.Filter.NONE, new PageQuery("", 0, 1, null, false));
		assertThat(all.total()).isGreaterThan(own.total());
		assertThat(ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "awaitingReply", "true").size())
			.as("the 待答复 filter narrows it").isLessThanOrEqualTo(rows.size());
		mvc.perform(get("/enterprise/complaints").session(sf))
			.andExpect(content().string(containsString("/enterprise/complaints/export.xlsx")));
		mvc.perform(get("/enterprise/complaints/export.xlsx").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffWorkTheQueueAndEnterPhoneComplaints() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/complaints").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"complaint-queue\"")));
		mvc.perform(get("/complaints/export.xlsx").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/complaints/new").session(staff)).andExpect(status().isOk());
		var phone = form("YT" + org.youguan.RandomDigits.of(9), "电话反映：快件破损");
		phone.add("channel", "PHONE");
		mvc.perform(post("/complaints/new").session(staff).with(csrf()).params(phone))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		mvc.perform(get("/complaints").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
		mvc.perform(get("/enterprise/complaints").session(staff)).andExpect(status().isForbidden());
		mvc.perform(get("/").session(staff)).andExpect(content().string(containsString("id=\"count-complaints\"")));
	}

	@Test
	void theDemoCityHasAYearOfComplaints() {
		var all = queries.list(DataScope.region("3205"), ComplaintQueries.Filter.NONE, new PageQuery("", 0, 1, null, false));
		assertThat(all.total()).isGreaterThan(700);
		var delays = queries.list(DataScope.region("3205"), new ComplaintQueries.Filter(null, null, "延误"), new PageQuery("", 0, 1, null, false));
		var charges = queries.list(DataScope.region("3205"), new ComplaintQueries.Filter(null, null, "违规收费"), new PageQuery("", 0, 1, null, false));
		assertThat(delays.total()).isGreaterThan(charges.total() * 3);
		assertThat(queries.list(DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG),
				new ComplaintQueries.Filter(ComplaintStatus.TRANSFERRED, null, null), new PageQuery("", 0, 5, null, false)).total()).isPositive();
	}

	@Autowired
	ComplaintLoader loader;

	@Autowired
	ComplaintFigures figures;

	@Autowired
	ReportLoader reports;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	/** Hand-computed: 3 complaints (2 valid) about 顺丰 in 连云港 against 2,000,000 parcels → 1.50 and 1.00 per million. */
	@Test
	void ratesPerMillionUseTheSamePeriodsApprovedVolume() throws Exception {
		long brand = brands.findByShortName("顺丰").orElseThrow().id();
		String base = "91320703MA" + org.youguan.RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		long enterprise = enterprises.register(DataScope.all(), new EnterpriseData("连云港测试顺丰快递服务有限公司",
				code, EnterpriseType.EXPRESS, brand, "张三", "测试路1号", "320703", "李四", "13912345678"), false);
		YearMonth march = YearMonth.of(2025, 3);
		// licensed by the month it reports (a report for a month before it began to operate is refused)
		Reporters.licensedSince(licences, enterprise, march.atDay(1));
		reports.loadApproved("monthly", List.of(new ReportLoader.Approved(enterprise,
				Period.month(march), Map.of("express.volume.local", new BigDecimal("500000"),
						"express.volume.intercity", new BigDecimal("1500000")), LocalDate.of(2025, 4, 3))), false, "测试");
		var list = new ArrayList<ComplaintLoader.Past>();
		for (Responsibility r : new Responsibility[] { Responsibility.RESPONSIBLE, Responsibility.PARTIAL, Responsibility.NOT_RESPONSIBLE }) {
			list.add(new ComplaintLoader.Past(new ComplaintForm("测试", "13900000000", FilerRole.SENDER, "320703", "顺丰", null, "LYG1",
					LocalDate.of(2025, 2, 20), LocalDate.of(2025, 3, 1), "电话", null, "延误", "派送延误", null, "测试"), brand,
					LocalDate.of(2025, 3, 10), enterprise, "连云港测试顺丰快递服务有限公司", code, EnterpriseType.EXPRESS, r,
					BigDecimal.TEN,
					// the partly responsible one replies 10 days after the transfer: after the 7 days' due date, late
					Satisfaction.SATISFIED, null, r == Responsibility.PARTIAL ? 10 : 3, 12, null));
		}
		loader.load(list, false, "测试");
		DataScope lyg = DataScope.region("3207");
		var totals = figures.totals(lyg, "3207", march, march);
		assertThat(totals.received()).isEqualTo(3);
		assertThat(totals.valid()).isEqualTo(2);
		assertThat(totals.perMillion()).isEqualByComparingTo("1.50");
		assertThat(totals.validPerMillion()).isEqualByComparingTo("1.00");
		assertThat(totals.compensation()).isEqualByComparingTo("30");
		assertThat(figures.byBrand(lyg, "3207", march, march)).singleElement()
			.satisfies(l -> assertThat(l.perMillion()).isEqualByComparingTo("1.50"));
		assertThat(figures.lateRepliers(lyg, "3207", march, march)).singleElement()
			.satisfies(l -> assertThat(l.late()).isEqualTo(1));
	}

	@Test
	void theFiguresPageAndTheNoticeReadLikeTheNationalOnes() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.leader");
		int year = YearMonth.now(ChinaTime.ZONE).minusMonths(1).getYear();
		mvc.perform(get("/complaints/figures").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"by-brand\"")))
			.andExpect(content().string(containsString("延误")));
		byte[] docx = mvc.perform(get("/complaints/figures/notice.docx").param("from", year + "-01").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx));
				var text = new XWPFWordExtractor(doc)) {
			// the rates as a number, or 不可比 while the period's 快递业务量 is incomplete (ComplaintRatesCaveatIntegrationTest)
			assertThat(text.getText()).contains("邮政业用户申诉情况通告")
				.containsPattern("申诉率为百万分之[\\d.]+|申诉率和有效申诉率不可比").contains("延误").doesNotContain("${");
		}
		mvc.perform(get("/complaints/figures/brand.xlsx").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/complaints/figures").param("region", "3206").session(staff)).andExpect(status().isForbidden());
	}

	/**
	 * The figures by county are exported as the page shows them: each county by its name, not its code (attack round
	 * 19: county.xlsx listed 320505, 320506 … where the page names 虎丘区, 吴中区 …).
	 */
	@Test
	void theFiguresByCountyAreExportedByTheCountysName() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.leader");
		String from = (YearMonth.now(ChinaTime.ZONE).getYear() - 1) + "-01";
		String to = YearMonth.now(ChinaTime.ZONE).toString();
		List<String> counties = ExportedRows.column(ExportedRows.of(mvc, staff, "/complaints/figures/county.xlsx", "from", from,
				"to", to), 0);
		assertThat(counties).as("the demo city's complaints lie in its counties").isNotEmpty()
			.noneMatch(c -> c.matches("\\d+")).contains("吴中区");
		String page = mvc.perform(get("/complaints/figures").param("from", from).param("to", to).session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(counties).allSatisfy(c -> assertThat(page).contains(">" + c + "<"));
	}

	static final byte[] PNG = TestImages.png(4, 3);

	@Test
	void evidenceIsCheckedByContentAndShownOnlyToThoseWhoSeeTheComplaint() throws Exception {
		String waybill = "SF" + org.youguan.RandomDigits.of(9);
		var forged = new MockMultipartFile("files", "照片.png", "image/png", "<html>not an image".getBytes());
		mvc.perform(MockMvcRequestBuilders.multipart("/public/complaints/new")
			.file(forged).params(form(waybill, "破损")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是JPEG、PNG图片或PDF文件")))
			.andExpect(content().string(not(containsString("申诉已提交"))));
		var photo = new MockMultipartFile("files", "破损照片.png", "application/octet-stream", PNG);
		String page = mvc.perform(MockMvcRequestBuilders.multipart("/public/complaints/new")
			.file(photo).params(form(waybill, "破损")).with(csrf()))
			.andExpect(content().string(containsString("申诉已提交")))
			.andReturn().getResponse().getContentAsString();
		String number = page.replaceAll("(?s).*id=\"complaint-number\">([^<]+)<.*", "$1");
		long id = queries.list(DataScope.region("320506"), ComplaintQueries.Filter.NONE, new PageQuery(number, 0, 5, null, false))
			.items().get(0).id();
		var attachments = queries.attachments(DataScope.region("320506"), id);
		assertThat(attachments).singleElement().satisfies(a -> assertThat(a.contentType()).isEqualTo("image/png"));
		String link = "/attachments/" + attachments.get(0).id();
		mvc.perform(get("/complaints/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(content().string(containsString(link)));
		mvc.perform(get(link).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(MockMvcResultMatchers.header().string("Content-Type", "image/png"));
		mvc.perform(get(link).session(SignIn.session(mvc, "xc.staff"))).andExpect(status().isNotFound());
		var six = MockMvcRequestBuilders.multipart("/public/complaints/new");
		for (int i = 0; i < 6; i++) {
			six.file(new MockMultipartFile("files", i + ".png", "image/png", PNG));
		}
		mvc.perform(six.params(form("YD" + waybill, "破损")).with(csrf())).andExpect(content().string(containsString("附件最多5个")));
	}

	@Test
	void aPublishedNoticeIsOnThePublicPortalAsPublished() throws Exception {
		// a month of the city not published yet (the demo publishes this year's; a period is published once)
		YearMonth month = ComplaintNoticePublicationIntegrationTest.freeMonth(jdbc, "3205");
		String location = mvc.perform(post("/complaints/figures/publish").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("from", month.toString()).param("to", month.toString()))
			.andExpect(redirectedUrlPattern("/public/complaints/notices/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get("/public/complaints/notices"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("江苏省苏州市")));
		mvc.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("邮政业用户申诉情况通告")))
			.andExpect(content().string(containsString("id=\"notice-brands\"")))
			.andExpect(content().string(not(Matchers.matchesPattern("(?s).*1[3-9]\\d{9}.*"))));
		mvc.perform(post("/complaints/figures/publish").session(SignIn.session(mvc, "sz.leader")).with(csrf()))
			.andExpect(status().isForbidden());
	}
}
