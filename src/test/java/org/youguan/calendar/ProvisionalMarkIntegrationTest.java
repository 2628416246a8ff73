package org.youguan.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How documents and messages state a due date: with （暂定） exactly when its year's holiday notice is not loaded. The
 * boundary is the loaded years in the database, not a year written in the code: loading a year takes the mark off its
 * dates. 2064 is loaded by no other test; 2027 by none.
 */
@IntegrationTest
class ProvisionalMarkIntegrationTest extends CalendarRecountTest {

	@Test
	void aDateInAYearNotLoadedIsStatedWithTheMarkAndOneInALoadedYearWithout() {
		// a document never prints the mark: it words the provisional count in a sentence of its own
		assertThat(calendar.documentDay(LocalDate.of(2027, 1, 18))).isEqualTo("2027年1月18日");
		assertThat(calendar.documentNote(LocalDate.of(2027, 1, 18))).isEqualTo(WorkingCalendar.PROVISIONAL_NOTE)
			.doesNotContain("暂定");
		assertThat(calendar.documentNote(LocalDate.of(2026, 12, 31))).isEmpty();
		assertThat(calendar.messageDay(LocalDate.of(2027, 1, 18))).isEqualTo("2027年1月18日（暂定）");
		assertThat(calendar.documentDay(LocalDate.of(2026, 12, 31))).isEqualTo("2026年12月31日");
		assertThat(calendar.messageDay(LocalDate.of(2026, 12, 31))).isEqualTo("2026年12月31日");
		assertThat(calendar.documentDay(null)).isEmpty();
	}

	@Test
	void loadingAYearTakesTheMarkOffItsDates() {
		LocalDate due = LocalDate.of(2064, 1, 6);
		assertThat(calendar.messageDay(due)).isEqualTo("2064年1月6日（暂定）");
		notices.loadDaysOff(LocalDate.of(2064, 1, 1));
		assertThat(calendar.isProvisional(due)).isFalse();
		assertThat(calendar.messageDay(due)).isEqualTo("2064年1月6日");
		assertThat(calendar.documentDay(due)).isEqualTo("2064年1月6日");
	}
}
