package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The guards of the penalty procedure's order and of what the party was told (行政处罚法(2021) art.44–45, 58, 62–66;
 * 邮政行政执法监督办法 art.17): a heard case is decided after its hearing and the review that follows it; the party's
 * statement is kept as given; a hand-typed 文号 never blocks the automatic series; the decision limit is stretched
 * neither by overlapping suspensions nor by a late extension; a penalty kind the article does not provide, or that was
 * not notified, is refused; a deferral comes before the payment deadline and within the catalogue's maximum; a review
 * states its outcome and is not made by the conclusion's author; no conclusion without evidence; a combined penalty
 * (并处) carries the parts its article prescribes, a 停业整顿 its period, and 吊销 stays with the licence's issuer.
 */
@IntegrationTest
class ProcedureGuardsIntegrationTest extends ClockedSteps {

	@Autowired
	PenaltyCases cases;

	@Autowired
	PastCases pastCases;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	OnTheSpotPenalties onTheSpotPenalties;

	@Autowired
	DecisionLimit decisionLimit;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Bureaus bureaus;

	/** The rules of the field errors {@code step} is refused with (failing when it is not refused). */
	static List<String> rules(String field, Executable step) {
		DomainException e = catchThrowableOfType(DomainException.class, () -> {
			try {
				step.execute();
			}
			catch (Throwable t) {
				throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
			}
		});
		assertThat(e).as("the step is refused").isNotNull();
		return e.fieldErrors().stream().filter(f -> f.field().equals(field)).map(FieldError::rule).toList();
	}

	static CaseDecisions.Decision decision(String number, String on, String penalty, String fine) {
		return new CaseDecisions.Decision(number, on, penalty, fine, null, null, null);
	}

	/** A case of {@code violation} filed on {@code filed} with its investigation started and one evidence item. */
	long investigating(EnterpriseView e, String violation, LocalDate filed) {
		long id = party.filed(e, violation, filed);
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		return id;
	}

