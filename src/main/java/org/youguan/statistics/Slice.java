package org.youguan.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What an aggregate covers: a region (by code prefix; "" for the country), optionally one brand, and the months from
 * {@code from} to {@code to} inclusive. A fact counts when its period's last month lies inside the months
 * ({@link Aggregates#IN_RANGE}: a quarter counts in its third month).
 */
public record Slice(String regionPrefix, Long brandId, YearMonth from, YearMonth to) {

	public LocalDate start() {
		return from.atDay(1);
	}

	public LocalDate end() {
		return to.atEndOfMonth();
	}

	/** The same months one year earlier. */
	public Slice lastYear() {
		return new Slice(regionPrefix, brandId, from.minusYears(1), to.minusYears(1));
	}

	public Slice inRegion(String prefix) {
		return new Slice(prefix, brandId, from, to);
	}

	public Slice ofBrand(Long brand) {
		return new Slice(regionPrefix, brand, from, to);
	}

	public Slice months(YearMonth first, YearMonth last) {
		return new Slice(regionPrefix, brandId, first, last);
	}
}
