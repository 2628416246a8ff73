package org.youguan.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * A penalty decision enters the enterprise's credit record (行政处罚信息) when it is served, not when it is made: the
 * decision takes effect on delivery (行政处罚法(2021) art.61), and the party must not read — nor object to — an entry of
 * a decision it does not hold yet. The entry states the decision as served (a 变更 by the bureau's own correction before
 * the delivery included); a 撤销 after the delivery owes the entry's removal. A decision handed over on the spot is
 * served as it is made.
 */
@IntegrationTest
class CreditEntryOnServiceIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	DecisionOutcomes decisionOutcomes;

	@Autowired
	OnTheSpotPenalties onTheSpotPenalties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aDecisionIsOnTheRecordOnceServedWithItsTermsAsServedAndARevocationOwesItsRemoval() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(e, "DATA_NOT_REPORTED", "FINE", "3000", today);
		settled("PenaltyDecided");
		assertThat(entries(id)).as("decided, not served: not on the credit record").isZero();

		decisionOutcomes.record(ALL, id, new DecisionOutcomes.Outcome("SELF_CORRECTION", "苏州市吴中区邮政管理局",
				"吴邮纠〔2026〕" + RandomDigits.of(7) + "号", today.toString(), "CHANGED", "罚款数额计算有误", "FINE", "2000", null),
				null);
		settled("PenaltyDecisionRemedied");
		assertThat(entries(id)).as("changed before the delivery: still not on the record").isZero();

		caseExecution.deliver(ALL, id, CaseExecution.Delivery.direct(today.toString()));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries(id) == 1);
		assertThat(jdbc.sql("SELECT summary FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + id)
			.query(String.class).single()).as("the terms as served").contains("罚款人民币2000元").doesNotContain("3000");

		decisionOutcomes.record(ALL, id, new DecisionOutcomes.Outcome("REVIEW", "江苏省邮政管理局",
				"苏邮复决〔2026〕" + RandomDigits.of(7) + "号", today.toString(), "REVOKED", "事实不清", null, null, null), null);
		await().atMost(Duration.ofSeconds(60)).until(() -> "REMOVE".equals(jdbc.sql(
				"SELECT correction_kind FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + id)
			.query(String.class).single()));
	}

	/** A decision handed over on the spot is served as it is made: on the record at once, with its fine. */
	@Test
	void aDecisionHandedOverOnTheSpotIsOnTheRecordAtOnce() {
		EnterpriseView e = party.sfWuzhong();
		long id = onTheSpotPenalties.decideOnTheSpot(ALL, new OnTheSpotPenalties.OnTheSpot("ORGANISATION", e.creditCode(), null,
				null, "DATA_NOT_REPORTED", "当月数据逾期未报送（" + RandomDigits.of(6) + "）", "当事人营业场所",
				LocalDate.now(clock).toString(), "FINE", "500", PartyCases.TEAM));
		await().atMost(Duration.ofSeconds(60)).until(() -> entries(id) == 1);
		assertThat(jdbc.sql("SELECT summary FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + id)
			.query(String.class).single()).contains("罚款人民币500元");
	}

	/** Waits until every listener has taken the events of {@code type} published so far. */
	private void settled(String type) {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE"
				+ " completion_date IS NULL AND event_type LIKE :type").param("type", "%" + type).query(Long.class).single() == 0);
	}

	private long entries(long caseId) {
		return jdbc.sql("SELECT count(*) FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
	}
}
