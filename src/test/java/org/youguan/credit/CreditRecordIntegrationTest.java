package org.youguan.credit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.EnterpriseTokens;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDecided;
import org.youguan.enforcement.PenaltyDecisionRemedied;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.inspections.RectificationOverdue;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.security.ApiTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The credit record (快递业信用管理暂行办法(2017)) on the real database: entries taken in from the enforcement and
 * inspections modules' events, the correction a changed or revoked penalty owes by the rule catalogue's day (art.17),
 * objections filed by the enterprise on its own record only and reviewed by staff of the entry's region (art.18),
 * wrong-state steps refused with 409, and each caller's scope.
 */
@IntegrationTest
class CreditRecordIntegrationTest {

	static final String REGION = "320506";

	/** 吴中's 处室工作人员, the region of the entries. */
	static final String WUZHONG = "Bearer demo-wz-staff-token";

	/** 相城's 处室工作人员: another county. */
	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	/** 苏州市局's 处室工作人员: the bureau above 吴中. */
	static final String CITY = "Bearer demo-sz-market-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aPenaltyDecisionBecomesAnEntryOfItsEnterpriseSeenByItsRegionAndItsEnterpriseOnly() throws Exception {
		List<String> codes = twoEnterprises();
		long entry = decided(codes.get(0), "苏邮罚〔2026〕" + RandomDigits.of(6) + "号");
		CreditEntry e = jdbc.sql("SELECT id FROM credit_entry WHERE id = :id").param("id", entry).query(Long.class).optional()
			.map(id -> records.get(DataScope.all(), id)).orElseThrow();
		assertThat(e.kind()).isEqualTo(CreditEntry.Kind.PENALTY_DECISION);
		assertThat(e.summary()).contains("罚款人民币5000元");
		assertThat(e.status()).isEqualTo(CreditEntry.Status.IN_FORCE);
		assertThat(e.correctionDueOn()).isNull();
		assertThat(audited("credit.entry.add", entry)).isEqualTo(1);

