package org.youguan.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Days and small numbers as Chinese official documents write them (党政机关公文格式, GB/T 9704: the date of issue in
 * Arabic digits with 年月日; counts in running text in Chinese numerals, e.g. 六十日内).
 */
public final class ChineseText {

	private static final String DIGITS = "〇一二三四五六七八九";

	private ChineseText() {
	}

	/**
	 * A day as an official document writes it.
	 * @return e.g. {@code 2026年3月5日}; empty for null
	 */
	public static String day(LocalDate day) {
		return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	/**
	 * A whole number from 1 to 99 in Chinese numerals, as a section number or a period in running text.
	 * @return 一 … 十, 十一 … 九十九; other numbers in Arabic digits
	 */
	public static String numeral(int n) {
		if (n <= 0 || n >= 100) {
			return Integer.toString(n);
		}
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n));
		}
		int tens = n / 10;
		int ones = n % 10;
		return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
	}

	/**
	 * A large count as running Chinese text writes it, in 万 and 亿 (a limit in a message: 超过1亿字符, 5000万像素).
	 * @param n a count, not negative
	 * @return below 10,000 the digits ({@code 865}); from 万 on the number of 万 or 亿 with at most two decimals and no
	 * trailing zeros ({@code 5000万}, {@code 1亿}, {@code 1.5亿}, {@code 3.25万})
	 */
	public static String count(long n) {
		if (n < 10_000) {
			return Long.toString(n);
		}
		long unit = n >= 100_000_000L ? 100_000_000L : 10_000L;
		return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(unit), 2, RoundingMode.DOWN).stripTrailingZeros()
			.toPlainString() + (unit == 10_000L ? "万" : "亿");
	}
}
