package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Attack findings on the reporting procedure and the history import:
 * <ul>
 * <li>two history imports at once, or an import and an approval at once, are ordered by one lock taken before their
 * double-count checks — the second waits for the first and, seeing its rows, is refused (sz.admin's 3205 and
 * wz.staff's 320506 were both accepted, 3205 read 1,400,000);</li>
 * <li>two first saves of a form and period at once give one draft (a 409 named the table's key);</li>
 * <li>the bureau of the reporter's region decides a report: a city department reads a county's but neither approves nor
 * returns it (403 naming the deciding bureau);</li>
 * <li>an approved report whose correction is an unsent draft reads 已审核（更正草稿） on 报送进度, and the draft's 迟报 is
 * blank, not revision 1's 否.</li>
 * </ul>
 */
@IntegrationTest
class ReportRacesAndDecisionsIntegrationTest {

	@Autowired
	HistoryImport history;

	@Autowired
	Reports reports;

	@Autowired
	ReportLoader loader;

	@Autowired
	ReportForms forms;

	@Autowired
	Completeness completeness;

	@Autowired
	Indicators indicators;

	@Autowired
	Aggregates aggregates;

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

	ExecutorService pool;

	final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void pool() {
		pool = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void shutDown() {
		release.countDown();
		pool.shutdownNow();
	}

	/** A reporter registered in a region, operating since {@code since}. */
	record Reporter(long id, DataScope own) {
	}

	Reporter reporter(String region, LocalDate since) {
		String base = "91320506MA" + RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		long id = Reporters.licensedSince(licences, enterprises.register(DataScope.all(), new EnterpriseData(
				"报表测试快递有限公司" + UUID.randomUUID().toString().substring(0, 4), code, EnterpriseType.EXPRESS,
				brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号", region, "李四", "13912345678"), false),
				since);
		return new Reporter(id, DataScope.enterprise(code));
	}

	/**
	 * A month of {@code years} years from {@code from} (years no other test reports or imports in: 2008–2009, 2011), no
	 * history of it imported in Suzhou.
	 */
	YearMonth month(int from, int years) {
		YearMonth month = YearMonth.of(from + Integer.parseInt(RandomDigits.of(2)) % years, 1 + Integer.parseInt(RandomDigits.of(2)) % 12);
		jdbc.sql("DELETE FROM stat_fact WHERE source = 'HISTORY' AND period_start = :start AND region_code LIKE '3205%'")
			.param("start", month.atDay(1)).update();
		return month;
	}

	/** A monthly report of the reporter submitted with 同城 500000. */
	long submitted(Reporter r, YearMonth month) {
		long id = reports.open(r.own(), r.id(), forms.byCode("monthly").id(), Period.month(month));
		reports.saveDraft(r.own(), id, Map.of("express.volume.local", "500000"), Map.of(), null);
		Reporters.markSubmitted(jdbc, id);
		return id;
	}

	static byte[] sheet(YearMonth month, String region, long value) {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS);
		sheet.row(List.of("express.volume.local", month.toString(), region, "", value));
		return sheet.bytes();
	}

	/** {@code step} run in a transaction on the pool, held open after it returns until {@link #release}. */
	<T> Future<T> held(Supplier<T> step) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		Future<T> running = pool.submit(() -> tx.execute(s -> {
			T result = step.get();
			done.countDown();
			await().atMost(Duration.ofSeconds(120)).until(() -> release.getCount() == 0);
			return result;
		}));
		assertThat(done.await(60, TimeUnit.SECONDS)).as("the first step did its work").isTrue();
		return running;
	}

	/** Waits until another transaction of this database waits on an advisory lock the held step holds. */
	void awaitWaiting() {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'""")
			.query(Long.class).single() > 0);
	}

	@Test
	void aCountyImportedWhileItsCityIsImportedWaitsAndIsRefusedAsNested() throws Exception {
		YearMonth month = month(2008, 2);
		Future<HistoryImport.Result> city = held(() -> history.importFile(DataScope.region("3205"), sheet(month, "3205", 900_000)));
		Future<HistoryImport.Result> county = pool.submit(
				() -> history.importFile(DataScope.region("320506"), sheet(month, "320506", 500_000)));
		awaitWaiting();
		assertThat(county.isDone()).isFalse();
		release.countDown();
		assertThat(city.get(60, TimeUnit.SECONDS).imported()).isEqualTo(1);
		HistoryImport.Result refused = county.get(60, TimeUnit.SECONDS);
		assertThat(refused.imported()).isZero();
		assertThat(refused.errors().stream().flatMap(r -> r.errors().stream()).map(FieldError::rule).toList())
			.containsExactly("nested");
		assertThat(aggregates.value(indicators.get("express.volume.local"), new Slice("3205", null, month, month)))
			.isEqualByComparingTo("900000");
	}

	@Test
	void aReportApprovedWhileItsCityIsImportedWaitsAndIsRefusedAsImported() throws Exception {
		YearMonth month = month(2008, 2);
		Reporter r = reporter("320506", month.atDay(1));
		long id = submitted(r, month);
		Future<HistoryImport.Result> city = held(() -> history.importFile(DataScope.region("3205"), sheet(month, "3205", 900_000)));
		Future<?> approval = pool.submit(() -> reports.approve(DataScope.region("320506"), id, "吴中区局"));
		awaitWaiting();
		assertThat(approval.isDone()).isFalse();
		release.countDown();
		assertThat(city.get(60, TimeUnit.SECONDS).imported()).isEqualTo(1);
		assertThatThrownBy(() -> approval.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("period", "history-imported")));
		assertThat(reports.get(r.own(), id).status()).isEqualTo(ReportStatus.SUBMITTED);
	}

	@Test
	void aSecondOpenWaitsForTheFirstAndGetsItsDraft() throws Exception {
		YearMonth month = YearMonth.of(2015, 1 + Integer.parseInt(RandomDigits.of(2)) % 12);
		Reporter r = reporter("320506", month.atDay(1));
		long form = forms.byCode("monthly").id();
		Future<Long> first = held(() -> reports.open(r.own(), r.id(), form, Period.month(month)));
		Future<Long> second = pool.submit(() -> reports.open(r.own(), r.id(), form, Period.month(month)));
		awaitWaiting();
		assertThat(second.isDone()).isFalse();
		release.countDown();
		long id = first.get(60, TimeUnit.SECONDS);
		assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(id);
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report WHERE enterprise_id = :e").param("e", r.id())
			.query(Long.class).single()).isOne();
	}

	@Test
	void aCityCannotDecideACountysReportButTheCountyCan() {
		YearMonth month = month(2011, 1);
		Reporter r = reporter("320506", month.atDay(1));
		long id = submitted(r, month);
		DataScope city = DataScope.region("3205");
		assertThat(reports.get(city, id).status()).as("the city reads it").isEqualTo(ReportStatus.SUBMITTED);
		assertThatThrownBy(() -> reports.approve(city, id, "市局市场监管处"))
			.isInstanceOfSatisfying(AccessRefusedException.class, e -> assertThat(e.getMessage()).contains("吴中区"));
		assertThatThrownBy(() -> reports.returnForCorrection(city, id, "请核实", "市局市场监管处"))
			.isInstanceOf(AccessRefusedException.class);
		assertThat(reports.get(city, id).status()).isEqualTo(ReportStatus.SUBMITTED);
		reports.approve(DataScope.region("320506"), id, "吴中区局");
		assertThat(reports.get(city, id).status()).isEqualTo(ReportStatus.APPROVED);
	}

	@Test
	void anOpenCorrectionIsShownAsApprovedAndItsDraftIsNeitherLateNorOnTime() {
		Period period = Period.month(YearMonth.of(2016, 1 + Integer.parseInt(RandomDigits.of(2)) % 12));
		Reporter r = reporter("320506", period.start());
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(r.id(), period,
				Map.of("express.volume.local", BigDecimal.TEN), period.end().plusDays(3))), false, "测试");
		long approved = jdbc.sql("SELECT id FROM stat_report WHERE enterprise_id = :e").param("e", r.id())
			.query(Long.class).single();
		long draft = reports.revise(r.own(), approved, "同城业务量填错");
		assertThat(reports.get(r.own(), approved).lateness(LocalDate.now(ChinaTime.ZONE))).isEqualTo("否");
		assertThat(reports.get(r.own(), draft).lateness(LocalDate.now(ChinaTime.ZONE))).as("an unsent correction").isEmpty();
		Completeness.Summary summary = completeness.summary(DataScope.region("320506"), forms.byCode("monthly"), period);
		assertThat(summary.lines()).filteredOn(l -> l.enterpriseId() == r.id()).singleElement()
			.satisfies(l -> assertThat(l.statusWords()).isEqualTo(Wording.of("stat.approvedCorrection", ReportStatus.DRAFT)));
	}
}
