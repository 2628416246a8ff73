package org.youguan.universal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.EnterpriseTokens;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.documents.TemplateFiles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.UserDirectory;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.security.ApiTokens;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.universal.ApprovalFixture.POSTAL;
import static org.youguan.universal.ApprovalFixture.SHUNFENG;
import static org.youguan.universal.ApprovalFixture.WUZHONG;
import static org.youguan.universal.ApprovalFixture.XIANGCHENG;

/**
 * Issue 18: the documents of a post-office closure/relocation approval (邮政法(2015) art.9). A decision gets its 文号
 * from the numbering module (sequential per bureau and year) and its 决定书 — approved or refused wording, the
 * refusal's reasons and remedies — and a recorded notice its 公告, each a .docx read back here with POI, kept with the
 * approval, listed on its page and in the API, and served only to the region's staff and the applying enterprise.
 * Imported past approvals keep their real number (unique in the city) and get no document.
 */
@IntegrationTest
class PostOfficeApprovalDocumentsIntegrationTest {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** A 2026 decision of 吴中's bureau in the official form (numbering.OfficialNumbers: 审批). */
	static final String NUMBER = "苏吴邮管审批〔2026〕[1-9]\\d*号";

	@Autowired
	StatutoryRules rules;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TransactionTemplate tx;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anApprovalIssuesANumberedDecisionAndTheNoticeItsPublicNotice() throws Exception {
		at("2026-09-21");
		long office = fixture().newPostOffice("320506");
		long id = checked(office, "CLOSURE", "所在村整体拆迁", null);
		String json = fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "approval", "{\"reasons\":\"服务由相邻支局承担\",\"alternativeOffice\":\"木渎邮政支局（木渎镇中山路1号）\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionNumber", matchesPattern(NUMBER)))
			.andExpect(jsonPath("$.alternativeOffice").value("木渎邮政支局（木渎镇中山路1号）"))
			.andExpect(jsonPath("$.documents.length()").value(1))
			.andExpect(jsonPath("$.documents[0].kind").value("DECISION"))
			.andExpect(jsonPath("$.documents[0].title").value("准予撤销邮政普遍服务营业场所决定书"))
			.andExpect(jsonPath("$.documents[0].issuedOn").value("2026-09-21"))
			.andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(json, "$.decisionNumber");
		assertThat(JsonPath.<String>read(json, "$.documents[0].number")).isEqualTo(number);
		String decision = TemplateFiles.text(download(WUZHONG, JsonPath.read(json, "$.documents[0].href")));
		assertThat(decision).contains("苏州市吴中区邮政管理局", "准予撤销邮政普遍服务营业场所决定书", number, "中国邮政",
				officeName(office), "测试地址", "撤销", "《中华人民共和国邮政法》第九条", "2026年9月21日", "所在村整体拆迁",
				"周边2公里内有木渎邮政支局", "村委会、镇政府同意", "服务由相邻支局承担", "准予你单位撤销该营业场所",
				"木渎邮政支局（木渎镇中山路1号）")
			.doesNotContain("${", "行政复议");
		assertThat(download(POSTAL, JsonPath.read(json, "$.documents[0].href"))).as("the applying enterprise reads it")
			.isNotEmpty();

		at("2026-09-28");
		String announced = fixture().step(WUZHONG, id, "notice",
				"{\"announcedOn\":\"2026-09-28\",\"channel\":\"区政府网站\",\"effectiveOn\":\"2026-10-15\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANNOUNCED"))
			.andExpect(jsonPath("$.effectiveOn").value("2026-10-15"))
			.andExpect(jsonPath("$.documents[*].kind", hasItems("DECISION", "NOTICE")))
			.andExpect(jsonPath("$.documents[1].issuedOn").value("2026-09-28"))
			.andReturn().getResponse().getContentAsString();
		String notice = TemplateFiles.text(download(WUZHONG, JsonPath.read(announced, "$.documents[1].href")));
		assertThat(notice).contains("关于撤销邮政普遍服务营业场所“" + officeName(office) + "”的公告", "中国邮政", "测试地址",
				"自2026年10月15日起停止营业，予以撤销", "木渎邮政支局（木渎镇中山路1号）", number, "苏州市吴中区邮政管理局",
				"2026年9月28日", "特此公告")
			.doesNotContain("${");

		List<String> summaries = jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'PostOfficeApproval' "
				+ "AND object_id = :id AND action IN ('post-office.approval.approve', 'post-office.approval.announce') ORDER BY id")
			.param("id", Long.toString(id)).query(String.class).list();
		assertThat(summaries).hasSize(2);
		assertThat(summaries.get(0)).contains(number, "准予撤销邮政普遍服务营业场所决定书");
		assertThat(summaries.get(1)).contains("2026年10月15日", "公告");
	}

	@Test
	void aRefusalStatesItsReasonsAndTheRemedies() throws Exception {
		long id = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "业务量下降", null);
		String json = fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"撤销后周边村民用邮不便。\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.decisionNumber", matchesPattern("苏吴邮管审批〔\\d{4}〕[1-9]\\d*号")))
			.andExpect(jsonPath("$.documents[0].title").value("不予批准撤销邮政普遍服务营业场所决定书"))
			.andReturn().getResponse().getContentAsString();
		String text = TemplateFiles.text(download(WUZHONG, JsonPath.read(json, "$.documents[0].href")));
		assertThat(text).contains("不予批准撤销邮政普遍服务营业场所决定书", JsonPath.read(json, "$.decisionNumber"),
				"不予批准你单位撤销该营业场所", "理由如下：撤销后周边村民用邮不便。", "本机关对你单位的申请进行了审查",
				"六十日内依法向", "申请行政复议", "六个月内依法向有管辖权的人民法院提起行政诉讼", "继续在原址", "《中华人民共和国邮政法》第九条")
			.doesNotContain("${", "不便。。");
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'PostOfficeApproval' AND object_id = :id "
				+ "AND action = 'post-office.approval.refuse'").param("id", Long.toString(id)).query(String.class).single())
			.contains(JsonPath.<String>read(json, "$.decisionNumber"));
	}

	/**
	 * The decision is served on the applying enterprise: an ID or mobile number in the staff's reasons (a villager's who
	 * objected) is printed masked, as every document served on a party prints it (attack round 20).
	 */
	@Test
	void theDecisionServedOnTheApplicantMasksPersonalNumbers() throws Exception {
		long id = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "业务量下降", null);
		String json = fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal",
				"{\"reasons\":\"村民王某（手机13912345678，身份证320506198505057771）反映撤销后用邮不便。\"}")
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(TemplateFiles.text(download(WUZHONG, JsonPath.read(json, "$.documents[0].href"))))
			.contains("村民王某（手机139****5678，身份证320506********7771）")
			.doesNotContain("13912345678").doesNotContain("320506198505057771");
	}

	@Test
	void aRelocationsDecisionAndNoticeNameTheNewAddress() throws Exception {
		at("2026-09-21");
		long id = checked(fixture().newPostOffice("320506"), "RELOCATION", "原址租约到期", "吴中区木渎镇新址路8号");
		String json = fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "approval", "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[0].title").value("准予搬迁邮政普遍服务营业场所决定书"))
			.andReturn().getResponse().getContentAsString();
		assertThat(TemplateFiles.text(download(WUZHONG, JsonPath.read(json, "$.documents[0].href"))))
			.contains("准予你单位将该营业场所搬迁至吴中区木渎镇新址路8号", "吴中区木渎镇新址路8号", "原址租约到期");
		String announced = fixture().step(WUZHONG, id, "notice", "{\"announcedOn\":\"2026-09-21\",\"channel\":\"营业场所张贴\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.effectiveOn").value("2026-09-21"))
			.andReturn().getResponse().getContentAsString();
		assertThat(TemplateFiles.text(download(POSTAL, JsonPath.read(announced, "$.documents[1].href"))))
			.contains("关于搬迁邮政普遍服务营业场所", "自2026年9月21日起迁至新址（吴中区木渎镇新址路8号）营业");
	}

	@Test
	void decisionNumbersFollowEachOtherAndAnImportCannotReuseOne() throws Exception {
		at("2026-09-21");
		long first = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "一", null);
		long second = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "二", null);
		String a = number(fixture().step(ApprovalFixture.WUZHONG_HEAD, first, "refusal", "{\"reasons\":\"不便\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		String b = number(fixture().step(ApprovalFixture.WUZHONG_HEAD, second, "refusal", "{\"reasons\":\"不便\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(a).matches(NUMBER);
		long sequence = OfficialNumbers.parse(PostOfficeApprovals.NUMBER_TYPE, a).orElseThrow().sequence();
		assertThat(b).isEqualTo("苏吴邮管审批〔2026〕" + (sequence + 1) + "号");
		// a real number an import brings may not repeat one the platform issued in the city, even from another county
		mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", "Bearer demo-sz-leader-token")
			.contentType(MediaType.APPLICATION_JSON).content(importedOf2026(fixture().newPostOffice("320507"), b)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decisionNumber"))
			.andExpect(jsonPath("$.errors[0].message", containsString(b)));
		// a past approval imported with the number the series would give next (the bureau's paper decisions bore that
		// form) keeps it, and the series passes over it
		String paper = "苏吴邮管审批〔2026〕" + (sequence + 2) + "号";
		mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content(importedOf2026(fixture().newPostOffice("320506"), paper)))
			.andExpect(status().isCreated());
		long third = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "三", null);
		assertThat(number(fixture().step(ApprovalFixture.WUZHONG_HEAD, third, "refusal", "{\"reasons\":\"不便\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString())).isEqualTo("苏吴邮管审批〔2026〕" + (sequence + 3) + "号");
	}

	@Test
	void onlyTheRegionsStaffAndTheApplyingEnterpriseDownloadTheDocuments() throws Exception {
		long id = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "下载权限", null);
		String href = JsonPath.read(fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"不便\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.documents[0].href");
		mvc.perform(get(href).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(DOCX));
		mvc.perform(get(href).header("Authorization", "Bearer demo-sz-leader-token")).andExpect(status().isOk());
		mvc.perform(get(href).header("Authorization", POSTAL)).andExpect(status().isOk());
		// a county outside, another enterprise of the county, an enterprise of another county
		mvc.perform(get(href).header("Authorization", XIANGCHENG)).andExpect(status().isNotFound());
		mvc.perform(get(href).header("Authorization", SHUNFENG)).andExpect(status().isNotFound());
		mvc.perform(get(href).header("Authorization", enterpriseOfAnotherRegion())).andExpect(status().isNotFound());
		mvc.perform(get(href)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
	}

	@Test
	void anImportedApprovalKeepsItsRealNumberAndGetsNoDocument() throws Exception {
		String real = "吴邮管〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
		String created = mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content(imported(fixture().newPostOffice("320506"), real)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(true))
			.andExpect(jsonPath("$.decisionNumber").value(real))
			.andExpect(jsonPath("$.documents.length()").value(0));
		mvc.perform(get("/api/v1/universal/post-office-approvals").param("q", real).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].decisionNumber").value(real));
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'PostOfficeApproval' AND object_id = :id")
			.param("id", Long.toString(id)).query(String.class).single()).contains(real);
		// the same number again: by JSON (400), in a sheet against the stored one and against an earlier row (422)
		mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content(imported(fixture().newPostOffice("320506"), real)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decisionNumber"));
		String fresh = "吴邮管〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
		String office = Long.toString(fixture().newPostOffice("320506"));
		List<String> header = new ArrayList<>(PostOfficeApprovalImport.HEADERS);
		header.add(PostOfficeApprovalImport.NUMBER);
		byte[] sheet = Workbooks.sheet(header, List.of(
				List.of(office, "撤销", "拆迁", "2025-05-06", "不予批准", "2025-05-20", real),
				List.of(office, "撤销", "拆迁", "2025-06-06", "不予批准", "2025-06-20", fresh),
				List.of(office, "撤销", "拆迁", "2025-07-06", "不予批准", "2025-07-20", fresh)));
		mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, sheet))
			.header("Authorization", ApprovalFixture.WUZHONG_HEAD))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field", hasItems("第2行·决定文号", "第4行·决定文号")))
			.andExpect(jsonPath("$.errors[*].message", hasItems(containsString("与第3行重复"))));
		byte[] good = Workbooks.sheet(header, List.of(List.of(office, "撤销", "拆迁", "2025-06-06", "不予批准", "2025-06-20", fresh)));
		mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, good))
			.header("Authorization", ApprovalFixture.WUZHONG_HEAD))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT count(*) FROM post_office_approval WHERE decision_number = :n").param("n", fresh)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theDocumentsAreFilledWithExactlyTheirDeclaredFields() {
		PostOfficeDocuments.Parties parties = new PostOfficeDocuments.Parties("某邮政公司", "91320500MA0000000X", "某路1号", "某局");
		PostOfficeApproval approved = new PostOfficeApproval(1, ApprovalKind.RELOCATION, 2, "某支局", "320506001",
				"91320500MA0000000X", "租约到期", "新址路8号", ApprovalStatus.ANNOUNCED, d("2026-09-01"), d("2026-09-29"), false,
				null, null, d("2026-09-02"), "核查", "同意", d("2026-09-03"), null, "wz.staff", d("2026-09-17"),
				d("2026-09-04"), "网站", false, false, "营业场所审批-320506-2026-000001", null, d("2026-09-05"), null, false,
				false, false, List.of());
		assertThat(PostOfficeDocuments.decisionFields(approved, parties, "救济途径").keySet())
			.containsExactlyInAnyOrderElementsOf(PostOfficeDocuments.DECISION_TEMPLATE.fields());
		assertThat(PostOfficeDocuments.noticeFields(approved, parties).keySet())
			.containsExactlyInAnyOrderElementsOf(PostOfficeDocuments.NOTICE_TEMPLATE.fields());
		assertThat(PostOfficeDocuments.decisionFields(approved, parties, "救济途径").values()).doesNotContainNull();
		assertThat(PostOfficeDocuments.noticeFields(approved, parties).values()).doesNotContainNull();
	}

	/** The enterprise's page answers an application with the decision period as the rule catalogue has it. */
	@Test
	void theEnterprisesApplicationIsAnsweredWithTheDecisionPeriodOfTheRuleCatalogue() throws Exception {
		long office = fixture().newPostOffice("320506");
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		mvc.perform(post("/enterprise/post-offices/approvals").session(enterprise).with(csrf())
			.param("facilityId", String.valueOf(office)).param("kind", "CLOSURE").param("reason", "页面申请期限"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "申请已提交，邮政管理部门将在受理后"
					+ rules.stated(StatutoryRule.UNIVERSAL_CLOSURE_DECISION, StatutoryRule.NATIONAL_REGION) + "内作出决定"));
	}

	@Test
	void thePagesShowTheNumberAndTheDocuments() throws Exception {
		long id = fixture().apply(POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "页面文书", null);
		String json = fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"不便\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String number = number(json);
		String href = JsonPath.read(json, "$.documents[0].href");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/post-office-approvals/" + id).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("不予批准撤销邮政普遍服务营业场所决定书")))
			.andExpect(content().string(containsString(href)));
		mvc.perform(get("/universal/post-office-approvals").param("q", number).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)));
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/enterprise/post-offices/approvals/" + id).session(enterprise))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(href)));
		mvc.perform(get("/enterprise/post-offices").session(enterprise))
			.andExpect(content().string(containsString(number)));
	}

	@Test
	void badDecisionAndNoticeInputIsA400NamingTheFieldAndIssuesNothing() throws Exception {
		at("2026-09-21");
		long id = checked(fixture().newPostOffice("320506"), "CLOSURE", "校验", null);
		fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"不便\",\"alternativeOffice\":\"某支局\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("alternativeOffice"));
		fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "approval", "{\"alternativeOffice\":\"" + "长".repeat(301) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("alternativeOffice"));
		// printed in one line of the decision and the public notice (rule line-break)
		fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "approval", "{\"alternativeOffice\":\"木渎邮政支局\\n中山路1号\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("alternativeOffice"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		assertThat(documents(id)).isZero();
		fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "approval", "{}").andExpect(status().isOk());
		fixture().step(WUZHONG, id, "notice", "{\"announcedOn\":\"2026-09-21\",\"channel\":\"网站\",\"effectiveOn\":\"2026-09-20\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveOn"));
		// a notice day refused (after today) gives the effective day no range of its own: only the notice day is told,
		// and an effective day a valid notice could have is not refused by a range computed from the refused day
		fixture().step(WUZHONG, id, "notice", "{\"announcedOn\":\"2027-06-01\",\"channel\":\"网站\",\"effectiveOn\":\"2026-10-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("announcedOn"));
		assertThat(documents(id)).as("the decision only").isEqualTo(1);
	}

	/** An application of the postal enterprise, site-checked by the county. */
	private long checked(long office, String kind, String reason, String address) throws Exception {
		long id = fixture().apply(POSTAL, office, kind, reason, address);
		fixture().step(WUZHONG, id, "site-check",
				"{\"checkedOn\":\"" + LocalDate.now(clock) + "\",\"findings\":\"周边2公里内有木渎邮政支局\",\"consultation\":\"村委会、镇政府同意\"}")
			.andExpect(status().isOk());
		return id;
	}

	private byte[] download(String token, String href) throws Exception {
		return mvc.perform(get(href).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(DOCX))
			.andReturn().getResponse().getContentAsByteArray();
	}

	private String officeName(long office) {
		return jdbc.sql("SELECT facility_name FROM post_office_approval WHERE facility_id = :id LIMIT 1").param("id", office)
			.query(String.class).single();
	}

	private long documents(long id) {
		return jdbc.sql("SELECT count(*) FROM attachment WHERE module = 'universal' AND owner_type = 'post_office_approval' "
				+ "AND owner_id = :id").param("id", id).query(Long.class).single();
	}

	private static String number(String json) {
		return JsonPath.read(json, "$.decisionNumber");
	}

	/**
	 * A past approval decided in 2026, so a 2026 number of the official form passes the rule that its year is the
	 * decision's (an import of 2025 with a 2026 number is refused on that first).
	 */
	private static String importedOf2026(long office, String number) {
		return imported(office, number).replace("\"2025-", "\"2026-");
	}

	private static String imported(long office, String number) {
		return "{\"facilityId\":" + office + ",\"kind\":\"撤销\",\"reason\":\"整体拆迁\",\"receivedOn\":\"2025-03-03\","
				+ "\"checkedOn\":\"2025-03-14\",\"decision\":\"批准\",\"decidedOn\":\"2025-03-25\",\"announcedOn\":\"2025-04-01\","
				+ "\"noticeChannel\":\"区政府网站\",\"decisionNumber\":\"" + number + "\"}";
	}

	/** A token of a user of an enterprise registered outside 吴中区. */
	private String enterpriseOfAnotherRegion() {
		String other = enterprises.list(DataScope.region("3205"), Enterprises.Filter.NONE, new PageQuery("", 0, 200, null, false))
			.items().stream()
			.filter(e -> e.regionCode() != null && !e.regionCode().startsWith("320506"))
			.map(e -> e.creditCode())
			.findFirst()
			.orElseThrow();
		return EnterpriseTokens.bearer(other, users, directory, tokens, tx);
	}

	private ApprovalFixture fixture() {
		return new ApprovalFixture(mvc, jdbc, facilities);
	}

	private void at(String day) {
		clock.set(LocalDateTime.of(d(day), LocalTime.of(10, 0)));
	}

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}
}
