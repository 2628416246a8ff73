package org.youguan.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.ViolationType;

/**
 * Who takes a case's head-only steps and what the party's side holds: 立案, 决定, 撤案, extension and the approval of
 * deferred payment are the handling bureau's own head's (行政处罚法(2021) art.57) — the city's head is refused on a
 * Wuzhong case, and a 集体讨论 lists the deciding head; a waiver typed as a statement is refused (the waiver is the
 * party's signed act) and a statement made is reviewed by the decision, whose 决定书 states the review (art.45); a
 * person is no party to a duty only enterprises bear; the enterprise reads its decision only once served and sees
 * the handover it made.
 */
@IntegrationTest
class HandlingBureauAndPartyIntegrationTest extends ClockedSteps {

	static final String CITY_HEAD = "Bearer demo-sz-leader-token";

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String SF = "Bearer demo-sf-wz-token";

	@Autowired
	Enterprises enterprises;

	@Autowired
	PenaltyCases cases;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDocuments documents;

	@Autowired
	CaseWork caseWork;

	@Autowired
	UserDirectory directory;

	EnterpriseView wuzhong(int i) {
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 10, "legal_name", "asc"))
			.items().get(i);
	}

	static ResultActions refusedAsNotTheHandlingHead(ResultActions r) throws Exception {
		return r.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("head"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-handling-bureau-head"));
	}

	String caseStatus(long id) {
		return jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	String text(long caseId, CaseDocumentKind kind) throws Exception {
		return text(mvc, documents, caseId, kind);
	}

	/** The text of the case's current document of {@code kind}, downloaded as the Wuzhong staff download it. */
	static String text(MockMvc mvc, CaseDocuments documents, long caseId, CaseDocumentKind kind) throws Exception {
		long attachment = documents.list(caseId).stream().filter(d -> d.kind() == kind && d.current()).findFirst()
			.orElseThrow().attachmentId();
		byte[] docx = mvc.perform(get("/attachments/" + attachment).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	/**
	 * Reissuing a document is the case's own workers' (处室工作人员, or the handling bureau's head): the city's head, who
	 * oversees a Wuzhong case, is refused on the API as the page offers him no form — an unserved document too, and
	 * nothing is reissued; the Wuzhong staff reissue it.
	 */
	@Test
	void aCityHeadReissuesNoDocumentOfAWuzhongCaseAsThePageOffersHimNone() throws Exception {
		long c = party.filed(wuzhong(3), "DATA_NOT_REPORTED", LocalDate.now(clock));
		CaseDocuments.IssuedDocument approval = documents.list(c).stream()
			.filter(d -> d.kind() == CaseDocumentKind.FILING_APPROVAL).findFirst().orElseThrow();
		String reissue = "/api/v1/enforcement/cases/" + c + "/documents/" + approval.id() + "/reissue";

		refusedAsNotTheHandlingHead(call(CITY_HEAD, reissue, "{\"reason\":\"更正笔误\"}"));
		assertThat(documents.list(c)).filteredOn(d -> d.kind() == CaseDocumentKind.FILING_APPROVAL).hasSize(1);
		mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "sz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"reissue-" + approval.id() + "\""))));

		call(WUZHONG, reissue, "{\"reason\":\"更正笔误\"}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
		mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reissue-")));
	}

	@Test
	void aCityHeadTakesNoHeadStepOfAWuzhongCaseAndTheDiscussionListsTheDecidingHead() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long lead = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"举报线索%s","receivedOn":"%s"}"""
			.formatted(wuzhong(2).creditCode(), UUID.randomUUID(), today)).andExpect(status().isCreated()));
		call(WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal",
				"{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today.minusDays(10) + "\"}").andExpect(status().isOk());
		refusedAsNotTheHandlingHead(call(CITY_HEAD, "/api/v1/enforcement/leads/" + lead + "/filing", "{}"));
		assertThat(jdbc.sql("SELECT status FROM penalty_lead WHERE id = :id").param("id", lead).query(String.class).single())
			.isEqualTo("PROPOSED");
		long c = PenaltyCaseIntegrationTest.id(call(HEAD, "/api/v1/enforcement/leads/" + lead + "/filing", "{}")
			.andExpect(status().isCreated()));
		String path = "/api/v1/enforcement/cases/" + c;
		mvc.perform(get(path).header("Authorization", WUZHONG)).andExpect(jsonPath("$.penaltyCase.filingApprovedBy").value("蒋局长"));
		assertThat(text(c, CaseDocumentKind.FILING_APPROVAL)).contains("蒋局长").doesNotContain("孙局长");

		refusedAsNotTheHandlingHead(call(CITY_HEAD, path + "/extension", "{\"reason\":\"需要委托鉴定\"}"));
		refusedAsNotTheHandlingHead(call(CITY_HEAD, path + "/withdrawal", "{\"reason\":\"违法事实不能成立\"}"));
		assertThat(caseStatus(c)).isEqualTo("FILED");
		assertThat(jdbc.sql("SELECT extended FROM penalty_case WHERE id = :id").param("id", c).query(Boolean.class).single()).isFalse();

		call(WUZHONG, path + "/investigation", PenaltyCaseIntegrationTest.TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, path + "/conclusion", "{\"report\":\"连续两月未报送数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}")
			.andExpect(status().isOk());
		call(WUZHONG, path + "/notice", "{\"on\":\"" + today + "\"}").andExpect(status().isOk());
		mvc.perform(multipart(path + "/statement-waiver")
			.file(new MockMultipartFile("file", "放弃声明.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("on", today.toString()).header("Authorization", WUZHONG)).andExpect(status().isOk());

		// the case page offers the decision to the handling bureau's head only
		String page = "/enforcement/cases/" + c;
		mvc.perform(get(page).session(SignIn.session(mvc, "sz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"decision-form\""))));
		mvc.perform(get(page).session(SignIn.session(mvc, "wz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"decision-form\"")));

		String decision = "{\"decidedOn\":\"" + today + "\",\"penalty\":\"FINE\",\"fine\":\"2000\"%s}";
		refusedAsNotTheHandlingHead(call(CITY_HEAD, path + "/decision", decision.formatted("")));
		assertThat(caseStatus(c)).isEqualTo("NOTIFIED");
		// a discussion whose participants leave out the head deciding is no discussion of the bureau's heads
		call(HEAD, path + "/decision", decision.formatted(",\"discussedOn\":\"" + today
				+ "\",\"discussionParticipants\":[\"孙局长\",\"李副局长\",\"王副局长\"],\"discussionConclusion\":\"同意\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].rule", hasItem("decider-not-in-discussion")));
		call(HEAD, path + "/decision", decision.formatted("")).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.decidedBy").value("蒋局长"));

		call(WUZHONG, path + "/delivery", "{\"on\":\"" + today + "\",\"method\":\"DIRECT\"}").andExpect(status().isOk());
		String deferral = "{\"kind\":\"DEFERRAL\",\"appliedOn\":\"" + today + "\",\"deferredUntil\":\"" + today.plusDays(40)
				+ "\",\"reason\":\"经营困难\"}";
		refusedAsNotTheHandlingHead(call(CITY_HEAD, path + "/payment-arrangement", deferral));
		assertThat(jdbc.sql("SELECT payment_arrangement FROM penalty_case WHERE id = :id").param("id", c).query(String.class)
			.optional().orElse(null)).isNull();
	}

	@Test
	void aWaiverTypedAsAStatementIsRefusedAndTheDecisionReviewsTheStatementMade() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today);
		String path = "/api/v1/enforcement/cases/" + id;
		for (String waiver : List.of("当事人放弃陈述申辩", "本人自愿放弃陈述、申辩的权利。", " 无异议 ", "放弃陈述申辩，同意处罚",
				"对处罚没有异议", "接受处罚")) {
			call(WUZHONG, path + "/statement", "{\"on\":\"" + today + "\",\"text\":\"" + waiver + "\"}")
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].field").value("text"))
				.andExpect(jsonPath("$.errors[0].rule").value("use-waiver"));
		}
		for (String waiver : List.of("我公司放弃陈述申辩", "本公司对处罚无异议，放弃陈述申辩。", "同意处罚")) {
			call(SF, "/api/v1/enterprise/penalties/" + id + "/statement", "{\"statement\":\"" + waiver + "\"}")
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].rule").value("use-waiver"));
		}
		assertThat(jdbc.sql("SELECT statement_on FROM penalty_case WHERE id = :id").param("id", id).query(LocalDate.class)
			.optional().orElse(null)).isNull();

		call(SF, "/api/v1/enterprise/penalties/" + id + "/statement", "{\"statement\":\"对事实没有异议，但系新员工操作失误，已补报，请求从轻\"}")
			.andExpect(status().isOk());
		String decision = "{\"decidedOn\":\"" + today + "\",\"penalty\":\"FINE\",\"fine\":\"2000\"%s}";
		call(HEAD, path + "/decision", decision.formatted("")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("statementAdopted", "statementReview")));
		assertThat(caseStatus(id)).isEqualTo("NOTIFIED");
		String review = "逾期未报送的事实清楚，事后补报不改变违法事实；考虑已及时纠正，在幅度内从低确定罚款";
		call(HEAD, path + "/decision", decision.formatted(",\"statementAdopted\":false,\"statementReview\":\"" + review + "\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.statementAdopted").value(false))
			.andExpect(jsonPath("$.penaltyCase.statementReview").value(review));
		assertThat(text(id, CaseDocumentKind.DECISION)).contains("经复核，本局不予采纳", review)
			.doesNotContain("系新员工操作失误", "${");

		// decided, not served: the party neither sees nor downloads the 决定书 (行政处罚法第61条)
		long decisionDoc = documents.list(id).stream().filter(d -> d.kind() == CaseDocumentKind.DECISION).findFirst()
			.orElseThrow().attachmentId();
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[*].title", not(hasItem("行政处罚决定书"))));
		mvc.perform(get("/attachments/" + decisionDoc).session(sf)).andExpect(status().isNotFound());
		mvc.perform(get("/attachments/" + decisionDoc).header("Authorization", SF)).andExpect(status().isNotFound());
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/attachments/" + decisionDoc))));
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(today.toString()));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.documents[*].title", hasItem("行政处罚决定书")));
		mvc.perform(get("/attachments/" + decisionDoc).session(sf)).andExpect(status().isOk());
	}

	@Test
	void aPersonIsNoPartyToAnEnterpriseDutyAndAPersonsDecisionPrintsNoEmptyAddress() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String team = "[{\"name\":\"陈吴中\",\"certificateNumber\":\"32050601\"},{\"name\":\"沈执法\",\"certificateNumber\":\"32050602\"}]";
		String person = """
				{"partyKind":"PERSON","personName":"李某","regionCode":"320506","violation":"%s","facts":"快递员未按规定报送",
				 "place":"吴中区某网点","decidedOn":"%s","penalty":"WARNING","team":%s}""";
		for (String duty : List.of("DATA_NOT_REPORTED", "DELIVERY_WITHOUT_CONSENT")) {
			call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", person.formatted(duty, today, team))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].field").value("partyKind"))
				.andExpect(jsonPath("$.errors[0].rule").value("party-kind"));
		}
		assertThat(ViolationType.UNLICENSED.personMayBeParty()).isTrue();

		// an organisation's decision names its credit code and registered address
		EnterpriseView e = wuzhong(4);
		long org = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", """
				{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","facts":"逾期未报送",
				 "place":"当事人营业场所","decidedOn":"%s","penalty":"WARNING","team":%s}""".formatted(e.creditCode(), today, team))
			.andExpect(status().isCreated()));
		String orgText = text(org, CaseDocumentKind.ON_THE_SPOT_DECISION);
		assertThat(orgText).contains("当事人：" + e.legalName() + "　统一社会信用代码：" + e.creditCode());
		if (e.address() != null && !e.address().isBlank()) {
			assertThat(orgText).contains("地址：" + e.address());
		}
		// a person's decision recorded before the catalogue said who may be a party: its name alone, no blank 地址
		jdbc.sql("""
				UPDATE penalty_case SET party_kind = 'PERSON', enterprise_credit_code = NULL, enterprise_name = '李某'
				WHERE id = :id""").param("id", org).update();
		long doc = documents.list(org).stream().filter(d -> d.kind() == CaseDocumentKind.ON_THE_SPOT_DECISION).findFirst()
			.orElseThrow().id();
		cases.reissueDocument(DataScope.all(), org, doc, "当事人信息更正");
		assertThat(text(org, CaseDocumentKind.ON_THE_SPOT_DECISION)).contains("当事人：李某").doesNotContain("地址", "统一社会信用代码");
	}

	@Test
	void theEnterpriseSeesTheHandoverItMade() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.delivered(party.sfWuzhong(), "WAYBILL_DATA", "CONFISCATION", "3000", today);
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.handoverDue").isNotEmpty())
			.andExpect(jsonPath("$.handover").isEmpty());
		caseExecution.handOver(PartyCases.ALL, id, today.toString(), "3000", "非税收入缴款书0001", null);
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.handover.handedOverOn").value(today.toString()))
			.andExpect(jsonPath("$.handover.amount").value(3000));
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"party-handed-over\"")))
			.andExpect(content().string(containsString("上缴3000元")));
	}

	/**
	 * The refusal names the bureau that should act, as a document would: where no bureau on the platform covers the
	 * case's region, "邮政管理局" ({@code Bureaus.nearestName}), never the region's code.
	 */
	@Test
	void aHeadStepRefusedWhereNoBureauCoversTheRegionNamesABureauNotARegionCode() {
		String uncovered = jdbc.sql("""
				SELECT r.code FROM region r WHERE length(r.code) = 6
				AND NOT EXISTS (SELECT 1 FROM bureau b WHERE r.code LIKE b.region_code || '%') ORDER BY r.code LIMIT 1""")
			.query(String.class).single();
		CurrentUser staff = directory.principal("wz.staff").orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
		try {
			assertThatThrownBy(() -> caseWork.requireHandlingHead(uncovered, "撤案"))
				.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
					.satisfies(e -> {
						assertThat(e.rule()).isEqualTo("not-handling-bureau-head");
						assertThat(e.message()).contains("办案机关（邮政管理局）").doesNotContain(uncovered);
					}));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
