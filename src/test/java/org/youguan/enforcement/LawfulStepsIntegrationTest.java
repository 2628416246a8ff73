package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Steps the law gives to one person or one moment (邮政行政执法监督办法(2021) art.17; 行政处罚法(2021) art.57–58): a pause
 * of the decision clock is the head's, begun promptly and never over days the case was worked on; a decision that
 * departs from the penalty the 法制审核 agreed to is taken 集体讨论; a lead's party, once named, is not replaced by a
 * proposal naming another.
 */
@IntegrationTest
class LawfulStepsIntegrationTest extends ClockedSteps {

	static final String STAFF = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	@Autowired
	PenaltyCases cases;

	@Autowired
	DecisionLimit decisionLimit;

	@Autowired
	CaseEvidence evidence;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	/** A case filed on 2026-06-01 under investigation, with a 书证 collected on {@code collected}. */
	long investigated(String collected) {
		long id = party.filed(party.other(), "PARCEL_TAMPERING", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		jdbc.sql("""
				INSERT INTO penalty_case_evidence (case_id, kind, title, collected_on, collected_by, created_by, created_at)
				VALUES (:id, 'DOCUMENTARY', '快件交接记录', :on, '32050601', 'test', now())""")
			.param("id", id).param("on", LocalDate.parse(collected)).update();
		return id;
	}

	/** A 书证's scan. */
	static UploadedFile scan() {
		return new UploadedFile("运单.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF);
	}

	/** Asserts that {@code step} is refused with {@code rule} on {@code field}. */
	static void refused(String field, Runnable step, String rule) {
		DomainException e = catchThrowableOfType(DomainException.class, step::run);
		assertThat(e).as("the step is refused").isNotNull();
		assertThat(e.fieldErrors().stream().filter(f -> f.field().equals(field)).map(FieldError::rule)).as(e.getMessage()).contains(rule);
	}

	@Test
	void aClerkCannotSuspendTheClockAndTheHeadNeitherBackdatesNorOverlapsRecordedWork() throws Exception {
		today("2026-06-20");
		long id = investigated("2026-06-10");
		LocalDate due = cases.get(PartyCases.ALL, id).penaltyCase().decisionDueOn();
		String path = "/api/v1/enforcement/cases/" + id + "/suspension";

		// the clerk: no pause without the head's approval (as the extension, 监督办法 art.17)
		call(STAFF, path, "{\"kind\":\"APPRAISAL\",\"startedOn\":\"2026-06-18\",\"reason\":\"委托鉴定\"}").andExpect(status().isForbidden());
		// the head: not written back beyond the catalogue's days (7 by default: 06-13), nor before the evidence of 06-10 —
		// one message, the binding bound's (06-13), not one per bound (attack finding L2: three contradicting errors)
		call(HEAD, path, "{\"kind\":\"APPRAISAL\",\"startedOn\":\"2026-06-05\",\"reason\":\"委托鉴定\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'startedOn')].rule").value(containsInAnyOrder("start-lookback")))
			.andExpect(jsonPath("$.errors[?(@.field == 'startedOn')].message").value(containsInAnyOrder(
					org.hamcrest.Matchers.containsString("不能早于2026年6月13日"))));
		call(HEAD, path, "{\"kind\":\"APPRAISAL\",\"startedOn\":\"2026-06-14\",\"reason\":\"委托鉴定\"}")
			.andExpect(status().isOk());
		assertThat(cases.get(PartyCases.ALL, id).suspensions()).hasSize(1);

		// while paused, no evidence dated inside the pause; once resumed on 06-19, the limit moves by the days paused
		List<String> team = List.of("32050601", "32050602");
		refused("collectedOn", () -> evidence.add(PartyCases.ALL, id, new CaseEvidence.EvidenceData("DOCUMENTARY",
				"补充运单" + UUID.randomUUID(), null, null, null, "2026-06-16", team), scan()), "inside-suspension");
		decisionLimit.resume(PartyCases.ALL, id, "2026-06-19");
		refused("collectedOn", () -> evidence.add(PartyCases.ALL, id, new CaseEvidence.EvidenceData("DOCUMENTARY",
				"补充运单" + UUID.randomUUID(), null, null, null, "2026-06-15", team), scan()), "inside-suspension");
		evidence.add(PartyCases.ALL, id, new CaseEvidence.EvidenceData("DOCUMENTARY", "鉴定意见" + UUID.randomUUID(), null, null,
				null, "2026-06-19", team), scan());
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decisionDueOn()).isAfter(due);
	}

