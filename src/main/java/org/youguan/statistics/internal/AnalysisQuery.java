package org.youguan.statistics.internal;

import java.time.YearMonth;

import org.youguan.kernel.Text;
import org.youguan.statistics.Period;

/**
 * What an analysis page asks for: an indicator, a region (its code; "0" the country), a year up to a month, and
 * optionally a brand (short name). Defaults: 快递业务量, the user's region, this year through the last reported month.
 */
record AnalysisQuery(String indicator, String region, int year, int through, String brand) {

	/** The query with its defaults; a year outside {@link Period#FIRST_YEAR} … next year is refused (field {@code year}). */
	static AnalysisQuery of(String indicator, String region, Integer year, Integer through, String brand,
			String userRegion, YearMonth lastMonth) {
		if (year != null) {
			Period.requireYear("year", year, lastMonth.plusMonths(1).atDay(1));
		}
		int y = year == null ? lastMonth.getYear() : year;
		int t = through == null ? (y == lastMonth.getYear() ? lastMonth.getMonthValue() : 12) : Math.max(1, Math.min(12, through));
		return new AnalysisQuery(indicator == null || Text.isBlank(indicator) ? "express.volume" : Text.strip(indicator),
				region == null || Text.isBlank(region) ? userRegion : Text.strip(region), y, t,
				brand == null || Text.isBlank(brand) ? null : Text.strip(brand));
	}

	public YearMonth from() {
		return YearMonth.of(year, 1);
	}

	public YearMonth to() {
		return YearMonth.of(year, through);
	}

	/** "1–10月" as bulletins write it. */
	public String monthsLabel() {
		return through == 1 ? "1月" : "1–" + through + "月";
	}
}
