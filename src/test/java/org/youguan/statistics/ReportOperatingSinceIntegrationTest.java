package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.EnterpriseTokens;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.security.ApiTokens;
import org.youguan.statistics.internal.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 14: an enterprise reports only the periods it operated in — those ending on or after its first licence
 * (or, without one, its registration here). An earlier period is refused on the API, the page, the service and the
 * loader ({@code period}, rule {@code operating}), the month it began is accepted, and a report held for an earlier
 * month (filed before the rule, or left by a corrected licence date) neither is submitted or approved nor makes the
 * enterprise owe, be reminded of or count missing in the months since.
 */
@IntegrationTest
class ReportOperatingSinceIntegrationTest {

	/** A county with no demo data, so the coverage and completeness of its months are this test's alone. */
	static final String WUJIN = "320412";

	/** The day the test enterprise's licence was issued. */
	static final LocalDate LICENSED = LocalDate.of(2012, 3, 15);

	static final String PASSWORD = "Since@2012-x";

	@Autowired
	MockMvc mvc;

	@Autowired
	Reports reports;

	@Autowired
	ReportForms forms;

	@Autowired
	ReportLoader loader;

	@Autowired
	Completeness completeness;

	@Autowired
	Coverage coverage;

	@Autowired
	Indicators indicators;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Licences licences;

	@Autowired
	Brands brands;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	/** A new 顺丰 enterprise of 武进 licensed on {@link #LICENSED}. */
	EnterpriseView licensedEnterprise() {
		String base = "91320412MA" + org.youguan.RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		long id = enterprises.register(DataScope.all(), new EnterpriseData("武进经营起始测试快递有限公司" + UUID.randomUUID()
			.toString().substring(0, 4), code, EnterpriseType.EXPRESS, brands.findByShortName("顺丰").orElseThrow().id(),
				"张三", "测试路1号", WUJIN, "李四", "13912345678"), false);
		Reporters.licensedSince(licences, id, LICENSED);
		return enterprises.get(DataScope.all(), id);
	}

	long reportsOf(EnterpriseView e) {
		return jdbc.sql("SELECT count(*) FROM stat_report WHERE enterprise_id = :id").param("id", e.id()).query(Long.class)
			.single();
	}

	/** The licence's issue date corrected to a later day: the reports the enterprise already holds now predate it. */
	void licenceCorrectedTo(EnterpriseView e, LocalDate issued) {
		jdbc.sql("UPDATE express_licence SET issued_on = :issued WHERE enterprise_id = :id").param("issued", issued)
			.param("id", e.id()).update();
	}