		mvc.perform(get("/api/v1/credit/entries").param("q", e.sourceNumber()).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem((int) entry)));
		mvc.perform(get("/api/v1/credit/entries").param("q", e.sourceNumber()).header("Authorization", XIANGCHENG))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", not(hasItem((int) entry))));
		mvc.perform(get("/api/v1/credit/entries/" + entry).header("Authorization", XIANGCHENG)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/credit/entries/" + entry).header("Authorization", "Bearer demo-sz-market-token"))
			.andExpect(status().isOk());

		String own = EnterpriseTokens.bearer(codes.get(0), users, directory, tokens, tx);
		String other = EnterpriseTokens.bearer(codes.get(1), users, directory, tokens, tx);
		mvc.perform(get("/api/v1/credit/entries/" + entry).header("Authorization", own)).andExpect(status().isOk())
			.andExpect(jsonPath("$.entry.enterpriseCreditCode").value(codes.get(0)));
		mvc.perform(get("/api/v1/credit/entries/" + entry).header("Authorization", other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/credit/entries").header("Authorization", other)).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) entry))));
		mvc.perform(get("/api/v1/credit/entries").param("status", "BOGUS").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	/**
	 * A decision made on the platform enters the record when it is served on the party (the decision takes effect then,
	 * 行政处罚法(2021) art.61; before it the party would see, and could object to, a decision it does not hold), with the
	 * terms as served; a past decision imported (served off the platform) enters at once.
	 */
	@Test
	void aDecisionEntersTheRecordWhenServedAndAnImportedOneAtOnce() {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("5" + RandomDigits.of(9));
		LocalDate decidedOn = LocalDate.now(clock).minusDays(10);
		redeliver(new PenaltyDecided(caseId, number, REGION, code, "测试企业", "OUTLET_UNFILED", Penalty.FINE,
				new BigDecimal("5000"), decidedOn, false));
		assertThat(entries("penalty:" + caseId)).as("decided, not served: not on the record").isZero();

		// served with the fine as changed before the delivery
		redeliver(new PenaltyDelivered(caseId, number, REGION, code, "测试企业", Penalty.FINE, decidedOn.plusDays(3),
				"OUTLET_UNFILED", new BigDecimal("3000"), null, decidedOn));
		assertThat(entries("penalty:" + caseId)).isEqualTo(1);
		long entry = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
		CreditEntry e = records.get(DataScope.all(), entry);
		assertThat(e.summary()).contains("罚款人民币3000元").doesNotContain("5000");
		assertThat(e.occurredOn()).as("the day of the decision").isEqualTo(decidedOn);

		long past = Long.parseLong("5" + RandomDigits.of(9));
		redeliver(new PenaltyDecided(past, "苏邮罚〔2024〕" + RandomDigits.of(6) + "号", REGION, code, "测试企业", "OUTLET_UNFILED",
				Penalty.FINE, new BigDecimal("5000"), LocalDate.of(2024, 3, 1), true));
		assertThat(entries("penalty:" + past)).as("imported: served off the platform").isEqualTo(1);
	}

	@Test
	void aRevokedPenaltyOwesTheEntrysRemovalByTheCataloguesDayAndIsOverdueAfterIt() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("7" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		LocalDate revokedOn = LocalDate.now(clock).minusDays(25);
		remedied(caseId, code, number, DecisionOutcomes.Result.REVOKED, null, revokedOn);
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		CreditEntry owed = records.get(DataScope.all(), entry);
		LocalDate due = rules.deadline(StatutoryRule.CREDIT_RECORD_UPDATE, revokedOn, REGION);
		assertThat(due).isAfterOrEqualTo(revokedOn.plusDays(10));
		assertThat(owed.correctionKind()).isEqualTo(CreditEntry.CorrectionKind.REMOVE);
		assertThat(owed.correctionDueOn()).isEqualTo(due);
		assertThat(owed.correctionOverdue()).isEqualTo(due.isBefore(LocalDate.now(clock)));
		assertThat(owed.correctionReason()).contains("行政复议撤销");
		mvc.perform(get("/api/v1/credit/entries").param("overdue", "true").param("q", number).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem((int) entry)));

		// another county's staff does not find it; the enterprise may not correct its own record
		call(XIANGCHENG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isNotFound());
		call(EnterpriseTokens.bearer(code, users, directory, tokens, tx), "/api/v1/credit/entries/" + entry + "/correction", "{}")
			.andExpect(status().isForbidden());
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{\"summary\":\"改写\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[0].rule").value("absent"));
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REMOVED")).andExpect(jsonPath("$.correctionDueOn").doesNotExist());
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("no-correction"));
		assertThat(audited("credit.entry.correction-due", entry)).isEqualTo(1);
		assertThat(audited("credit.entry.correct", entry)).isEqualTo(1);
	}

	@Test
	void aChangedPenaltyOwesTheEntrysChangeToThePenaltyAsChanged() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("8" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		LocalDate changedOn = LocalDate.now(clock);
		remedied(caseId, code, number, DecisionOutcomes.Result.CHANGED, "罚款人民币3000元", changedOn);
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		CreditEntry owed = records.get(DataScope.all(), entry);
		assertThat(owed.correctionKind()).isEqualTo(CreditEntry.CorrectionKind.CHANGE);
		assertThat(owed.correctionSummary()).endsWith("罚款人民币3000元");
		assertThat(owed.correctionDueOn()).isEqualTo(rules.deadline(StatutoryRule.CREDIT_RECORD_UPDATE, changedOn, REGION));
		assertThat(owed.correctionOverdue()).isFalse();
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CHANGED"))
			.andExpect(jsonPath("$.summary").value(owed.correctionSummary()));
	}

	@Test
	void anOverdueRectificationOrderBecomesAnInspectionEntryOnce() {
		String code = twoEnterprises().get(0);
		long order = Long.parseLong("9" + RandomDigits.of(9));
		String number = "苏邮改〔2026〕" + RandomDigits.of(5) + "号";
		RectificationOverdue overdue = new RectificationOverdue(order, 1, number, REGION, code, LocalDate.now(clock).minusDays(1),
				LocalDate.now(clock));
		tx.executeWithoutResult(s -> events.publishEvent(overdue));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries("rectification-overdue:" + order) == 1);
		tx.executeWithoutResult(s -> events.publishEvent(overdue));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE"
				+ " completion_date IS NULL AND event_type LIKE '%RectificationOverdue'").query(Long.class).single() == 0);
		assertThat(entries("rectification-overdue:" + order)).isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "rectification-overdue:" + order)
			.query(Long.class).single();
		CreditEntry e = records.get(DataScope.region(REGION), id);
		assertThat(e.source()).isEqualTo(CreditEntry.Source.INSPECTION);
		assertThat(e.kind()).isEqualTo(CreditEntry.Kind.RECTIFICATION_OVERDUE);
		assertThat(e.summary()).contains(number);
	}

	@Test
	void anObjectionIsFiledByTheEnterpriseOnItsOwnEntryAndReviewedByItsRegionsStaffOnce() throws Exception {
		List<String> codes = twoEnterprises();
		long entry = decided(codes.get(0), "苏邮罚〔2026〕" + RandomDigits.of(6) + "号");
		String own = EnterpriseTokens.bearer(codes.get(0), users, directory, tokens, tx);
		String other = EnterpriseTokens.bearer(codes.get(1), users, directory, tokens, tx);
		String path = "/api/v1/credit/entries/" + entry + "/objections";

		call(other, path, "{\"reason\":\"不是本企业\"}").andExpect(status().isNotFound());
		call(WUZHONG, path, "{\"reason\":\"工作人员代提\"}").andExpect(status().isForbidden());
		call(own, path, "{\"reason\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason")).andExpect(jsonPath("$.errors[0].rule").value("required"));
		// a personal number in the reasons is refused as in every listed and exported free text (kernel's one rule)
		call(own, path, "{\"reason\":\"联系人王某13912345678，身份证320506198505057771\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		ResultActions filed = call(own, path, "{\"reason\":\"罚款已由行政复议决定变更，记录未更新\"}").andExpect(status().isCreated());
		long objection = Long.parseLong(jsonValue(filed, "id"));
		call(own, path, "{\"reason\":\"再次提出\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("under-review"));
		CreditObjection o = objections.get(DataScope.all(), objection);
		assertThat(o.status()).isEqualTo(CreditObjection.Status.FILED);
		assertThat(o.filedOn()).isEqualTo(LocalDate.now(clock));
		assertThat(o.reviewDueOn()).isEqualTo(rules.deadline(StatutoryRule.CREDIT_OBJECTION_REVIEW, o.filedOn(), REGION));
		mvc.perform(get("/api/v1/credit/objections/" + objection).header("Authorization", other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/credit/objections/" + objection).header("Authorization", own)).andExpect(status().isOk());

		String review = "/api/v1/credit/objections/" + objection + "/review";
		String upheld = "{\"result\":\"UPHELD\",\"reason\":\"核实属实\",\"correction\":\"REMOVE\"}";
		call(XIANGCHENG, review, upheld).andExpect(status().isNotFound());
		call(own, review, upheld).andExpect(status().isForbidden());
		call(WUZHONG, review, "{\"result\":\"MAYBE\",\"reason\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("result"))).andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		call(WUZHONG, review, "{\"result\":\"UPHELD\",\"reason\":\"核实属实\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("correction"));
		call(WUZHONG, review, upheld).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UPHELD"));
		call(WUZHONG, review, "{\"result\":\"REJECTED\",\"reason\":\"再次复核\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-reviewed"));

		CreditEntry owed = records.get(DataScope.all(), entry);
		assertThat(owed.correctionKind()).isEqualTo(CreditEntry.CorrectionKind.REMOVE);
		assertThat(owed.correctionOrigin()).isEqualTo("OBJECTION");
		assertThat(owed.correctionDueOn())
			.isEqualTo(rules.deadline(StatutoryRule.CREDIT_OBJECTION_CORRECTION, LocalDate.now(clock), REGION));
		assertThat(audited("credit.objection.file", objection)).isEqualTo(1);
		assertThat(audited("credit.objection.review", objection)).isEqualTo(1);

		// once removed, the record takes no objection
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isOk());
		call(own, path, "{\"reason\":\"又一次\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("entry-removed"));
	}

	/**
	 * The party asks for its record to be repaired (异议) only once it holds the decision: an entry taken in at the
	 * decision before entries waited for the delivery, and one whose decision is deemed served (公告送达) only on a later
	 * day, are refused 409 {@code not-served} in Chinese naming the 文书, on the API and the portal, until served.
	 */
	@Test
	void anObjectionToAPenaltyNotYetServedIsRefusedUntilItsDelivery() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("7" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		// as an entry taken in at the decision before the record waited for its delivery
		jdbc.sql("UPDATE credit_entry SET served_on = NULL WHERE id = :id").param("id", entry).update();
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		String path = "/api/v1/credit/entries/" + entry + "/objections";
		call(own, path, "{\"reason\":\"尚未收到决定书\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("entryId"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-served"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(number + "尚未送达本企业")));
		MockHttpSession portal = enterpriseSession(code);
		mvc.perform(get("/enterprise/credit/entries/" + entry).session(portal)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"objection-form\""))))
			.andExpect(content().string(containsString("id=\"no-objection\"")));
		mvc.perform(post("/enterprise/credit/entries/" + entry + "/objections").session(portal).with(csrf())
			.param("reason", "尚未收到决定书")).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT count(*) FROM credit_objection WHERE entry_id = :id").param("id", entry)
			.query(Long.class).single()).isZero();

		// deemed served (公告送达) only in five days
		jdbc.sql("UPDATE credit_entry SET served_on = :on WHERE id = :id").param("on", LocalDate.now(clock).plusDays(5))
			.param("id", entry).update();
		call(own, path, "{\"reason\":\"尚未视为送达\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("not-served"));

		// its delivery heard: the entry learns the day, and the objection is taken
		jdbc.sql("UPDATE credit_entry SET served_on = NULL WHERE id = :id").param("id", entry).update();
		redeliver(delivered(caseId, number, REGION, code, LocalDate.now(clock).minusDays(30)));
		call(own, path, "{\"reason\":\"罚款已缴纳\"}").andExpect(status().isCreated());
	}

	@Test
	void aRejectedObjectionOwesNoCorrectionAndNamesNone() throws Exception {
		String code = twoEnterprises().get(0);
		long entry = decided(code, "苏邮罚〔2026〕" + RandomDigits.of(6) + "号");
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		long objection = Long.parseLong(jsonValue(call(own, "/api/v1/credit/entries/" + entry + "/objections",
				"{\"reason\":\"处罚事实有误\"}").andExpect(status().isCreated()), "id"));
		String review = "/api/v1/credit/objections/" + objection + "/review";
		call(WUZHONG, review, "{\"result\":\"REJECTED\",\"reason\":\"记录与决定书一致\",\"correction\":\"REMOVE\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("correction"))
			.andExpect(jsonPath("$.errors[0].rule").value("absent"));
		call(WUZHONG, review, "{\"result\":\"REJECTED\",\"reason\":\"记录与决定书一致\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		assertThat(records.get(DataScope.all(), entry).correctionKind()).isNull();
		mvc.perform(get("/api/v1/credit/objections").param("status", "REJECTED").header("Authorization", own))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem((int) objection)));
	}

	/**
	 * A county's record is corrected and its objections reviewed by that county's staff only: the city's staff read
	 * the entry and the objection, are refused both steps (403) on the API, and the pages offer them no form.
	 */
	@Test
	void aHigherBureauReadsACountysRecordButNeitherReviewsItsObjectionsNorCorrectsIt() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("4" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		long objection = objection(own, entry, "罚款金额记错");
		mvc.perform(get("/api/v1/credit/objections/" + objection).header("Authorization", CITY)).andExpect(status().isOk());
		call(CITY, "/api/v1/credit/objections/" + objection + "/review",
				"{\"result\":\"UPHELD\",\"reason\":\"核实属实\",\"correction\":\"REMOVE\"}").andExpect(status().isForbidden());
		assertThat(objections.get(DataScope.all(), objection).status()).isEqualTo(CreditObjection.Status.FILED);
		mvc.perform(get("/credit/objections").param("status", "FILED").session(SignIn.session(mvc, "sz.market")))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("review-" + objection))));

		remedied(caseId, code, number, DecisionOutcomes.Result.REVOKED, null, LocalDate.now(clock));
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		call(CITY, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isForbidden());
		assertThat(records.get(DataScope.all(), entry).status()).isEqualTo(CreditEntry.Status.IN_FORCE);
		mvc.perform(get("/credit/entries").param("q", number).session(SignIn.session(mvc, "sz.market"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("credit-entry-" + entry)))
			.andExpect(content().string(not(containsString("id=\"correction-" + entry + "\""))));
		mvc.perform(get("/credit/entries").param("q", number).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"correction-" + entry + "\"")));
	}

	/**
	 * A removal owed (the decision revoked, or an objection upheld as a removal) is never replaced by a change: an
	 * objection upheld as a change on such an entry is refused with 409 naming the removal owed, and a 复议 change
	 * after an objection's removal leaves the removal owed.
	 */
	@Test
	void aRemovalOwedIsNeverReplacedByAChange() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("3" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		remedied(caseId, code, number, DecisionOutcomes.Result.REVOKED, null, LocalDate.now(clock));
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		long objection = objection(own, entry, "处罚已撤销");
		call(WUZHONG, "/api/v1/credit/objections/" + objection + "/review",
				"{\"result\":\"UPHELD\",\"reason\":\"核实属实\",\"correction\":\"CHANGE\",\"correctedSummary\":\"罚款人民币500元\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("correction"))
			.andExpect(jsonPath("$.errors[0].rule").value("removal-owed"))
			.andExpect(jsonPath("$.errors[0].message", containsString("撤销")));
		assertThat(records.get(DataScope.all(), entry).correctionKind()).isEqualTo(CreditEntry.CorrectionKind.REMOVE);
		assertThat(objections.get(DataScope.all(), objection).status()).isEqualTo(CreditObjection.Status.FILED);

		String other = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long otherCase = Long.parseLong("2" + RandomDigits.of(9));
		long second = decided(otherCase, code, other);
		long removal = objection(own, second, "不是本企业的违法行为");
		call(WUZHONG, "/api/v1/credit/objections/" + removal + "/review",
				"{\"result\":\"UPHELD\",\"reason\":\"核实属实\",\"correction\":\"REMOVE\"}").andExpect(status().isOk());
		remedied(otherCase, code, other, DecisionOutcomes.Result.CHANGED, "罚款人民币3000元", LocalDate.now(clock));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE"
				+ " completion_date IS NULL AND event_type LIKE '%PenaltyDecisionRemedied'").query(Long.class).single() == 0);
		CreditEntry still = records.get(DataScope.all(), second);
		assertThat(still.correctionKind()).isEqualTo(CreditEntry.CorrectionKind.REMOVE);
		assertThat(still.correctionOrigin()).isEqualTo("OBJECTION");
	}

	/**
	 * A change of the decision heard while the entry owes its removal (复议撤销, then 诉讼变更) leaves the removal owed — and
	 * is not only logged: it is audited once ({@code credit.entry.removal-kept}, however often the event is delivered)
	 * and stated after the correction's reason, which the bureau's list shows on the row where it records the removal.
	 */
	@Test
	void aChangeAfterARemovalOwedIsAuditedOnceAndShownWhereTheRemovalIsRecorded() throws Exception {
		long caseId = Long.parseLong("4" + RandomDigits.of(9));
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long entry = decided(caseId, code, number);
		redeliver(remedy(caseId, code, number, DecisionOutcomes.Result.REVOKED, null, LocalDate.now(clock).minusDays(2), 1));
		PenaltyDecisionRemedied change = remedy(caseId, code, number, DecisionOutcomes.Result.CHANGED, "罚款人民币3000元",
				LocalDate.now(clock), 2);
		redeliver(change);
		redeliver(change);

		CreditEntry owed = records.get(DataScope.all(), entry);
		assertThat(owed.correctionKind()).isEqualTo(CreditEntry.CorrectionKind.REMOVE);
		assertThat(owed.correctionReason()).contains("行政复议撤销", change.documentNumber(), "变更为罚款人民币3000元", "不取代撤销");
		assertThat(audited("credit.entry.removal-kept", entry)).isEqualTo(1);
		mvc.perform(get("/api/v1/credit/entries").param("pending", "true").param("q", number).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].correctionReason", containsString(change.documentNumber())));
	}

	/**
	 * The entry, its objections and what the enterprise reads of both name one bureau — the one that recorded the entry
	 * (the nearest to its region: 吴中's for a town of 吴中, which has no bureau of its own), as named on the day it did: a
	 * later renaming of the bureau leaves the record as made.
	 */
	@Test
	void theEntryAndItsObjectionsNameOneBureauAsItWasNamedWhenItRecordedTheEntry() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("4" + RandomDigits.of(9));
		String town = REGION + "001";
		tx.executeWithoutResult(s -> events.publishEvent(delivered(caseId, number, town, code, LocalDate.now(clock).minusDays(5))));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries("penalty:" + caseId) == 1);
		long entry = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
		long objection = objection(EnterpriseTokens.bearer(code, users, directory, tokens, tx), entry, "不是本企业的违法行为");
		call(WUZHONG, "/api/v1/credit/objections/" + objection + "/review", "{\"result\":\"REJECTED\",\"reason\":\"经核实，异议不成立\"}")
			.andExpect(status().isOk());
		String wuzhong = jdbc.sql("SELECT name FROM bureau_name WHERE region_code = :r").param("r", REGION).query(String.class)
			.single();
		DataScope own = DataScope.enterprise(code);
		assertThat(records.get(own, entry).bureau()).isEqualTo(wuzhong);
		assertThat(objections.get(own, objection).reviewedBy()).isEqualTo(wuzhong);
		assertThat(objections.get(own, objection).bureau()).isEqualTo(wuzhong);

		// renamed afterwards (rolled back: the demo bureau keeps its name for the other tests)
		tx.executeWithoutResult(s -> {
			jdbc.sql("UPDATE bureau SET name = :n WHERE region_code = :r").param("n", wuzhong + "（更名测试）").param("r", REGION)
				.update();
			assertThat(records.get(own, entry).bureau()).isEqualTo(wuzhong);
			assertThat(objections.get(own, objection).reviewedBy()).isEqualTo(wuzhong);
			s.setRollbackOnly();
		});
	}

	/**
	 * The review's reason kept as the entry's correction reason is shown with the mobile number masked on the list, the
	 * entry, the export and the party's API; the party sees the bureau that reviewed and corrected, not its user.
	 */
	@Test
	void freeTextsAreMaskedWhereverShownAndThePartySeesTheBureauNotTheUser() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long entry = decided(code, number);
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		long objection = objection(own, entry, "罚款金额记错");
		String phone = "139" + RandomDigits.of(8);
		call(WUZHONG, "/api/v1/credit/objections/" + objection + "/review",
				"{\"result\":\"UPHELD\",\"reason\":\"经举报人" + phone + "核实属实\",\"correction\":\"REMOVE\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/credit/entries").param("q", number).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].correctionReason", containsString("核实属实")))
			.andExpect(jsonPath("$.items[0].correctionReason", not(containsString(phone))));
		mvc.perform(get("/credit/entries").param("q", number).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("核实属实"))).andExpect(content().string(not(containsString(phone))));
		List<List<String>> rows = ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"), "/credit/entries/export.xlsx", "q", number);
		assertThat(String.join("|", rows.get(1))).contains("核实属实").doesNotContain(phone);

		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isOk());
		String bureau = records.get(DataScope.all(), entry).bureau();
		assertThat(bureau).isNotBlank();
		mvc.perform(get("/api/v1/credit/entries/" + entry).header("Authorization", own)).andExpect(status().isOk())
			.andExpect(jsonPath("$.entry.correctionReason", not(containsString(phone))))
			.andExpect(jsonPath("$.entry.correctedBy").value(bureau))
			.andExpect(jsonPath("$.objections[0].reviewedBy").value(bureau))
			.andExpect(jsonPath("$.objections[0].reviewReason", not(containsString(phone))));
		mvc.perform(get("/api/v1/credit/objections/" + objection).header("Authorization", own)).andExpect(status().isOk())
			.andExpect(jsonPath("$.reviewedBy").value(bureau));
	}

	/**
	 * A 复议 change on an entry whose text names its violation otherwise than as entered keeps the whole text before the
	 * change (the violation is not dropped); a corrected text is one line.
	 */
	@Test
	void aChangeKeepsTheViolationAndACorrectedTextIsOneLine() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("1" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		jdbc.sql("UPDATE credit_entry SET summary = :s WHERE id = :id")
			.param("s", "罚款：人民币5000元（违法行为：未备案开办末端网点）").param("id", entry).update();
		remedied(caseId, code, number, DecisionOutcomes.Result.CHANGED, "罚款人民币3000元", LocalDate.now(clock));
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		assertThat(records.get(DataScope.all(), entry).correctionSummary()).contains("未备案开办末端网点").endsWith("罚款人民币3000元");
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{\"summary\":\"罚款人民币3000元\\n另起一行\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		// nor a personal number: the summary is the record's text, listed, exported and shown to the enterprise
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{\"summary\":\"罚款人民币3000元，当事人13912345678\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));

		long other = decided(code, "苏邮罚〔2026〕" + RandomDigits.of(6) + "号");
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		long objection = objection(own, other, "罚款金额记错");
		call(WUZHONG, "/api/v1/credit/objections/" + objection + "/review", "{\"result\":\"UPHELD\",\"reason\":\"核实属实\","
				+ "\"correction\":\"CHANGE\",\"correctedSummary\":\"罚款\\n人民币500元\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("correctedSummary"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		call(WUZHONG, "/api/v1/credit/objections/" + objection + "/review", "{\"result\":\"UPHELD\",\"reason\":\"核实属实\","
				+ "\"correction\":\"CHANGE\",\"correctedSummary\":\"罚款人民币500元（身份证320506198505057771）\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("correctedSummary"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
	}

	@Test
	void theStaffPageMarksAnOverdueCorrectionAndItsExportListsTheCallersRegionOnly() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("5" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		remedied(caseId, code, number, DecisionOutcomes.Result.REVOKED, null, LocalDate.now(clock).minusDays(40));
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/credit/entries").param("q", number).session(wuzhong)).andExpect(status().isOk())
			.andExpect(content().string(containsString("credit-entry-" + entry)))
			.andExpect(content().string(containsString("badge bg-red overdue")));
		List<List<String>> rows = ExportedRows.of(mvc, wuzhong, "/credit/entries/export.xlsx", "q", number, "overdue", "true");
		assertThat(ExportedRows.column(rows, 5)).contains(number);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"), "/credit/entries/export.xlsx",
				"q", number), 5)).doesNotContain(number);
		mvc.perform(get("/credit/entries").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
	}

	@Test
	void staffReviewAnObjectionAndCorrectTheEntryOnThePagesAndARefusedReviewComesBackAsTyped() throws Exception {
		String code = twoEnterprises().get(0);
		long entry = decided(code, "苏邮罚〔2026〕" + RandomDigits.of(6) + "号");
		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		long objection = Long.parseLong(jsonValue(call(own, "/api/v1/credit/entries/" + entry + "/objections",
				"{\"reason\":\"罚款金额记错\"}").andExpect(status().isCreated()), "id"));
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/credit/objections").param("status", "FILED").session(wuzhong)).andExpect(status().isOk())
			.andExpect(content().string(containsString("review-" + objection)));
		mvc.perform(get("/credit/objections").param("status", "FILED").session(SignIn.session(mvc, "wz.leader")))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("review-" + objection))));
		String review = "/credit/objections/" + objection + "/review";
		mvc.perform(post(review).session(wuzhong).with(csrf()).param("result", "UPHELD").param("reason", "核实属实")
			.param("correction", "CHANGE").param("correctedSummary", "")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("核实属实")));
		mvc.perform(post(review).session(wuzhong).with(csrf()).param("result", "UPHELD").param("reason", "核实属实")
			.param("correction", "CHANGE").param("correctedSummary", "罚款人民币500元")).andExpect(status().is3xxRedirection());
		assertThat(objections.get(DataScope.all(), objection).status()).isEqualTo(CreditObjection.Status.UPHELD);
		mvc.perform(post("/credit/entries/" + entry + "/correction").session(wuzhong).with(csrf()).param("summary", ""))
			.andExpect(status().is3xxRedirection());
		CreditEntry corrected = records.get(DataScope.all(), entry);
		assertThat(corrected.status()).isEqualTo(CreditEntry.Status.CHANGED);
		assertThat(corrected.summary()).isEqualTo("罚款人民币500元");
		assertThat(corrected.correctionDueOn()).isNull();
	}

	@Test
	void theEnterpriseSeesItsOwnRecordOnItsPortalWithTheCorrectionOwedAndItsArticleAndFilesAnObjectionThere() throws Exception {
		List<String> codes = twoEnterprises();
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("4" + RandomDigits.of(9));
		long entry = decided(caseId, codes.get(0), number);
		remedied(caseId, codes.get(0), number, DecisionOutcomes.Result.REVOKED, null, LocalDate.now(clock).minusDays(2));
		await().atMost(Duration.ofSeconds(60)).until(() -> records.get(DataScope.all(), entry).correctionKind() != null);
		LocalDate due = records.get(DataScope.all(), entry).correctionDueOn();
		MockHttpSession own = enterpriseSession(codes.get(0));
		MockHttpSession other = enterpriseSession(codes.get(1));

		mvc.perform(get("/enterprise/credit").param("q", number).param("sort", "due").param("dir", "asc").session(own))
			.andExpect(status().isOk()).andExpect(content().string(containsString("credit-entry-" + entry)))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("应撤销记录，期限至" + ChineseText.day(due))))
			.andExpect(content().string(containsString("《快递业信用管理暂行办法》第十七条")))
			.andExpect(content().string(containsString("href=\"/enterprise/credit\"")));
		mvc.perform(get("/enterprise/credit").param("q", number).session(other)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("credit-entry-" + entry))));
		mvc.perform(get("/enterprise/credit/entries/" + entry).session(other)).andExpect(status().isNotFound());
		mvc.perform(post("/enterprise/credit/entries/" + entry + "/objections").session(other).with(csrf())
			.param("reason", "不是本企业")).andExpect(status().isNotFound());
		mvc.perform(get("/enterprise/credit").session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isForbidden());
		mvc.perform(get("/enterprise/credit").param("status", "BOGUS").session(own)).andExpect(status().isBadRequest());

		String page = "/enterprise/credit/entries/" + entry;
		mvc.perform(get(page).session(own)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"objection-form\"")));
		mvc.perform(post(page + "/objections").session(own).param("reason", "无令牌")).andExpect(status().isForbidden());
		mvc.perform(post(page + "/objections").session(own).with(csrf()).param("reason", "x".repeat(2001)))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("data-field=\"reason\"")))
			.andExpect(content().string(containsString("x".repeat(2001))));
		mvc.perform(post(page + "/objections").session(own).with(csrf()).param("reason", "处罚决定已被行政复议撤销"))
			.andExpect(status().is3xxRedirection());
		CreditObjection filed = objections.list(DataScope.all(), new CreditObjections.Filter(null, false),
				new PageQuery(number, 0, 10, null, false)).items().get(0);
		assertThat(filed.entryId()).isEqualTo(entry);
		assertThat(filed.reason()).isEqualTo("处罚决定已被行政复议撤销");
		assertThat(audited("credit.objection.file", filed.id())).isEqualTo(1);
		mvc.perform(get(page).session(own)).andExpect(status().isOk())
			.andExpect(content().string(containsString("credit-objection-" + filed.id())))
			.andExpect(content().string(not(containsString("id=\"objection-form\""))));
		mvc.perform(post(page + "/objections").session(own).with(csrf()).param("reason", "再次提出"))
			.andExpect(status().isConflict()).andExpect(content().string(containsString("data-rule=\"under-review\"")));
		mvc.perform(get("/enterprise/credit/objections").param("sort", "due").session(own)).andExpect(status().isOk())
			.andExpect(content().string(containsString("credit-objection-" + filed.id())));
		mvc.perform(get("/enterprise/credit/objections").session(other)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("credit-objection-" + filed.id()))));
	}

	@Test
	void theEnterpriseIsToldOfAnEntryRecordedAnObjectionDecidedAndACorrectionMadeEachOnceEvenRedelivered() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long entry = decided(code, number);
		assertThat(toTheEnterprise(code, entry, 1)).singleElement().asString().contains("记入行政处罚", number, "罚款人民币5000元");
		CreditEntry e = records.get(DataScope.all(), entry);
		redeliver(new CreditEntryRecorded(entry, code, REGION, e.kind(), number, e.summary(), e.occurredOn()));
		assertThat(toTheEnterprise(code, entry, 1)).hasSize(1);

		String own = EnterpriseTokens.bearer(code, users, directory, tokens, tx);
		String path = "/api/v1/credit/entries/" + entry + "/objections";
		long first = Long.parseLong(jsonValue(call(own, path, "{\"reason\":\"罚款金额记错\"}").andExpect(status().isCreated()), "id"));
		call(WUZHONG, "/api/v1/credit/objections/" + first + "/review", "{\"result\":\"REJECTED\",\"reason\":\"记录与决定书一致\"}")
			.andExpect(status().isOk());
		assertThat(toTheEnterprise(code, entry, 2).get(1)).contains("信用异议", number, "异议不成立", "记录与决定书一致");
		long second = Long.parseLong(jsonValue(call(own, path, "{\"reason\":\"决定已被撤销\"}").andExpect(status().isCreated()), "id"));
		call(WUZHONG, "/api/v1/credit/objections/" + second + "/review",
				"{\"result\":\"UPHELD\",\"reason\":\"核实属实\",\"correction\":\"REMOVE\"}").andExpect(status().isOk());
		assertThat(toTheEnterprise(code, entry, 3).get(2)).contains("异议成立，记录将撤销", "核实属实");
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isOk());
		List<String> titles = toTheEnterprise(code, entry, 4);
		assertThat(titles.get(3)).contains(number, "已于" + ChineseText.day(LocalDate.now(clock)) + "撤销", "异议成立");
		CreditEntry removed = records.get(DataScope.all(), entry);
		redeliver(new CreditEntryCorrected(entry, code, REGION, removed.status(), number, removed.summary(),
				removed.correctionReason(), removed.correctedOn()));
		assertThat(toTheEnterprise(code, entry, 4)).hasSize(4);
	}

	@Test
	void anOlderRemedyDeliveredAgainAfterANewerOneLeavesTheNewersCorrection() throws Exception {
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		long caseId = Long.parseLong("2" + RandomDigits.of(9));
		long entry = decided(caseId, code, number);
		LocalDate today = LocalDate.now(clock);
		PenaltyDecisionRemedied revoked = remedy(caseId, code, number, DecisionOutcomes.Result.REVOKED, null, today.minusDays(6), 11);
		PenaltyDecisionRemedied changed = remedy(caseId, code, number, DecisionOutcomes.Result.CHANGED, "罚款人民币3000元",
				today.minusDays(1), 12);
		redeliver(changed);
		redeliver(revoked);
		redeliver(changed);
		CreditEntry owed = records.get(DataScope.all(), entry);
		assertThat(owed.correctionKind()).as("the newest remedy's correction").isEqualTo(CreditEntry.CorrectionKind.CHANGE);
		assertThat(owed.correctionSummary()).endsWith("罚款人民币3000元");
		assertThat(owed.correctionReason()).contains(changed.documentNumber());
		assertThat(owed.correctionDueOn()).isEqualTo(rules.deadline(StatutoryRule.CREDIT_RECORD_UPDATE, changed.decidedOn(), REGION));
		assertThat(audited("credit.entry.correction-due", entry)).isEqualTo(1);

		// corrected, the older remedy delivered once more proposes nothing again; a newer one still does
		call(WUZHONG, "/api/v1/credit/entries/" + entry + "/correction", "{}").andExpect(status().isOk());
		redeliver(revoked);
		assertThat(records.get(DataScope.all(), entry).correctionKind()).isNull();
		assertThat(records.get(DataScope.all(), entry).status()).isEqualTo(CreditEntry.Status.CHANGED);
		redeliver(remedy(caseId, code, number, DecisionOutcomes.Result.INVALID, null, today, 13));
		assertThat(records.get(DataScope.all(), entry).correctionKind()).isEqualTo(CreditEntry.CorrectionKind.REMOVE);
	}

	@Test
	void aBureauClosesTheLastYearOnceByTheCataloguesDayAfterItsCorrectionsAreMadeAndTheStaffPageShowsIt() throws Exception {
		String region = "32" + RandomDigits.of(4);
		DataScope bureau = DataScope.region(region);
		int year = yearClose.lastYear();
		LocalDate due = rules.deadline(StatutoryRule.CREDIT_YEAR_CLOSE, LocalDate.of(year + 1, 1, 1), region);
		assertThat(due).isAfterOrEqualTo(LocalDate.of(year + 1, 2, 15));
		CreditYearClose.YearClose open = yearClose.of(region, year);
		assertThat(open.dueOn()).isEqualTo(due);
		assertThat(open.closedOn()).isNull();
		assertThat(open.overdue()).isEqualTo(LocalDate.now(clock).isAfter(due));

		long caseId = Long.parseLong("1" + RandomDigits.of(9));
		String code = twoEnterprises().get(0);
		String number = "苏邮罚〔" + year + "〕" + RandomDigits.of(6) + "号";
		tx.executeWithoutResult(s -> events.publishEvent(delivered(caseId, number, region, code, LocalDate.of(year, 6, 1))));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries("penalty:" + caseId) == 1);
		long entry = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
		redeliver(new PenaltyDecisionRemedied(caseId, number, region, code, "测试企业", DecisionOutcomes.Result.REVOKED, "行政复议撤销",
				null, "苏复决〔" + year + "〕" + RandomDigits.of(5) + "号", LocalDate.of(year, 9, 1), 1));
		assertThat(records.get(bureau, entry).correctionKind()).isNotNull();

		assertThatThrownBy(() -> yearClose.close(bureau, year + 1)).isInstanceOf(DomainException.class)
			.hasMessageContaining("尚未结束");
		assertThatThrownBy(() -> yearClose.close(bureau, year)).isInstanceOf(DomainException.class)
			.hasMessageContaining("1条信用记录待更正");
		assertThatThrownBy(() -> yearClose.close(DataScope.all(), year)).isInstanceOf(DomainException.class)
			.hasMessageContaining("不存在");
		records.correct(bureau, entry, new CreditRecords.Correction(null));
		CreditYearClose.YearClose closed = yearClose.close(bureau, year);
		assertThat(closed.closedOn()).isEqualTo(LocalDate.now(clock));
		assertThat(closed.overdue()).isFalse();
		assertThatThrownBy(() -> yearClose.close(bureau, year)).isInstanceOf(DomainException.class)
			.hasMessageContaining("已于" + ChineseText.day(LocalDate.now(clock)) + "归集");
		assertThat(audited("credit.year.close", region + ":" + year)).isEqualTo(1);

		// the staff page of 吴中 shows its own bureau's close of the last year; this year is refused in 409 on the page
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/credit/entries").session(wuzhong)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"year-close\"")))
			.andExpect(content().string(containsString(year + "年度信用信息归集：截止"
					+ ChineseText.day(rules.deadline(StatutoryRule.CREDIT_YEAR_CLOSE, LocalDate.of(year + 1, 1, 1), REGION)))));
		mvc.perform(post("/credit/year-close").session(wuzhong).with(csrf()).param("year", String.valueOf(year + 1)))
			.andExpect(status().isConflict()).andExpect(content().string(containsString("data-rule=\"year-not-ended\"")));
		mvc.perform(post("/credit/year-close").session(SignIn.session(mvc, "wz.leader")).with(csrf())
			.param("year", String.valueOf(year))).andExpect(status().isForbidden());
	}

	/**
	 * Attack 51: year 2000 was closed — a year before 快递业信用管理暂行办法(2017) applied and before any credit data. 400 on
	 * {@code year} naming the measure (rule {@code before-measure}), or the first year of data ({@code before-data}).
	 */
	@Test
	void aYearBeforeTheCreditMeasureOrBeforeAnyDataIsNoYearToClose() throws Exception {
		DataScope bureau = DataScope.region("32" + RandomDigits.of(4));
		for (int year : new int[] { 2000, 2016 }) {
			assertThatThrownBy(() -> yearClose.close(bureau, year))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
					.satisfies(e -> {
						assertThat(e.field()).isEqualTo("year");
						assertThat(e.rule()).isEqualTo("before-measure");
						assertThat(e.message()).contains("快递业信用管理暂行办法", "2017年");
					}));
		}
		int firstData = jdbc.sql("SELECT CAST(extract(year FROM min(occurred_on)) AS integer) FROM credit_entry")
			.query(Integer.class).single();
		int before = Math.min(firstData, yearClose.lastYear()) - 1;
		if (before >= 2017) {
			// a year under the measure before the platform's first credit entry (none when entries go back to 2017)
			assertThatThrownBy(() -> yearClose.close(bureau, before))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
					.satisfies(e -> assertThat(e.rule()).isEqualTo("before-data")));
		}
		mvc.perform(post("/credit/year-close").session(SignIn.session(mvc, "wz.staff")).with(csrf()).param("year", "2000"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("data-rule=\"before-measure\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM credit_year_close WHERE year < 2017").query(Long.class).single()).isZero();
	}

	/**
	 * Finding scope-2: a close covers the bureau's region and everything below it. An entry of a township (a case's
	 * 9-digit region) owing a correction blocks its county's close and its city's, which it was missed by (the check
	 * matched the region exactly); a county's objection under review blocks the city's close, the refusal naming the
	 * region — the city closed with nothing of its own region while it was open. Once both are done, each closes.
	 */
	@Test
	void aCloseCoversTheRegionAndEverythingBelowItAndNamesWhereItemsAreOpen() throws Exception {
		String city = "35" + RandomDigits.of(2);
		String county = city + RandomDigits.of(2);
		String township = county + RandomDigits.of(3);
		int year = yearClose.lastYear();
		String code = twoEnterprises().get(0);
		long caseId = Long.parseLong("3" + RandomDigits.of(9));
		String number = "苏邮罚〔" + year + "〕" + RandomDigits.of(6) + "号";
		tx.executeWithoutResult(s -> events.publishEvent(delivered(caseId, number, township, code, LocalDate.of(year, 5, 1))));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries("penalty:" + caseId) == 1);
		long entry = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
		redeliver(new PenaltyDecisionRemedied(caseId, number, township, code, "测试企业", DecisionOutcomes.Result.REVOKED,
				"行政复议撤销", null, "苏复决〔" + year + "〕" + RandomDigits.of(5) + "号", LocalDate.of(year, 8, 1), 1));
		assertThat(records.get(DataScope.region(county), entry).correctionKind()).isNotNull();

		for (String region : new String[] { county, city }) {
			assertThatThrownBy(() -> yearClose.close(DataScope.region(region), year))
				.isInstanceOfSatisfying(DomainException.class, ex -> {
					assertThat(ex.code().status()).isEqualTo(409);
					assertThat(ex.getMessage()).contains("1条信用记录待更正或异议待复核", "含下级行政区划", shown(township) + "1条");
				});
		}
		records.correct(DataScope.region(county), entry, new CreditRecords.Correction(null));

		// a county's objection under review blocks the city's close and is named by its region
		long caseId2 = Long.parseLong("3" + RandomDigits.of(9));
		tx.executeWithoutResult(s -> events.publishEvent(delivered(caseId2, "苏邮罚〔" + year + "〕" + RandomDigits.of(6) + "号",
				county, code, LocalDate.of(year, 6, 1))));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries("penalty:" + caseId2) == 1);
		long second = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId2)
			.query(Long.class).single();
		objection(EnterpriseTokens.bearer(code, users, directory, tokens, tx), second, "罚款金额记错");
		assertThatThrownBy(() -> yearClose.close(DataScope.region(city), year))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.getMessage()).contains(shown(county) + "1条"));
		assertThat(jdbc.sql("SELECT count(*) FROM credit_year_close WHERE region_code IN (:r)")
			.param("r", java.util.List.of(city, county)).query(Long.class).single()).isZero();
		// the county's own close is blocked by it too; reviewed, both close
		assertThatThrownBy(() -> yearClose.close(DataScope.region(county), year)).isInstanceOf(DomainException.class);
		long objection = jdbc.sql("SELECT id FROM credit_objection WHERE entry_id = :e").param("e", second)
			.query(Long.class).single();
		objections.review(DataScope.region(county), objection, new CreditObjections.Review("REJECTED", "记录与决定书一致", null, null));
		assertThat(yearClose.close(DataScope.region(county), year).closedOn()).isEqualTo(LocalDate.now(clock));
		assertThat(yearClose.close(DataScope.region(city), year).closedOn()).isEqualTo(LocalDate.now(clock));
	}

	/**
	 * A region as a refusal names it: its name where the region register holds the random code (a region import of
	 * another test may have loaded it: 350925 is 周宁县), else the code.
	 */
	private String shown(String region) {
		return jdbc.sql("SELECT coalesce((SELECT name FROM region_name WHERE code = :c), :c)").param("c", region)
			.query(String.class).single();
	}

	/**
	 * Finding scope-2: the year's refusal states the years a close takes — 2017 (快递业信用管理暂行办法(2017)) to the last
	 * year ended — not the figures' 2000 to next year: for a value that is no number, and for a year to come.
	 */
	@Test
	void theYearsRefusalStatesTheYearsACloseTakes() throws Exception {
		assertThat(CreditYearClose.FIRST_YEAR).isEqualTo(CreditYearClose.MEASURE.firstYear());
		int last = yearClose.lastYear();
		mvc.perform(post("/credit/year-close").session(SignIn.session(mvc, "wz.staff")).with(csrf()).param("year", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("应为整数（2017至" + last + "）")))
			.andExpect(content().string(not(containsString("2000至"))));
		assertThatThrownBy(() -> yearClose.close(DataScope.region("32" + RandomDigits.of(4)), last + 3))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.rule() + " " + e.message()).isEqualTo("range 归集年度应在2017至" + last
						+ "之间（" + (last + 3) + "年度尚未结束，不能归集）")));
		// the current year (409, not ended) names the same years in the same words
		assertThatThrownBy(() -> yearClose.close(DataScope.region("32" + RandomDigits.of(4)), last + 1))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("归集年度应在2017至" + last + "之间（" + (last + 1) + "年度尚未结束，不能归集）");
	}

	@Autowired
	CreditYearClose yearClose;

	/** The notifications to the enterprise's users that link the entry's portal page, oldest first, once {@code count} arrived. */
	List<String> toTheEnterprise(String code, long entry, int count) {
		String sql = " FROM notification WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND link = :link";
		String link = "/enterprise/credit/entries/" + entry;
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*)" + sql).param("code", code)
			.param("link", link).query(Long.class).single() >= count);
		return jdbc.sql("SELECT title" + sql + " ORDER BY id").param("code", code).param("link", link).query(String.class).list();
	}

	/** Publishes {@code event} again, as the registry redelivers it, and waits until every listener has taken it. */
	void redeliver(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE"
				+ " completion_date IS NULL AND event_type LIKE :type").param("type", "%" + event.getClass().getSimpleName())
			.query(Long.class).single() == 0);
	}

	/** The session of a new user of the enterprise, signed in through the login form. */
	MockHttpSession enterpriseSession(String code) throws Exception {
		String name = "cr." + RandomDigits.of(8);
		tx.executeWithoutResult(s -> users.provision(new UserData(name, "信用测试", UserKind.ENTERPRISE, null, null, code, null,
				EnumSet.of(Role.ENTERPRISE)), "Fy2#cLm7!Vq4s", false, false));
		return SignIn.session(mvc, name, "Fy2#cLm7!Vq4s");
	}

	@Autowired
	CreditRecords records;

	@Autowired
	CreditObjections objections;

	/** Two enterprises of 吴中 in the demo city. */
	List<String> twoEnterprises() {
		List<String> codes = enterprises.list(DataScope.region(REGION), new Enterprises.Filter(null, null, null),
				new PageQuery("", 0, 50, null, false)).items().stream().map(e -> e.creditCode()).distinct().limit(2).toList();
		assertThat(codes).hasSize(2);
		return codes;
	}

	long decided(String code, String number) {
		return decided(Long.parseLong("6" + RandomDigits.of(9)), code, number);
	}

	/**
	 * A fine of ¥5000 decided in 吴中 against the enterprise and served on it, as the enforcement module publishes its
	 * delivery; the entry's id.
	 */
	long decided(long caseId, String code, String number) {
		tx.executeWithoutResult(s -> events.publishEvent(delivered(caseId, number, REGION, code, LocalDate.now(clock).minusDays(30))));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries("penalty:" + caseId) == 1);
		return jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId).query(Long.class)
			.single();
	}

	/** The delivery of a fine of ¥5000 decided on {@code decidedOn} and served two days later. */
	static PenaltyDelivered delivered(long caseId, String number, String region, String code, LocalDate decidedOn) {
		return new PenaltyDelivered(caseId, number, region, code, "测试企业", Penalty.FINE, decidedOn.plusDays(2), "OUTLET_UNFILED",
				new BigDecimal("5000"), null, decidedOn);
	}

	void remedied(long caseId, String code, String number, DecisionOutcomes.Result result, String changedTo, LocalDate on) {
		tx.executeWithoutResult(s -> events.publishEvent(remedy(caseId, code, number, result, changedTo, on, 1)));
	}

	/** The event the enforcement module publishes for the case's outcome {@code outcomeId} (行政复议, a new 文号). */
	static PenaltyDecisionRemedied remedy(long caseId, String code, String number, DecisionOutcomes.Result result,
			String changedTo, LocalDate on, long outcomeId) {
		return new PenaltyDecisionRemedied(caseId, number, REGION, code, "测试企业", result, "行政复议" + result.label(), changedTo,
				"苏复决〔2026〕" + RandomDigits.of(5) + "号", on, outcomeId);
	}

	/** The objection {@code token}'s enterprise files to {@code entry} with {@code reason}; its id. */
	long objection(String token, long entry, String reason) throws Exception {
		return Long.parseLong(jsonValue(call(token, "/api/v1/credit/entries/" + entry + "/objections",
				"{\"reason\":\"" + reason + "\"}").andExpect(status().isCreated()), "id"));
	}

	long entries(String ref) {
		return jdbc.sql("SELECT count(*) FROM credit_entry WHERE source_ref = :r").param("r", ref).query(Long.class).single();
	}

	long audited(String action, Object id) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND object_id = :id").param("a", action)
			.param("id", String.valueOf(id)).query(Long.class).single();
	}

	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String jsonValue(ResultActions r, String field) throws Exception {
		String body = r.andReturn().getResponse().getContentAsString();
		return body.replaceAll("(?s).*\"" + field + "\"\\s*:\\s*\"?([^,\"}]*)\"?.*", "$1");
	}
}
