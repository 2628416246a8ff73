package org.youguan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A year already loaded is replaced only by a whole year: a file for the next year with one stray day of this one is
 * refused naming the year, and this year's 国庆 stays a day off (due dates would otherwise be recounted on a calendar
 * without its holidays).
 */
@IntegrationTest
class CalendarReplaceIntegrationTest {

	@Autowired
	CalendarYears years;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aStrayDayOfALoadedYearDoesNotReplaceThatYear() {
		String file = "{\"holidays\":{\"2026-12-30\":\"Test,测试,1\",\"2049-01-01\":\"New Year's Day,元旦,1\"},\"workdays\":{}}";
		assertThatThrownBy(() -> tx.execute(s -> years.load(file.getBytes(StandardCharsets.UTF_8), "stray.json", "test")))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("2026年", "元旦"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 30))).isTrue();
	}
}
