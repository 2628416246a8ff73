package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.internal.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review findings on statistics: a quarter's figure sits under its last month and a quarter still running owes nothing
 * (no 数据不完整); 报送进度's 应报 and the aggregates' {@code expectedUnits} are one count (a unit that never reported
 * and one cancelled since count alike); a 催报 is marked done once the report is filed; a submitted report is one
 * 待审核 item, at the level that decides it; the facts lock is a province's, not the installation's.
 */
@IntegrationTest
class StatisticsFrequencyAndCountsIntegrationTest {

	@Autowired
	ReportForms forms;

	@Autowired
	Reports reports;

	@Autowired
	ReportLoader loader;

	@Autowired
	Completeness completeness;

	@Autowired
	Coverage coverage;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Indicators indicators;

	@Autowired
	HistoryImport history;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	ExecutorService pool;

	@BeforeEach
	void now() {
		clock.set(LocalDateTime.now(ChinaTime.ZONE));
	}

	@AfterEach
	void reset() {
		clock.reset();
		if (pool != null) {
			pool.shutdownNow();
		}
	}

	/** An express reporter of its own in {@code region}, operating since {@code since}; its id and own scope. */
	record Reporter(long id, String code, DataScope own) {
	}

	Reporter reporter(String region, LocalDate since) {
		String base = "91" + region.substring(0, 6) + "MA" + RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		long id = Reporters.licensedSince(licences, enterprises.register(DataScope.all(), new EnterpriseData(
				"频次测试快递有限公司" + UUID.randomUUID().toString().substring(0, 4), code, EnterpriseType.EXPRESS,
				brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号", region, "李四", "13912345678"), false),
				since);
		return new Reporter(id, code, DataScope.enterprise(code));
	}

	@Test
	void aQuartersFigureIsItsLastMonthsAndAQuarterStillRunningIsNotIncomplete() {
		ReportForm quarterly = forms.byCode("green-care");
		Indicator boxes = indicators.get("green.reusable.boxes");
		Period quarter = new Period(PeriodType.QUARTER, YearMonth.of(2012, 4));
		Reporter r = reporter("321102", quarter.start());
		loader.loadApproved(quarterly.code(), List.of(new ReportLoader.Approved(r.id(), quarter,
				Map.of("green.reusable.boxes", BigDecimal.valueOf(700)), quarter.end().plusDays(3))), false, "测试");
		Map<String, BigDecimal> byMonth = aggregates.grouped(boxes, Aggregates.Dimension.MONTH, 0,
				new Slice("321102", null, quarter.first(), quarter.last()));
		assertThat(byMonth).as("the quarter's figure under June, not April").containsKey("2012-06")
			.doesNotContainKeys("2012-04", "2012-05");

		// the quarter running today is owed by nobody yet: its months so far are not 数据不完整 (before: every reporter
		// of the demo city counted missing)
		YearMonth thisMonth = YearMonth.now(clock);
		Period running = Period.containing(PeriodType.QUARTER, thisMonth);
		Coverage.Share share = coverage.of(boxes, new Slice("3205", null, running.first(), thisMonth));
		assertThat(share.complete()).isTrue();
		assertThat(share.expected()).isZero();
		// the quarter before, ended, is counted at its last month against those owing it — as 报送进度 counts them
		// (the coverage keeps a region's expected reporters 30 seconds, Coverage#expectedReporters: units other tests of
		// the shared database registered in 3205 meanwhile are counted once that has passed)
		Period ended = running.previous();
		Slice lastMonth = new Slice("3205", null, ended.last(), ended.last());
		assertThat(coverage.of(boxes, lastMonth).expected()).isPositive();
		await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
				coverage.of(boxes, lastMonth).expected())
			.isEqualTo(completeness.summary(DataScope.region("3205"), quarterly, ended).expected()));
	}

