package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.internal.AggregateResult;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Coverage;
import org.youguan.statistics.internal.EnterpriseReporting;
import org.youguan.statistics.internal.ReportChecks;
import org.youguan.statistics.internal.ReportView;
import org.youguan.statistics.internal.ValueLine;
import org.youguan.statistics.internal.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StatisticsIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Reports reports;

	@Autowired
	ReportForms forms;

	@Autowired
	ReportLoader loader;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Analysis analysis;

	@Autowired
	Indicators indicators;

	@Autowired
	EnterpriseReporting reporting;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = directory.principal("sf.wz").orElseThrow();
	}

	static String creditCode() {
		String base = "91320613MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}

	long enterprise(String region, String brand) {
		return enterprise(region, brand, creditCode());
	}

	long enterprise(String region, String brand, String creditCode) {
		long brandId = brands.findByShortName(brand).orElseThrow().id();
		return enterprises.register(DataScope.all(), new EnterpriseData("统计测试" + brand + "快递有限公司" + UUID.randomUUID()
			.toString().substring(0, 4), creditCode, EnterpriseType.EXPRESS, brandId, "张三", "测试路1号", region, "李四",
				"13912345678"), false);
	}

	static Map<String, BigDecimal> volume(long local, long intercity, long international) {
		Map<String, BigDecimal> v = new HashMap<>();
		v.put("express.volume.local", BigDecimal.valueOf(local));
		v.put("express.volume.intercity", BigDecimal.valueOf(intercity));
		v.put("express.volume.international", BigDecimal.valueOf(international));
		return v;
	}

	@Test
	void theDemoCityHasThreeYearsAndMonthsAddUpToTheYear() {
		Indicator volume = indicators.get("express.volume");
		int year = LocalDate.now(ChinaTime.ZONE).getYear() - 1;
		AggregateResult whole = analysis.aggregate(SUZHOU, "express.volume", "3205", null, year + "-01", year + "-12");
		assertThat(whole.value()).isPositive();
		assertThat(whole.previousYearValue()).isPositive();
		BigDecimal months = BigDecimal.ZERO;
		for (int m = 1; m <= 12; m++) {
			months = months.add(aggregates.value(volume, new Slice("3205", null, YearMonth.of(year, m), YearMonth.of(year, m))));
		}
		assertThat(months).isEqualByComparingTo(whole.value());
		// the demo city's year is complete unless other tests' reporting units joined it in the shared database: a growth
		// from incomplete data is no number (不可比), one from complete data the growth of the two values
		if (whole.complete()) {
			assertThat(whole.growth()).isEqualByComparingTo(Aggregates.growth(whole.value(), whole.previousYearValue()));
		}
		else {
			assertThat(whole.growth()).isNull();
			assertThat(whole.caveat()).contains("数据不完整");
		}
		// the 双11 peak
		var trend = analysis.trend(volume, new Slice("3205", null, YearMonth.of(year, 1), YearMonth.of(year, 12)));
		assertThat(trend.get(10).value()).isGreaterThan(trend.get(9).value()).isGreaterThan(trend.get(1).value());
	}

	/**
	 * Hand-computed: two 顺丰 and one 中通 enterprises in 南通崇川 (no demo data there), a leap-year February, and a
	 * month the 中通 one did not report.
	 */
	@Test
	void aggregatesMatchHandComputedValues() {
		String region = "320613";
		// operating since the first month they report
		LocalDate since = LocalDate.of(2024, 1, 1);
		long sfA = Reporters.licensedSince(licences, enterprise(region, "顺丰"), since);
		long sfB = Reporters.licensedSince(licences, enterprise(region, "顺丰"), since);
		long zto = Reporters.licensedSince(licences, enterprise(region, "中通"), since);
		LocalDate day = LocalDate.of(2024, 4, 1);
		loader.loadApproved("monthly", List.of(
				new ReportLoader.Approved(sfA, Period.month(YearMonth.of(2024, 1)), volume(100, 200, 5), day),
				new ReportLoader.Approved(sfA, Period.month(YearMonth.of(2024, 2)), volume(80, 150, 0), day),
				new ReportLoader.Approved(sfB, Period.month(YearMonth.of(2024, 2)), volume(20, 30, 1), day),
				new ReportLoader.Approved(zto, Period.month(YearMonth.of(2024, 1)), volume(300, 600, 10), day),
				new ReportLoader.Approved(sfA, Period.month(YearMonth.of(2025, 2)), volume(120, 150, 0), day),
				new ReportLoader.Approved(zto, Period.month(YearMonth.of(2025, 2)), volume(10, 20, 0), day)), false, "测试");
		Indicator volume = indicators.get("express.volume");
		Slice feb2024 = new Slice("3206", null, YearMonth.of(2024, 2), YearMonth.of(2024, 2));
		// February 2024 has 29 days; every fact of the month counts once: 80+150+0 + 20+30+1
		assertThat(aggregates.value(volume, feb2024)).isEqualByComparingTo("281");
		// January: 305 + 910; February: 281
		assertThat(aggregates.value(volume, new Slice("3206", null, YearMonth.of(2024, 1), YearMonth.of(2024, 2))))
			.isEqualByComparingTo("1496");
		Long sf = brands.findByShortName("顺丰").orElseThrow().id();
		Long zt = brands.findByShortName("中通").orElseThrow().id();
		// 中通 reported nothing for February 2024: its brand has no value there, the others are not affected
		Map<String, BigDecimal> byBrand = aggregates.grouped(volume, Aggregates.Dimension.BRAND, 0, feb2024);
		assertThat(byBrand).containsOnlyKeys(String.valueOf(sf));
		assertThat(aggregates.value(volume, feb2024.ofBrand(zt))).isNull();
		AggregateResult feb = analysis.aggregate(DataScope.region("3206"), "express.volume", "3206", "顺丰", "2025-02", "2025-02");
		assertThat(feb.value()).isEqualByComparingTo("270");
		assertThat(feb.previousYearValue()).isEqualByComparingTo("281");
		assertThat(Aggregates.growth(feb.value(), feb.previousYearValue())).isEqualByComparingTo("-3.91");
		// but only one of the two 顺丰 units reported February 2025: a growth from incomplete data is no number (attack 5)
		assertThat(feb.complete()).isFalse();
		assertThat(feb.growth()).isNull();
		var ranking = analysis.byRegion(volume, new Slice("3206", null, YearMonth.of(2024, 1), YearMonth.of(2024, 2)));
		assertThat(ranking).extracting(Analysis.Row::key).containsExactly("320613");
		// 顺丰 B did not report January 2024: no share of an incomplete total either, written 不可比
		assertThat(ranking.get(0).share()).isNull();
		assertThat(ranking.get(0).shareNotComparable()).isTrue();
	}

	@Test
	void anEnterpriseSubmitsTheBureauReturnsApprovesAndACorrectionIsARevision() {
		ReportForm monthly = forms.byCode("monthly");
		Period period = forms.currentPeriod(monthly);
		// a 顺丰 franchise of its own in 吴中, with last month approved, so no other test's reports get in the way
		String code = creditCode().replace("91320613", "91320506");
		code = code.substring(0, 17) + CreditCode.checkCharacter(code.substring(0, 17));
		long enterprise = Reporters.licensedSince(licences, enterprise("320506", "顺丰", code), period.previous().start());
		Map<String, BigDecimal> last = new HashMap<>(volume(1000, 3000, 50));
		Map.of("express.revenue", "40", "postal.delivery.volume", "0", "postal.delivery.revenue", "0", "postal.revenue", "45",
				"postal.total", "42", "green.ewaybill.rate", "98").forEach((k, v) -> last.put(k, new BigDecimal(v)));
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(enterprise, period.previous(), last,
				period.previous().end().plusDays(3))), false, "测试");
		DataScope own = DataScope.enterprise(code);
		long id = reports.open(own, enterprise, monthly.id(), period);
		Map<String, String> values = previousValues(own, id);

		Map<String, String> bad = new HashMap<>(values);
		bad.put("express.volume.local", "-5");
		bad.put("green.ewaybill.rate", "101");
		bad.put("express.revenue", "x");
		// the value that is no number and the values breaking rules, all in one answer
		assertThatThrownBy(() -> reports.submit(own, id, bad, Map.of(), null)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("values.express.volume.local", "non-negative"), tuple("values.express.revenue", "number"),
						tuple("values.green.ewaybill.rate", "rate")));
		// attack: a too-long note and a too-long comment reported only the note; every refusal in one answer
		assertThatThrownBy(() -> reports.saveDraft(own, id, values, Map.of("express.revenue", "说".repeat(2001)), "明".repeat(1001)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactlyInAnyOrder(tuple("notes.express.revenue", "max-length"), tuple("comment", "max-length")));
		assertThatThrownBy(() -> reports.submit(own, id, bad, Map.of(), "明".repeat(1001)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field).contains("values.express.revenue", "comment"));
		bad.put("express.revenue", values.get("express.revenue"));
		assertThatThrownBy(() -> reports.submit(own, id, bad, Map.of(), null)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.contains("non-negative", "rate"));
		assertThat(reports.get(own, id).status()).isEqualTo(ReportStatus.DRAFT);

		Map<String, String> jump = new HashMap<>(values);
		jump.put("express.volume.local", new BigDecimal(values.get("express.volume.local")).multiply(BigDecimal.valueOf(3)).toPlainString());
		assertThatThrownBy(() -> reports.submit(own, id, jump, Map.of(), null))
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule).contains("jump"));
		reports.submit(own, id, jump, Map.of("express.volume.local", "本月新增同城即时配送业务"), "新增业务");
		assertThat(reports.get(own, id).status()).isEqualTo(ReportStatus.SUBMITTED);

		DataScope wuzhong = DataScope.region("320506");
		assertThatThrownBy(() -> reports.get(DataScope.region("320507"), id)).hasMessageContaining("不存在");
		// a reason is long free text: a zero-width space inside it is removed as it is stored (Text.freeText)
		reports.returnForCorrection(wuzhong, id, "同城\u200B业务量请核实", "吴中区局");
		assertThat(reports.get(own, id).returnReason()).isEqualTo("同城业务量请核实");
		reports.submit(own, id, values, Map.of(), null);
		Indicator volume = indicators.get("express.volume");
		Slice slice = new Slice("320506", brands.findByShortName("顺丰").orElseThrow().id(), period.first(), period.last());
		BigDecimal before = aggregates.value(volume, slice);
		reports.approve(wuzhong, id, "吴中区局");
		BigDecimal expected = sum(values, "express.volume.local", "express.volume.intercity", "express.volume.international");
		assertThat(aggregates.value(volume, slice)).isEqualByComparingTo(before == null ? expected : before.add(expected));
		assertThatThrownBy(() -> reports.saveDraft(own, id, values, Map.of(), null)).hasMessageContaining("不能再修改");

		int approvedCount = completeness.summary(wuzhong, monthly, period).approved();
		long revision = reports.revise(own, id, "国际业务量漏报");
		assertThat(completeness.summary(wuzhong, monthly, period).approved())
			.as("the approved revision counts in 报送进度 while its correction is open, as in the aggregates' coverage")
			.isEqualTo(approvedCount);
		Map<String, String> corrected = new HashMap<>(values);
		corrected.put("express.volume.international",
				new BigDecimal(values.get("express.volume.international")).add(BigDecimal.valueOf(10)).toPlainString());
		reports.submit(own, revision, corrected, Map.of(), null);
		assertThat(aggregates.value(volume, slice)).as("the approved revision counts until the correction is approved")
			.isEqualByComparingTo(before == null ? expected : before.add(expected));
		reports.approve(wuzhong, revision, "吴中区局");
		assertThat(aggregates.value(volume, slice)).isEqualByComparingTo((before == null ? expected : before.add(expected)).add(BigDecimal.TEN));
		assertThat(reports.revisions(own, revision)).extracting(ReportView::revision, ReportView::status)
			.containsExactly(Tuple.tuple(2, ReportStatus.APPROVED),
					Tuple.tuple(1, ReportStatus.SUPERSEDED));
		assertThat(audit.history(wuzhong, "StatReport", revision)).extracting(AuditEvent::action)
			.contains("statistics.report.revise", "statistics.report.submit", "statistics.report.approve");
		// attack: a superseded report submitted with bad values answered 400 field errors; the state comes first (409),
		// its rule a lower-case code naming the state, never ILLEGAL_TRANSITION
		assertThatThrownBy(() -> reports.submit(own, id, bad, Map.of(), null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("status", "superseded")));
		assertThatThrownBy(() -> reports.saveDraft(own, id, bad, Map.of(), null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("status", "superseded")));
		assertThatThrownBy(() -> reports.revise(own, id, ""))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("status", "superseded")));
		assertThatThrownBy(() -> reports.saveDraft(own, revision, bad, Map.of(), null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.extracting(FieldError::field, FieldError::rule, FieldError::message)
				.containsExactly(tuple("status", "approved", "报表当前状态为“已审核”，不能再修改：本报表已过该环节，此操作已不适用")));
		assertThatThrownBy(() -> reports.returnForCorrection(wuzhong, revision, "", "吴中区局"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
		assertThat(rollupMismatches()).as("the roll-up equals the facts it adds up").isZero();
	}

	@Autowired
	JdbcTemplate jdbc;

	/** Groups where the roll-up and the sum of the facts differ (or one is missing). */
	long rollupMismatches() {
		return jdbc.queryForObject("""
				SELECT count(*) FROM (SELECT indicator_code, period_start, period_end, region_code, coalesce(brand_id, 0) AS brand_key,
				                             sum(value) AS value FROM stat_fact GROUP BY 1, 2, 3, 4, 5) f
				FULL JOIN stat_rollup r USING (indicator_code, period_start, period_end, region_code, brand_key)
				WHERE f.value IS DISTINCT FROM r.value""", Long.class);
	}

	@Autowired
	Completeness completeness;

	/** Attack: 我的报表 sorted periods by their text, so 2010-Q1 came above 2010-12 newest first. */
	@Test
	void reportsSortByTheirPeriodsDatesNotTheirCodes() {
		String code = creditCode();
		long enterprise = Reporters.licensedSince(licences, enterprise("320613", "顺丰", code), LocalDate.of(2009, 1, 1));
		DataScope own = DataScope.enterprise(code);
		reports.open(own, enterprise, forms.byCode("monthly").id(), Period.parse(PeriodType.MONTH, "2010-12", "period"));
		reports.open(own, enterprise, forms.byCode("green-care").id(), Period.parse(PeriodType.QUARTER, "2010-Q1", "period"));
		reports.open(own, enterprise, forms.byCode("monthly").id(), Period.parse(PeriodType.MONTH, "2010-01", "period"));
		assertThat(reports.list(own, new Reports.Filter(null, null, null, null), new PageQuery("", 0, 10, "period", true))
			.items()).extracting(ReportView::period).containsExactly("2010-12", "2010-Q1", "2010-01");
		assertThat(reports.list(own, new Reports.Filter(null, null, null, null), new PageQuery("", 0, 10, "period", false))
			.items()).extracting(ReportView::period).containsExactly("2010-01", "2010-Q1", "2010-12");
	}

	/** Attack: {"form":"MONTHLY"} was a 404 on the field request; a form code is read as an indicator code is. */
	@Test
	void aFormCodeIsReadWhateverItsCaseAndAnUnknownOneIsRefusedNamingTheCodes() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType("application/json").content("{\"form\":\"NOPE\",\"period\":\"2009-05\",\"values\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("form"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("monthly")));
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType("application/json")
			.content("{\"form\":\" MONTHLY \",\"period\":\"2009-05\",\"values\":{\"express.volume.local\":1},"
					+ "\"submit\":false}"))
			.andExpect(status().is2xxSuccessful());
	}

	/** Attack: the completeness of a month not begun answered 200, every reporter 未报 with a 催报 button. */
	@Test
	void theCompletenessOfAPeriodNotEndedIsRefusedOnItsPageAndExport() throws Exception {
		String next = YearMonth.now(ChinaTime.ZONE).plusMonths(1).toString();
		long monthly = forms.byCode("monthly").id();
		var admin = org.youguan.SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/statistics/completeness").session(admin).param("form", String.valueOf(monthly)).param("period", next))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/statistics/completeness/export.xlsx").session(admin).param("form", String.valueOf(monthly))
			.param("period", next))
			.andExpect(status().isBadRequest());
		assertThatThrownBy(() -> completeness.summary(DataScope.region("3205"), forms.byCode("monthly"),
				Period.month(YearMonth.now(ChinaTime.ZONE))))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("period", "ended")));
		// nor is a 催报 sent for a period long closed, however often it is clicked
		assertThatThrownBy(() -> completeness.remind(DataScope.region("3205"), forms.byCode("monthly"),
				Period.month(YearMonth.now(ChinaTime.ZONE).minusMonths(30)), "苏州市邮政管理局"))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("period", "window")));
	}

	@Test
	void theApiAnswersStaffInTheirRegionOnlyAndEnterprisesSeeTheirOwnReports() throws Exception {
		int year = LocalDate.now(ChinaTime.ZONE).getYear() - 1;
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "3205")
			.param("from", year + "-01").param("to", year + "-12").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit").value("件"))
			.andExpect(jsonPath("$.value").isNumber());
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "320507")
			.param("from", year + "-01").param("to", year + "-12").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "320506")
			.param("from", year + "-01").param("to", year + "-12").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "no.such").param("region", "3205")
			.param("from", year + "-01").param("to", year + "-13").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().is4xxClientError());
		String body = mvc.perform(get("/api/v1/statistics/reports").param("size", "200").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("苏州吴中顺丰快递服务有限公司").doesNotContain("中通");
	}

	@Test
	void anEnterpriseSystemSubmitsThroughTheApiAndBadValuesAreListed() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2020-13\",\"values\":{}}"))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("报告期")));
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType("application/json")
			.content("{\"form\":\"green-care\",\"period\":\"2023-Q4\",\"values\":{\"green.reusable.boxes\":\"-1\"}}"))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field=='values.green.reusable.boxes')].rule").value("non-negative"));
	}

	/**
	 * A month the history import keeps as the region's total is not counted twice: a report of an enterprise there is
	 * not approved (409 rule history-imported), and the facts stay the import's (attack round 9: 2,010 + 600).
	 */
	@Test
	void aReportIsNotApprovedForAMonthTheHistoryImportKeeps(@Autowired HistoryImport history) {
		HistoryImport.Result imported = history.importFile(DataScope.region("3205"), new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.volume.local", "2003-05", "320506", "", 2010)).bytes());
		assertThat(imported.errors()).isEmpty();
		OpenReport report = newWuzhongReport("2003-05");
		DataScope own = report.own();
		long id = report.id();
		Map<String, String> values = ones(own, id);
		reports.submit(own, id, values, Map.of(), null);
		Indicator volume = indicators.get("express.volume");
		Slice may = new Slice("320506", null, YearMonth.of(2003, 5), YearMonth.of(2003, 5));
		BigDecimal before = aggregates.value(volume, may);
		assertThatThrownBy(() -> reports.approve(DataScope.region("320506"), id, "吴中区局"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code().status()).isEqualTo(409);
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("period", "history-imported"));
				assertThat(e.getMessage()).contains("320506的2003-05");
			});
		assertThat(reports.get(own, id).status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(aggregates.value(volume, may)).isEqualByComparingTo(before);
	}

	/**
	 * An enterprise is expected in the months after its first approved report only: a draft (or a report not approved)
	 * for an old month leaves those months as complete as they were (attack round 9: one draft for 2000-01 made every
	 * month since 数据不完整).
	 */
	@Test
	void aDraftForAnOldMonthDoesNotMakeTheMonthsSinceIncomplete(@Autowired Coverage coverage) {
		Indicator volume = indicators.get("express.volume");
		Slice june = new Slice("320506", null, YearMonth.of(2004, 6), YearMonth.of(2004, 6));
		Coverage.Share before = coverage.of(volume, june);
		OpenReport report = newWuzhongReport("2004-01");
		DataScope own = report.own();
		long id = report.id();
		Map<String, String> values = ones(own, id);
		reports.saveDraft(own, id, values, Map.of(), null);
		assertThat(coverage.of(volume, june)).as("a draft").isEqualTo(before);
		reports.submit(own, id, values, Map.of(), null);
		assertThat(coverage.of(volume, june)).as("submitted, not approved").isEqualTo(before);
	}

	/** A monthly report opened for a new 顺丰 enterprise of 吴中 (licensed that month): its scope and id. */
	record OpenReport(DataScope own, long id) {
	}

	OpenReport newWuzhongReport(String month) {
		String code = creditCode().replace("91320613", "91320506");
		code = code.substring(0, 17) + CreditCode.checkCharacter(code.substring(0, 17));
		ReportForm monthly = forms.byCode("monthly");
		Period period = Period.parse(monthly.periodType(), month, "period");
		// licensed in the month it reports: it operated then
		long enterprise = Reporters.licensedSince(licences, enterprise("320506", "顺丰", code), period.start());
		DataScope own = DataScope.enterprise(code);
		return new OpenReport(own, reports.open(own, enterprise, monthly.id(), period));
	}

	/** "1" for every value the report's form asks to be entered. */
	private Map<String, String> ones(DataScope scope, long id) {
		Map<String, String> values = new HashMap<>();
		for (ValueLine line : reports.lines(scope, id)) {
			if (!line.indicator().derived()) {
				values.put(line.indicator().code(), "1");
			}
		}
		if (values.containsKey("postal.revenue")) {
			// 业务收入 covers 邮政寄递服务收入 + 快递业务收入 (rule revenue-covers-parts)
			values.put("postal.revenue", "2");
		}
		return values;
	}

	private Map<String, String> previousValues(DataScope scope, long id) {
		Map<String, String> values = new HashMap<>();
		for (ValueLine line : reports.lines(scope, id)) {
			if (!line.indicator().derived()) {
				values.put(line.indicator().code(), line.previous().stripTrailingZeros().toPlainString());
			}
		}
		return values;
	}

	private static BigDecimal sum(Map<String, String> values, String... codes) {
		BigDecimal s = BigDecimal.ZERO;
		for (String c : codes) {
			s = s.add(new BigDecimal(values.get(c)));
		}
		return s;
	}

	@Test
	void anIndicatorNameTypedWithWideOrDoubledSpacesIsStoredWithOne(@Autowired TransactionTemplate tx) {
		String code = "test.names" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
		String stored = tx.execute(status -> {
			indicators.add(new Indicators.NewIndicator(code, "　绿色\u3000\u3000包装  件数 ", "件", ValueType.INTEGER,
					Aggregation.SUM, null, null, null), null);
			status.setRollbackOnly();
			return indicators.find(code).orElseThrow().name();
		});
		assertThat(stored).isEqualTo("绿色 包装 件数");
	}

	/** The enterprise's line of 报送进度 for its 吴中 report's month. */
	Completeness.Line line(OpenReport report, String month) {
		ReportView own = reports.get(report.own(), report.id());
		return completeness.summary(DataScope.region("320506"), forms.byCode("monthly"),
				Period.parse(PeriodType.MONTH, month, "period"))
			.lines().stream().filter(l -> l.enterpriseId() == own.enterpriseId()).findFirst().orElseThrow();
	}

	/**
	 * A draft never sent is the enterprise's own: the bureau neither lists nor reads it (attack: its values through
	 * {@code ?status=DRAFT} and {@code /reports/{id}}), and 报送进度 says 未报 on the page and in the export alike; a
	 * report returned and not sent again is owed (attack: counted received and on time, no 催报); a correction not yet
	 * sent was reported neither on time nor late (attack: {@code onTime:true} copied from revision 1).
	 */
	@Test
	void anUnsentDraftIsTheEnterprisesAndAReturnedReportIsStillOwed() {
		String month = "2002-09";
		OpenReport report = newWuzhongReport(month);
		DataScope own = report.own();
		long id = report.id();
		DataScope wuzhong = DataScope.region("320506");
		Map<String, String> values = ones(own, id);
		reports.saveDraft(own, id, values, Map.of(), null);
		assertThat(reports.list(wuzhong, new Reports.Filter(null, month, ReportStatus.DRAFT, null),
				new PageQuery("", 0, 100, "submitted_at", false)).items())
			.extracting(ReportView::id).doesNotContain(id);
		assertThatThrownBy(() -> reports.get(wuzhong, id)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> reports.lines(wuzhong, id)).isInstanceOf(DomainException.class);
		assertThat(reports.list(own, new Reports.Filter(null, month, ReportStatus.DRAFT, null),
				new PageQuery("", 0, 100, "submitted_at", false)).items()).extracting(ReportView::id).contains(id);
		assertThat(line(report, month).statusWords()).isEqualTo(Wording.of("stat.missing"));
		assertThat(line(report, month).missing()).isTrue();

		reports.submit(own, id, values, Map.of(), null);
		reports.returnForCorrection(wuzhong, id, "请核实", "吴中区局");
		Completeness.Line returned = line(report, month);
		assertThat(returned.missing()).as("returned, not sent again: owed").isTrue();
		assertThat(returned.onTime()).isNull();
		assertThat(completeness.summary(wuzhong, forms.byCode("monthly"), Period.parse(PeriodType.MONTH, month, "period"))
			.outstanding()).extracting(Completeness.Line::enterpriseId).contains(returned.enterpriseId());

		reports.submit(own, id, values, Map.of(), null);
		assertThat(line(report, month).missing()).isFalse();
		reports.approve(wuzhong, id, "吴中区局");
		long revision = reports.revise(own, id, "更正");
		assertThat(reports.get(own, revision).onTime()).as("a correction not yet sent").isNull();
		assertThat(line(report, month).statusWords()).isEqualTo(Wording.of("stat.approvedCorrection", ReportStatus.DRAFT));
		assertThat(reports.revisions(wuzhong, id)).extracting(ReportView::id).doesNotContain(revision);
	}

	/**
	 * A derived value beyond its column is refused before anything is saved (attack: three volumes of
	 * 99,999,999,999,999 件 made a 快递业务量 of 15 digits and a bulletin's 增长3783333381.3%).
	 */
	@Test
	void aReportWhoseDerivedValueOverflowsItsColumnIsRefused() {
		OpenReport report = newWuzhongReport("2002-10");
		Map<String, String> values = ones(report.own(), report.id());
		values.put("express.volume.local", "99999999999999");
		values.put("express.volume.intercity", "99999999999999");
		values.put("express.volume.international", "99999999999999");
		assertThatThrownBy(() -> reports.submit(report.own(), report.id(), values, Map.of("express.volume.local", "测试",
				"express.volume.intercity", "测试", "express.volume.international", "测试"), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).contains(tuple("values.express.volume", "digits")));
		assertThat(reports.get(report.own(), report.id()).status()).isEqualTo(ReportStatus.DRAFT);
	}

	/**
	 * Whether a value is a percent is its value type's, and the catalogue keeps unit and value type together (attack:
	 * a percent read by the unit's text, so a 百分比 indicator in ％ refused "99.5%", and 个 went with 百分比).
	 */
	@Test
	void aPercentIsDecidedByTheValueTypeAndTheUnitMustAgreeWithIt() {
		String token = "pct" + Long.toString(System.nanoTime(), 36);
		try {
			assertThatThrownBy(() -> indicators.add(new Indicators.NewIndicator(token + ".a", "甲比率" + token, "个",
					ValueType.PERCENT, Aggregation.SUM, null, null, null), null))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("unit", "value-type")));
			assertThatThrownBy(() -> indicators.add(new Indicators.NewIndicator(token + ".b", "乙件数" + token, "%",
					ValueType.INTEGER, Aggregation.SUM, null, null, null), null))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("unit", "value-type")));
			indicators.add(new Indicators.NewIndicator(token + ".c", "丙比率" + token, "％", ValueType.PERCENT,
					Aggregation.SUM, null, null, null), null);
			Indicator rate = indicators.get(token + ".c");
			assertThat(rate.unit()).isEqualTo("%");
			assertThat(org.youguan.statistics.internal.ReportedValue.read(rate, "values.x", "99.5％"))
				.isEqualByComparingTo("99.5");
		}
		finally {
			jdbc.update("DELETE FROM stat_indicator WHERE code LIKE ?", token + ".%");
		}
	}

	/** A fraction of a count is told the count is whole, however many decimals it has (attack: 1.00001 件 was «digits»). */
	@Test
	void aLongFractionOfACountIsToldItMustBeWhole() {
		Indicator count = indicators.get("express.volume.local");
		assertThatThrownBy(() -> org.youguan.statistics.internal.ReportedValue.read(count, "values.x", "1.00001"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::rule).containsExactly("integer"));
		assertThatThrownBy(() -> org.youguan.statistics.internal.ReportedValue.read(count, "values.x", "123456789012345.5"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::rule).containsExactly("digits"));
	}

	/**
	 * A note is held to the kernel's text checks as the 填报说明 is (attack: its length counted in UTF-16 units and no
	 * combining-marks rule): 300 characters outside the BMP are a note of 300 characters, stacked marks are refused.
	 */
	@Test
	void aNoteIsCheckedAsEveryFreeTextIs() {
		OpenReport report = newWuzhongReport("2002-11");
		Map<String, String> values = ones(report.own(), report.id());
		String astral = "\uD840\uDC00".repeat(ReportChecks.NOTE_LENGTH);
		reports.saveDraft(report.own(), report.id(), values, Map.of("express.revenue", astral), null);
		assertThat(reports.lines(report.own(), report.id()).stream().filter(l -> l.indicator().code().equals("express.revenue"))
			.findFirst().orElseThrow().note()).isEqualTo(astral);
		assertThatThrownBy(() -> reports.saveDraft(report.own(), report.id(), values,
				Map.of("express.revenue", "说明a" + "\u0301".repeat(9)), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("notes.express.revenue", "combining-marks")));
	}
}

