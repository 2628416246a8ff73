package org.youguan.kernel;

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
}