	@Test
	void expectedUnitsAndTheCompletenessPagesExpectedAreOneCountWithNeverReportedAndCancelledUnits() {
		ReportForm monthly = forms.byCode("monthly");
		Indicator volume = indicators.get("express.volume");
		Period past = forms.currentPeriod(monthly).previous().previous();
		Reporter silent = reporter("321102", past.start().minusYears(1));
		Reporter cancelled = reporter("321102", past.start().minusYears(1));
		enterprises.cancel(DataScope.all(), cancelled.id(), "企业已办理市场主体注销登记");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM stat_unit_closed WHERE enterprise_id = :id")
			.param("id", cancelled.id()).query(Long.class).single() == 1);
		Completeness.Summary summary = completeness.summary(DataScope.region("321102"), monthly, past);
		assertThat(summary.lines()).extracting(Completeness.Line::enterpriseId)
			.as("a unit that never reported owes the month; one cancelled after it still owed it")
			.contains(silent.id(), cancelled.id());
		Coverage.Share share = coverage.of(volume, new Slice("321102", null, past.first(), past.first()));
		assertThat(share.expected()).as("expectedUnits is 应报").isEqualTo(summary.expected());
		assertThat(share.reported()).isEqualTo(summary.approved());
	}

	/** Every entered indicator of the monthly form, values that break no rule. */
	static Map<String, BigDecimal> monthlyValues() {
		Map<String, BigDecimal> v = new HashMap<>();
		Map.of("express.volume.local", "1000", "express.volume.intercity", "3000", "express.volume.international", "50",
				"express.revenue", "40", "postal.delivery.volume", "0", "postal.delivery.revenue", "0", "postal.revenue", "45",
				"postal.total", "42", "green.ewaybill.rate", "98").forEach((k, x) -> v.put(k, new BigDecimal(x)));
		return v;
	}

	@Test
	void aReminderIsMarkedDoneWhenTheReportIsFiled() {
		ReportForm monthly = forms.byCode("monthly");
		Period period = forms.currentPeriod(monthly);
		Reporter r = reporter("321102", period.previous().start());
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(r.id(), period.previous(), monthlyValues(),
				period.previous().end().plusDays(3))), false, "测试");
		assertThat(completeness.remind(r.own(), monthly, period, "京口区局").sent()).isOne();
		String key = ReportFiled.reminderKeyPrefix(monthly.id(), period.code(), r.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(key).size() == 1);
		assertThat(titles(key).get(0)).startsWith("催报");
		assertThat(completeness.reminders(r.id())).singleElement().satisfies(m -> assertThat(m.filed()).isFalse());

		long id = reports.open(r.own(), r.id(), monthly.id(), period);
		Map<String, String> typed = new HashMap<>();
		monthlyValues().forEach((k, v) -> typed.put(k, v.toPlainString()));
		reports.submit(r.own(), id, typed, Map.of(), null);
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(key).get(0).startsWith("【已办结】"));
		assertThat(completeness.reminders(r.id())).singleElement().satisfies(m -> assertThat(m.filed()).isTrue());

		// finding stat50-3: returned (已退回), the report is owed again — its reminder is no longer 已报送, as 报送进度
		// counts it missing; sent again, it is
		reports.returnForCorrection(DataScope.region("321102"), id, "请核对业务量", "京口区局");
		assertThat(completeness.reminders(r.id())).singleElement().satisfies(m -> assertThat(m.filed()).isFalse());
		reports.submit(r.own(), id, typed, Map.of(), null);
		assertThat(completeness.reminders(r.id())).singleElement().satisfies(m -> assertThat(m.filed()).isTrue());
	}

	List<String> titles(String keyPrefix) {
		return jdbc.sql("SELECT title FROM notification WHERE starts_with(dedupe_key, :key)").param("key", keyPrefix)
			.query(String.class).list();
	}

	@Test
	void aSubmittedReportIsOneItemAwaitingTheBureauThatDecidesIt() {
		Period period = Period.month(YearMonth.of(2017, 1 + Integer.parseInt(RandomDigits.of(2)) % 12));
		Reporter r = reporter("320506", period.start());
		long id = reports.open(r.own(), r.id(), forms.byCode("monthly").id(), period);
		jdbc.sql("UPDATE stat_report SET status = 'SUBMITTED', submitted_at = now() WHERE id = :id").param("id", id).update();
		PageQuery all = new PageQuery("", 0, 100_000, "submitted_at", false);
		assertThat(reports.awaitingDecision(DataScope.region("320506"), all).items()).extracting(r2 -> r2.id()).contains(id);
		assertThat(reports.awaitingDecision(DataScope.region("3205"), all).items()).extracting(r2 -> r2.id())
			.as("the city reads it but 吴中区局 decides it: not the city's item too").doesNotContain(id);
		assertThat(reports.awaitingDecision(DataScope.region("32"), all).items()).extracting(r2 -> r2.id()).doesNotContain(id);
		assertThat(reports.list(DataScope.region("3205"), new Reports.Filter(null, period.code(), null, null), all).items())
			.extracting(r2 -> r2.id()).as("the city still reads it").contains(id);
	}

	@Test
	void anImportInOneProvinceDoesNotHoldUpAnotherProvinces() throws Exception {
		YearMonth month = YearMonth.of(2008 + Integer.parseInt(RandomDigits.of(2)) % 2, 1 + Integer.parseInt(RandomDigits.of(2)) % 12);
		jdbc.sql("DELETE FROM stat_fact WHERE source = 'HISTORY' AND period_start = :start AND (region_code LIKE '3205%' "
				+ "OR region_code LIKE '3301%')").param("start", month.atDay(1)).update();
		pool = Executors.newFixedThreadPool(2);
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<HistoryImport.Result> jiangsu = pool.submit(() -> tx.execute(s -> {
			HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet(month, "3205"));
			holding.countDown();
			await().atMost(Duration.ofSeconds(120)).until(() -> release.getCount() == 0);
			return result;
		}));
		assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
		try {
			// Zhejiang's import goes on while Jiangsu's holds its province (before: it waited for the one global lock)
			Future<HistoryImport.Result> zhejiang = pool.submit(() -> history.importFile(DataScope.region("33"), sheet(month, "3301")));
			assertThat(zhejiang.get(30, TimeUnit.SECONDS).imported()).isOne();
			// a county of Jiangsu's city still waits for it (the no-double-count order within the province)
			Future<HistoryImport.Result> county = pool.submit(() -> history.importFile(DataScope.region("320506"), sheet(month, "320506")));
			await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'""")
				.query(Long.class).single() > 0);
			assertThat(county.isDone()).isFalse();
			release.countDown();
			assertThat(jiangsu.get(60, TimeUnit.SECONDS).imported()).isOne();
			assertThat(county.get(60, TimeUnit.SECONDS).imported()).as("refused as nested").isZero();
		}
		finally {
			release.countDown();
			jdbc.sql("DELETE FROM stat_fact WHERE source = 'HISTORY' AND period_start = :start AND region_code LIKE '3301%'")
				.param("start", month.atDay(1)).update();
		}
	}

	static byte[] sheet(YearMonth month, String region) {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS);
		sheet.row(List.of("express.volume.local", month.toString(), region, "", 900_000L));
		return sheet.bytes();
	}
}