	/**
	 * Every dated act of the case, not evidence alone, stays outside a pause of the decision clock once the pause is
	 * closed (监督办法 art.17): 调查终结, 事先告知 and the decision dated inside one are refused on their own day's field;
	 * the day the pause ended is the case's again.
	 */
	@Test
	void noDatedActOfTheCaseFallsInsideAClosedPause() throws Exception {
		today("2026-06-20");
		long id = party.filed(party.sfWuzhong(), "DATA_NOT_REPORTED", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		PartyCases.evidence(jdbc, id);
		String path = "/api/v1/enforcement/cases/" + id + "/suspension";
		call(HEAD, path, "{\"kind\":\"APPRAISAL\",\"startedOn\":\"2026-06-14\",\"reason\":\"委托鉴定\"}").andExpect(status().isOk());
		decisionLimit.resume(PartyCases.ALL, id, "2026-06-16");

		refused("concludedOn", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id, conclusion("2026-06-15")),
				"inside-suspension");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().concludedOn()).isNull();
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, conclusion("2026-06-16"));

		call(HEAD, path, "{\"kind\":\"APPRAISAL\",\"startedOn\":\"2026-06-17\",\"reason\":\"补充鉴定\"}").andExpect(status().isOk());
		decisionLimit.resume(PartyCases.ALL, id, "2026-06-19");
		refused("notifiedOn", () -> noticeAndHearing.notifyParty(PartyCases.ALL, id, "2026-06-18"), "inside-suspension");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().notifiedOn()).isNull();
		noticeAndHearing.notifyParty(PartyCases.ALL, id, "2026-06-19");
		// 3000 yuan: no hearing right (art.63); the statement waived, so the decision need not wait for the window
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, "2026-06-19", PartyCases.waiver());

		today("2026-06-25");
		call(HEAD, path, "{\"kind\":\"APPRAISAL\",\"startedOn\":\"2026-06-20\",\"reason\":\"复核鉴定\"}").andExpect(status().isOk());
		decisionLimit.resume(PartyCases.ALL, id, "2026-06-23");
		refused("decidedOn", () -> caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, "2026-06-21", "FINE", "3000",
				null, null, null)), "inside-suspension");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decidedOn()).isNull();
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, "2026-06-23", "FINE", "3000", null, null, null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decidedOn()).isEqualTo(LocalDate.of(2026, 6, 23));
	}

	static CaseInvestigation.Conclusion conclusion(String on) {
		return new CaseInvestigation.Conclusion("查明违法事实", "FINE", "3000", false, null, null, null, on);
	}

	/**
	 * A case of 20000 yuan proposed for WAYBILL_DATA (10000–50000), agreed by the 法制审核 (party.concluded reviews from
	 * 10000), notified on 2026-06-10 (today) and decidable at once: the party waived its statement and the hearing.
	 */
	long reviewedAndNotified() {
		today("2026-06-10");
		long id = party.concluded(party.other(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, "2026-06-10");
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, "2026-06-10", PartyCases.waiver());
		noticeAndHearing.waiveHearing(PartyCases.ALL, id, "2026-06-10", PartyCases.waiver());
		return id;
	}

	@Test
	void aDecisionDepartingFromTheReviewedProposalNeedsACollectiveDiscussion() {
		long id = reviewedAndNotified();

		CaseDecisions.Decision reduced = new CaseDecisions.Decision(null, "2026-06-10", "FINE", "0.01", "REDUCED", "ELIMINATED_HARM",
				"主动消除违法后果");
		refused("discussedOn", () -> caseDecisions.decide(PartyCases.ALL, id, reduced), "departs-from-review");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decidedOn()).isNull();

		// the heads' 集体讨论 (after the review) decides it
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, "2026-06-10", "FINE", "5000", "REDUCED",
				"ELIMINATED_HARM", "主动消除违法后果", "2026-06-10", "同意减轻处罚", List.of("蒋局长", "王副局长", "李副局长")));
		CaseView decided = cases.get(PartyCases.ALL, id).penaltyCase();
		assertThat(decided.discussedOn()).isEqualTo(LocalDate.of(2026, 6, 10));
		assertThat(decided.fine()).isEqualByComparingTo("5000");
	}

	@Test
	void aDecisionAsReviewedNeedsNoDiscussion() {
		long id = reviewedAndNotified();
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, "2026-06-10", "FINE", "20000.00", null, null, null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().discussedOn()).isNull();
	}

	/**
	 * Once the 法制审核 is recorded the page offers it no more, and a form posted from a page loaded before answers 409
	 * as a notice of the state ({@code conflict}), not as input errors to correct.
	 */
	@Test
	void aReviewRecordedIsOfferedNoMoreAndAStaleFormGetsAStateNotice() throws Exception {
		today("2026-06-10");
		long id = party.concluded(party.other(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/cases/" + id).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"review-form\""))));
		mvc.perform(post("/enforcement/cases/" + id + "/review").param("agreed", "true").param("opinion", "同意").session(staff)
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(model().attribute("conflict", true))
			.andExpect(result -> assertThat((List<FieldError>) result.getModelAndView().getModel().get("errors"))
				.extracting(FieldError::message).anyMatch(m -> m.contains("不能重复审核")))
			.andExpect(content().string(containsString("data-kind=\"conflict\"")))
			.andExpect(content().string(not(containsString("请修正以下问题"))));
	}

	@Test
	void aLeadAlreadyFiledIsToldTheStepNoLongerApplies() throws Exception {
		today("2026-06-10");
		long id = party.filed(party.other(), "WAYBILL_DATA", LocalDate.of(2026, 6, 10));
		long lead = cases.get(PartyCases.ALL, id).penaltyCase().leadId();
		call(HEAD, "/api/v1/enforcement/leads/" + lead + "/filing", "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("已立案")))
			.andExpect(jsonPath("$.detail", containsString("已不适用")))
			.andExpect(jsonPath("$.detail", not(containsString("须先提请立案"))));
	}

	@Test
	void aProposalNamingAnotherPartyThanTheLeadsIsRefused() throws Exception {
		EnterpriseView named = party.other();
		EnterpriseView another = party.sfWuzhong();
		long lead = party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", named.creditCode(), null,
				"测试线索" + UUID.randomUUID(), LocalDate.now(clock).toString()), false);
		call(STAFF, "/api/v1/enforcement/leads/" + lead + "/proposal", "{\"violation\":\"WAYBILL_DATA\",\"endedOn\":\""
				+ LocalDate.now(clock).minusDays(1) + "\",\"enterpriseCreditCode\":\"" + another.creditCode() + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enterpriseCreditCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("fixed"));
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> party.leads().propose(PartyCases.ALL,
				lead, "WAYBILL_DATA", LocalDate.now(clock).minusDays(1).toString(), another.creditCode(), false, null));
		assertThat(refused).isNotNull();
		LeadView kept = party.leads().get(PartyCases.ALL, lead);
		assertThat(kept.status()).isEqualTo(LeadStatus.OPEN);
		assertThat(kept.enterpriseCreditCode()).isEqualTo(named.creditCode());
		// repeating the party's own code is no change
		party.leads().propose(PartyCases.ALL, lead, "WAYBILL_DATA", LocalDate.now(clock).minusDays(1).toString(),
				named.creditCode().toLowerCase(), false, null);
		assertThat(party.leads().get(PartyCases.ALL, lead).status()).isEqualTo(LeadStatus.PROPOSED);
	}
}
