package org.youguan.kernel;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseTextTest {

	@Test
	void aLargeCountIsWrittenIn万And亿NotIn百万() {
		assertThat(ChineseText.count(865)).isEqualTo("865");
		assertThat(ChineseText.count(9_999)).isEqualTo("9999");
		assertThat(ChineseText.count(10_000)).isEqualTo("1万");
		assertThat(ChineseText.count(32_500)).isEqualTo("3.25万");
		assertThat(ChineseText.count(50_000_000)).isEqualTo("5000万");
		assertThat(ChineseText.count(100_000_000)).isEqualTo("1亿");
		assertThat(ChineseText.count(150_000_000)).isEqualTo("1.5亿");
		// never rounded up past the limit it states
		assertThat(ChineseText.count(199_999_999)).isEqualTo("1.99亿");
	}

	@Test
	void numeralsAndDaysAsOfficialDocumentsWriteThem() {
		assertThat(ChineseText.numeral(60)).isEqualTo("六十");
		assertThat(ChineseText.numeral(15)).isEqualTo("十五");
		assertThat(ChineseText.day(LocalDate.of(2026, 3, 5))).isEqualTo("2026年3月5日");
	}
}
