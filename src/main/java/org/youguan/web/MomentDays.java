package org.youguan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.platform.ChinaTime;

/**
 * A page's access to days and moments written for people: the China-time day of a stored moment, for a sentence of the
 * bundle that names the day only ({@code #{rules.overriddenBy(${who}, ${@momentDays.day(s.changedAt())})}}), and a
 * day, month or moment written into the page's own text beside other words ({@code ${@momentDays.text(c.reviewedOn())
 * + ' ' + c.reviewedBy()}}) as the reader's language writes it: 2026年3月5日 and 2026年3月5日 14:30 in Chinese, the ISO
 * 2026-03-05 and 2026-03-05 14:30 in English — the rule every bundle argument follows
 * ({@link ChineseText#sentenceArgument}). A date standing alone as a table or field value stays ISO, as it is typed.
 */
@Component("momentDays")
public final class MomentDays {

	/**
	 * The day the moment falls on in China time ({@link ChinaTime#ZONE}).
	 * @param moment an {@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime}; null gives null
	 * @throws IllegalArgumentException for any other type
	 */
	public LocalDate day(Object moment) {
		if (moment == null) {
			return null;
		}
		Instant instant = moment instanceof Instant i ? i
				: moment instanceof OffsetDateTime o ? o.toInstant()
				: moment instanceof ZonedDateTime z ? z.toInstant() : null;
		if (instant == null) {
			throw new IllegalArgumentException("not a moment: " + moment.getClass().getName());
		}
		return LocalDate.ofInstant(instant, ChinaTime.ZONE);
	}

	/**
	 * A day, month or moment as the reader's language (the request's, {@link LocaleContextHolder}) writes it in text.
	 * @param value a {@link LocalDate}, {@link YearMonth}, {@link LocalDateTime}, a stored moment ({@link Instant},
	 *        {@link OffsetDateTime}, {@link ZonedDateTime}: read in China time to the minute), or a day or month a view
	 *        carries as its ISO text ({@code "2026-03-05"}, {@code "2026-03"}); any other value is written as it is
	 * @return e.g. 2026年3月5日, 2026年3月, 2026年3月5日 14:30 in Chinese; 2026-03-05, 2026-03, 2026-03-05 14:30 otherwise;
	 *         empty for null
	 */
	public String text(Object value) {
		if (value == null) {
			return "";
		}
		Object typed = value instanceof String s ? parsed(s) : value;
		return String.valueOf(MessageSourceConfiguration.UnlockedMessageSource.sentenceArgument(typed,
				LocaleContextHolder.getLocale()));
	}

	/** An ISO day or month as its value, any other text as it is. */
	private static Object parsed(String text) {
		try {
			return text.length() == 10 ? LocalDate.parse(text) : text.length() == 7 ? YearMonth.parse(text) : text;
		}
		catch (DateTimeParseException notADay) {
			return text;
		}
	}
}
