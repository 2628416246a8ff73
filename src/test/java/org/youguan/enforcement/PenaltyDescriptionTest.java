package org.youguan.enforcement;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a decision's penalty is written in documents and on pages: every part, a 停业整顿's period right after it. */
class PenaltyDescriptionTest {

	@Test
	void aSuspensionStatesItsPeriodRightAfterItselfNotAfterTheFine() {
		assertThat(Penalty.SUSPENSION.describe(new BigDecimal("20000"), new BigDecimal("3000"), "（自2026年6月20日至2026年8月19日）"))
			.isEqualTo("责令停业整顿（自2026年6月20日至2026年8月19日），没收违法所得人民币3000元，并处罚款人民币20000元");
		assertThat(Penalty.CONFISCATION.describe(new BigDecimal("5000"), new BigDecimal("800"), "（自…）"))
			.as("only a suspension has a period").isEqualTo("没收违法所得人民币800元，并处罚款人民币5000元");
		assertThat(Penalty.FINE.describe(new BigDecimal("8000"), null)).isEqualTo("罚款人民币8000元");
	}
}