	/** A signed-in session of a new portal user of the enterprise. */
	MockHttpSession portal(EnterpriseView e) throws Exception {
		String name = "ent." + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> users.provision(new UserData(name, "武进企业", UserKind.ENTERPRISE, null, null,
				e.creditCode(), null, EnumSet.of(Role.ENTERPRISE)), PASSWORD, false, false));
		return SignIn.session(mvc, name, PASSWORD);
	}

	static void refusedAsNotOperating(InvalidValueException ex) {
		assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("period", "operating"));
	}

	@Test
	void theApiRefusesAMonthBeforeTheEnterpriseBeganToOperateAndAcceptsTheMonthItBegan() throws Exception {
		EnterpriseView e = licensedEnterprise();
		String token = EnterpriseTokens.bearer(e.creditCode(), users, directory, tokens, tx);
		for (String submit : List.of("false", "true")) {
			mvc.perform(post("/api/v1/statistics/reports").header("Authorization", token).contentType("application/json")
				.content("{\"form\":\"monthly\",\"period\":\"2012-02\",\"values\":{\"express.volume.local\":\"5\"},\"submit\":"
						+ submit + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("period"))
				.andExpect(jsonPath("$.errors[0].rule").value("operating"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("该企业自2012年03月起经营，不能填报此前的统计期")));
		}
		// a quarter ending before the licence too; the quarter holding its day is accepted
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", token).contentType("application/json")
			.content("{\"form\":\"green-care\",\"period\":\"2011-Q4\",\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("operating"));
		assertThat(reportsOf(e)).as("nothing saved").isZero();
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", token).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2012-03\",\"values\":{\"express.volume.local\":\"5\"},\"submit\":false}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", token).contentType("application/json")
			.content("{\"form\":\"green-care\",\"period\":\"2012-Q1\",\"submit\":false}"))
			.andExpect(status().isCreated());
		assertThat(reportsOf(e)).isEqualTo(2);
	}

	@Test
	void thePageRefusesToOpenAMonthBeforeTheEnterpriseBeganToOperate() throws Exception {
		EnterpriseView e = licensedEnterprise();
		MockHttpSession session = portal(e);
		long monthly = forms.byCode("monthly").id();
		assertThat(EnterpriseReportPages.refused(mvc, session, monthly, "2012-02")).singleElement().satisfies(err -> {
			assertThat(err.field()).isEqualTo("period");
			assertThat(err.rule()).isEqualTo("operating");
			assertThat(err.message()).contains("2012年03月");
		});
		assertThat(reportsOf(e)).isZero();
		assertThat(EnterpriseReportPages.open(mvc, session, monthly, "2012-03")).startsWith("/enterprise/statistics/reports/");
	}

	@Test
	void theServiceAndTheLoaderRefuseAMonthBeforeTheEnterpriseBeganToOperate() {
		EnterpriseView e = licensedEnterprise();
		ReportForm monthly = forms.byCode("monthly");
		DataScope own = DataScope.enterprise(e.creditCode());
		assertThatThrownBy(() -> reports.open(own, e.id(), monthly.id(), Period.month(YearMonth.of(2012, 2))))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);
		assertThatThrownBy(() -> loader.loadApproved("monthly", List.of(
				new ReportLoader.Approved(e.id(), Period.month(YearMonth.of(2012, 3)), Map.of("express.volume.local", BigDecimal.ONE),
						LocalDate.of(2012, 4, 3)),
				new ReportLoader.Approved(e.id(), Period.month(YearMonth.of(2012, 2)), Map.of("express.volume.local", BigDecimal.ONE),
						LocalDate.of(2012, 3, 3))), false, "测试"))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);
		assertThat(reportsOf(e)).as("nothing of the batch loaded").isZero();
		reports.open(own, e.id(), monthly.id(), Period.month(YearMonth.of(2012, 3)));
		assertThat(reportsOf(e)).isOne();
	}

	/** A report held for a month before the (corrected) licence is not submitted, approved or opened again. */
	@Test
	void aReportHeldForAMonthBeforeTheLicenceIsNeitherSubmittedNorApproved() {
		EnterpriseView e = licensedEnterprise();
		ReportForm monthly = forms.byCode("monthly");
		DataScope own = DataScope.enterprise(e.creditCode());
		Period march = Period.month(YearMonth.of(2012, 3));
		long draft = reports.open(own, e.id(), monthly.id(), march);
		long submitted = reports.open(own, e.id(), monthly.id(), march.next());
		jdbc.sql("UPDATE stat_report SET status = 'SUBMITTED', submitted_at = now() WHERE id = :id").param("id", submitted)
			.update();
		licenceCorrectedTo(e, LocalDate.of(2012, 5, 2));
		assertThatThrownBy(() -> reports.submit(own, draft, Map.of("express.volume.local", "5"), Map.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);
		assertThatThrownBy(() -> reports.approve(DataScope.region(WUJIN), submitted, "武进区局"))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);
		assertThatThrownBy(() -> reports.open(own, e.id(), monthly.id(), march))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);
		assertThat(reports.get(own, draft).status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(reports.get(own, submitted).status()).isEqualTo(ReportStatus.SUBMITTED);
	}

	/**
	 * A report held for a month before the (corrected) licence owes nothing: returned by the bureau it has no due date
	 * and is not 逾期未报 — not on the report, not in the list's 逾期未报 filter — as 报送进度 does not count the month
	 * either, while the enterprise's report of a month it operated in, returned the same day, is (finding: the returned
	 * old report showed 逾期未报, though it could never be sent again).
	 */
	@Test
	void aReturnedReportOfAMonthBeforeTheLicenceIsNotOverdue() {
		EnterpriseView e = licensedEnterprise();
		ReportForm monthly = forms.byCode("monthly");
		DataScope own = DataScope.enterprise(e.creditCode());
		DataScope wujin = DataScope.region(WUJIN);
		Period april = Period.month(YearMonth.of(2012, 4));
		long before = reports.open(own, e.id(), monthly.id(), april);
		reports.submit(own, before, StatisticsStepsIntegrationTest.typed(), Map.of(), null);
		long owed = reports.open(own, e.id(), monthly.id(), april.next());
		reports.submit(own, owed, StatisticsStepsIntegrationTest.typed(), Map.of(), null);
		licenceCorrectedTo(e, LocalDate.of(2012, 5, 2));

		reports.returnForCorrection(wujin, before, "请核实", "武进区局");
		reports.returnForCorrection(wujin, owed, "请核实", "武进区局");

		assertThat(reports.get(wujin, before).dueOn()).as("a month it owes nothing of").isNull();
		assertThat(reports.get(wujin, before).overdue()).isFalse();
		assertThat(reports.get(wujin, before).timeliness()).isEmpty();
		assertThat(reports.get(own, before).lateness(LocalDate.now(org.youguan.platform.ChinaTime.ZONE))).isEmpty();
		assertThat(reports.get(wujin, owed).dueOn()).isEqualTo(forms.dueOn(monthly, april.next()));
		assertThat(reports.get(wujin, owed).overdue()).isTrue();
		assertThat(reports.list(wujin, new Reports.Filter(null, null, null, null, org.youguan.kernel.WorkState.ALL, true),
				new org.youguan.kernel.PageQuery(e.creditCode(), 0, 10, "period", false)).items())
			.extracting(org.youguan.statistics.internal.ReportView::id).containsExactly(owed);
		assertThat(completeness.summary(wujin, monthly, april).lines()).extracting(Completeness.Line::enterpriseId)
			.as("报送进度 does not count the month either").doesNotContain(e.id());
	}

	/**
	 * A draft held for a month before the (corrected) licence is not saved again, and an approved one is not corrected
	 * (a new revision could never be submitted): both refused on the service and the page ({@code period}, rule
	 * {@code operating}), nothing changed and no revision made.
	 */
	@Test
	void aReportHeldForAMonthBeforeTheLicenceIsNeitherSavedAsDraftNorRevised() throws Exception {
		EnterpriseView e = licensedEnterprise();
		ReportForm monthly = forms.byCode("monthly");
		DataScope own = DataScope.enterprise(e.creditCode());
		Period march = Period.month(YearMonth.of(2012, 3));
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(e.id(), march,
				Map.of("express.volume.local", BigDecimal.TEN), LocalDate.of(2012, 4, 3))), false, "测试");
		long approved = jdbc.sql("SELECT id FROM stat_report WHERE enterprise_id = :id").param("id", e.id())
			.query(Long.class).single();
		long draft = reports.open(own, e.id(), monthly.id(), march.next());
		// after the months the other tests count in the county (2013-01, 2015-07): this enterprise owes none of them
		licenceCorrectedTo(e, LocalDate.of(2016, 1, 4));

		assertThatThrownBy(() -> reports.saveDraft(own, draft, Map.of("express.volume.local", "5"), Map.of(), "草稿"))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);
		assertThatThrownBy(() -> reports.revise(own, approved, "漏报同城业务量"))
			.isInstanceOfSatisfying(InvalidValueException.class, ReportOperatingSinceIntegrationTest::refusedAsNotOperating);

		MockHttpSession session = portal(e);
		@SuppressWarnings("unchecked")
		List<FieldError> shown = (List<FieldError>) mvc.perform(post("/enterprise/statistics/reports/" + draft)
			.session(session).with(csrf()).param("values.express.volume.local", "5").param("action", "save"))
			.andExpect(status().isBadRequest())
			.andReturn().getModelAndView().getModel().get("errors");
		assertThat(shown).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("period", "operating"));
		@SuppressWarnings("unchecked")
		List<FieldError> refused = (List<FieldError>) mvc.perform(post("/enterprise/statistics/reports/" + approved
				+ "/revise").session(session).with(csrf()).param("reason", "漏报同城业务量"))
			.andExpect(redirectedUrl("/enterprise/statistics/reports/" + approved))
			.andReturn().getFlashMap().get("errors");
		assertThat(refused).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("period", "operating"));

		assertThat(reportsOf(e)).as("no revision made").isEqualTo(2);
		assertThat(reports.get(own, draft).comment()).as("the draft unchanged").isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report_value WHERE report_id = :id").param("id", draft)
			.query(Long.class).single()).isZero();
	}

	/**
	 * The demo city holds no report of a period that ended before its enterprise began to operate (its loader and
	 * procedure refuse them, and its licences predate its statistics): nothing for a migration to clear.
	 */
	@Test
	void theDemoCityHoldsNoReportOfAPeriodBeforeItsEnterpriseBeganToOperate() {
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report WHERE demo").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM stat_report r JOIN enterprise e ON e.id = r.enterprise_id
				WHERE r.demo AND r.period_end < coalesce((SELECT min(l.issued_on) FROM express_licence l
				      WHERE l.enterprise_id = e.id), CAST(e.created_at AT TIME ZONE 'Asia/Shanghai' AS date))""")
			.query(Long.class).single()).isZero();
	}

	/**
	 * The finding itself: an approved report for a month long before the enterprise began to operate (kept from before
	 * the rule) does not make it owe the months since — not in the missing-report list (nor the reminders it drives),
	 * not in the completeness of the months; from the day it began to operate it owes them as before.
	 */
	@Test
	void anApprovedReportBeforeTheEnterpriseBeganToOperateDoesNotMakeItOweTheMonthsSince() {
		EnterpriseView e = licensedEnterprise();
		ReportForm monthly = forms.byCode("monthly");
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(e.id(), Period.month(YearMonth.of(2012, 3)),
				Map.of("express.volume.local", BigDecimal.TEN), LocalDate.of(2012, 4, 3))), false, "测试");
		LocalDate operating = LocalDate.of(2015, 6, 10);
		licenceCorrectedTo(e, operating);

		assertThat(forms.owingSince(List.of(e))).containsEntry(e.id(), operating);
		DataScope wujin = DataScope.region(WUJIN);
		Period before = Period.month(YearMonth.of(2013, 1));
		assertThat(forms.expectedReporters(wujin, monthly, before)).noneMatch(x -> x.id() == e.id());
		assertThat(completeness.summary(wujin, monthly, before).lines()).noneMatch(l -> l.enterpriseId() == e.id());
		assertThat(forms.expectedReporters(wujin, monthly, Period.month(YearMonth.of(2015, 6))))
			.as("the month it began is owed").anyMatch(x -> x.id() == e.id());

		Indicator volume = indicators.get("express.volume");
		// the coverage counts whom 报送进度 counts (ReportForms.owing, one rule): without it before, with it after
		assertThat(coverage.of(volume, new Slice(WUJIN, null, YearMonth.of(2013, 1), YearMonth.of(2013, 1))).expected())
			.as("not expected in a month before it operated").isEqualTo(completeness.summary(wujin, monthly, before).expected());
		Period after = Period.month(YearMonth.of(2015, 7));
		assertThat(completeness.summary(wujin, monthly, after).lines()).anyMatch(l -> l.enterpriseId() == e.id());
		assertThat(coverage.of(volume, new Slice(WUJIN, null, after.first(), after.first())).expected())
			.as("expected once it operated, its first approved report being earlier")
			.isEqualTo(completeness.summary(wujin, monthly, after).expected());
	}
}
