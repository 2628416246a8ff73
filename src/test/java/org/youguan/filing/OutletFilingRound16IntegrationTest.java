package org.youguan.filing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletFilingDecision;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 16 on outlet filing: a change filing cannot move the opening day (which washed out a late filing) nor be
 * dated before it; an outlet run by a branch can be filed with its parent's authorisation, and only through one of the
 * filer's own branches; a reversed metrics period is refused; the audit history names a job's change 系统.
 */
@IntegrationTest
class OutletFilingRound16IntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	OutletFilings filings;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	FilingFixture fixture;

	CurrentUser sf() {
		return fixture.shunfeng();
	}

	@Test
	void aChangeFilingCannotMoveTheOpeningDayNorBeDatedBeforeIt() {
		LocalDate today = LocalDate.now(clock);
		LocalDate opened = today.minusDays(40);
		long outletId = fixture.filedOutlet(opened);

		OutletData washed = OutletFilingIntegrationTest.outlet(today.minusDays(1));
		assertThatThrownBy(() -> filings.submitChange(sf(), outletId, washed, today, "更正开办日期", List.of()))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("openedOn");
				assertThat(e.rule()).isEqualTo("not-changeable");
				assertThat(e.message()).contains("开办日期不是变更备案事项", ChineseText.day(opened));
			}));
		OutletData renamed = OutletFilingIntegrationTest.outlet(opened);
		assertThatThrownBy(() -> filings.submitChange(sf(), outletId, renamed, LocalDate.of(2001, 1, 1), "更换负责人", List.of()))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("changedOn");
				assertThat(e.rule()).isEqualTo("before-opening");
			}));

		// left blank, the opening day is the recorded one; the approved change keeps it
		long change = filings.submitChange(sf(), outletId, renamed.withOpenedOn(null), today, "更名", List.of());
		filings.approve(WUZHONG, change, null);
		await().untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).name()).isEqualTo(renamed.name()));
		assertThat(outlets.get(WUZHONG, outletId).openedOn()).isEqualTo(opened);
	}

	/**
	 * Attack round 17: in the filing API a change filing's day is its changedOn — not an openedOn that read as the
	 * outlet's opening day while the outlet's is another — and a new outlet's filing carries its openedOn only.
	 */
	@Test
	void theFilingApiNamesAChangesDayChangedOnAndANewOutletsOpenedOn() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate opened = today.minusDays(45);
		long newFiling = filings.submitNew(sf(), OutletFilingIntegrationTest.outlet(opened),
				OutletFilingIntegrationTest.completeAttachments());
		mvc.perform(get("/api/v1/enterprise/filings/" + newFiling).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filing.openedOn").value(opened.toString()))
			.andExpect(jsonPath("$.filing.changedOn").value(nullValue()));
		filings.approve(WUZHONG, newFiling, null);
		long outletId = fixture.awaitFiled(newFiling).id();
		LocalDate changed = today.minusDays(3);
		long change = filings.submitChange(sf(), outletId, OutletFilingIntegrationTest.outlet(opened).withOpenedOn(null),
				changed, "更名", List.of());
		mvc.perform(get("/api/v1/enterprise/filings/" + change).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filing.kind").value("CHANGE"))
			.andExpect(jsonPath("$.filing.changedOn").value(changed.toString()))
			.andExpect(jsonPath("$.filing.openedOn").value(nullValue()))
			.andExpect(jsonPath("$.outlet.current.openedOn").value(opened.toString()));
		mvc.perform(get("/api/v1/enterprise/filings").header("Authorization", "Bearer demo-sf-wz-token")
				.param("q", filings.get(WUZHONG, change).number()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(change))
			.andExpect(jsonPath("$.items[0].changedOn").value(changed.toString()))
			.andExpect(jsonPath("$.items[0].openedOn").value(nullValue()));
	}

	/** A change approved with another opening day (one filed before the fix) does not move it in the registry either. */
	@Test
	void theRegistryKeepsTheOpeningDayOfAnApprovedChange() {
		LocalDate opened = LocalDate.now(clock).minusDays(30);
		long outletId = fixture.filedOutlet(opened);
		long enterpriseId = enterprises.findByCreditCode(sf().enterpriseCreditCode()).orElseThrow().id();
		OutletData moved = outlets.check(DataScope.all(),
				OutletFilingIntegrationTest.outlet(LocalDate.now(clock).minusDays(2)).withEnterprise(enterpriseId), outletId);
		tx.executeWithoutResult(s -> events.publishEvent(new OutletFilingDecision.ChangeApproved(0, outletId, outlets.seal(moved))));
		await().untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).name()).isEqualTo(moved.name()));
		assertThat(outlets.get(WUZHONG, outletId).openedOn()).isEqualTo(opened);
	}

	@Test
	void theChangePageShowsTheOpeningDayReadOnlyAndRefusesAnother() throws Exception {
		LocalDate opened = LocalDate.now(clock).minusDays(35);
		long outletId = fixture.filedOutlet(opened);
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		assertThat(mvc.perform(get("/enterprise/outlets/" + outletId + "/change").session(enterprise))
			.andReturn().getResponse().getContentAsString()).containsPattern("id=\"openedOn\"[^>]*readonly");
		MultiValueMap<String, String> form = FilingFormAttachmentsIntegrationTest.outletForm("改期网点" + System.nanoTime() % 100000,
				LocalDate.now(clock).minusDays(1).toString());
		form.add("changeDescription", "更正开办日期");
		form.add("changedOn", LocalDate.now(clock).toString());
		mvc.perform(multipart("/enterprise/outlets/" + outletId + "/change").params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"openedOn\"")))
			.andExpect(content().string(containsString("开办日期不是变更备案事项")));
		form.set("openedOn", opened.toString());
		form.set("changedOn", "2001-01-01");
		mvc.perform(multipart("/enterprise/outlets/" + outletId + "/change").params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"changedOn\"")))
			.andExpect(content().string(containsString("变更日期不能早于网点开办日期")));
		assertThat(outlets.get(WUZHONG, outletId).openedOn()).isEqualTo(opened);
	}

	String outletJson(Long branchId) {
		return EnterpriseFilingApiIntegrationTest.outletJson("分支网点" + UUID.randomUUID().toString().substring(0, 6),
				EnterpriseFilingApiIntegrationTest.validId(), LocalDate.now(clock).minusDays(3))
			.replace("\"cooperation\"", "\"branchId\": " + branchId + ", \"cooperation\"");
	}

	org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder submission(String json,
			boolean authorisation) {
		var request = multipart("/api/v1/enterprise/filings");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", PdfFiles.blankPage()));
		request.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		request.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		if (authorisation) {
			request.file(new MockMultipartFile("authorisation", "授权书.pdf", "application/pdf", PdfFiles.blankPage()));
		}
		return request.header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN);
	}

	long filingCount() {
		return jdbc.sql("SELECT count(*) FROM outlet_filing").query(Long.class).single();
	}

	@Test
	void anOutletRunByOwnBranchIsFiledByApiWithTheParentsAuthorisation() throws Exception {
		long branch = fixture.ownBranch();
		mvc.perform(submission(outletJson(branch), false))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("attachments.AUTHORISATION")));
		mvc.perform(submission(outletJson(branch), true))
			.andExpect(status().isCreated());
		long id = jdbc.sql("SELECT max(id) FROM outlet_filing").query(Long.class).single();
		assertThat(filings.attachments(WUZHONG, id)).extracting(a -> a.kind()).contains("AUTHORISATION");
		// a file that is no PDF or image is refused on the authorisation as on the other parts
		var bad = multipart("/api/v1/enterprise/filings");
		bad.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE,
				outletJson(branch).getBytes(StandardCharsets.UTF_8)));
		bad.file(new MockMultipartFile("authorisation", "授权书.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)));
		mvc.perform(bad.header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("attachments.AUTHORISATION")));
	}

	@Test
	void anotherEnterprisesBranchIsRefusedAndNothingIsFiled() throws Exception {
		long before = filingCount();
		mvc.perform(submission(outletJson(fixture.othersBranch()), true))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("branchId")))
			.andExpect(content().string(containsString("不是本企业已备案的分支机构")));
		assertThat(filingCount()).isEqualTo(before);
	}

	@Test
	void thePortalFormOffersTheOwnBranchesAndTheAuthorisationAndRefusesAnothersBranch() throws Exception {
		long branch = fixture.ownBranch();
		String name = jdbc.sql("SELECT name FROM branch WHERE id = :id").param("id", branch).query(String.class).single();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String page = mvc.perform(get("/enterprise/filings/new").session(enterprise)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"branchId\"", "name=\"authorisation\"", name);
		String others = jdbc.sql("SELECT name FROM branch WHERE id = :id").param("id", fixture.othersBranch()).query(String.class).single();
		assertThat(page).doesNotContain(">" + others + "<");

		long before = filingCount();
		MultiValueMap<String, String> form = FilingFormAttachmentsIntegrationTest.outletForm(
				"分支门户网点" + System.nanoTime() % 100000, LocalDate.now(clock).minusDays(2).toString());
		form.add("branchId", String.valueOf(fixture.othersBranch()));
		mvc.perform(multipart("/enterprise/filings/new").params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"branchId\"")));
		form.set("branchId", String.valueOf(branch));
		mvc.perform(multipart("/enterprise/filings/new")
			.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", PdfFiles.blankPage()))
			.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)))
			.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)))
			.file(new MockMultipartFile("authorisation", "授权书.pdf", "application/pdf", PdfFiles.blankPage()))
			.params(form).session(enterprise).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(filingCount()).isEqualTo(before + 1);
	}

	@Test
	void aReversedMetricsPeriodIsRefusedAsTheOtherFiguresRefuseIt() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/filing/metrics").param("from", "2026-12-31").param("to", "2020-01-01").session(staff))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("截止日期不能早于起始日期")));
		mvc.perform(get("/filing/metrics").param("from", "2026-01-01").param("to", "2026-01-01").session(staff))
			.andExpect(status().isOk());
	}

	/**
	 * The 备案统计 of a region (attack 48: the region was ignored, and there was no API nor export): the page, its .xlsx
	 * and {@code GET /api/v1/filing/figures} count the same filings of the region asked for, read as 320500 or 3205;
	 * a region outside the caller's scope is refused.
	 */
	@Test
	void theFilingFiguresAreARegionsOnPageApiAndSheet() throws Exception {
		String from = LocalDate.now(clock).withDayOfYear(1).toString();
		long completed = jdbc.sql("SELECT count(*) FROM outlet_filing WHERE status = 'APPROVED' AND region_code LIKE '320506%'"
				+ " AND completed_on BETWEEN :from AND :to").param("from", LocalDate.parse(from))
			.param("to", LocalDate.now(clock)).query(Long.class).single();
		mvc.perform(get("/api/v1/filing/figures").param("region", "320506").param("from", from)
			.header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total.completed").value(completed))
			.andExpect(jsonPath("$.byCounty[*].key").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("320506"))));
		mvc.perform(get("/api/v1/filing/figures").param("region", "320500").header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/filing/figures").param("region", "3201").header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/filing/figures").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden());
		MockHttpSession staff = SignIn.session(mvc, "sz.office");
		mvc.perform(get("/filing/metrics").param("region", "320506").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("完成备案" + completed + "家")));
		List<List<String>> sheet = ExportedRows.of(mvc, staff, "/filing/metrics.xlsx", "region", "320506", "from", from);
		// exports2 finding 1: the title names the region (not its code) and writes its days as Chinese text does
		assertThat(sheet.get(0).get(0)).doesNotContain("320506", from)
			.isEqualTo("备案统计（江苏省苏州市吴中区，" + ChineseText.day(LocalDate.parse(from)) + "至"
					+ ChineseText.day(LocalDate.now(clock)) + "）");
		// finding (the sheet's title stayed Chinese in English): worded by its key with the region's name and ISO days
		assertThat(ExportedRows.of(mvc, staff, "/filing/metrics.xlsx", "region", "320506", "from", from, "lang", "en")
			.get(0).get(0)).isEqualTo("Filing figures (江苏省苏州市吴中区, " + from + " to " + LocalDate.now(clock) + ")");
		assertThat(sheet.get(1)).startsWith("合计", String.valueOf(completed));
		// an address whose number is no number names nothing: 404, not a 400 quoting the range of a long
		mvc.perform(get("/filing/figures").session(staff)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/complaints/figure").header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].rule").value("not-found"));
	}

	/** The registry records a filed outlet on hearing the decision, as no one signed in: the history says 系统. */
	@Test
	void theHistoryShowsAJobsChangeAsSystemInChinese() throws Exception {
		long outletId = fixture.filedOutlet(LocalDate.now(clock).minusDays(5));
		String page = mvc.perform(get("/registry/outlets/" + outletId).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<td>系统</td>").doesNotContain("<td>system</td>");
		assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE object_type = 'TerminalOutlet' AND object_id = :id")
			.param("id", String.valueOf(outletId)).query(String.class).list()).as("stored as recorded").contains("system");
	}
}
