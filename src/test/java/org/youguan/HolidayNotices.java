package org.youguan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.calendar.CalendarYears;

/**
 * Loads a test year's holiday notice as an administrator would (one transaction, {@code CalendarYearsLoaded} published
 * on commit) — the shared setup of the tests that check a module counts its stored deadlines again. Each such test
 * takes a year no other test loads.
 */
@Component
public final class HolidayNotices {

	private final CalendarYears years;

	private final TransactionTemplate tx;

	HolidayNotices(CalendarYears years, TransactionTemplate tx) {
		this.years = years;
		this.tx = tx;
	}

	/**
	 * Loads the notice of the year of {@code daysOff} (all in one year) declaring them days off (元旦) and no 调休
	 * working day.
	 */
	public void loadDaysOff(LocalDate... daysOff) {
		int year = daysOff[0].getYear();
		String holidays = Arrays.stream(daysOff)
			.peek(d -> {
				if (d.getYear() != year) {
					throw new IllegalArgumentException(d + " is not in " + year);
				}
			})
			.map(d -> "\"" + d + "\":\"New Year's Day,元旦,1\"")
			.collect(Collectors.joining(","));
		String notice = "{\"holidays\":{" + holidays + "},\"workdays\":{}}";
		tx.execute(s -> years.load(notice.getBytes(StandardCharsets.UTF_8), year + ".json", "test"));
	}
}
