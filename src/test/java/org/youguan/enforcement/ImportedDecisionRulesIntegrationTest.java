package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.youguan.RandomLetters;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.platform.ChinaTime;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.org.BureauLevel;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.IssuingAuthority;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.ProcedureGuardsIntegrationTest.rules;

/**
 * An imported past decision meets the rules a decision on the platform meets (并处, 没收 where provided, 吊销 by the
 * issuing authority) and records the handover of what it confiscated; refusals of rules of law name their field and
 * rule; amounts are positive; a payment names an instalment only where instalments were approved, and a deferral
 * carries no instalments; a 文号 typed in another form of the same number is that number.
 */
@IntegrationTest
class ImportedDecisionRulesIntegrationTest extends ClockedSteps {

	@Autowired
	Leads leads;

	@Autowired
	PenaltyCases cases;

	@Autowired
	PastCases pastCases;

	@Autowired
	DecisionPublication decisionPublication;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	OnTheSpotPenalties onTheSpotPenalties;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Licences licences;

	@Autowired
	DecisionOutcomes decisionOutcomes;

	static String number() {
		return "吴邮管罚〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
	}

	static PastCases.ImportedCase past(EnterpriseView e, String violation, String penalty, String fine, String confiscated,
			String paidOn, String closedOn, String handedOverOn) {
		return new PastCases.ImportedCase(e.creditCode(), violation, "REPORT", "2025-03-01", "2025-05-10", number(), penalty,
				fine == null ? null : new BigDecimal(fine), paidOn, closedOn, confiscated == null ? null : new BigDecimal(confiscated),
				handedOverOn);
	}

