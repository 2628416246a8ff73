package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageSteps;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.PartyCases.ALL;
import static org.youguan.enforcement.ProcedureGuardsIntegrationTest.rules;

/**
 * An overdue case is not revived and a case does not move on with its clock stopped (邮政行政执法监督办法(2021)
 * art.17; 行政处罚法(2021) art.36, 60): a pause recorded after the limit expired is refused whatever day it names — so
 * no extension follows it —, also after a resumption backdated its end; a hearing pause needs a hearing request; the
 * steps past the investigation wait for an open suspension to end, and a decided case with one left open is not shown
 * paused; a lead's received day is not typed further back than the limitation period and is printed on the
 * 立案审批表; a document served on the party masks the personal numbers in staff's text.
 */
@IntegrationTest
class OverdueCasesAndOpenPausesIntegrationTest extends ClockedSteps {

	@Autowired
	DecisionLimit decisionLimit;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseDocuments documents;

	/** A case filed on {@code filed} with its investigation started and one evidence item. */
	long investigating(String filed) {
		long id = party.filed(party.other(), "DELIVERY_WITHOUT_CONSENT", LocalDate.parse(filed));
		caseInvestigation.startInvestigation(ALL, id, PartyCases.TEAM);
		party.evidence(id);
		return id;
	}

