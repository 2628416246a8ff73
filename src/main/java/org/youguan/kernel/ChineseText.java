package org.youguan.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Days and small numbers as Chinese official documents write them (党政机关公文格式, GB/T 9704: the date of issue in
 * Arabic digits with 年月日; counts in running text in Chinese numerals, e.g. 六十日内).
 */
public final class ChineseText {

	private static final String DIGITS = "〇一二三四五六七八九";

	private ChineseText() {
	}

	/**
	 * A day as an official document writes it, and so every sentence meant for people: a refusal, a notice, an audit
	 * entry, a document — never the ISO {@code 2026-03-05}, which stays for the machine-readable (API fields, form
	 * values, sheet cells, file names).
	 * @return e.g. {@code 2026年3月5日}; empty for null
	 */
	public static String day(LocalDate day) {
		return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	/**
	 * A month as running Chinese text writes it, as {@link #day} writes a day: never the ISO {@code 2026-03} of a
	 * field or a URL.
	 * @return e.g. {@code 2026年3月}; empty for null
	 */
	public static String month(YearMonth month) {
		return month == null ? "" : month.getYear() + "年" + month.getMonthValue() + "月";
	}

	/**
	 * A moment as a Chinese sentence writes it: its day as {@link #day} writes it and the time to the minute.
	 * @param time a local time (a stored instant already moved to China time by the caller)
	 * @return e.g. {@code 2026年3月5日 14:30}; empty for null
	 */
	public static String dayTime(LocalDateTime time) {
		return time == null ? "" : day(time.toLocalDate()) + " " + MINUTES.format(time);
	}

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * An argument of a sentence of the UI bundle as the reader's language writes it, the one place every message
	 * (page, refusal, notification) words its days: in Chinese a {@link LocalDate} as {@link #day} (2026年3月5日), a
	 * {@link YearMonth} as {@link #month} (2026年3月), a {@link LocalDateTime} as {@link #dayTime} (2026年3月5日 14:30);
	 * in any other language as the English pages have always written them: ISO {@code 2026-03-05}, {@code 2026-03},
	 * {@code 2026-03-05 14:30}. Anything else is returned unchanged.
	 * @param locale the reader's language; null reads as Chinese, the product's default
	 */
	public static Object sentenceArgument(Object argument, Locale locale) {
		boolean chinese = locale == null || "zh".equals(locale.getLanguage());
		if (argument instanceof LocalDate day) {
			return chinese ? day(day) : day.toString();
		}
		if (argument instanceof YearMonth month) {
			return chinese ? month(month) : month.toString();
		}
		if (argument instanceof LocalDateTime time) {
			return chinese ? dayTime(time) : ISO_MINUTES.format(time);
		}
		return argument;
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

	private static final String CAPITALS = "零壹贰叁肆伍陆柒捌玖";

	private static final String[] PLACES = { "", "拾", "佰", "仟" };

	private static final String[] GROUPS = { "", "万", "亿", "万亿" };

	/**
	 * An amount of yuan in figures as a penalty document writes it: whole yuan without decimals ({@code 80000}), an
	 * amount with 角 or 分 with both decimals ({@code 2500.50}, never the trimmed {@code 2500.5}).
	 * @param amount yuan, at most two decimals (more are rounded half up)
	 */
	public static String yuanFigures(BigDecimal amount) {
		BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
		return cents.stripTrailingZeros().scale() <= 0 ? cents.setScale(0).toPlainString() : cents.toPlainString();
	}

	/**
	 * An amount of yuan as every page, notice, message and document of the product writes it in figures:
	 * {@link #yuanFigures} and 元 — {@code 8000元}, {@code 12345.50元} —, never the trimmed {@code 12345.5}, the exponent
	 * {@code 8E+3} or a second style with separators ({@code 8,000.00}).
	 * @param amount yuan, at most two decimals (more are rounded half up); null gives —
	 */
	public static String yuan(BigDecimal amount) {
		return amount == null ? "—" : yuanFigures(amount) + "元";
	}

	/**
	 * An amount of yuan in capital numerals (大写金额) as 票据 and official penalty documents write it (中国人民银行
	 * 《正确填写票据和结算凭证的基本规定》): 捌万元整, 贰仟伍佰元伍角, 壹仟肆佰零玖元零贰分, 壹拾万零伍佰元整, 伍角; "整"
	 * after 元 (none after 角 or 分); one 零 for a run of zeros inside the number; 零 between 元 and 分 when 角 is zero.
	 * @param amount yuan, not negative, at most two decimals (more are rounded half up), below 10^16
	 * @return the capitals without 人民币; 零元整 for zero
	 * @throws IllegalArgumentException for a negative amount or one of 10^16 yuan or more
	 */
	public static String yuanCapitals(BigDecimal amount) {
		if (amount.signum() < 0 || amount.compareTo(BigDecimal.TEN.pow(16)) >= 0) {
			throw new IllegalArgumentException("amount out of range: " + amount);
		}
		long cents = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
		long yuan = cents / 100;
		int jiao = (int) (cents / 10 % 10);
		int fen = (int) (cents % 10);
		if (cents == 0) {
			return "零元整";
		}
		StringBuilder out = new StringBuilder();
		if (yuan > 0) {
			out.append(integerCapitals(yuan)).append("元");
		}
		if (jiao == 0 && fen == 0) {
			return out.append("整").toString();
		}
		if (jiao > 0) {
			out.append(CAPITALS.charAt(jiao)).append("角");
		}
		else if (yuan > 0) {
			out.append("零");
		}
		if (fen > 0) {
			out.append(CAPITALS.charAt(fen)).append("分");
		}
		return out.toString();
	}

	/** A whole number above 0 in capitals, by groups of four digits (万, 亿), one 零 for each run of zeros inside it. */
	private static String integerCapitals(long n) {
		StringBuilder out = new StringBuilder();
		boolean zero = false;
		for (int group = GROUPS.length - 1; group >= 0; group--) {
			long unit = (long) Math.pow(10_000, group);
			int part = (int) (n / unit % 10_000);
			if (part == 0) {
				zero = out.length() > 0;
				continue;
			}
			if (out.length() > 0 && (zero || part < 1000)) {
				out.append("零");
			}
			out.append(groupCapitals(part)).append(GROUPS[group]);
			zero = false;
		}
		return out.toString();
	}

	/** 1 to 9999 in capitals with 仟佰拾, a zero inside as one 零, trailing zeros unwritten (壹仟零伍, 贰仟伍佰, 壹拾). */
	private static String groupCapitals(int part) {
		StringBuilder out = new StringBuilder();
		boolean zero = false;
		for (int place = 3; place >= 0; place--) {
			int digit = part / (int) Math.pow(10, place) % 10;
			if (digit == 0) {
				zero = out.length() > 0;
				continue;
			}
			if (zero) {
				out.append("零");
			}
			out.append(CAPITALS.charAt(digit)).append(PLACES[place]);
			zero = false;
		}
		return out.toString();
	}

	/**
	 * An amount as a penalty document states it, in figures and in capitals: 人民币80000元（大写：捌万元整）,
	 * 人民币2500.50元（大写：贰仟伍佰元伍角）.
	 * @param amount yuan, not negative
	 */
	public static String yuanStated(BigDecimal amount) {
		return "人民币" + yuanFigures(amount) + "元（大写：" + yuanCapitals(amount) + "）";
	}
}