	@Test
	void anImportedSuspensionOrConfiscationWithoutTheFineItsArticleImposesIsRefusedAsTheLiveDecisionRefusesIt() {
		EnterpriseView e = party.other();
		assertThat(rules("fine", () -> pastCases.importCase(PartyCases.ALL, past(e, "BRANCH_UNFILED", "SUSPENSION", null, null, null,
				null, null)))).containsExactly("combined-required");
		assertThat(rules("fine", () -> pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", null, "8000", null,
				null, null)))).containsExactly("combined-required");
		long id = pastCases.importCase(PartyCases.ALL, past(e, "BRANCH_UNFILED", "SUSPENSION", "5000", null, null, null, null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().fine()).isEqualByComparingTo("5000");
	}

	@Test
	void onlyTheIssuingProvincialBureauImportsARevocation() {
		EnterpriseView e = party.other();
		assertThat(rules("penalty", () -> pastCases.importCase(DataScope.region("320506"), past(e, "SECURITY_CHECKS", "REVOCATION",
				"200000", null, null, null, null)))).containsExactly("revocation-authority");
		assertThat(rules("penalty", () -> pastCases.importCase(DataScope.region("3205"), past(e, "SECURITY_CHECKS", "REVOCATION",
				"200000", null, null, null, null)))).containsExactly("revocation-authority");
		long id = pastCases.importCase(DataScope.region("32"), past(e, "SECURITY_CHECKS", "REVOCATION", "200000", null, null, null,
				null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().penalty()).isEqualTo(Penalty.REVOCATION);
	}

	/**
	 * A new 相城 enterprise holding a licence of {@code scope} in force, issued last year by its issuing authority (not in
	 * 吴中, where {@link PartyCases#other} picks its enterprise).
	 */
	EnterpriseView licensed(LicenceScope scope) {
		String digits = UUID.randomUUID().toString().replaceAll("[^0-9]", "");
		String base = "91320506MA" + digits.substring(0, 7);
		String code = base + CreditCode.checkCharacter(base);
		long id = enterprises.register(DataScope.region("3205"), new EnterpriseData("吊销测试快递有限公司" + digits.substring(0, 6), code,
				EnterpriseType.EXPRESS, null, "张三", "测试路1号", "320507", "李四", "13912345678"), false);
		boolean national = IssuingAuthority.of(scope) == IssuingAuthority.NATIONAL;
		licences.record(DataScope.all(), Registrar.platform(), new LicenceData(id, (national ? "国邮R" : "苏邮R") + digits.substring(0, 7),
				scope, national ? "国家邮政局" : "江苏省邮政管理局", null, LocalDate.now(clock).minusYears(1), null), false);
		return enterprises.findByCreditCode(code).orElseThrow();
	}

	/** The id of the licence {@link #licensed} gave {@code holder}. */
	long licenceOf(EnterpriseView holder) {
		return licences.list(DataScope.all(), new Licences.Filter(null, null, holder.id()), PageQuery.of(null, 0, 1, null, null))
			.items().get(0).id();
	}

	static String refusal(String field, Executable step) {
		DomainException e = catchThrowableOfType(DomainException.class, step::execute);
		assertThat(e).as("the step is refused").isNotNull();
		return e.fieldErrors().stream().filter(f -> f.field().equals(field) && f.rule().equals("revocation-authority"))
			.map(FieldError::message).findFirst().orElseThrow();
	}

	@Test
	void aRevocationIsImposedOnlyByTheAuthorityThatIssuedTheEnterprisesLicenceAsTheRegistryStatesIt() {
		// 跨省: 国家邮政局 issued it, so a provincial bureau may not revoke it (邮政法 art.53, 行政许可法 art.70(四))
		EnterpriseView interProvince = licensed(LicenceScope.INTER_PROVINCE);
		assertThat(refusal("penalty", () -> pastCases.importCase(DataScope.region("32"), past(interProvince, "SECURITY_CHECKS",
				"REVOCATION", "200000", null, null, null, null))))
			.contains("吊销快递业务经营许可证由发证机关决定").contains("跨省快递业务经营许可证").contains("由国家邮政局颁发")
			.contains("办案机关（省局）不是发证机关").contains("不能吊销许可证");
		long national = pastCases.importCase(PartyCases.ALL, past(interProvince, "SECURITY_CHECKS", "REVOCATION", "200000", null,
				null, null, null));
		assertThat(cases.get(PartyCases.ALL, national).penaltyCase().penalty()).isEqualTo(Penalty.REVOCATION);

		// 省内: the provincial bureau issued it — 国家邮政局 does not revoke it, nor a county proposes it
		EnterpriseView province = licensed(LicenceScope.PROVINCE);
		assertThat(refusal("penalty", () -> pastCases.importCase(PartyCases.ALL, past(province, "SECURITY_CHECKS", "REVOCATION",
				"200000", null, null, null, null)))).contains("省内快递业务经营许可证").contains("由省邮政管理局颁发")
			.contains("办案机关（国家局）不是发证机关");
		long id = pastCases.importCase(DataScope.region("32"), past(province, "SECURITY_CHECKS", "REVOCATION", "200000", null, null,
				null, null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().penalty()).isEqualTo(Penalty.REVOCATION);
		long lead = leads.report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", province.creditCode(), null,
				"测试线索" + UUID.randomUUID(), LocalDate.now(clock).toString()), false);
		leads.propose(PartyCases.ALL, lead, "PARCEL_TAMPERING", LocalDate.now(clock).minusDays(1).toString(), null, false, null);
		long county = leads.approve(PartyCases.ALL, lead, PartyCases.HEAD, LocalDate.now(clock), false);
		// the county (相城) bureau handles it: its team holds one of its staff with an account (xc.staff)
		caseInvestigation.startInvestigation(PartyCases.ALL, county, List.of(new CaseInvestigation.Member("褚相城", "32050701"),
				new CaseInvestigation.Member("施执法", "32050702")));
		party.evidence(county);
		assertThat(refusal("proposedPenalty", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, county,
				new CaseInvestigation.Conclusion("查明当事人违法事实", "REVOCATION", "150000", true, null, null, null, LocalDate.now(clock).toString()))))
			.contains("由省邮政管理局颁发").contains("不是发证机关").contains("不能拟吊销许可证");
	}

	/**
	 * A revocation entered by hand in the registry names a 文号: one of a decision on the platform must be a revocation of
	 * this licence's holder (another enterprise's decision, or a fine, is refused on {@code decisionNumber}); a 文号 in
	 * the form of the platform's automatic numbers that no decision carries is refused; a paper decision's 文号 the
	 * platform does not know is a decision taken off it, and revokes.
	 */
	@Test
	void aRevocationEnteredInTheRegistryNamesARevocationOfTheHolderOrADecisionOffThePlatform() {
		EnterpriseView holder = licensed(LicenceScope.PROVINCE);
		long licence = licenceOf(holder);
		Registrar jiangsu = Registrar.bureau(BureauLevel.PROVINCE, "32");
		PastCases.ImportedCase othersFine = past(party.other(), "DATA_NOT_REPORTED", "FINE", "1000", null, null, null, null);
		pastCases.importCase(PartyCases.ALL, othersFine);
		PastCases.ImportedCase holdersFine = past(holder, "DATA_NOT_REPORTED", "FINE", "1000", null, null, null, null);
		pastCases.importCase(PartyCases.ALL, holdersFine);

		assertThat(rules("decisionNumber", () -> licences.revoke(DataScope.all(), jiangsu, licence, othersFine.decisionNumber(), "违法经营")))
			.containsExactly("decision-party");
		assertThat(rules("decisionNumber", () -> licences.revoke(DataScope.all(), jiangsu, licence, holdersFine.decisionNumber(), "违法经营")))
			.containsExactly("decision-penalty");
		assertThat(rules("decisionNumber", () -> licences.revoke(DataScope.all(), jiangsu, licence, "行政处罚决定-32-2025-987654",
				"违法经营"))).containsExactly("decision-unknown");
		// a 文号 as every 文号 is written (the identifier rule alone let markup through to the licence's record)
		assertThat(rules("decisionNumber", () -> licences.revoke(DataScope.all(), jiangsu, licence, "苏邮罚〔2025〕<b>1</b>号",
				"违法经营"))).containsExactly("document-number");
		assertThat(licences.get(DataScope.all(), licence).status()).isEqualTo(LicenceStatus.VALID);

		PastCases.ImportedCase revocation = past(holder, "SECURITY_CHECKS", "REVOCATION", "200000", null, null, null, null);
		pastCases.importCase(DataScope.region("32"), revocation);
		licences.revoke(DataScope.all(), jiangsu, licence, revocation.decisionNumber(), "违法经营");
		assertThat(licences.get(DataScope.all(), licence).status()).isEqualTo(LicenceStatus.REVOKED);

		// a decision off the platform: its paper 文号 is not the platform's to check
		EnterpriseView other = licensed(LicenceScope.PROVINCE);
		long second = licences.list(DataScope.all(), new Licences.Filter(null, null, other.id()), PageQuery.of(null, 0, 1, null, null))
			.items().get(0).id();
		licences.revoke(DataScope.all(), jiangsu, second, number(), "违法经营");
		assertThat(licences.get(DataScope.all(), second).status()).isEqualTo(LicenceStatus.REVOKED);
	}

	/**
	 * A revocation annulled on review (撤销) is in effect no more, and one changed (变更) to a fine revokes nothing: the
	 * registry revokes no licence by hand on either (attack: 苏邮管罚〔2026〕77号 annulled, then the licence revoked on it).
	 */
	@Test
	void aRevocationAnnulledOrChangedAwayOnReviewRevokesNoLicenceByHand() {
		EnterpriseView holder = licensed(LicenceScope.PROVINCE);
		long licence = licenceOf(holder);
		Registrar jiangsu = Registrar.bureau(BureauLevel.PROVINCE, "32");
		String today = LocalDate.now(clock).toString();
		PastCases.ImportedCase annulled = past(holder, "SECURITY_CHECKS", "REVOCATION", "200000", null, null, null, null);
		long a = pastCases.importCase(DataScope.region("32"), annulled);
		decisionOutcomes.record(PartyCases.ALL, a, new DecisionOutcomes.Outcome("REVIEW", "江苏省人民政府", "苏政复决〔2026〕" + a + "号",
				today, "REVOKED", "认定事实不清", null, null, null), null);
		assertThat(rules("decisionNumber", () -> licences.revoke(DataScope.all(), jiangsu, licence, annulled.decisionNumber(), "违法经营")))
			.containsExactly("decision-not-in-effect");

		PastCases.ImportedCase changed = past(holder, "SECURITY_CHECKS", "REVOCATION", "200000", null, null, null, null);
		long b = pastCases.importCase(DataScope.region("32"), changed);
		decisionOutcomes.record(PartyCases.ALL, b, new DecisionOutcomes.Outcome("REVIEW", "江苏省人民政府", "苏政复决〔2026〕" + b + "号",
				today, "CHANGED", "吊销过重", "FINE", "150000", null), null);
		assertThat(rules("decisionNumber", () -> licences.revoke(DataScope.all(), jiangsu, licence, changed.decisionNumber(), "违法经营")))
			.containsExactly("decision-penalty");
		assertThat(licences.get(DataScope.all(), licence).status()).isEqualTo(LicenceStatus.VALID);
	}

	/** The newest registry audit entry of {@code action} on licence {@code id}, its summary, or null. */
	String lastEntry(String action, long id) {
		return jdbc.sql("""
				SELECT summary FROM audit_event WHERE action = :action AND object_type = 'ExpressLicence'
				AND object_id = :id ORDER BY id DESC LIMIT 1""")
			.param("action", action).param("id", String.valueOf(id)).query(String.class).optional().orElse(null);
	}

	/**
	 * The revocation lifted: a licence revoked on a penalty decision that 行政复议 then annuls is valid again; one revoked
	 * on a decision changed to a fine after its term ended is left expired — each audited with the outcome and its
	 * 文号, the expiry said; an outcome heard again restores nothing twice (the licence stayed 吊销 before).
	 */
	@Test
	void aLicenceRevokedOnADecisionLaterAnnulledOrChangedAwayIsRestoredUnlessItsTermEnded() {
		Registrar jiangsu = Registrar.bureau(BureauLevel.PROVINCE, "32");
		EnterpriseView holder = licensed(LicenceScope.PROVINCE);
		long licence = licenceOf(holder);
		PastCases.ImportedCase annulled = past(holder, "SECURITY_CHECKS", "REVOCATION", "200000", null, null, null, null);
		long a = pastCases.importCase(DataScope.region("32"), annulled);
		licences.revoke(DataScope.all(), jiangsu, licence, annulled.decisionNumber(), "违法经营");
		assertThat(licences.get(DataScope.all(), licence).status()).isEqualTo(LicenceStatus.REVOKED);
		String document = "苏政复决〔2026〕R" + a + "号";
		decisionOutcomes.record(PartyCases.ALL, a, new DecisionOutcomes.Outcome("REVIEW", "江苏省人民政府", document,
				LocalDate.now(clock).toString(), "REVOKED", "认定事实不清", null, null, null), null);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.get(DataScope.all(), licence).status() == LicenceStatus.VALID);
		assertThat(licences.get(DataScope.all(), licence).stateReason()).isNull();
		assertThat(lastEntry("licence.restore", licence)).contains(annulled.decisionNumber(), "行政复议撤销", document,
				"恢复为有效");
		assertThat(lastEntry("licensing.restore", licence)).contains(annulled.decisionNumber());

		// changed to a fine after the licence's term ended: restored from 吊销, but expired, and the audit says so
		EnterpriseView other = licensed(LicenceScope.PROVINCE);
		long second = licenceOf(other);
		PastCases.ImportedCase changed = past(other, "SECURITY_CHECKS", "REVOCATION", "200000", null, null, null, null);
		long b = pastCases.importCase(DataScope.region("32"), changed);
		licences.revoke(DataScope.all(), jiangsu, second, changed.decisionNumber(), "违法经营");
		LocalDate expiry = licences.get(DataScope.all(), second).expiresOn();
		clock.set(expiry.plusDays(3).atTime(10, 0));
		decisionOutcomes.record(PartyCases.ALL, b, new DecisionOutcomes.Outcome("LITIGATION", "苏州市中级人民法院",
				"苏中法行判〔2030〕" + b + "号", LocalDate.now(clock).toString(), "CHANGED", "吊销过重", "FINE", "150000", null), null);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.get(DataScope.all(), second).status() == LicenceStatus.EXPIRED);
		assertThat(lastEntry("licence.restore", second)).contains(changed.decisionNumber(), "行政诉讼变更", "已过期");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.restore' AND object_id = :id")
			.param("id", String.valueOf(second)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anImportedConfiscationRecordsItsHandoverAndIsNotClosedWithoutIt() {
		EnterpriseView e = party.other();
		assertThat(rules("handedOverOn", () -> pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", "60000",
				"8000", "2025-05-20", "2025-06-10", null)))).containsExactly("not-handed-over");
		assertThat(rules("handedOverOn", () -> pastCases.importCase(PartyCases.ALL, past(e, "DATA_NOT_REPORTED", "FINE", "1000", null,
				"2025-05-20", null, "2025-05-20")))).containsExactly("absent");
		assertThat(rules("handedOverOn", () -> pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", "60000",
				"8000", null, null, "2025-05-01")))).as("handed over before the decision").containsExactly("order");

		long closed = pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", "60000", "8000", "2025-05-20",
				"2025-06-10", "2025-05-25"));
		assertThat(cases.get(PartyCases.ALL, closed).penaltyCase().status()).isEqualTo(CaseStatus.CLOSED);
		PenaltyCases.Handover handover = cases.get(PartyCases.ALL, closed).handover();
		assertThat(handover.handedOverOn()).isEqualTo(LocalDate.of(2025, 5, 25));
		assertThat(handover.amount()).isEqualByComparingTo("8000");

		// the fine paid, the confiscation not handed over: decided, not carried out
		long unpaid = pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", "60000", "8000", "2025-05-20", null,
				null));
		assertThat(cases.get(PartyCases.ALL, unpaid).penaltyCase().status()).isEqualTo(CaseStatus.DECIDED);
		long executed = pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", "60000", "8000", "2025-05-20", null,
				"2025-05-21"));
		assertThat(cases.get(PartyCases.ALL, executed).penaltyCase().status()).isEqualTo(CaseStatus.EXECUTED);
	}

	@Test
	void anAmountOfZeroOrBelowBreaksThePositiveRuleNotTheRequiredOne() {
		EnterpriseView e = party.other();
		assertThat(rules("confiscated", () -> pastCases.importCase(PartyCases.ALL, past(e, "UNLICENSED", "CONFISCATION", "60000",
				"-5", null, null, null)))).contains("positive").doesNotContain("required");
		assertThat(rules("fine", () -> pastCases.importCase(PartyCases.ALL, past(e, "DATA_NOT_REPORTED", "FINE", "-100", null, null,
				null, null)))).containsExactly("positive");
		clock.set(LocalDate.of(2026, 6, 10).atTime(10, 0));
		long id = party.filed(e, "UNLICENSED", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		for (String amount : List.of("0", "-1")) {
			assertThat(rules("proposedConfiscated", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion(
					"查明违法事实", "CONFISCATION", "60000", false, null, null, null, "2026-06-02", amount))))
				.as(amount).containsExactly("positive");
		}
		assertThat(rules("proposedConfiscated", () -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion(
				"查明违法事实", "CONFISCATION", "60000", false, null, null, null, "2026-06-02", null)))).containsExactly("required");
	}

	/** A fine of 1e15 yuan is refused naming the fine's own limit (12 integer digits), not the JSON reader's. */
	@Test
	void anAmountBeyondTheColumnNamesTheAmountsOwnDigitLimit() throws Exception {
		EnterpriseView e = party.other();
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"REPORT","filedOn":"2025-03-01",
					 "decidedOn":"2025-05-10","decisionNumber":"%s","penalty":"FINE","fine":1e15}""".formatted(e.creditCode(), number())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'fine' && @.rule == 'digits')].message")
				.value(Matchers.hasItem(Matchers.containsString("最多12位整数"))));
	}

	/**
	 * The 422s of the procedure name their field and rule: a reviewer who investigated, a notice before the review the
	 * case requires (named {@code on}, as the API's body calls it), a decision against a person not published.
	 */
	@Test
	void aRefusalByARuleOfLawNamesItsFieldAndRule() throws Exception {
		clock.set(LocalDate.of(2026, 6, 10).atTime(10, 0));
		long id = party.filed(party.other(), "UNLICENSED", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE", "60000", false, null,
				null, null, "2026-06-02"));
		assertThat(rules("notifiedOn", () -> noticeAndHearing.notifyParty(PartyCases.ALL, id, "2026-06-10"))).containsExactly("before-review");
		clock.reset();
		assertThat(rules("reviewer", () -> caseInvestigation.review(PartyCases.ALL, id, new Officer(null, PartyCases.TEAM.get(0).name()), true,
				"同意"))).containsExactly("reviewer-is-investigator");
		// the same person in traditional characters or typed with a space (attack 27 L1): one name key, as in 集体讨论
		for (String alike : List.of("沈執法", "沈 执法", "陳吳中")) {
			assertThat(rules("reviewer", () -> caseInvestigation.review(PartyCases.ALL, id, new Officer(null, alike), true, "同意")))
				.as(alike).containsExactly("reviewer-is-investigator");
		}
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/notice").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + LocalDate.now(ChinaTime.ZONE) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("on"))
			.andExpect(jsonPath("$.errors[0].rule").value("before-review"));
		clock.set(LocalDate.of(2026, 6, 10).atTime(10, 0));
		// time-barred (art.36): named on the day the violation ended
		long lead = leads.report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", party.other().creditCode(), null,
				"测试线索" + UUID.randomUUID(), "2026-06-01"), false);
		leads.propose(PartyCases.ALL, lead, "OUTLET_UNFILED", "2024-01-02", null, false, null);
		assertThat(rules("endedOn", () -> leads.approve(PartyCases.ALL, lead, PartyCases.HEAD, LocalDate.of(2026, 6, 2), false)))
			.containsExactly("limitation");
		// a person's decision (recorded before the catalogue said who may be a party: no duty of today's catalogue
		// admits a person on the spot) is not published
		long spot = onTheSpotPenalties.decideOnTheSpot(PartyCases.ALL, new OnTheSpotPenalties.OnTheSpot("ORGANISATION",
				party.other().creditCode(), null, null, "DATA_NOT_REPORTED", "未按规定报送", "营业场所", "2026-06-10", "WARNING",
				null, PartyCases.TEAM));
		jdbc.sql("""
				UPDATE penalty_case SET party_kind = 'PERSON', enterprise_credit_code = NULL, enterprise_name = '李某'
				WHERE id = :id""").param("id", spot).update();
		assertThat(rules("publishedOn", () -> decisionPublication.publish(PartyCases.ALL, spot, "2026-06-10"))).containsExactly("natural-person");
	}

	@Test
	void aPaymentNamesAnInstalmentOnlyWhereInstalmentsWereApprovedAndADeferralCarriesNone() {
		LocalDate on = LocalDate.now(ChinaTime.ZONE).minusDays(2);
		long id = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "1000", on);
		assertThat(rules("instalment", () -> caseExecution.pay(PartyCases.ALL, id, LocalDate.now(ChinaTime.ZONE).toString(), "1000", "1")))
			.containsExactly("absent");
		assertThat(rules("instalments", () -> caseExecution.arrangePayment(PartyCases.ALL, id, PartyCases.HEAD, new CaseExecution.PaymentTerms(
				"DEFERRAL", on.toString(), on.plusDays(30).toString(), "经济困难", List.of(new CaseExecution.InstalmentTerm(
						on.plusDays(20).toString(), "500"))))))
			.containsExactly("absent");
		caseExecution.pay(PartyCases.ALL, id, LocalDate.now(ChinaTime.ZONE).toString(), "1000", null);
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().paidOn()).isEqualTo(LocalDate.now(ChinaTime.ZONE));
	}

	/** 〔2025〕一号 is 〔2025〕1号, and a 文号 of 0 is no number. */
	@Test
	void aDecisionNumberInChineseNumeralsIsTheSameNumberAndZeroIsRefused() {
		EnterpriseView e = party.other();
		// a paper-era code of its own, in characters (a 文号's code and kind are written together, Han only)
		String office = "吴邮管罚" + RandomLetters.of(6).chars().map(c -> '甲' + c - 'a').collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
		PastCases.ImportedCase first = past(e, "DATA_NOT_REPORTED", "WARNING", null, null, null, null, null);
		long id = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(first.enterpriseCreditCode(), first.violation(),
				first.source(), first.filedOn(), first.decidedOn(), office + "〔2025〕十二号", "WARNING", null, null, null));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decisionNumber()).isEqualTo(office + "〔2025〕12号");
		assertThat(rules("decisionNumber", () -> pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(
				first.enterpriseCreditCode(), first.violation(), first.source(), first.filedOn(), first.decidedOn(),
				office + "[2025]第12号", "WARNING", null, null, null)))).containsExactly("unique");
		assertThat(rules("decisionNumber", () -> pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(
				first.enterpriseCreditCode(), first.violation(), first.source(), first.filedOn(), first.decidedOn(),
				office + "〔2025〕第0号", "WARNING", null, null, null)))).containsExactly("sequence");
	}

	/** 〔2025〕贰号, 〔二〇二五〕2号 and 二○二五年第壹拾贰号 are numbers already issued, not new ones. */
	@Test
	void aDecisionNumberInCapitalNumeralsOrAChineseYearIsRefusedAsTheNumberItNames() {
		EnterpriseView e = party.other();
		// a paper-era code of its own, in characters (a 文号's code and kind are written together, Han only)
		String office = "吴邮管罚" + RandomLetters.of(6).chars().map(c -> '甲' + c - 'a').collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
		PastCases.ImportedCase first = past(e, "DATA_NOT_REPORTED", "WARNING", null, null, null, null, null);
		for (String stored : List.of("〔2025〕2号", "〔2025〕12号")) {
			pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(first.enterpriseCreditCode(), first.violation(),
					first.source(), first.filedOn(), first.decidedOn(), office + stored, "WARNING", null, null, null));
		}
		for (String again : List.of("〔2025〕贰号", "〔二〇二五〕2号", "〔贰零贰伍〕貳號", "二○二五年第壹拾贰号", "〔2025〕拾贰号")) {
			assertThat(rules("decisionNumber", () -> pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(
					first.enterpriseCreditCode(), first.violation(), first.source(), first.filedOn(), first.decidedOn(),
					office + again, "WARNING", null, null, null)))).as(again).containsExactly("unique");
		}
	}

	/**
	 * A decision's 文号 is unique nationwide whatever brackets, separators or letter case it is typed with (attack round
	 * 10: "行政处罚决定 320506 2026 000003" copied a live case's 文号 past the automatic-number rule with 201): the
	 * series' number (苏吴邮管罚〔2026〕N号) typed with other brackets, 第, a leading zero or spaces is that number (409);
	 * a hand-typed 文号 in another case or with spaces is the one imported; a different number passes.
	 */
	@Test
	void aDecisionNumberTypedWithOtherSeparatorsOrCaseIsTheNumberIssued() throws Exception {
		EnterpriseView e = party.other();
		LocalDate decided = LocalDate.now(ChinaTime.ZONE).minusDays(2);
		long live = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", decided);
		String issued = cases.get(PartyCases.ALL, live).penaltyCase().decisionNumber();
		assertThat(issued).matches("苏吴邮管罚〔" + decided.getYear() + "〕[1-9][0-9]*号");
		// decided in the number's year, so its 〔year〕 is not refused before its uniqueness is asked
		PastCases.ImportedCase past = past(e, "DATA_NOT_REPORTED", "WARNING", null, null, null, null, null);
		PastCases.ImportedCase first = new PastCases.ImportedCase(past.enterpriseCreditCode(), past.violation(), past.source(),
				decided.minusDays(30).toString(), decided.toString(), past.decisionNumber(), "WARNING", null, null, null);
		for (String copy : List.of(issued.replace("〔", "[").replace("〕", "]"), issued.replace("〔", "（").replace("〕", "）"),
				issued.replace("〕", "〕第"), issued.replace("〕", "〕0"), issued.replace("〔", " 〔 "))) {
			assertThat(rules("decisionNumber", () -> pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(
					first.enterpriseCreditCode(), first.violation(), first.source(), first.filedOn(), first.decidedOn(), copy,
					"WARNING", null, null, null)))).as(copy).containsExactly("unique");
		}
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"REPORT","filedOn":"2025-03-01",
					 "decidedOn":"%s","decisionNumber":"%s","penalty":"WARNING"}""".formatted(e.creditCode(), decided,
					issued.replace("〔", "(").replace("〕", ")"))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("decisionNumber"));
		String tail = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(first.enterpriseCreditCode(), first.violation(),
				first.source(), first.filedOn(), first.decidedOn(), "SZCF-WZ-" + tail, "WARNING", null, null, null));
		for (String lookAlike : List.of("szcf-wz-" + tail.toLowerCase(), "SZCF WZ " + tail, "SZCF_WZ_" + tail, "SZCFWZ" + tail)) {
			assertThat(rules("decisionNumber", () -> pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(
					first.enterpriseCreditCode(), first.violation(), first.source(), first.filedOn(), first.decidedOn(), lookAlike,
					"WARNING", null, null, null)))).as(lookAlike).containsExactly("unique");
		}
		long other = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(first.enterpriseCreditCode(), first.violation(),
				first.source(), first.filedOn(), first.decidedOn(), "SZCF-WZ-" + tail + "-2", "WARNING", null, null, null));
		assertThat(cases.get(PartyCases.ALL, other).penaltyCase().decisionNumber()).isEqualTo("SZCF-WZ-" + tail + "-2");
	}
}
