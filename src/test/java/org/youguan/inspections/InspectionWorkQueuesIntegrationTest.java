package org.youguan.inspections;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The inspection queues of the inbox: staff who write see plans whose results await publication (overdue ones
 * counted), reports awaiting acceptance and orders overdue; the enterprise sees the orders awaiting its report;
 * leaders have none. A drawn outlet is matched to the record that names it, not to another target of the same
 * enterprise. Each queue's link lists exactly what it counts.
 */
@IntegrationTest
class InspectionWorkQueuesIntegrationTest {

	@Autowired
	List<WorkQueueProvider> providers;

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	InspectionPlans plans;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Inspectors inspectors;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	Optional<WorkQueue> queue(String username, String queue) {
		CurrentUser user = directory.principal(username).orElseThrow();
		return providers.stream().flatMap(p -> p.queuesFor(user).stream()).filter(q -> q.queue().equals(queue)).findFirst();
	}

	long count(String username, String queue) {
		return queue(username, queue).map(WorkQueue::count).orElse(-1L);
	}

	List<InspectionRecordData.TeamMember> team() {
		return List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
				new InspectionRecordData.TeamMember("沈执法", "32050602"));
	}

	@Test
	void ordersAwaitingTheReportTheDecisionAndOverdueOnesAreQueued() {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long awaitingReply = count("sf.wz", "inspection.reply");
		long awaitingDecision = count("wz.staff", "inspection.accept");
		long record = tx.execute(s -> records.record(DataScope.region("320506"), null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"), team(), "RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）",
				null, null), false, false));
		InspectionOrders.Order order = orders.issue(DataScope.region("320506"), record, "320506", 5);
		assertThat(count("sf.wz", "inspection.reply")).isEqualTo(awaitingReply + 1);
		assertThat(queue("sf.wz", "inspection.reply").orElseThrow().link()).contains("state=AWAITING_REPLY");
		long overdueBefore = count("wz.staff", "inspection.overdue");

		// past its deadline without a report: overdue for staff, and overdue in the enterprise's queue
		clock.advance(Duration.ofDays(20));
		assertThat(count("wz.staff", "inspection.overdue")).isGreaterThan(overdueBefore);
		LocalDate later = LocalDate.now(clock);
		long pastDue = orders.list(DataScope.enterprise(sf), InspectionOrders.State.AWAITING_REPLY,
				new PageQuery("", 0, PageQuery.MAX_SIZE, null, false)).items().stream().filter(o -> o.dueOn().isBefore(later)).count();
		assertThat(queue("sf.wz", "inspection.reply").orElseThrow().overdue()).as("counted in the database")
			.isEqualTo(pastDue).isPositive();
		clock.reset();

		orders.reply(DataScope.enterprise(sf), order.id(), "已补全实名登记");
		assertThat(count("sf.wz", "inspection.reply")).isEqualTo(awaitingReply);
		assertThat(count("wz.staff", "inspection.accept")).isEqualTo(awaitingDecision + 1);
		orders.decide(DataScope.region("320506"), order.id(), true, null);
		assertThat(count("wz.staff", "inspection.accept")).isEqualTo(awaitingDecision);

		assertThat(queue("sz.leader", "inspection.accept")).as("leaders do not decide").isEmpty();
	}

	@Test
	void planResultsAwaitingPublicationAreQueuedAndTheDrawnOutletMatchesItsRecord() throws Exception {
		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		LocalDate today = LocalDate.now(clock);
		DataScope scope = DataScope.region("320506");
		// drawn four days ago: the check below, three days ago, is made after the draw
		DrawnPlans.Published drawn = DrawnPlans.published(plans, clock, wz, "吴中区网点抽查（待办）", "QUEUE-", 3);
		long plan = drawn.id();
		List<InspectionPlan.Target> targets = drawn.targets();
		InspectionPlan.Target second = targets.get(1);
		long outletId = Long.parseLong(second.targetKey().substring("OUTLET:".length()));
		// a day no other test records on, so the check is recognisably this one
		LocalDate day = today.minusDays(3);
		tx.executeWithoutResult(s -> records.record(scope, wz.bureauId(), new InspectionRecordData(
				second.enterpriseCreditCode(), day.toString(), "RANDOM", List.of("REAL_NAME"),
				// by the team the draw gave the target: no other team's check is its result
				second.certificates().stream().map(c -> new InspectionRecordData.TeamMember(
						inspectors.findByCertificate(c).orElseThrow().name(), c)).toList(),
				"NONE", null, null, null, "OUTLET", outletId, plan), false, false));

		List<InspectionPlans.TargetResult> results = plans.results(plans.get(scope, plan));
		assertThat(results.get(1).state()).as("the record naming the drawn outlet is its check")
			.isEqualTo(InspectionPlans.ResultState.DUE);
		assertThat(results.get(1).inspectedOn()).isEqualTo(day);
		assertThat(results.get(0).inspectedOn()).as("not another target's, even of the same enterprise").isNotEqualTo(day);

		WorkQueue due = queue("wz.staff", "inspection.publish-results").orElseThrow();
		assertThat(plans.pendingResults(scope)).extracting(p -> p.plan().id()).contains(plan);
		assertThat(due.count()).isEqualTo(plans.pendingResults(scope).size());
		assertThat(due.link()).isEqualTo("/inspections/plans?results=pending&handling=true");
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/plans").param("results", "pending").session(session))
			.andExpect(content().string(containsString("/inspections/plans/" + plan + "\"")));

		clock.advance(Duration.ofDays(40));
		assertThat(plans.pendingResults(scope)).filteredOn(p -> p.plan().id() == plan)
			.singleElement().satisfies(p -> assertThat(p.overdue()).isPositive());
		assertThat(queue("wz.staff", "inspection.publish-results").orElseThrow().overdue()).isPositive();
		long pending = count("wz.staff", "inspection.publish-results");
		plans.publishResults(scope, plan);
		assertThat(count("wz.staff", "inspection.publish-results")).isEqualTo(pending - 1);
		assertThat(plans.pendingResults(scope)).extracting(p -> p.plan().id()).doesNotContain(plan);
		mvc.perform(get("/inspections/plans").param("results", "pending").session(session))
			.andExpect(content().string(not(containsString("/inspections/plans/" + plan + "\""))));
	}
}
