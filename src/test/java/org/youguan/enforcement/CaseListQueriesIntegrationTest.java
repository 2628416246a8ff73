package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
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

	/** What a read returned, and the statements it ran through the one bean's {@link JdbcClient} watched. */
	record Counted<T>(long statements, T value) {
	}

	/**
	 * {@code read} run with a spy in place of {@code bean}'s {@link JdbcClient} (its target behind any proxy): what it
	 * returned and how many statements it ran through that bean.
	 */
	<T> Counted<T> counted(Object bean, Supplier<T> read) {
		Object target = AopTestUtils.getTargetObject(bean);
		JdbcClient spy = Mockito.spy(jdbc);
		ReflectionTestUtils.setField(target, "jdbc", spy);
		try {
			T value = read.get();
			long statements = Mockito.mockingDetails(spy).getInvocations().stream()
				.filter(i -> i.getMethod().getName().equals("sql")).count();
			return new Counted<>(statements, value);
		}
		finally {
			ReflectionTestUtils.setField(target, "jdbc", jdbc);
		}
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

	/** The statements the case reads ({@link CaseWork}) run for one look at the inbox's queues, and the unpaid queue. */
	Counted<WorkQueue> unpaidQueue(CurrentUser clerk) {
		return counted(caseWork, () -> queueProviders.stream().flatMap(p -> p.queuesFor(clerk).stream())
			.filter(q -> q.queue().equals("enforcement.unpaid")).findFirst().orElseThrow());
	}

	@Test
	void theUnpaidQueueReadsEveryCasesPaymentDeadlineAtOnceAndListsTheCasesOwnDay() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate longAgo = LocalDate.now(clock).minusDays(40);
		CurrentUser clerk = directory.principal("wz.staff").orElseThrow();
		long first = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", longAgo);
		Counted<WorkQueue> one = unpaidQueue(clerk);
		long second = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", longAgo);
		long third = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", longAgo);
		Counted<WorkQueue> three = unpaidQueue(clerk);
		assertThat(three.value().count()).isEqualTo(one.value().count() + 2);
		assertThat(three.statements()).as("no query per unpaid case").isEqualTo(one.statements());
		// read at once, each case's day is the one its page shows
		Map<Long, LocalDate> due = caseExecution.paymentsDue(List.of(first, second, third));
		for (long id : List.of(first, second, third)) {
			assertThat(due.get(id)).isEqualTo(caseExecution.paymentDue(id).orElseThrow()).isBefore(LocalDate.now(clock));
		}
	}

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
