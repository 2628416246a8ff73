package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.enforcement.PastCases;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enforcement queues of the inbox on the demo city: a city clerk sees the leads to assess, the overdue case
 * (filed 96 days ago) among the cases near or past their limit, and the fine unpaid past its 15 days, each item linking
 * to its page; a county clerk sees only its county's; leaders and enterprise users hold none.
 */
@IntegrationTest
class EnforcementWorkQueuesIntegrationTest {

	@Autowired
	EnforcementWorkQueues queues;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PenaltyCases cases;

	@Autowired
	OnTheSpotPenalties onTheSpotPenalties;

	@Autowired
	MutableClock clock;

	@Autowired
	PastCases pastCases;

	@Autowired
	Enterprises enterprises;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	Map<String, WorkQueue> of(String user) {
		return queues.queuesFor(directory.principal(user).orElseThrow()).stream()
			.collect(Collectors.toMap(WorkQueue::queue, Function.identity()));
	}

	@Test
	void aClerkSeesLeadsCasesNearTheLimitDecisionsToPublishAndOverdueFines() {
		Map<String, WorkQueue> city = of("sz.admin");
		assertThat(city).containsOnlyKeys("enforcement.leads", "enforcement.deadline", "enforcement.imported",
				"enforcement.publish", "enforcement.unpaid", "enforcement.handover", "enforcement.withdraw");
		assertThat(city.get("enforcement.leads").count()).isEqualTo(jdbc.sql(
				"SELECT count(*) FROM penalty_lead WHERE status IN ('OPEN', 'PROPOSED') AND region_code LIKE '3205%'")
			.query(Long.class).single());
		assertThat(city.get("enforcement.deadline").overdue()).isPositive();
		assertThat(city.get("enforcement.deadline").items()).allSatisfy(i -> assertThat(i.link()).startsWith("/enforcement/cases/"));
		assertThat(city.get("enforcement.unpaid").count()).isPositive();
		assertThat(city.get("enforcement.unpaid").items().get(0).overdue()).isTrue();

		Map<String, WorkQueue> county = of("xc.staff");
		long countyLeads = jdbc.sql("SELECT count(*) FROM penalty_lead WHERE status IN ('OPEN', 'PROPOSED') AND region_code LIKE '320507%'")
			.query(Long.class).single();
		assertThat(county.get("enforcement.leads").count()).isEqualTo(countyLeads);

		assertThat(of("sz.leader")).isEmpty();
		assertThat(of("sf.wz")).isEmpty();
		assertThat(queues.linkFor(directory.principal("sz.admin").orElseThrow(), "penalty_case", "7")).contains("/enforcement/cases/7");
		assertThat(queues.linkFor(directory.principal("sf.wz").orElseThrow(), "penalty_case", "7")).isEmpty();
		assertThat(List.of(city.get("enforcement.publish").labelKey())).containsExactly("queue.enforcement.publish");
		assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.unpaid")).hasSize(
				(int) city.get("enforcement.unpaid").count());
	}

	/**
	 * A fine delivered on 16 September 2026 is due on the 15th day, 1 October — National Day, so the last day moves to
	 * the first working day after the holiday, 8 October (the calendar's rule for a calendar-day period), as on the case's
	 * page. On 5 October it is not yet overdue; on 9 October it is, listed with that day.
	 */
	@Test
	void anUnpaidFineIsOverdueOnlyAfterItsDeadlineMovedPastTheHoliday() {
		long id = jdbc.sql("""
				SELECT id FROM penalty_case WHERE penalty = 'FINE' AND status = 'DELIVERED' AND paid_on IS NULL
				AND payment_arrangement IS NULL AND region_code LIKE '3205%' ORDER BY id LIMIT 1""").query(Long.class).single();
		LocalDate delivered = jdbc.sql("SELECT delivered_on FROM penalty_case WHERE id = :id").param("id", id)
			.query(LocalDate.class).single();
		try {
			jdbc.sql("UPDATE penalty_case SET delivered_on = DATE '2026-09-16' WHERE id = :id").param("id", id).update();
			clock.set(LocalDate.of(2026, 10, 5).atTime(10, 0));
			assertThat(unpaid()).extracting(EnforcementWorkQueues.Item::id).doesNotContain(id);

			clock.set(LocalDate.of(2026, 10, 9).atTime(10, 0));
			assertThat(unpaid()).filteredOn(i -> i.id() == id).singleElement()
				.satisfies(i -> assertThat(i.due()).isEqualTo(LocalDate.of(2026, 10, 8)));
		}
		finally {
			jdbc.sql("UPDATE penalty_case SET delivered_on = :on WHERE id = :id").param("on", delivered).param("id", id)
				.update();
		}
	}

	/**
	 * An overdue case paused after its limit expired (a pause recorded before that was refused) stays in the deadline
	 * queue as overdue: the pause cannot stop a clock that had already run out.
	 */
	@Test
	void aCasePausedAfterItsLimitStaysInTheDeadlineQueue() {
		long id = jdbc.sql("""
				SELECT id FROM penalty_case WHERE status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
				AND decision_due_on < CURRENT_DATE - 2 AND region_code LIKE '3205%'
				AND NOT EXISTS (SELECT 1 FROM penalty_case_suspension s WHERE s.case_id = penalty_case.id AND s.ended_on IS NULL)
				ORDER BY id LIMIT 1""").query(Long.class).single();
		try {
			jdbc.sql("""
					INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason)
					SELECT id, 'APPRAISAL', decision_due_on + 1, '鉴定' FROM penalty_case WHERE id = :id""").param("id", id).update();
			assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.deadline"))
				.extracting(EnforcementWorkQueues.Item::id).contains(id);
			// the stage is shown in Chinese, never as the status's code
			assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.deadline"))
				.extracting(EnforcementWorkQueues.Item::detail).isNotEmpty().noneMatch(d -> d.matches("[A-Z_]+"));
		}
		finally {
			jdbc.sql("DELETE FROM penalty_case_suspension WHERE case_id = :id AND reason = '鉴定'").param("id", id).update();
		}
	}

	/** A decision against a natural person is never published (personal information): it is not waiting in 待公示. */
	@Test
	void aDecisionAgainstAPersonIsNotWaitingForPublication() {
		// no duty of the catalogue admits a person on the spot today (party-kind): one recorded before, as it is kept
		String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE region_code LIKE '320506%' ORDER BY credit_code LIMIT 1")
			.query(String.class).single();
		long id = onTheSpotPenalties.decideOnTheSpot(DataScope.all(), new OnTheSpotPenalties.OnTheSpot("ORGANISATION", code, null, null,
				"DATA_NOT_REPORTED", "快递员未按规定报送", "吴中区某网点", LocalDate.now(clock).toString(), "WARNING", null,
				List.of(new CaseInvestigation.Member("陈吴中", "32050601"), new CaseInvestigation.Member("沈执法", "32050602"))));
		jdbc.sql("""
				UPDATE penalty_case SET party_kind = 'PERSON', enterprise_credit_code = NULL, enterprise_name = '李某'
				WHERE id = :id""").param("id", id).update();
		assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.publish"))
			.extracting(EnforcementWorkQueues.Item::id).doesNotContain(id);
	}

	/** A decision is published once delivered (art.61): one decided and not yet delivered is not waiting in 待公示. */
	@Test
	void aDecisionNotYetDeliveredIsNotWaitingForPublication() {
		List<Long> undelivered = jdbc.sql("""
				SELECT id FROM penalty_case WHERE status = 'DECIDED' AND delivered_on IS NULL AND NOT imported
				    AND penalty IS NOT NULL AND region_code LIKE '3205%'""").query(Long.class).list();
		assertThat(undelivered).as("the demo's 已决定 case").isNotEmpty();
		assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.publish"))
			.extracting(EnforcementWorkQueues.Item::id).doesNotContainAnyElementsOf(undelivered);
	}

	List<EnforcementWorkQueues.Item> unpaid() {
		return queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.unpaid");
	}

	/**
	 * A past case imported undecided, filed a year and a half ago: its 90 days ran off the platform, so it is no running
	 * clock of today "547 days overdue" among the cases near their limit — it is listed apart, under 导入的未结案件, with
	 * its real 立案 day and limit and no countdown (nothing counted overdue), for the bureau to check its progress; a case
	 * handled on the platform stays in the deadline queue.
	 */
	@Test
	void anImportedCaseNotDecidedIsListedApartWithItsRealDaysNotCountedDown() {
		LocalDate filed = LocalDate.now(clock).minusDays(547);
		String code = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0).creditCode();
		long id = pastCases.importCase(DataScope.region("320506"), new PastCases.ImportedCase(code, "DATA_NOT_REPORTED",
				"INSPECTION", filed.toString(), null, null, null, null, null, null));
		CurrentUser clerk = directory.principal("sz.admin").orElseThrow();
		List<EnforcementWorkQueues.Item> deadline = queues.items(clerk, "enforcement.deadline");
		assertThat(deadline).extracting(EnforcementWorkQueues.Item::id).doesNotContain(id);
		assertThat(deadline).as("the platform's overdue case stays").isNotEmpty();
		assertThat(queues.items(clerk, "enforcement.imported")).filteredOn(i -> i.id() == id).singleElement()
			.satisfies(i -> {
				assertThat(i.due()).isNull();
				assertThat(i.detail()).contains("历史导入").contains(filed.toString()).contains("请核实办理进度");
			});
		WorkQueue imported = of("sz.admin").get("enforcement.imported");
		assertThat(imported.labelKey()).isEqualTo("queue.enforcement.imported");
		assertThat(imported.overdue()).isZero();
		assertThat(imported.count()).isPositive();
		assertThat(of("sz.admin").get("enforcement.deadline").items()).noneMatch(i -> i.link().endsWith("/" + id));
		// nor does the case list count it down from today
		String number = jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
		assertThat(cases.list(DataScope.region("320506"), true, null, new PageQuery(number, 0, 5, null, false)).items())
			.singleElement().satisfies(k -> {
				assertThat(k.imported()).isTrue();
				assertThat(k.remainingDays()).isNull();
				assertThat(k.decisionDueOn()).isAfter(filed);
			});
	}
}
