package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.JdbcStatements;
import org.youguan.JdbcStatements.Counted;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * The case list works out the days left of its stopped cases from their pauses for the whole page in one query — the
 * queries a page costs do not grow with the stopped cases on it (no query per case) — and lists the same days as each
 * case's page. The queue of fines unpaid past their deadline reads every case's payment deadline in force for the whole
 * queue at once, and lists the day the case's page shows.
 */
@IntegrationTest
class CaseListQueriesIntegrationTest {

	@Autowired
	DecisionLimit decisionLimit;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	PartyCases party;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A case filed and its clock stopped today. */
	long stopped(EnterpriseView e) {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(e, "DATA_NOT_REPORTED", today);
		decisionLimit.suspend(ALL, id, "APPRAISAL", today.toString(), "委托鉴定");
		return id;
	}

	/** {@code read}'s statements through {@code bean}'s {@link JdbcClient} ({@link JdbcStatements#counted}). */
	<T> Counted<T> counted(Object bean, Supplier<T> read) {
		return JdbcStatements.counted(bean, jdbc, read);
	}

	/** The statements the case list runs for one page of the enterprise's open cases, and the page. */
	Counted<List<PenaltyCases.CaseSummary>> list(EnterpriseView e) {
		return counted(party.cases(), () -> party.cases().list(ALL, true, null,
				PageQuery.of(e.creditCode(), 0, 200, "filed_on", "desc")).items());
	}

	@Autowired
	List<WorkQueueProvider> queueProviders;

	@Autowired
	UserDirectory directory;

	@Autowired
	CaseWork caseWork;

	/**
	 * One case made by {@code made}, then two more: {@code queue} (as wz.staff sees it) lists them all and its look costs
	 * the same statements of the case reads whatever their number (no query per case).
	 * @return the three cases' ids
	 */
	List<Long> threeReadAtOnce(String queue, Supplier<Long> made) {
		CurrentUser clerk = directory.principal("wz.staff").orElseThrow();
		long first = made.get();
		Counted<WorkQueue> one = queue(clerk, queue);
		long second = made.get();
		long third = made.get();
		Counted<WorkQueue> three = queue(clerk, queue);
		assertThat(three.value().count()).isEqualTo(one.value().count() + 2);
		assertThat(three.statements()).as("no query per case in " + queue).isEqualTo(one.statements());
		return List.of(first, second, third);
	}

	@Test
	void theUnpaidQueueReadsEveryCasesPaymentDeadlineAtOnceAndListsTheCasesOwnDay() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate longAgo = LocalDate.now(clock).minusDays(40);
		List<Long> ids = threeReadAtOnce("enforcement.unpaid", () -> party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", longAgo));
		// read at once, each case's day is the one its page shows
		Map<Long, LocalDate> due = caseExecution.paymentsDue(ids);
		for (long id : ids) {
			assertThat(due.get(id)).isEqualTo(caseExecution.paymentDue(id).orElseThrow()).isBefore(LocalDate.now(clock));
		}
	}

	/** The statements the case reads ({@link CaseWork}) run for one look at the inbox's queues, and {@code queue}. */
	Counted<WorkQueue> queue(CurrentUser clerk, String queue) {
		return counted(caseWork, () -> queueProviders.stream().flatMap(p -> p.queuesFor(clerk).stream())
			.filter(q -> q.queue().equals(queue)).findFirst().orElseThrow());
	}

	@Test
	void theHandoverQueueReadsEveryCasesHandoverDayAtOnceAndListsTheCasesOwnDay() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate longAgo = LocalDate.now(clock).minusDays(40);
		List<Long> ids = threeReadAtOnce("enforcement.handover",
				() -> party.delivered(e, "WAYBILL_DATA", "CONFISCATION", "3000", longAgo));
		long first = ids.get(0);
		long second = ids.get(1);
		Map<Long, LocalDate> due = caseExecution.handoversDue(ids);
		for (long id : ids) {
			assertThat(due.get(id)).isEqualTo(caseExecution.handoverDue(id).orElseThrow()).isBefore(LocalDate.now(clock));
		}
		caseExecution.handOver(ALL, first, LocalDate.now(clock).toString(), "3000", "非税收入缴款书0002", null);
		assertThat(caseExecution.handoversDue(List.of(first, second))).containsOnlyKeys(second);
	}

	/**
	 * The unpaid queue states the 加处罚款 accrued to today (行政处罚法(2021) art.72, capped at the fine by
	 * penalty.late-surcharge-cap): the amount the case page shows as surchargeToday, read with the queue.
	 */
	@Test
	void theUnpaidQueueStatesTheSurchargeAccruedToTodayAsTheCasePageDoes() throws Exception {
		EnterpriseView e = party.sfWuzhong();
		long late = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", LocalDate.now(clock).minusDays(25));
		// long overdue: 3 % a day would exceed the fine; the cap keeps it at the fine
		long capped = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", LocalDate.now(clock).minusDays(90));
		Map<Long, CaseExecution.Unpaid> unpaid = caseExecution.unpaid(List.of(late, capped));
		for (long id : List.of(late, capped)) {
			assertThat(unpaid.get(id).surchargeToday()).isPositive()
				.isEqualByComparingTo(party.cases().get(ALL, id).deadlines().surchargeToday());
		}
		assertThat(unpaid.get(capped).surchargeToday()).isEqualByComparingTo("1000");
		assertThat(unpaid.get(late).surchargeToday()).isLessThan(unpaid.get(capped).surchargeToday());
		String number = party.cases().get(ALL, capped).penaltyCase().decisionNumber();
		String page = mvc.perform(get("/enforcement/queues/enforcement.unpaid").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(number + "，加处罚款1000元（截至今日）");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aPageOfStoppedCasesCostsTheSameQueriesWhateverTheirNumberAndAgreesWithEachCase() {
		EnterpriseView e = party.other();
		long first = stopped(e);
		Counted<List<PenaltyCases.CaseSummary>> one = list(e);
		long second = stopped(e);
		long third = stopped(e);
		Counted<List<PenaltyCases.CaseSummary>> three = list(e);
		assertThat(three.statements()).as("no query per stopped case").isEqualTo(one.statements());
		for (long id : List.of(first, second, third)) {
			PenaltyCases.CaseSummary listed = three.value().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
			assertThat(listed.suspended()).isTrue();
			assertThat(listed.remainingDays()).isEqualTo(party.cases().get(ALL, id).deadlines().remainingDays());
		}
	}
}
