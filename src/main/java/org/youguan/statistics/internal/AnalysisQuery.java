package org.youguan.statistics.internal;

import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FiguresPeriod;
import java.time.YearMonth;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * What an analysis page asks for: an indicator, a region (its code; "0" the country), a year up to a month, and
 * optionally a brand (short name). Defaults: 快递业务量, the user's region, this year through the last reported month.
 */
record AnalysisQuery(String indicator, String region, int year, int through, String brand) {

	/**
	 * The query with its defaults. Only ended months are figures (a month still running compared with last year's
	 * whole month reads as a fall): refused are a year outside {@link FiguresPeriod#year} (2000 … next year) (field
	 * {@code year}, rule {@code range}) or without an ended month ({@code year}, rule {@code ended}), a {@code through}
	 * other than 1–12 (rule {@code range}; never clamped) and a {@code through} month not ended by {@code lastMonth}
	 * (rule {@code ended}).
	 * @param lastMonth the last month that has ended
	 */
	static AnalysisQuery of(String indicator, String region, Integer year, Integer through, String brand,
			String userRegion, YearMonth lastMonth) {
		if (year != null) {
			FiguresPeriod.year("year", year, lastMonth.plusMonths(1).atDay(1));
			if (year > lastMonth.getYear()) {
				throw new InvalidValueException("year", "ended", Wording.of("statistics.invalid.yearNotEnded", year, lastMonth), "年度应为已有结束月份的年度：" + year + "年尚无已结束的月份（最近已结束的月份为"
						+ ChineseText.month(lastMonth) + "）");
			}
		}
		int y = year == null ? lastMonth.getYear() : year;
		if (through != null && (through < 1 || through > 12)) {
			throw new InvalidValueException("through", "range", Wording.of("statistics.invalid.throughRange", through), "截至月份应为1至12：" + through);
		}
		if (through != null && YearMonth.of(y, through).isAfter(lastMonth)) {
			throw new InvalidValueException("through", "ended", Wording.of("statistics.invalid.throughNotEnded", YearMonth.of(y, through), lastMonth), "截至月份应为已结束的月份：" + ChineseText.month(YearMonth.of(y, through))
					+ "尚未结束（最近已结束的月份为" + ChineseText.month(lastMonth) + "）");
		}
		int t = through == null ? (y == lastMonth.getYear() ? lastMonth.getMonthValue() : 12) : through;
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
