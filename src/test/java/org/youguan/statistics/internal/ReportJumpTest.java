package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.youguan.kernel.FieldError;
import org.youguan.statistics.Aggregates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's jump against a base states the change toward zero, as it is compared: a fall of 99.97 % reads
 * 下降99.9 %, never 下降100.0 % (which says the value fell to nothing); a growth (同比) is rounded the same way.
 */
class ReportJumpTest {

	static List<FieldError> jump(String value, String base) {
		List<FieldError> errors = new ArrayList<>();
		ReportChecks.jump(StatisticsRulesTest.indicator("a", ValueType.INTEGER, null), new BigDecimal(value),
				new BigDecimal(base), "上期", new BigDecimal("50"), errors);
		return errors;
	}

	@Test
	void aFallJustShortOfEverythingIsNotShownAsAHundredPercent() {
		assertThat(jump("3", "10000")).singleElement()
			.satisfies(e -> assertThat(e.message()).isEqualTo("a较上期下降99.9%，超过50%，请在说明中写明原因"));
		assertThat(jump("0", "10000")).singleElement()
			.satisfies(e -> assertThat(e.message()).contains("下降100.0%"));
		// a change shown as 50.0 % is not beyond 50 %, and is not called so
		assertThat(jump("15004", "10000")).isEmpty();
		assertThat(Aggregates.growth(new BigDecimal("3"), new BigDecimal("100000"))).isEqualByComparingTo("-99.99");
	}

	/**
	 * A computed percentage is written in groups, never eleven digits in a row that the messages' masking takes for a
	 * mobile number (attack: «较上期增长145****8317.2%»).
	 */
	@Test
	void aLargeJumpIsWrittenInGroupsAndNotMaskedAsAPhoneNumber() {
		assertThat(jump("145123484172", "1000")).singleElement().satisfies(e -> {
			assertThat(e.message()).contains("增长14,512,348,317.2%");
			assertThat(org.youguan.kernel.Masking.personalNumbersIn(e.message())).isEqualTo(e.message());
		});
	}
}

