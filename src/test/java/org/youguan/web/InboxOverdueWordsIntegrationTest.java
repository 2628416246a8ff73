package org.youguan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.youguan.IntegrationTest;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.org.WorkQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's queue items' dates (README, 日期): a due day alone in its cell keeps the lists' compact form (11-30),
 * while an overdue item's cell is a sentence joining the day to 已超期 — worded as Chinese text writes a day
 * (2026年11月30日已超期, {@code ChineseText.day}) and in English as ISO (2026-11-30 overdue), by the application's message
 * source — never "11-30 已超期".
 */
@IntegrationTest
class InboxOverdueWordsIntegrationTest {

	@Autowired
	MessageSource messages;

	@Autowired
	WorkingCalendar calendar;

	List<String> dueTexts(Locale locale) {
		WorkQueue queue = WorkQueue.action("statistics.due", "/enterprise/statistics", 2, 1, null,
				List.of(new WorkQueue.Item("月报 2026年10月", "草稿", "/enterprise/statistics/reports/1", LocalDate.of(2026, 11, 30), true),
						new WorkQueue.Item("月报 2026年11月", "草稿", "/enterprise/statistics/reports/2", LocalDate.of(2026, 12, 15), false)));
		return new InboxRows(messages, locale, "", calendar, LocalDate.of(2026, 12, 7)).queues(List.of(queue)).get(0).items()
			.stream().map(InboxRows.Item::dueText).toList();
	}

	@Test
	void anOverdueItemsDayIsWordedAsTextAndADayAloneStaysCompact() {
		assertThat(dueTexts(Locale.SIMPLIFIED_CHINESE)).containsExactly("2026年11月30日已超期", "12-15");
		assertThat(dueTexts(Locale.ENGLISH)).containsExactly("2026-11-30 overdue", "12-15");
	}
}
