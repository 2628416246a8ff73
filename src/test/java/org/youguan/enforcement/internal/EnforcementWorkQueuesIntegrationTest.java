package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.LeadSource;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.enforcement.PastCases;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enforcement queues of the inbox on the demo city: a city clerk sees the leads to assess, the overdue case
 * (filed 96 days ago) among the cases near or past their limit, and the fine unpaid past its 15 days, each item linking
 * to its page — each in the queues of the bureau handling it, a county's not also in the city's; a county clerk sees
 * only its county's; leaders and enterprise users hold none.
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

	@Autowired
	Bureaus bureaus;

	@Autowired
	Leads leads;

	/**
	 * A case's region lies in a county whose bureau has a 处室工作人员 on the demo (吴中, 相城, 昆山: the bureau handling
	 * it, whose queues hold it), for {@code penalty_case} rows.
	 */
	static final String STAFFED = """
			EXISTS (SELECT 1 FROM user_account u JOIN user_role ur ON ur.user_account = u.id AND ur.role = 'STAFF'
			    JOIN bureau b ON b.id = u.bureau_id WHERE b.region_code = substring(penalty_case.region_code, 1, 6))""";

	Map<String, WorkQueue> of(String user) {
		return of(directory.principal(user).orElseThrow());
	}

	Map<String, WorkQueue> of(CurrentUser user) {
		return queues.queuesFor(user).stream().collect(Collectors.toMap(WorkQueue::queue, Function.identity()));
	}

	/** A 处室工作人员 of the bureau handling a case of {@code region} ({@link Bureaus#nearest}). */
	CurrentUser clerkOf(String region) {
		long bureau = bureaus.nearest(region).orElseThrow().id();
		String username = jdbc.sql("""
				SELECT u.username FROM user_account u JOIN user_role ur ON ur.user_account = u.id AND ur.role = 'STAFF'
				WHERE u.bureau_id = :bureau AND u.kind = 'STAFF' ORDER BY u.id LIMIT 1""").param("bureau", bureau)
			.query(String.class).single();
		return directory.principal(username).orElseThrow();
	}

	/** {@link #clerkOf(String)} of the case's region. */
	CurrentUser clerkOfCase(long id) {
		return clerkOf(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single());
	}

	@Test
	void aClerkSeesLeadsCasesNearTheLimitDecisionsToPublishAndOverdueFines() {
		Map<String, WorkQueue> city = of("sz.admin");
		assertThat(city).containsOnlyKeys("enforcement.leads", "enforcement.deadline", "enforcement.imported",
				"enforcement.publish", "enforcement.unpaid", "enforcement.handover", "enforcement.withdraw");
		CurrentUser cityClerk = directory.principal("sz.admin").orElseThrow();
		List<Long> cityLeads = jdbc.sql(
				"SELECT id FROM penalty_lead WHERE status IN ('OPEN', 'PROPOSED') AND region_code LIKE '3205%'")
			.query(Long.class).list();
		assertThat(city.get("enforcement.leads").count()).as("the city's leads: those it handles, by the lead's rule")
			.isEqualTo(cityLeads.stream().filter(id -> leads.handles(cityClerk, leads.get(DataScope.region("3205"), id))).count());

		long overdueCase = jdbc.sql("""
				SELECT id FROM penalty_case WHERE status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
				AND NOT imported AND decision_due_on < CURRENT_DATE AND region_code LIKE '3205%' AND\s""" + STAFFED
				+ " ORDER BY id LIMIT 1").query(Long.class).single();
		Map<String, WorkQueue> handling = of(clerkOfCase(overdueCase));
		assertThat(handling.get("enforcement.deadline").overdue()).isPositive();
		assertThat(handling.get("enforcement.deadline").items()).allSatisfy(i -> assertThat(i.link()).startsWith("/enforcement/cases/"));
		long unpaidCase = jdbc.sql("""
				SELECT id FROM penalty_case WHERE penalty = 'FINE' AND status = 'DELIVERED' AND paid_on IS NULL
				AND region_code LIKE '3205%' AND\s""" + STAFFED + " ORDER BY id LIMIT 1").query(Long.class).single();
		CurrentUser unpaidClerk = clerkOfCase(unpaidCase);
		assertThat(of(unpaidClerk).get("enforcement.unpaid").count()).isPositive();
		assertThat(of(unpaidClerk).get("enforcement.unpaid").items().get(0).overdue()).isTrue();

		Map<String, WorkQueue> county = of("xc.staff");
		List<Long> xiangcheng = jdbc.sql(
				"SELECT id FROM penalty_lead WHERE status IN ('OPEN', 'PROPOSED') AND region_code LIKE '320507%'")
			.query(Long.class).list();
		CurrentUser xc = directory.principal("xc.staff").orElseThrow();
		assertThat(county.get("enforcement.leads").count())
			.isEqualTo(xiangcheng.stream().filter(id -> leads.handles(xc, leads.get(DataScope.region("320507"), id))).count());

		assertThat(of("sz.leader")).isEmpty();
		assertThat(of("sf.wz")).isEmpty();
		assertThat(queues.linkFor(directory.principal("sz.admin").orElseThrow(), "penalty_case", "7")).contains("/enforcement/cases/7");
		assertThat(queues.linkFor(directory.principal("sf.wz").orElseThrow(), "penalty_case", "7")).isEmpty();
		assertThat(List.of(city.get("enforcement.publish").labelKey())).containsExactly("queue.enforcement.publish");
		assertThat(queues.items(unpaidClerk, "enforcement.unpaid")).hasSize(
				(int) of(unpaidClerk).get("enforcement.unpaid").count());
	}

	/**
	 * The queues are the handling bureau's to do: a county's case is in its county bureau's queues, not in the city's,
	 * whose staff read it and take none of its steps ({@code CaseWork#requireHandlingBureau}); a lead goes by the region
	 * its case would have ({@link Leads#handlingRegion}): one the city received about a 吴中 enterprise is 吴中区局's (not
	 * the city's to do), a lead another bureau handed over to the city (移送) stays the city's.
	 */
	@Test
	void aCountysCaseAndLeadAreInTheCountysQueuesNotTheCitys() {
		long overdueCase = jdbc.sql("""
				SELECT id FROM penalty_case WHERE status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
				AND NOT imported AND decision_due_on < CURRENT_DATE AND region_code LIKE '3205%' AND\s""" + STAFFED
				+ " ORDER BY id LIMIT 1").query(Long.class).single();
		CurrentUser city = directory.principal("sz.admin").orElseThrow();
		assertThat(queues.items(clerkOfCase(overdueCase), "enforcement.deadline")).extracting(EnforcementWorkQueues.Item::id)
			.contains(overdueCase);
		assertThat(queues.items(city, "enforcement.deadline")).extracting(EnforcementWorkQueues.Item::id)
			.doesNotContain(overdueCase);

		EnterpriseView wuzhong = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0);
		LocalDate today = LocalDate.now(clock);
		long countys = leads.intake(new Leads.Intake(LeadSource.REPORT, "queues-test:" + RandomDigits.of(10), "区局接到举报",
				"320506", wuzhong.creditCode(), wuzhong.legalName(), "未按规定报送数据", today, false)).orElseThrow();
		long reported = leads.intake(new Leads.Intake(LeadSource.REPORT, "queues-test:" + RandomDigits.of(10), "市局接到举报",
				"3205", wuzhong.creditCode(), wuzhong.legalName(), "未按规定报送数据", today, false)).orElseThrow();
		long transferred = leads.intake(new Leads.Intake(LeadSource.TRANSFER, "queues-test:" + RandomDigits.of(10), "报请市局管辖",
				"3205", wuzhong.creditCode(), wuzhong.legalName(), "情节较重，报请上级管辖", today, false)).orElseThrow();
		CurrentUser county = directory.principal("wz.staff").orElseThrow();
		assertThat(queues.items(county, "enforcement.leads")).extracting(EnforcementWorkQueues.Item::id).contains(countys);
		assertThat(queues.items(city, "enforcement.leads")).extracting(EnforcementWorkQueues.Item::id)
			.contains(transferred).doesNotContain(countys, reported);
		assertThat(leads.handles(city, leads.get(DataScope.region("3205"), reported))).as("吴中区局's by 属地管辖").isFalse();
		assertThat(leads.handles(city, leads.get(DataScope.region("3205"), transferred))).isTrue();
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
				AND payment_arrangement IS NULL AND region_code LIKE '3205%' AND\s""" + STAFFED + " ORDER BY id LIMIT 1")
			.query(Long.class).single();
		LocalDate delivered = jdbc.sql("SELECT delivered_on FROM penalty_case WHERE id = :id").param("id", id)
			.query(LocalDate.class).single();
		try {
			jdbc.sql("UPDATE penalty_case SET delivered_on = DATE '2026-09-16' WHERE id = :id").param("id", id).update();
			clock.set(LocalDate.of(2026, 10, 5).atTime(10, 0));
			assertThat(unpaid(id)).extracting(EnforcementWorkQueues.Item::id).doesNotContain(id);

			clock.set(LocalDate.of(2026, 10, 9).atTime(10, 0));
			assertThat(unpaid(id)).filteredOn(i -> i.id() == id).singleElement()
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
				AND\s""" + STAFFED + " ORDER BY id LIMIT 1").query(Long.class).single();
		try {
			jdbc.sql("""
					INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason)
					SELECT id, 'APPRAISAL', decision_due_on + 1, '鉴定' FROM penalty_case WHERE id = :id""").param("id", id).update();
			assertThat(queues.items(clerkOfCase(id), "enforcement.deadline"))
				.extracting(EnforcementWorkQueues.Item::id).contains(id);
			// the stage is the case's status, which the page words in its reader's language, never its code as text
			assertThat(queues.items(clerkOfCase(id), "enforcement.deadline"))
				.extracting(EnforcementWorkQueues.Item::detail).isNotEmpty().allMatch(d -> d instanceof CaseStatus);
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

	/** The unpaid fines in the queue of the bureau handling case {@code id}. */
	List<EnforcementWorkQueues.Item> unpaid(long id) {
		return queues.items(clerkOfCase(id), "enforcement.unpaid");
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
		CurrentUser clerk = directory.principal("wz.staff").orElseThrow();
		List<EnforcementWorkQueues.Item> deadline = queues.items(clerk, "enforcement.deadline");
		assertThat(deadline).extracting(EnforcementWorkQueues.Item::id).doesNotContain(id);
		assertThat(deadline).as("the platform's overdue case stays").isNotEmpty();
		assertThat(queues.items(clerk, "enforcement.imported")).filteredOn(i -> i.id() == id).singleElement()
			.satisfies(i -> {
				assertThat(i.due()).isNull();
				assertThat(((MessageSourceResolvable) i.detail()).getDefaultMessage()).contains("历史导入")
					.contains(filed.toString()).contains("请核实办理进度");
			});
		WorkQueue imported = of(clerk).get("enforcement.imported");
		assertThat(imported.labelKey()).isEqualTo("queue.enforcement.imported");
		assertThat(imported.overdue()).isZero();
		assertThat(imported.count()).isPositive();
		assertThat(of(clerk).get("enforcement.deadline").items()).noneMatch(i -> i.link().endsWith("/" + id));
		assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.imported"))
			.as("吴中区局's case, not the city's to do").extracting(EnforcementWorkQueues.Item::id).doesNotContain(id);
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
