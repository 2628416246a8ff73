package org.youguan.statistics;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.thymeleaf.expression.Numbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's trend figures formatted once in Java read exactly as the template's
 * {@code #numbers.formatDecimal(v, 1, 'COMMA', 0, 'POINT')} wrote them, rounding included, in any locale.
 */
class WholeWithGroupsTest {

	@Test
	void writesWhatThymeleafsFormatDecimalWrote() {
		for (String v : new String[] { "0", "7", "999", "1000", "1234567", "1234567.5", "1234568.5", "2.5", "3.5",
				"0.49", "-1234.5", "987654321012.25", "12345678901234567890" }) {
			for (Locale locale : new Locale[] { Locale.CHINA, Locale.GERMANY, Locale.ROOT }) {
				assertThat(Analysis.wholeWithGroups(new BigDecimal(v))).as(v + " in " + locale)
					.isEqualTo(new Numbers(locale).formatDecimal(new BigDecimal(v), 1, "COMMA", 0, "POINT"));
			}
		}
	}

	@Test
	void aMonthWithoutAValueShowsADash() {
		assertThat(new Analysis.MonthPoint("2026-01", null, null, null, null).valueText()).isEqualTo("—");
		assertThat(new Analysis.MonthPoint("2026-01", new BigDecimal("12345"), null, null, null).valueText())
			.isEqualTo("12,345");
	}
}
