package org.youguan.enforcement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.numbering.OfficialNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new penalty decision's 文号 is in the official form of its bureau (苏吴邮管罚〔2026〕N号 for the demo's 吴中 bureau),
 * one series per bureau, kind and year counting up by one; a number of the earlier form
 * (行政处罚决定-320506-2026-000003) is still read as the platform's. Everything runs in one transaction rolled back at
 * the end, so the series are left as they were.
 */
@IntegrationTest
class OfficialDecisionNumbersIntegrationTest {

	@Autowired
	DecisionNumbers decisionNumbers;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aNewDecisionIsNumberedInItsBureausOfficialSeriesPerYear() {
		tx.executeWithoutResult(status -> {
			String first = decisionNumbers.nextOrdinary("320506110203", 2026);
			assertThat(first).matches("苏吴邮管罚〔2026〕[1-9][0-9]*号");
			long n = OfficialNumbers.parse("行政处罚决定", first).orElseThrow().sequence();
			// another bureau (吴江, whose first character is 吴中's too) and another year have their own series
			String wujiang = decisionNumbers.nextOrdinary("320509", 2026);
			assertThat(wujiang).startsWith("苏吴江邮管罚〔2026〕");
			String nextYear = decisionNumbers.nextOrdinary("320506", 2031);
			assertThat(nextYear).startsWith("苏吴邮管罚〔2031〕");
			assertThat(decisionNumbers.nextOrdinary("320506", 2026)).isEqualTo("苏吴邮管罚〔2026〕" + (n + 1) + "号");
			// an on-the-spot decision's series is its own, with its own character
			assertThat(decisionNumbers.nextOnTheSpot("320506", 2026)).matches("苏吴邮管当罚〔2026〕[1-9][0-9]*号");

			// numbers the series gave are the platform's; one it has not reached, or another agency's, are not
			assertThat(decisionNumbers.platformNumber(first)).isTrue();
			assertThat(decisionNumbers.platformNumber("苏吴邮管罚〔2026〕" + (n + 1000) + "号")).isFalse();
			assertThat(decisionNumbers.platformNumber("吴邮管罚〔2025〕3号")).isFalse();
			// the earlier form still reads as the platform's own
			assertThat(DecisionNumbers.automaticForm("行政处罚决定-320506-2026-000003")).isTrue();
			assertThat(decisionNumbers.platformNumber("当场处罚-320506-2026-000001")).isTrue();
			status.setRollbackOnly();
		});
	}
}
