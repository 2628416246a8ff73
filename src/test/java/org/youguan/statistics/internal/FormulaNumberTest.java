package org.youguan.statistics.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A number a formula cannot hold is named in the formula's words, never BigDecimal's English. */
class FormulaNumberTest {

	@Test
	void aNumberWithTwoDecimalPointsIsNamedInChinese() {
		assertThatThrownBy(() -> Formula.parse("a * 1..2")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("“1..2”")
			.hasMessageContaining("只能有一个小数点")
			.hasMessageNotContaining("decimal point")
			.hasMessageNotContaining("Character");
	}
}
