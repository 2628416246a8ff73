package org.youguan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;
import org.youguan.platform.ChinaTime;

/**
 * A page's access to the China-time day of a stored moment, for a sentence that names the day only:
 * {@code #{rules.overriddenBy(${who}, ${@momentDays.day(s.changedAt())})}}. The page passes the day itself, never a
 * formatted text, so the message source writes it as the reader's language does (2026年3月5日, 2026-03-05).
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
}
