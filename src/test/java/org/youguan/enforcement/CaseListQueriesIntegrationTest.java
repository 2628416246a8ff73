package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.youguan.IntegrationTest;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * The case list works out the days left of its stopped cases from their pauses for the whole page in one query — the
 * queries a page costs do not grow with the stopped cases on it (no query per case) — and lists the same days as each
 * case's page.
 */
@IntegrationTest
class CaseListQueriesIntegrationTest {

	@Autowired
	DecisionLimit decisionLimit;

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

	/** The statements the case list runs for one page of the enterprise's open cases, and the page. */
	record Listed(long statements, List<PenaltyCases.CaseSummary> items) {
	}

	Listed list(EnterpriseView e) {
		PenaltyCases target = AopTestUtils.getTargetObject(party.cases());
		JdbcClient spy = Mockito.spy(jdbc);
		ReflectionTestUtils.setField(target, "jdbc", spy);
		try {
			List<PenaltyCases.CaseSummary> items = party.cases().list(ALL, true, null,
					PageQuery.of(e.creditCode(), 0, 200, "filed_on", "desc")).items();
			long statements = Mockito.mockingDetails(spy).getInvocations().stream()
				.filter(i -> i.getMethod().getName().equals("sql")).count();
			return new Listed(statements, items);
		}
		finally {
			ReflectionTestUtils.setField(target, "jdbc", jdbc);
		}
	}

	@Test
	void aPageOfStoppedCasesCostsTheSameQueriesWhateverTheirNumberAndAgreesWithEachCase() {
		EnterpriseView e = party.other();
		long first = stopped(e);
		Listed one = list(e);
		long second = stopped(e);
		long third = stopped(e);
		Listed three = list(e);
		assertThat(three.statements()).as("no query per stopped case").isEqualTo(one.statements());
		for (long id : List.of(first, second, third)) {
			PenaltyCases.CaseSummary listed = three.items().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
			assertThat(listed.suspended()).isTrue();
			assertThat(listed.remainingDays()).isEqualTo(party.cases().get(ALL, id).deadlines().remainingDays());
		}
	}
}
