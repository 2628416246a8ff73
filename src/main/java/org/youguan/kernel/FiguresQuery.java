package org.youguan.kernel;

import java.time.LocalDate;

/**
 * The region and period a figures page or API is asked for, checked once for every module's figures: the period by
 * day ({@code from} and {@code to}, YYYY-MM-DD, inclusive; by default this year's first day to today; checked by
 * {@link FiguresPeriod#days}: begun, running forward, within 2000 … next year), the region
 * within the caller's scope (by default the caller's own), its code read as {@link RegionPrefix#normalised} reads it.
 *
 * @param region the region's code, {@code ""} for the whole country
 * @param from the period's first day
 * @param to the period's last day
 */
public record FiguresQuery(String region, LocalDate from, LocalDate to) {

	/**
	 * @param ownRegion the region asked for when {@code region} is blank (the caller's bureau's)
	 * @param today today (China time): the default period is this year's first day to today
	 * @throws InvalidValueException naming {@code from} or {@code to} as {@link FiguresPeriod#days} checks the period:
	 *         not a date, before 2000 or after next year, a {@code from} after today (rule {@code future}: a period
	 *         not begun is refused, not answered with zeros), or {@code to} before {@code from}
	 * @throws AccessRefusedException (403, field {@code region}) for a region outside the scope
	 */
	public static FiguresQuery of(DataScope scope, String region, String ownRegion, String from, String to,
			LocalDate today) {
		FiguresPeriod period = FiguresPeriod.days(from, to, today.withDayOfYear(1), today, today);
		String asked = region == null || Text.isBlank(region) ? ownRegion : region;
		// a malformed code is the same 400 for every caller, before anyone's scope is asked about it; a code in another
		// accepted form (320500, full-width digits) is asked about as the project writes it (3205)
		String code = RegionPrefix.of(asked).code();
		String r = scope.requireReadable(code, "region");
		return new FiguresQuery(r, period.from(), period.to());
	}
}
