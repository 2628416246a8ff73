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

	/**
	 * Documents state each amount with two decimals where it has cents and in capitals (attack 27 L2: "罚款人民币2500.5元");
	 * a suspension as days from delivery (attack 27 M1).
	 */
	@Test
	void aDocumentStatesEachAmountInFiguresWithCentsAndInCapitals() {
		assertThat(Penalty.FINE.stated(new BigDecimal("2500.5"), null, ""))
			.isEqualTo("罚款人民币2500.50元（大写：贰仟伍佰元伍角）");
		assertThat(Penalty.SUSPENSION.stated(new BigDecimal("80000"), null, Penalty.suspensionDays(30)))
			.isEqualTo("责令停业整顿30日（自行政处罚决定书送达之日的次日起计算），并处罚款人民币80000元（大写：捌万元整）");
		assertThat(Penalty.CONFISCATION.stated(null, new BigDecimal("9999"), ""))
			.isEqualTo("没收违法所得人民币9999元（大写：玖仟玖佰玖拾玖元整）");
		assertThat(Penalty.FINE.describe(new BigDecimal("2500.5"), null)).as("pages: figures, both decimals")
			.isEqualTo("罚款人民币2500.50元");
	}
}
