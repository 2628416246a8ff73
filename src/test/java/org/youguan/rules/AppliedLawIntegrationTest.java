package org.youguan.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 从旧兼从轻 (行政处罚法(2021) art.37) in one place, {@link StatutoryRules#applicable}: an act of 2025-05-20 decided
 * 2025-06-10 is judged by the law of its day — 快递暂行条例(2019) 第40条 and the range then — unless the law at the
 * decision punishes it more lightly (a lower maximum then): then the decision's, 快递暂行条例(2025) 第50条 and its range.
 * And a value changed after a decision's instant is not the decision's. The values of a region no bureau holds, written
 * into the history as a bureau's change writes them.
 */
@IntegrationTest
class AppliedLawIntegrationTest {

	static final String REGION = "329971";

	static final LocalDate ACT = LocalDate.of(2025, 5, 20);

	static final LocalDate DECIDED = LocalDate.of(2025, 6, 10);

	@Autowired
	StatutoryRules rules;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forget() {
		jdbc.sql("DELETE FROM statutory_rule_override_history WHERE region_code = :r").param("r", REGION).update();
	}

	@Test
	void theActsLawAppliesWhenTheDecisionsIsNotLighter() {
		AppliedLaw law = rules.applicable(ViolationType.OUTLET_UNFILED, false, REGION, ACT, DECIDED, null);
		assertThat(law.day()).isEqualTo(ACT);
		assertThat(law.newer()).isFalse();
		assertThat(law.basis()).isEqualTo("快递暂行条例(2019) 第40条");
		assertThat(law.formalBasis()).isEqualTo("《快递暂行条例》第四十条");
		assertThat(law.dutiesBreached("网点未备案")).extracting(Citation::article).containsExactly(18);
		assertThat(law.range().max()).isEqualByComparingTo("10000");
		// a heavier law at the decision does not reach back
		set("2025-06-05T09:00:00+08:00", "8000");
		set("2025-05-01T09:00:00+08:00", "6000");
		assertThat(rules.applicable(ViolationType.OUTLET_UNFILED, false, REGION, ACT, DECIDED, null).range().max())
			.isEqualByComparingTo("6000");
	}

	@Test
	void theDecisionsLawAppliesWhereItIsLighter() {
		set("2025-06-05T09:00:00+08:00", "4000");
		AppliedLaw law = rules.applicable(ViolationType.OUTLET_UNFILED, false, REGION, ACT, DECIDED, null);
		assertThat(law.newer()).isTrue();
		assertThat(law.day()).isEqualTo(DECIDED);
		assertThat(law.basis()).isEqualTo("快递暂行条例(2025) 第50条");
		assertThat(law.range().max()).isEqualByComparingTo("4000");
	}

	@Test
	void aValueChangedAfterTheDecisionsInstantIsNotTheDecisions() {
		set("2025-06-10T15:00:00+08:00", "4000");
		OffsetDateTime morning = OffsetDateTime.parse("2025-06-10T10:00:00+08:00");
		assertThat(rules.fineRangeAt(ViolationType.OUTLET_UNFILED, false, REGION, morning).max()).isEqualByComparingTo("10000");
		assertThat(rules.applicable(ViolationType.OUTLET_UNFILED, false, REGION, DECIDED, DECIDED, morning).range().max())
			.isEqualByComparingTo("10000");
		// without the instant, the end of the day: the afternoon's change counts
		assertThat(rules.fineRangeOn(ViolationType.OUTLET_UNFILED, false, REGION, DECIDED).max()).isEqualByComparingTo("4000");
	}

	private void set(String at, String value) {
		jdbc.sql("""
				INSERT INTO statutory_rule_override_history (region_code, rule_code, value, valid_from)
				VALUES (:r, :code, :value, :at)""")
			.param("r", REGION).param("code", StatutoryRule.FINE_OUTLET_UNFILED_MAX.code())
			.param("value", new BigDecimal(value)).param("at", OffsetDateTime.parse(at)).update();
	}
}