	@Test
	void aHeardCaseIsDecidedNeitherBeforeItsHearingNorBeforeTheReviewThatFollowsIt() {
		today("2026-06-01");
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today("2026-06-02");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-02");
		today("2026-06-15");
		noticeAndHearing.holdHearing(PartyCases.ALL, id, party.hearing("2026-06-03", "2026-06-15"));
		today("2026-06-16");
		caseInvestigation.review(PartyCases.ALL, id, PartyCases.REVIEWER, true, "听证后审核，同意");

		assertThat(rules("decidedOn", () -> caseDecisions.decide(PartyCases.ALL, id, decision(null, "2026-06-10", "FINE", "10000"))))
			.contains("before-hearing");
		assertThat(rules("decidedOn", () -> caseDecisions.decide(PartyCases.ALL, id, decision(null, "2026-06-15", "FINE", "10000"))))
			.containsExactly("before-review");
		caseDecisions.decide(PartyCases.ALL, id, decision(null, "2026-06-16", "FINE", "10000"));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decidedOn()).isEqualTo(LocalDate.of(2026, 6, 16));
	}

	@Test
	void staffDoNotOverwriteAStatementAlreadyGiven() {
		today("2026-06-02");
		long id = party.notified(party.other(), "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 6, 1));
		noticeAndHearing.recordStatement(PartyCases.ALL, id, "2026-06-02", "当事人陈述：系初次迟报，已补报");

		assertThat(rules("statement", () -> noticeAndHearing.recordStatement(PartyCases.ALL, id, "2026-06-02", "当事人无异议")))
			.containsExactly("already-stated");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().statement()).isEqualTo("当事人陈述：系初次迟报，已补报");
	}

	/** A case told of a fine of 2000 on 2026-06-01 whose statement the party waived in writing: decidable from 2026-06-02. */
	long stated(EnterpriseView e) {
		long id = party.notified(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 6, 1));
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, "2026-06-01", PartyCases.waiver());
		return id;
	}

	long lastIssued(String type, String region, int year) {
		return jdbc.sql("SELECT coalesce(max(last_value), 0) FROM number_sequence WHERE type = :t AND region_code = :r AND year = :y")
			.param("t", type).param("r", region).param("y", year).query(Long.class).single();
	}

	@Test
	void aHandTypedNumberNeverBlocksTheAutomaticSeries() {
		today("2026-06-02");
		EnterpriseView e = party.other();
		String region = e.regionCode().substring(0, 6);
		long first = stated(e);
		// the series' next number in the earlier form (行政处罚决定-地区-年份-序号) is still read as the series'
		String next = BusinessNumbers.format("行政处罚决定", region, 2026, lastIssued("行政处罚决定", region, 2026) + 1);
		assertThat(rules("decisionNumber", () -> caseDecisions.decide(PartyCases.ALL, first, decision(next, "2026-06-02", "FINE", "2000"))))
			.containsExactly("automatic-number");
		// the series' next number in the official form (苏吴邮管罚〔2026〕N号) may be a paper decision's of the bureau, the
		// form its decisions took before the platform: taken as typed, and the series passes over it
		DocumentAgency agency = bureaus.documentAgency(region);
		String typed = OfficialNumbers.format(agency.code(), "行政处罚决定", 2026, lastIssued("行政处罚决定", agency.seriesRegion(), 2026) + 1);
		caseDecisions.decide(PartyCases.ALL, first, decision(typed, "2026-06-02", "FINE", "2000"));
		long second = stated(e);
		String numbered = caseDecisions.decide(PartyCases.ALL, second, decision(null, "2026-06-02", "FINE", "2000"));
		assertThat(numbered).isNotEqualTo(typed).startsWith(agency.code() + "罚〔2026〕")
			.isEqualTo(OfficialNumbers.format(agency.code(), "行政处罚决定", 2026, lastIssued("行政处罚决定", agency.seriesRegion(), 2026)));

		// an on-the-spot decision's series passes over a number of its form already on a decision
		String spot = OfficialNumbers.format(agency.code(), "当场处罚", 2026, lastIssued("当场处罚", agency.seriesRegion(), 2026) + 1);
		jdbc.sql("UPDATE penalty_case SET decision_number = :n WHERE id = :id").param("n", spot).param("id", first).update();
		long onTheSpot = onTheSpotPenalties.decideOnTheSpot(PartyCases.ALL, new OnTheSpotPenalties.OnTheSpot("ORGANISATION", e.creditCode(), null,
				null, "DATA_NOT_REPORTED", "当月数据逾期未报送", "当事人营业场所", "2026-06-02", "FINE", "500",
				PartyCases.TEAM));
		assertThat(cases.get(PartyCases.ALL, onTheSpot).penaltyCase().decisionNumber()).isNotEqualTo(spot);
	}

	static PastCases.ImportedCase imported(EnterpriseView e, String source, String number, String penalty, String fine) {
		return new PastCases.ImportedCase(e.creditCode(), "DATA_NOT_REPORTED", source, "2025-03-01", "2025-05-10", number,
				penalty, fine == null ? null : new BigDecimal(fine), null, null);
	}

	/**
	 * A 文号 names one decision nationally: a number one region's import used is refused to another region's import and
	 * to another region's decision (rule {@code unique} on {@code decisionNumber}). An import keeps to the contract: a
	 * penalty kind the article does not provide (吊销 for late data, which the article only fines) and a source outside
	 * INSPECTION, COMPLAINT, REPORT, TRANSFER are refused.
	 */
	@Test
	void aDecisionNumberIsUniqueNationallyAndAnImportKeepsToTheContract() {
		today("2026-06-02");
		EnterpriseView xiangcheng = enterprises.list(DataScope.region("320507"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0);
		String number = "相邮管罚〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
		pastCases.importCase(PartyCases.ALL, imported(xiangcheng, "REPORT", number, "FINE", "3000"));
		EnterpriseView wuzhong = party.other();
		assertThat(rules("decisionNumber", () -> pastCases.importCase(PartyCases.ALL, imported(wuzhong, "REPORT", number, "FINE", "3000"))))
			.containsExactly("unique");
		long id = stated(wuzhong);
		assertThat(rules("decisionNumber", () -> caseDecisions.decide(PartyCases.ALL, id, decision(number, "2026-06-02", "FINE", "2000"))))
			.containsExactly("unique");

		String other = "吴邮管罚〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
		assertThat(rules("penalty", () -> pastCases.importCase(PartyCases.ALL, imported(wuzhong, "REPORT", other, "REVOCATION", null))))
			.containsExactly("not-provided");
		assertThat(rules("source", () -> pastCases.importCase(PartyCases.ALL, imported(wuzhong, "SAFETY", other, "FINE", "3000"))))
			.containsExactly("one-of");
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE decision_number = :n").param("n", other).query(Long.class)
			.single()).isZero();
	}

	@Test
	void overlappingSuspensionsAreRefusedAndALateExtensionIsNotGranted() {
		// each pause recorded within the days the catalogue lets it reach back (penalty.suspension-start-lookback)
		today("2026-06-06");
		long id = investigating(party.other(), "PARCEL_TAMPERING", LocalDate.of(2026, 6, 1));
		decisionLimit.suspend(PartyCases.ALL, id, "APPRAISAL", "2026-06-05", "委托鉴定");
		today("2026-06-12");
		decisionLimit.resume(PartyCases.ALL, id, "2026-06-10");
		assertThat(rules("startedOn", () -> decisionLimit.suspend(PartyCases.ALL, id, "TESTING", "2026-06-08", "检测")))
			.containsExactly("overlapping-suspension");
		assertThat(rules("startedOn", () -> decisionLimit.suspend(PartyCases.ALL, id, "TESTING", "2026-06-10", "检测")))
			.containsExactly("overlapping-suspension");
		decisionLimit.suspend(PartyCases.ALL, id, "TESTING", "2026-06-11", "检测");
		assertThat(cases.get(PartyCases.ALL, id).suspensions()).hasSize(2);

		today("2026-05-20");
		long late = investigating(party.other(), "PARCEL_TAMPERING", LocalDate.of(2026, 1, 5));
		assertThat(rules("decisionDueOn", () -> decisionLimit.extend(PartyCases.ALL, late, PartyCases.HEAD, "案情复杂")))
			.containsExactly("limit-passed");
		assertThat(cases.get(PartyCases.ALL, late).penaltyCase().extended()).isFalse();
	}

	/**
	 * A pause begun after the limit expired — or recorded after it, whatever its first day — does not revive an overdue
	 * case: it is refused ({@code limit-passed}), so
	 * neither resumption nor extension can follow; a pause of that kind recorded before (legacy data) leaves the case
	 * shown overdue, by the days since its limit, not as 0 days left.
	 */
	@Test
	void aSuspensionStartedAfterTheLimitIsRefusedAndAPausedOverdueCaseStaysOverdue() {
		today("2026-05-20");
		long late = investigating(party.other(), "PARCEL_TAMPERING", LocalDate.of(2026, 1, 5));
		LocalDate due = cases.get(PartyCases.ALL, late).penaltyCase().decisionDueOn();
		assertThat(rules("startedOn", () -> decisionLimit.suspend(PartyCases.ALL, late, "APPRAISAL", due.plusDays(1).toString(), "委托鉴定")))
			.containsExactly("limit-passed");
		assertThat(cases.get(PartyCases.ALL, late).suspensions()).isEmpty();
		// nor one backdated to the limit's last day, recorded once it has passed: the case stays overdue
		assertThat(rules("startedOn", () -> decisionLimit.suspend(PartyCases.ALL, late, "APPRAISAL", due.toString(), "委托鉴定")))
			.containsExactly("limit-passed");
		assertThat(cases.get(PartyCases.ALL, late).deadlines().remainingDays()).isNegative();

		long legacy = investigating(party.other(), "PARCEL_TAMPERING", LocalDate.of(2026, 1, 5));
		jdbc.sql("INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason) VALUES (:id, 'APPRAISAL', :on, '鉴定')")
			.param("id", legacy).param("on", due.plusDays(10)).update();
		PenaltyCases.CaseDetail paused = cases.get(PartyCases.ALL, legacy);
		// a pause begun after the limit does not stop the clock: the case shows as overdue, not as paused
		assertThat(paused.deadlines().suspended()).isFalse();
		assertThat(paused.suspensionOpen()).isTrue();
		assertThat(paused.deadlines().remainingDays()).isEqualTo(due.toEpochDay() - LocalDate.of(2026, 5, 20).toEpochDay()).isNegative();
	}

	@Test
	void aPenaltyKindTheArticleDoesNotProvideOrThatWasNotNotifiedIsRefused() {
		today("2026-06-09");
		// 快递市场管理办法 art.48 fines (5000 at least) and gives no warning
		long contractor = investigating(party.other(), "UNLICENSED_CONTRACTOR", LocalDate.of(2026, 6, 1));
		assertThat(rules("proposedPenalty", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, contractor,
				new CaseInvestigation.Conclusion("查明当事人违法事实", "WARNING", null, false, null, null, null, "2026-06-02"))))
			.containsExactly("not-provided");
		caseInvestigation.concludeInvestigation(PartyCases.ALL, contractor, new CaseInvestigation.Conclusion("查明当事人违法事实", "WARNING", null, false,
				"REDUCED", "ELIMINATED_HARM", "主动终止委托并消除后果", "2026-06-02"));
		assertThat(rules("penalty", () -> onTheSpotPenalties.decideOnTheSpot(PartyCases.ALL, new OnTheSpotPenalties.OnTheSpot("ORGANISATION",
				party.other().creditCode(), null, null, "OUTLET_UNFILED", "末端网点未备案", "网点", "2026-06-09", "WARNING", null,
				PartyCases.TEAM)))).containsExactly("not-provided");

		// told of 停业整顿 with a fine (并处), then fined alone and less (within the serious range): lighter, no new
		// notice (art.45)
		long branch = investigating(party.other(), "BRANCH_UNFILED", LocalDate.of(2026, 5, 25));
		caseInvestigation.concludeInvestigation(PartyCases.ALL, branch, new CaseInvestigation.Conclusion("查明当事人违法事实", "SUSPENSION", "20000", true, null,
				null, null, "2026-05-26", null, "30"));
		caseInvestigation.review(PartyCases.ALL, branch, PartyCases.REVIEWER, true, "同意");
		today("2026-06-10");
		noticeAndHearing.notifyParty(PartyCases.ALL, branch, "2026-06-09");
		today("2026-06-17");
		noticeAndHearing.waiveStatement(PartyCases.ALL, branch, "2026-06-10", PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, branch, seriousDecision("2026-06-17", "FINE", "15000", null, null));
		assertThat(cases.get(PartyCases.ALL, branch).penaltyCase().penalty()).isEqualTo(Penalty.FINE);
	}

	@Test
	void aDeferralIsApprovedOnlyBeforeThePaymentDeadlineAndWithinTheCataloguesMaximum() {
		today("2026-06-02");
		long id = stated(party.other());
		caseDecisions.decide(PartyCases.ALL, id, decision(null, "2026-06-02", "FINE", "2000"));
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct("2026-06-02"));
		assertThat(rules("deferredUntil", () -> caseExecution.arrangePayment(PartyCases.ALL, id, PartyCases.HEAD,
				new CaseExecution.PaymentTerms("DEFERRAL", "2026-06-02", "2099-01-01", "经营困难", null)))).containsExactly("range");
		today("2026-06-25");
		assertThat(rules("appliedOn", () -> caseExecution.arrangePayment(PartyCases.ALL, id, PartyCases.HEAD,
				new CaseExecution.PaymentTerms("DEFERRAL", "2026-06-25", "2026-07-20", "经营困难", null)))).containsExactly("after-due");
		assertThat(cases.procedure(PartyCases.ALL, id).paymentArrangement()).isNull();
	}

	@Test
	void aReviewStatesItsOutcomeAndIsMadeInTheHandlingBureauNotByTheConclusionsAuthor() throws Exception {
		today("2026-06-02");
		long id = investigating(party.other(), "DATA_NOT_REPORTED", LocalDate.of(2026, 6, 1));
		String c = "/api/v1/enforcement/cases/" + id;
		call(PenaltyCaseIntegrationTest.WUZHONG, c + "/conclusion", """
				{"report":"查明未报送","proposedPenalty":"FINE","proposedFine":"2000","concludedOn":"2026-06-02"}""")
			.andExpect(status().isOk());
		call(PenaltyCaseIntegrationTest.REVIEWER, c + "/review", "{\"opinion\":\"同意\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("agreed"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		call(PenaltyCaseIntegrationTest.WUZHONG, c + "/review", "{\"agreed\":true,\"opinion\":\"同意\"}")
			.andExpect(status().isUnprocessableEntity())
			// the conclusion's author is of the investigation team too: refused as either (行政处罚法(2021) art.58)
			.andExpect(jsonPath("$.errors[0].rule").value(org.hamcrest.Matchers.oneOf("reviewer-is-author",
					"reviewer-is-investigator")));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().reviewedOn()).isNull();
		// the county's case is reviewed in the county bureau: the city's staff read it and are refused its 法制审核 (403,
		// naming the handling bureau), so no 法制审核意见书 headed by the county is signed by a city person
		for (String above : List.of(PenaltyCaseIntegrationTest.CITY, PenaltyCaseIntegrationTest.MARKET)) {
			call(above, c + "/review", "{\"agreed\":true,\"opinion\":\"同意\"}").andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("吴中区邮政管理局")));
		}
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().reviewedOn()).isNull();
		call(PenaltyCaseIntegrationTest.REVIEWER, c + "/review", "{\"agreed\":true,\"opinion\":\"同意\"}").andExpect(status().isOk());
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().reviewedBy()).isEqualTo("韩法审");
	}

	@Test
	void noConclusionWithoutEvidence() {
		today("2026-06-02");
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		assertThat(rules("evidence", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id,
				new CaseInvestigation.Conclusion("查明当事人违法事实", "FINE", "2000", false, null, null, null, "2026-06-02"))))
			.containsExactly("no-evidence");
	}

	/*
	 * 并处 (combined penalties, 邮政法(2015) arts.72, 76; 快递暂行条例(2025) arts.52, 54): a 责令停业整顿 states its period
	 * and carries the fine its article adds; a county bureau neither proposes nor decides 吊销 (the licence's issuing
	 * authority does, 邮政法(2015) art.53); a confiscation added after the notice is heavier than notified (行政处罚法(2021)
	 * art.45); a past case imports its confiscation beside its fine, and the contract's older meaning of fine for a 没收
	 * still holds.
	 */

	static CaseDecisions.Decision seriousDecision(String on, String penalty, String fine, String confiscated, String days) {
		return new CaseDecisions.Decision(null, on, penalty, fine, null, null, null, on, "情节严重，责令停业整顿并处罚款",
				List.of("蒋局长", "李副局长", "王副局长"), confiscated, days);
	}

	@Test
	void aSuspensionStatesItsPeriodAndCarriesTheFineItsArticleAdds() {
		today("2026-06-01");
		long id = investigating(party.other(), "BRANCH_UNFILED", LocalDate.of(2026, 5, 25));
		// 邮政法 art.73: "处一万元以上五万元以下罚款，并可以责令停业整顿" — the suspension without its fine is refused
		assertThat(rules("proposedFine", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id,
				new CaseInvestigation.Conclusion("查明当事人违法事实", "SUSPENSION", null, true, null, null, null, "2026-05-26"))))
			.containsExactly("combined-required");
		assertThat(rules("proposedSuspensionDays", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id,
				new CaseInvestigation.Conclusion("查明当事人违法事实", "SUSPENSION", "20000", true, null, null, null, "2026-05-26", null))))
			.containsExactly("required");
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明当事人违法事实", "SUSPENSION", "20000", true, null, null,
				null, "2026-05-26", null, "61"));
		caseInvestigation.review(PartyCases.ALL, id, PartyCases.REVIEWER, true, "同意");
		today("2026-06-10");
		noticeAndHearing.notifyParty(PartyCases.ALL, id, "2026-06-09");
		today("2026-06-17");
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, "2026-06-10", PartyCases.waiver());

		assertThat(rules("suspensionDays", () -> caseDecisions.decide(PartyCases.ALL, id,
				seriousDecision("2026-06-17", "SUSPENSION", "20000", null, null)))).containsExactly("required");
		assertThat(rules("suspensionDays", () -> caseDecisions.decide(PartyCases.ALL, id,
				seriousDecision("2026-06-17", "SUSPENSION", "20000", null, "0")))).containsExactly("positive");
		// longer than the 61 days notified (art.45), and beyond the catalogue's ceiling (penalty.suspension-max, 180)
		assertThat(rules("suspensionDays", () -> caseDecisions.decide(PartyCases.ALL, id,
				seriousDecision("2026-06-17", "SUSPENSION", "20000", null, "62")))).containsExactly("heavier");
		assertThat(rules("suspensionDays", () -> caseDecisions.decide(PartyCases.ALL, id,
				seriousDecision("2026-06-17", "SUSPENSION", "20000", null, "9999")))).containsExactly("max", "heavier");
		assertThat(rules("fine", () -> caseDecisions.decide(PartyCases.ALL, id,
				seriousDecision("2026-06-17", "SUSPENSION", null, null, "61")))).containsExactly("combined-required");
		// a confiscation the article (邮政法 art.73) does not provide
		assertThat(rules("confiscated", () -> caseDecisions.decide(PartyCases.ALL, id,
				seriousDecision("2026-06-17", "SUSPENSION", "20000", "1000", "61")))).contains("not-provided");
		caseDecisions.decide(PartyCases.ALL, id, seriousDecision("2026-06-17", "SUSPENSION", "20000", null, "61"));
		CaseView c = cases.get(PartyCases.ALL, id).penaltyCase();
		assertThat(c.penalty()).isEqualTo(Penalty.SUSPENSION);
		assertThat(c.fine()).isEqualByComparingTo("20000");
		assertThat(c.suspensionDays()).isEqualTo(61);
		// its days are known once the decision is delivered: from the day after
		assertThat(c.suspensionFrom()).isNull();
		today("2026-06-18");
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct("2026-06-18"));
		c = cases.get(PartyCases.ALL, id).penaltyCase();
		assertThat(c.suspensionFrom()).isEqualTo(LocalDate.of(2026, 6, 19));
		assertThat(c.suspensionUntil()).isEqualTo(LocalDate.of(2026, 8, 18));
	}

	@Test
	void aCountyBureauDoesNotRevokeALicence() {
		today("2026-06-01");
		long id = investigating(party.other(), "PARCEL_TAMPERING", LocalDate.of(2026, 5, 25));
		assertThat(rules("proposedPenalty", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id,
				new CaseInvestigation.Conclusion("查明当事人违法事实", "REVOCATION", "150000", true, null, null, null, "2026-05-26"))))
			.containsExactly("revocation-authority");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATING);
	}

	@Test
	void aConfiscationAddedOrRaisedAfterTheNoticeIsRefused() {
		today("2026-06-01");
		long id = party.notified(party.other(), "USER_INFORMATION_LEAK", "10000", LocalDate.of(2026, 6, 1));
		today("2026-06-02");
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, "2026-06-02", PartyCases.waiver());
		today("2026-06-10");
		assertThat(rules("confiscated", () -> caseDecisions.decide(PartyCases.ALL, id,
				new CaseDecisions.Decision(null, "2026-06-10", "CONFISCATION", "10000", null, null, null, null, null, null, "3000",
						null)))).containsExactly("heavier");
		assertThat(rules("penalty", () -> caseDecisions.decide(PartyCases.ALL, id,
				new CaseDecisions.Decision(null, "2026-06-10", "FINE", "10000", null, null, null, null, null, null, "3000",
						null)))).containsExactly("heaviest");
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, "2026-06-10", "FINE", "10000", null, null, null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().confiscated()).isNull();
	}

	@Test
	void aPastCaseImportsItsConfiscationBesideItsFine() throws Exception {
		today("2026-06-02");
		EnterpriseView e = party.other();
		String json = """
				{"enterpriseCreditCode":"%s","violation":"UNLICENSED","source":"REPORT","filedOn":"2025-03-01",
				 "decidedOn":"2025-05-10","decisionNumber":"%s","penalty":"CONFISCATION","fine":%s%s}""";
		String combined = pastNumber();
		long id = PenaltyCaseIntegrationTest.id(call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/cases/imported",
				json.formatted(e.creditCode(), combined, "60000", ",\"confiscated\":8000"))
			.andExpect(status().isCreated()));
		CaseView c = cases.get(PartyCases.ALL, id).penaltyCase();
		assertThat(c.fine()).isEqualByComparingTo("60000");
		assertThat(c.confiscated()).isEqualByComparingTo("8000");

		// the contract's older meaning: a 没收 without confiscated states the value confiscated in fine — and so no fine,
		// which the article 并处 (邮政法 art.72): refused as a decision on the platform is (combined-required on fine)
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/cases/imported",
				json.formatted(e.creditCode(), pastNumber(), "7000", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'fine')].rule").value(Matchers.hasItem("combined-required")));

		// 快递市场管理办法 art.56 only warns or fines: nothing to confiscate
		assertThat(rules("confiscated", () -> pastCases.importCase(PartyCases.ALL,
				new PastCases.ImportedCase(e.creditCode(), "DATA_NOT_REPORTED", "REPORT", "2025-03-01", "2025-05-10", pastNumber(),
						"FINE", new BigDecimal("1000"), null, null, new BigDecimal("500"))))).contains("not-provided");
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/cases/imported",
				json.formatted(e.creditCode(), pastNumber(), "60000", ",\"confiscated\":-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confiscated"));
	}

	static String pastNumber() {
		return "吴邮管罚〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
	}
}
