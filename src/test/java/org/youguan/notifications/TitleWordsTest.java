package org.youguan.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.Wording;

/**
 * A notification's title words keep a day as every stored words do ({@link org.youguan.kernel.StoredWords}): its ISO
 * text, read back as the day; a title stored with the former {@code {"day": …}} marker still reads as the day.
 */
class TitleWordsTest {

	@Test
	void aDayIsKeptAsStoredWordsKeepItAndReadBackAsTheDay() {
		LocalDate day = LocalDate.of(2026, 12, 7);
		Wording words = Wording.of("safety.alert.notification", Wording.of("safety.rule.X"), day, "网点");
		String json = TitleWords.write(words);
		assertThat(json).contains("\"2026-12-07\"").doesNotContain("\"day\"");
		assertThat(TitleWords.read(json)).isEqualTo(words);
	}

	@Test
	void aTitleStoredWithTheFormerDayMarkerStillReadsTheDay() {
		Wording read = TitleWords.read("{\"key\":\"k\",\"arguments\":[{\"day\":\"2026-12-07\"},\"x\"]}");
		assertThat(read.arguments()).containsExactly(LocalDate.of(2026, 12, 7), "x");
	}
}