	/**
	 * Resuming a clock that is not paused, or pausing one paused already, is refused for the case's state (409, a
	 * conflict the pages show as such), not as input to correct (422).
	 */
	@Test
	void resumingAClockNotPausedIsAConflictWithTheCasesState() {
		today("2026-03-02");
		long id = investigating("2026-02-02");
		assertThatThrownBy(() -> decisionLimit.resume(ALL, id, "2026-03-02")).isInstanceOfSatisfying(DomainException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
					assertThat(PageSteps.stateConflict(ex)).isTrue();
					assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(tuple("endedOn", "not-suspended"));
				});
	}

	@Test
	void aPauseRecordedAfterTheLimitIsRefusedWhateverItsFirstDayAndNoExtensionFollows() throws Exception {
		today("2026-05-20");
		long late = investigating("2026-01-05");
		LocalDate due = party.cases().get(ALL, late).penaltyCase().decisionDueOn();
		assertThat(due).isBefore(LocalDate.of(2026, 5, 20));
		// an appraisal pause backdated inside the limit, recorded after it (by the head, whose step it is): 422 naming
		// the field, nothing kept
		call(PenaltyCaseIntegrationTest.HEAD, "/api/v1/enforcement/cases/" + late + "/suspension",
				"{\"kind\":\"APPRAISAL\",\"startedOn\":\"" + due.minusDays(15) + "\",\"reason\":\"鉴定\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("startedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("limit-passed"));
		PenaltyCases.CaseDetail detail = party.cases().get(ALL, late);
		assertThat(detail.suspensions()).isEmpty();
		assertThat(detail.deadlines().suspended()).isFalse();
		assertThat(detail.deadlines().remainingDays()).isNegative();
		call(PenaltyCaseIntegrationTest.HEAD, "/api/v1/enforcement/cases/" + late + "/extension", "{\"reason\":\"案情复杂\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].rule").value("limit-passed"));
		assertThat(party.cases().get(ALL, late).penaltyCase().decisionDueOn()).isEqualTo(due);

		// paused within the limit, then its end backdated: the case is overdue, and a new pause cannot revive it
		today("2026-03-01");
		long resumed = investigating("2026-01-05");
		decisionLimit.suspend(ALL, resumed, "APPRAISAL", "2026-03-01", "委托鉴定");
		today("2026-05-20");
		decisionLimit.resume(ALL, resumed, "2026-03-02");
		LocalDate limit = party.cases().get(ALL, resumed).penaltyCase().decisionDueOn();
		assertThat(limit).isBefore(LocalDate.of(2026, 5, 20));
		assertThat(rules("startedOn", () -> decisionLimit.suspend(ALL, resumed, "TESTING", "2026-03-10", "检测")))
			.containsExactly("limit-passed");
		assertThat(rules("decisionDueOn", () -> decisionLimit.extend(ALL, resumed, PartyCases.HEAD, "案情复杂")))
			.containsExactly("limit-passed");
		assertThat(party.cases().get(ALL, resumed).penaltyCase().decisionDueOn()).isEqualTo(limit);
	}

	/**
	 * A hearing request entered once the limit had passed, dated back inside the party's window, is the party's
	 * right (the case goes to 听证) but stops no clock: the case stays overdue, in the list too, and holding the hearing
	 * adds no hearing period to the limit. A request entered in time stops it from its day (StoppedClockIntegrationTest).
	 */
	@Test
	void aHearingRequestEnteredAfterTheLimitWithAnEarlierDayDoesNotReviveTheCase() {
		today("2026-05-06");
		long id = investigating("2026-02-10");
		caseInvestigation.concludeInvestigation(ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE", "10000", false,
				null, null, null, "2026-05-06"));
		caseInvestigation.review(ALL, id, PartyCases.REVIEWER, true, "同意");
		noticeAndHearing.notifyParty(ALL, id, "2026-05-06");
		LocalDate due = party.cases().get(ALL, id).penaltyCase().decisionDueOn();
		assertThat(due).isAfter(LocalDate.of(2026, 5, 7)).isBefore(LocalDate.of(2026, 5, 20));

		today("2026-05-20");
		noticeAndHearing.requestHearing(ALL, id, "2026-05-07");
		PenaltyCases.CaseDetail detail = party.cases().get(ALL, id);
		assertThat(detail.penaltyCase().status()).isEqualTo(CaseStatus.HEARING);
		assertThat(detail.penaltyCase().hearingRequestedOn()).isEqualTo(LocalDate.of(2026, 5, 7));
		assertThat(detail.penaltyCase().hearingPausedFrom()).isNull();
		assertThat(detail.deadlines().suspended()).isFalse();
		assertThat(detail.deadlines().remainingDays()).isNegative();
		String number = detail.penaltyCase().number();
		PenaltyCases.CaseSummary listed = party.cases().list(ALL, true, null, PageQuery.of(number, 0, 20, "filed_on", "desc"))
			.items().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
		assertThat(listed.suspended()).isFalse();
		assertThat(listed.remainingDays()).isNegative();
		assertThat(jdbc.sql("""
				SELECT summary FROM audit_event
				WHERE object_type = 'penalty_case' AND action = 'case.hearing-request' AND object_id = :id""")
			.param("id", String.valueOf(id)).query(String.class).single()).contains("不再中止计时");

		today("2026-06-10");
		noticeAndHearing.holdHearing(ALL, id, party.hearing("2026-05-20", "2026-06-01"));
		detail = party.cases().get(ALL, id);
		assertThat(detail.suspensions()).isEmpty();
		assertThat(detail.penaltyCase().decisionDueOn()).isEqualTo(due);
		assertThat(detail.deadlines().remainingDays()).isNegative();
	}

	@Test
	void aHearingPauseNeedsAHearingRequest() {
		today("2026-06-10");
		long id = investigating("2026-06-01");
		assertThat(rules("kind", () -> decisionLimit.suspend(ALL, id, "HEARING", "2026-06-05", "听证")))
			.containsExactly("no-hearing-requested");
		assertThat(party.cases().get(ALL, id).suspensions()).isEmpty();
	}

	@Test
	void theStepsPastTheInvestigationWaitForAnOpenSuspensionToEnd() {
		today("2026-06-10");
		long id = investigating("2026-06-01");
		decisionLimit.suspend(ALL, id, "APPRAISAL", "2026-06-05", "委托鉴定");
		CaseInvestigation.Conclusion conclusion = new CaseInvestigation.Conclusion("查明违法事实", "FINE", "3000", false, null, null,
				null, "2026-06-10");
		assertThat(rules("concludedOn", () -> caseInvestigation.concludeInvestigation(ALL, id, conclusion)))
			.containsExactly("suspension-open");
		decisionLimit.resume(ALL, id, "2026-06-08");
		caseInvestigation.concludeInvestigation(ALL, id, conclusion);

		today("2026-06-12");
		decisionLimit.suspend(ALL, id, "PUBLIC_NOTICE", "2026-06-11", "公告送达");
		assertThat(rules("notifiedOn", () -> noticeAndHearing.notifyParty(ALL, id, "2026-06-12"))).containsExactly("suspension-open");
		decisionLimit.resume(ALL, id, "2026-06-12");
		noticeAndHearing.notifyParty(ALL, id, "2026-06-12");
		noticeAndHearing.waiveStatement(ALL, id, "2026-06-12", PartyCases.waiver());
		today("2026-06-15");
		decisionLimit.suspend(ALL, id, "APPRAISAL", "2026-06-13", "补充鉴定");
		CaseDecisions.Decision decision = new CaseDecisions.Decision(null, "2026-06-15", "FINE", "3000", null, null, null);
		assertThat(rules("decidedOn", () -> caseDecisions.decide(ALL, id, decision))).containsExactly("suspension-open");
		assertThat(rules("reason", () -> caseDecisions.notPenalize(ALL, id, "MINOR_CORRECTED", "情节轻微"))).containsExactly("suspension-open");
		decisionLimit.resume(ALL, id, "2026-06-15");
		caseDecisions.decide(ALL, id, decision);
		assertThat(party.cases().get(ALL, id).suspensionOpen()).isFalse();
	}

	/** Existing data: a case decided while a pause was left open shows no stopped clock (list, detail, export alike). */
	@Test
	void aDecidedCaseWithAPauseLeftOpenIsNotShownPaused() throws Exception {
		today("2026-06-10");
		long id = party.decided(party.other(), "DELIVERY_WITHOUT_CONSENT", "FINE", "3000", LocalDate.of(2026, 6, 10));
		jdbc.sql("INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason) VALUES (:id, 'APPRAISAL', :on, '鉴定')")
			.param("id", id).param("on", LocalDate.of(2026, 6, 6)).update();
		PenaltyCases.CaseDetail detail = party.cases().get(ALL, id);
		assertThat(detail.deadlines().suspended()).isFalse();
		assertThat(detail.suspensionOpen()).as("no resumption is offered on a decided case").isFalse();
		String number = detail.penaltyCase().number();
		PenaltyCases.CaseSummary listed = party.cases().list(ALL, false, null, PageQuery.of(number, 0, 20, "filed_on", "desc"))
			.items().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
		assertThat(listed.suspended()).isFalse();
	}

	@Test
	void aLeadIsNotDatedFurtherBackThanTheLimitationAndItsDayIsOnTheFilingForm() throws Exception {
		today("2026-12-05");
		EnterpriseView e = party.other();
		String lead = """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"补录线索%s","receivedOn":"%s"}""";
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads", lead.formatted(e.creditCode(), UUID.randomUUID(), "1990-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("limitation-back"));
		// a range message states the real range: 1899 is told the same two ends as 1990 (not 1949-10-01, which is refused too)
		for (String day : List.of("1899-12-31", "2000-01-01")) {
			call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads", lead.formatted(e.creditCode(), UUID.randomUUID(), day))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].rule").value("limitation-back"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("收到日期应在2024年12月5日至2026年12月5日之间")));
		}
		// a violation ended 2024-01-01 and a lead dated back to within 2 years of it, recorded now: refused
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads", lead.formatted(e.creditCode(), UUID.randomUUID(), "2024-06-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("limitation-back"));
		// the limitation period back is the furthest: received then, filed, its day on the 立案审批表
		long id = PenaltyCaseIntegrationTest.id(call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads",
				lead.formatted(e.creditCode(), UUID.randomUUID(), "2024-12-05")));
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads/" + id + "/proposal",
				"{\"violation\":\"未按规定报送快递业务数据\",\"endedOn\":\"2024-11-01\"}").andExpect(status().isOk());
		long caseId = PenaltyCaseIntegrationTest.id(call(PenaltyCaseIntegrationTest.HEAD, "/api/v1/enforcement/leads/" + id + "/filing", "{}")
			.andExpect(status().isCreated()));
		assertThat(text(caseId, CaseDocumentKind.FILING_APPROVAL)).contains("计算至线索收到（发现违法行为）之日：2024年12月5日");
	}

	@Test
	void aNoticeServedOnThePartyMasksPersonalNumbersInTheReportButNotTheCreditCode() throws Exception {
		today("2026-06-10");
		EnterpriseView e = party.other();
		long id = party.filed(e, "DELIVERY_WITHOUT_CONSENT", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(ALL, id, PartyCases.TEAM);
		party.evidence(id);
		String report = "经举报人（电话13812345678，身份证320506199001011234）反映，当事人（" + e.creditCode() + "）未经同意投放快件";
		caseInvestigation.concludeInvestigation(ALL, id, new CaseInvestigation.Conclusion(report, "FINE", "3000", false, null, null,
				null, "2026-06-09"));
		noticeAndHearing.notifyParty(ALL, id, "2026-06-10");

		String notice = text(id, CaseDocumentKind.PRIOR_NOTICE);
		assertThat(notice).contains("138****5678", "320506********1234", e.creditCode())
			.doesNotContain("13812345678", "320506199001011234");
		// the bureau's own 调查终结报告 is not served on the party and keeps the text as written
		assertThat(text(id, CaseDocumentKind.INVESTIGATION_REPORT)).contains("13812345678");
	}

	@Test
	void discussionParticipantsAreComparedByTheNameKey() {
		today("2026-06-10");
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "3000", LocalDate.of(2026, 6, 1));
		noticeAndHearing.waiveStatement(ALL, id, "2026-06-02", PartyCases.waiver());
		// one head named twice, the second time with a space inside: two names, not three participants
		CaseDecisions.Decision decision = new CaseDecisions.Decision(null, "2026-06-10", "FINE", "3000", null, null, null, "2026-06-09",
				"同意处罚", List.of("蒋局长", "蒋 局长", "郑局长"));
		assertThat(rules("discussionParticipants", () -> caseDecisions.decide(ALL, id, decision))).contains("distinct");
		// nor in traditional characters (蔣局長)
		CaseDecisions.Decision traditional = new CaseDecisions.Decision(null, "2026-06-10", "FINE", "3000", null, null, null,
				"2026-06-09", "同意处罚", List.of("蒋局长", "蔣局長", "郑局长"));
		assertThat(rules("discussionParticipants", () -> caseDecisions.decide(ALL, id, traditional))).contains("distinct");
	}

	String text(long caseId, CaseDocumentKind kind) throws Exception {
		return HandlingBureauAndPartyIntegrationTest.text(mvc, documents, caseId, kind);
	}
}
