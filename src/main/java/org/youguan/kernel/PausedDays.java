package org.youguan.kernel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The days a deadline's clock stood still, each counted once: pauses that overlap or adjoin — one resumed and another
 * begun on the same day, a suspension over a hearing's pause — share their common days, and a day paused twice holds the
 * limit back one day, not two (the laws count the days paused: 行政许可法(2019) art.45, 邮政行政执法监督办法(2021) art.17).
 * The one count of the penalty and the licensing clocks.
 */
public final class PausedDays {

	private PausedDays() {
	}

	/** A period a clock stood still, both ends included; {@code endedOn} null while it lasts. */
	public interface Span {

		/** The first day paused. */
		LocalDate startedOn();

		/** The last day paused, null while the pause lasts. */
		LocalDate endedOn();
	}

	/**
	 * The distinct days of {@code pauses} from {@code firstCounted} on (earlier days do not count), a pause still lasting
	 * up to {@code today}.
	 */
	public static long count(Collection<? extends Span> pauses, LocalDate firstCounted, LocalDate today) {
		long paused = 0;
		LocalDate counted = firstCounted.minusDays(1);
		List<? extends Span> byStart = pauses.stream().sorted(Comparator.comparing(Span::startedOn)).toList();
		for (Span p : byStart) {
			LocalDate from = p.startedOn().isAfter(counted) ? p.startedOn() : counted.plusDays(1);
			LocalDate to = p.endedOn() == null ? today : p.endedOn();
			if (!to.isBefore(from)) {
				paused += ChronoUnit.DAYS.between(from, to) + 1;
				counted = to;
			}
		}
		return paused;
	}
}
