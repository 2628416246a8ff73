package org.youguan.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The one rule of a day kept in stored words ({@link StoredWords}): stored as its ISO text, read back as the day, which
 * the message source then words per reader.
 */
class StoredWordsTest {

	@Test
	void aDayIsStoredAsItsIsoTextAndReadBackAsTheDay() {
		LocalDate day = LocalDate.of(2026, 3, 5);
		assertThat(StoredWords.text(day)).isEqualTo("2026-03-05");
		assertThat(StoredWords.argument(StoredWords.text(day))).isEqualTo(day);
		// and so worded per reader by the one rule of every message
		assertThat(ChineseText.sentenceArgument(StoredWords.argument("2026-03-05"), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("2026年3月5日");
		assertThat(ChineseText.sentenceArgument(StoredWords.argument("2026-03-05"), Locale.ENGLISH)).isEqualTo("2026-03-05");
	}

	@Test
	void anyOtherValueIsStoredAndReadAsText() {
		assertThat(StoredWords.text(new BigDecimal("94.99"))).isEqualTo("94.99");
		assertThat(StoredWords.text(null)).isNull();
		assertThat(StoredWords.argument("94.99")).isEqualTo("94.99");
		assertThat(StoredWords.argument("SF1、SF2")).isEqualTo("SF1、SF2");
		assertThat(StoredWords.argument("2026-03-05 外")).isEqualTo("2026-03-05 外");
		assertThat(StoredWords.argument("2026-02-30")).as("shaped like a day, none").isEqualTo("2026-02-30");
		assertThat(StoredWords.argument(null)).isNull();
	}
}
