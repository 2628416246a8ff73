package org.youguan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.youguan.org.WorkQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The dates of the home page's queue items: month and day this year, with the year in any other. */
class InboxRowsTest {

	final InboxRows rows = new InboxRows(new StaticMessageSource(), Locale.SIMPLIFIED_CHINESE, "", null,
			LocalDate.of(2026, 12, 7));

	@Test
	void aDateOfThisYearShowsMonthAndDay() {
		assertThat(rows.day(LocalDate.of(2026, 11, 30))).isEqualTo("11-30");
	}

	/** Attack 4 (party): a year-old due day read "12-15" as if it were this year's. */
	@Test
	void aDateOfAnotherYearShowsItsYear() {
		assertThat(rows.day(LocalDate.of(2025, 12, 15))).isEqualTo("2025-12-15");
		assertThat(rows.day(LocalDate.of(2027, 1, 5))).isEqualTo("2027-01-05");
	}

	@Test
	void anItemOfAnotherYearShowsItsYearInItsRow() {
		WorkQueue queue = WorkQueue.action("statistics.due", "/enterprise/statistics", 1, 0, null,
				List.of(new WorkQueue.Item("月报 2025年12月", "草稿", "/enterprise/statistics/reports/1", LocalDate.of(2025, 12, 15),
						false)));
		assertThat(rows.queues(List.of(queue)).get(0).items().get(0).dueText()).isEqualTo("2025-12-15");
	}
}
