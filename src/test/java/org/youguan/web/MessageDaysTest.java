package org.youguan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page passes a day, a month or a moment to a message as itself, and the UI bundle writes it as the reader's
 * language does: 2026年3月5日 for a Chinese reader (finding: 超过办案期限（期限至2025-04-07）on a case page), ISO as
 * before for an English reader.
 */
class MessageDaysTest {

	private final MessageSource messages = new MessageSourceConfiguration().messageSource("messages", false);

	@Test
	void aDayInAChineseSentenceIsWrittenAsChineseWritesIt() {
		Object[] due = { LocalDate.of(2025, 4, 7) };
		assertThat(messages.getMessage("enforcement.case.decidedLate", due, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("超过办案期限（期限至2025年4月7日）");
		assertThat(messages.getMessage("enforcement.case.paidUp", due, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("已于2025年4月7日缴清，缴款期限已履行");
		assertThat(messages.getMessage("enforcement.party.publicNoticeServed",
				new Object[] { LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 4) }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("公告送达：公告日期2026年3月5日，视为送达日期2026年4月4日");
	}

	@Test
	void anEnglishSentenceKeepsTheIsoDay() {
		assertThat(messages.getMessage("enforcement.case.decidedLate", new Object[] { LocalDate.of(2025, 4, 7) },
				Locale.ENGLISH)).isEqualTo("Decided after the decision limit (2025-04-07)");
	}

	@Test
	void aMomentIsReadInChinaTimeToTheMinute() {
		Instant at = OffsetDateTime.of(2026, 3, 5, 6, 30, 0, 0, ZoneOffset.UTC).toInstant();
		assertThat(messages.getMessage("stat.lastReminderAt", new Object[] { at }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("最近一次催报：2026年3月5日 14:30");
		assertThat(messages.getMessage("stat.lastReminderAt", new Object[] { at }, Locale.ENGLISH))
			.isEqualTo("Last reminder: 2026-03-05 14:30");
		assertThat(messages.getMessage("stat.lastReminderAt",
				new Object[] { OffsetDateTime.of(2026, 3, 5, 23, 59, 0, 0, ZoneOffset.ofHours(8)) }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("最近一次催报：2026年3月5日 23:59");
	}

	@Test
	void aMonthAndANestedMessageAreWordedToo() {
		assertThat(MessageSourceConfiguration.UnlockedMessageSource.sentenceArgument(YearMonth.of(2026, 3),
				Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年3月");
		assertThat(MessageSourceConfiguration.UnlockedMessageSource.sentenceArgument(YearMonth.of(2026, 3), Locale.ENGLISH))
			.isEqualTo("2026-03");
		// a message among the arguments is resolved first, and a day inside its own arguments is worded as well
		DefaultMessageSourceResolvable nested = new DefaultMessageSourceResolvable(
				new String[] { "enforcement.case.decidedLate" }, new Object[] { LocalDate.of(2025, 4, 7) });
		assertThat(messages.getMessage("stat.lastReminderAt", new Object[] { nested }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("最近一次催报：超过办案期限（期限至2025年4月7日）");
		assertThat(messages.getMessage("stat.lastReminderAt", new Object[] { 12 }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("最近一次催报：12");
	}
}
