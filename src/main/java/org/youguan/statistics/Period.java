package org.youguan.statistics;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * A reporting period: a month ("2025-11"), a quarter ("2025-Q4") or a year ("2025").
 */
public record Period(PeriodType type, YearMonth first) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	public Period {
		if ((first.getMonthValue() - 1) % type.months() != 0) {
			throw new IllegalArgumentException("a " + type + " cannot start in " + first);
		}
	}

	public static Period month(YearMonth month) {
		return new Period(PeriodType.MONTH, month);
	}

	/**
	 * The last year a stored period's text may name at all ({@link #parse(PeriodType, String, String)}); what a user
	 * names is held to next year ({@link #parse(PeriodType, String, String, LocalDate)}).
	 */
	public static final int LAST_YEAR = 2099;

	/**
	 * Parses the text form of a period kept by the system (a stored report's, the audit's) of the given type from
	 * {@link FiguresPeriod#FIRST_YEAR} to {@link #LAST_YEAR}, or fails naming {@code field} (rule {@code period} for
	 * the form, {@code range} for the year). Not for what a user types: that is
	 * {@link #parse(PeriodType, String, String, LocalDate)}, whose refusal states the range really allowed.
	 */
	public static Period parse(PeriodType type, String text, String field) {
		Period p = parseForm(type, text, field);
		if (p.year() < FiguresPeriod.FIRST_YEAR || p.last().getYear() > LAST_YEAR) {
			throw new InvalidValueException(field, "range", Wording.of("statistics.invalid.periodRange", FiguresPeriod.FIRST_YEAR, LAST_YEAR, Text.strip(text)), "报告期应在" + FiguresPeriod.FIRST_YEAR + "年至" + LAST_YEAR + "年之间："
					+ Text.strip(text));
		}
		return p;
	}

	/**
	 * Parses a period a user names, its year held to the one year rule of every figures query
	 * ({@link FiguresPeriod#year}: 2000 to the year after {@code today}'s, one message whichever end is passed:
	 * "报告期的年度应在2000年至2027年之间，不能是1999年"), or fails naming {@code field}: rule {@code required} when
	 * missing or blank, {@code period} for the form, {@code range} for the year.
	 */
	public static Period parse(PeriodType type, String text, String field, LocalDate today) {
		if (text == null || Text.isBlank(text)) {
			throw new InvalidValueException(field, "required", "请填写报告期");
		}
		Period p = parseForm(type, text, field);
		FiguresPeriod.year(field, "报告期的年度", p.year(), today);
		return p;
	}

	/** A month ("YYYY-MM") a user names, its year held to {@link FiguresPeriod#year} (2000 to next year). */
	public static YearMonth parseMonth(String text, String field, LocalDate today) {
		return parse(PeriodType.MONTH, text, field, today).first();
	}

	/**
	 * Reads a period filter of a list — a month ("2026-10"), a quarter ("2026-Q3") or a year ("2026"), whichever the
	 * text is — by the one rule of every period a user names ({@link #parse(PeriodType, String, String, LocalDate)}:
	 * the form, full-width digits and a lower-case q read as typed elsewhere, the year from 2000 to next year).
	 * @param text the filter as typed; null or blank for none
	 * @return the period, or null when the filter is blank
	 * @throws InvalidValueException on {@code field}, rule {@code period} ("报告期格式应为2025-11、2025-Q4或2025") for
	 * text that is no period (2026-13, 2026-1, +2026-01, 2026-Q5), rule {@code range} for a year outside 2000 to
	 * next year (0000-01, 9999-12)
	 */
	public static Period parseAny(String text, String field, LocalDate today) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String t = typed(text);
		PeriodType type = t.contains("Q") ? PeriodType.QUARTER
				: YEAR.matcher(t).matches() ? PeriodType.YEAR : PeriodType.MONTH;
		try {
			return parse(type, text, field, today);
		}
		catch (InvalidValueException ex) {
			if (!ex.fieldErrors().isEmpty() && "period".equals(ex.fieldErrors().get(0).rule())) {
				throw new InvalidValueException(field, "period", Wording.of("statistics.invalid.periodFormat", Text.excerpt(Text.strip(text), 30)), "报告期格式应为2025-11（月）、2025-Q4（季度）或2025（年度）："
						+ Text.excerpt(Text.strip(text), 30));
			}
			throw ex;
		}
	}

	/**
	 * A period's text as it is read: without the spaces around it, full-width digits and letters as ASCII
	 * ({@link Text#halfWidth(String)}: ２０２６－１０ is 2026-10), the quarter's letter in either case (2026-q3 is
	 * 2026-Q3) — as a form's code is read in any case.
	 */
	private static String typed(String text) {
		return text == null ? "" : Text.halfWidth(Text.strip(text)).strip().toUpperCase(java.util.Locale.ROOT);
	}

	private static Period parseForm(PeriodType type, String text, String field) {
		String t = typed(text);
		try {
			switch (type) {
				case MONTH -> {
					Matcher m = MONTH.matcher(t);
					if (m.matches()) {
						return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
					}
				}
				case QUARTER -> {
					Matcher m = QUARTER.matcher(t);
					if (m.matches()) {
						return new Period(type, YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3 - 2));
					}
				}
				case YEAR -> {
					if (YEAR.matcher(t).matches()) {
						return new Period(type, YearMonth.of(Integer.parseInt(t), 1));
					}
				}
			}
		}
		catch (DateTimeException ex) {
			// falls through to the message below
		}
		String example = switch (type) {
			case MONTH -> "2025-11";
			case QUARTER -> "2025-Q4";
			case YEAR -> "2025";
		};
		throw new InvalidValueException(field, "period", Wording.of("statistics.invalid.periodShape", example), "报告期格式应为" + example);
	}

	/** A month as "YYYY-MM", for API parameters. */
	public static YearMonth parseMonth(String text, String field) {
		return parse(PeriodType.MONTH, text, field).first();
	}

	/**
	 * Whether the period is over on {@code today} (its last day is before today): only such a period is reported,
	 * submitted, approved or imported — the figures of a month still running are not yet the month's.
	 */
	public boolean ended(LocalDate today) {
		return end().isBefore(today);
	}

	/**
	 * Refuses a period that has not ended on {@code today} ({@link #ended}).
	 * @throws InvalidValueException on {@code field}, rule {@code ended} ("报告期应为已结束的月份：2026-12尚未结束")
	 */
	public void requireEnded(String field, LocalDate today) {
		if (!ended(today)) {
			throw new InvalidValueException(field, "ended", endedMessage(today));
		}
	}

	/** "报告期应为已结束的月份：2026-12（至2026-12-31）尚未结束". */
	public String endedMessage(LocalDate today) {
		String unit = switch (type) {
			case MONTH -> "月份";
			case QUARTER -> "季度";
			case YEAR -> "年度";
		};
		return "报告期应为已结束的" + unit + "：" + code() + "（至" + ChineseText.day(end()) + "）尚未结束";
	}

	/** The period that contains the given month. */
	public static Period containing(PeriodType type, YearMonth month) {
		int offset = (month.getMonthValue() - 1) % type.months();
		return new Period(type, month.minusMonths(offset));
	}

	public YearMonth last() {
		return first.plusMonths(type.months() - 1L);
	}

	public LocalDate start() {
		return first.atDay(1);
	}

	public LocalDate end() {
		return last().atEndOfMonth();
	}

	public Period previous() {
		return new Period(type, first.minusMonths(type.months()));
	}

	public Period sameLastYear() {
		return new Period(type, first.minusYears(1));
	}

	public Period next() {
		return new Period(type, first.plusMonths(type.months()));
	}

	public int year() {
		return first.getYear();
	}

	/** The text form: "2025-11", "2025-Q4", "2025". */
	public String code() {
		return switch (type) {
			case MONTH -> first.toString();
			case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() + 2) / 3);
			case YEAR -> String.valueOf(first.getYear());
		};
	}

	/** How people write it: "2025年11月", "2025年第4季度", "2025年". */
	public String label() {
		return switch (type) {
			case MONTH -> first.getYear() + "年" + first.getMonthValue() + "月";
			case QUARTER -> first.getYear() + "年第" + ((first.getMonthValue() + 2) / 3) + "季度";
			case YEAR -> first.getYear() + "年";
		};
	}

	@Override
	public String toString() {
		return code();
	}
}
