package org.youguan.safety.internal.ledgers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A seizure's unit measures or counts ({@link SeizureUnits#measures}), however an input method typed it. */
class SeizureUnitsTest {

	@Test
	void aUnitOfMeasureTypedInFullWidthFormsOrAsAUnitSymbolStillMeasures() {
		assertThat(SeizureUnits.measures("ｋｇ")).isTrue();
		assertThat(SeizureUnits.measures("ＫＧ\u3000")).isTrue();
		assertThat(SeizureUnits.measures("㎏")).isTrue();
		assertThat(SeizureUnits.measures("㎡")).isTrue();
		assertThat(SeizureUnits.measures("ｍ²")).isTrue();
		assertThat(SeizureUnits.measures(" 公斤 ")).isTrue();
	}

	@Test
	void anyOtherUnitCountsPieces() {
		assertThat(SeizureUnits.measures("条")).isFalse();
		assertThat(SeizureUnits.measures("箱")).isFalse();
		assertThat(SeizureUnits.measures("ｐｃｓ")).isFalse();
		assertThat(SeizureUnits.measures(null)).isFalse();
	}
}
