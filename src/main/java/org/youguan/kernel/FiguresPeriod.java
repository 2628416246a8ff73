package org.youguan.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The one check of the period a figures page, API or .xlsx export is asked for, by day or by month, shared by every
 * module's figures (申诉, 检查, 寄递安全, 执法, 普遍服务, 许可, 备案…) so that each refuses the same periods the same way:
 * <ul>
 * <li>a period that has not begun — its first day after today, its first month after the current one — is a 400 on
 * {@code from}, rule {@code future}: nothing has happened in it yet, and its zeros would read as a period in which
 * nothing happened;</li>
 * <li>a period that runs backwards is a 400 on {@code to}, rule {@code after-from};</li>
 * <li>a day or month before {@link #FIRST_YEAR} or after next year is a 400 on its field, rule {@code range} (a typing
 * error: no figures are kept before 2000, none can be asked for further ahead).</li>
 * </ul>
 * A period that has begun may end after today: it is counted as of today.
 *
 * @param from the period's first day
 * @param to the period's last day
 */
public record FiguresPeriod(LocalDate from, LocalDate to) {

	/**
	 * What every figures API's description says of the period it checks by day (an annotation constant, so the API
	 * documents say it in one wording).
	 */
	public static final String API_RULES = "尚未开始的期间（from晚于今天）返回400（字段from，规则future），不回答为0；"
			+ "to早于from返回400（规则after-from）；日期应在2000-01-01至明年年底之间（规则range）。";

	/**
	 * The first year any figures, list or ledger of a year is asked for: the system's records, and national postal
	 * statistics, start in 2000 — the one first year of every year and period parameter ({@link #year}, {@link #firstDay},
	 * {@code @YearIn(from = FIRST_YEAR, ahead = YEARS_AHEAD)}).
	 */
	public static final int FIRST_YEAR = 2000;

	/**
	 * How many years after the current one a year or period may be asked for: next year (a letter, a plan or a target
	 * of next year is made in December); a year further ahead is a typing error.
	 */
	public static final int YEARS_AHEAD = 1;

	/** The last year a query may ask for: the year after {@code today}'s ({@link #YEARS_AHEAD}). */
	public static int lastYear(LocalDate today) {
		return today.getYear() + YEARS_AHEAD;
	}

	/** The first day a period or list filter may name: 1 January of {@link #FIRST_YEAR}. */
	public static LocalDate firstDay() {
		return LocalDate.of(FIRST_YEAR, 1, 1);
	}

	/** The last day a period or list filter may name: 31 December of {@link #lastYear}. */
	public static LocalDate lastDay(LocalDate today) {
		return LocalDate.of(lastYear(today), 12, 31);
	}

	/**
	 * A year a query asks for, held to {@link #FIRST_YEAR} … {@link #lastYear}: the one rule of a year parameter.
	 * @param field the parameter named by a refusal
	 * @param today today (China time)
	 * @return the year
	 * @throws InvalidValueException 400 on {@code field}, rule {@code range}: "年度应在2000年至2027年之间"
	 */
	public static int year(String field, long year, LocalDate today) {
		return year(field, "年度", year, today, "");
	}

	/**
	 * As {@link #year(String, long, LocalDate)}, told by the field's own label and the year refused: "工作计划的年度应在
	 * 2000年至2027年之间，不能是2999年" — the one rule of a year a module records or lists (a plan's, a letter's).
	 * @param label the year's label ("年度", "工作计划的年度")
	 * @throws InvalidValueException 400 on {@code field}, rule {@code range}
	 */
	public static int year(String field, String label, long year, LocalDate today) {
		return year(field, label, year, today, "，不能是" + year + "年");
	}

	private static int year(String field, String label, long year, LocalDate today, String refused) {
		if (year < FIRST_YEAR || year > lastYear(today)) {
			throw new InvalidValueException(field, "range", Wording.of("kernel.invalid.yearRange", label, FIRST_YEAR, lastYear(today)),
					label + "应在" + FIRST_YEAR + "年至" + lastYear(today) + "年之间" + refused);
		}
		return (int) year;
	}

	/**
	 * The days a list is filtered by, either end open.
	 *
	 * @param from the first day, or null for no bound
	 * @param to the last day, or null for no bound
	 */
	public record Filter(LocalDate from, LocalDate to) {
	}

	/**
	 * The days a list is filtered by ({@code from}, {@code to}: YYYY-MM-DD, inclusive; either blank for no bound), held
	 * to the days a figures period may name: 400 on {@code from} or {@code to} for a text that is no date (rule
	 * {@code date}) or a day outside {@link #firstDay} … {@link #lastDay} (rule {@code range}, "起始日期应在2000-01-01至
	 * 2027-12-31之间": a day of 1900 is a typing error), on {@code to} for a period that runs backwards (rule
	 * {@code after-from}) — every field at fault named at once.
	 * @param today today (China time), deciding what "next year" is
	 * @throws InvalidValueException as said
	 */
	public static Filter filter(String from, String to, LocalDate today) {
		Validation v = new Validation();
		LocalDate f = v.date("from", "起始日期", from, firstDay(), lastDay(today));
		LocalDate t = v.date("to", "截止日期", to, firstDay(), lastDay(today));
		v.period(f, t);
		v.throwIfInvalid();
		return new Filter(f, t);
	}

	/**
	 * A period by day ({@code from}, {@code to}: YYYY-MM-DD, inclusive), blanks taking the defaults.
	 * @param defaultFrom the first day when {@code from} is blank
	 * @param defaultTo the last day when {@code to} is blank
	 * @param today today (China time), deciding what has begun and what "next year" is
	 * @throws InvalidValueException naming every field at fault: {@code from} or {@code to} (rule {@code date}: not a
	 *         date; {@code range}: before 2000-01-01 or after the end of next year), {@code from} (rule {@code future}:
	 *         after today), {@code to} (rule {@code after-from}: before {@code from})
	 */
	public static FiguresPeriod days(String from, String to, LocalDate defaultFrom, LocalDate defaultTo, LocalDate today) {
		Validation v = new Validation();
		LocalDate f = v.date("from", "起始日期", from, firstDay(), lastDay(today));
		LocalDate t = v.date("to", "截止日期", to, firstDay(), lastDay(today));
		v.throwIfInvalid();
		f = f == null ? defaultFrom : f;
		t = t == null ? defaultTo : t;
		v.require("from", !f.isAfter(today), "future", Wording.of("kernel.invalid.fromInFuture", today.toString(), f.toString()),
				"起始日期不能晚于今天（" + ChineseText.day(today) + "）：" + ChineseText.day(f) + "尚未开始，没有可统计的数据");
		v.period(f, t);
		v.throwIfInvalid();
		return new FiguresPeriod(f, t);
	}

	/**
	 * A period by month, as the figures kept by month are asked for.
	 *
	 * @param from the first month
	 * @param to the last month
	 */
	public record Months(YearMonth from, YearMonth to) {
	}

	/**
	 * A period by month ({@code from}, {@code to}: YYYY-MM, inclusive), blanks taking the defaults.
	 * @param defaultFrom the first month when {@code from} is blank
	 * @param defaultTo the last month when {@code to} is blank
	 * @param current the current month (China time)
	 * @throws InvalidValueException naming {@code from} or {@code to} (rule {@code month}: not a month; {@code range}:
	 *         before 2000 or after next year), {@code from} (rule {@code future}: after the current month), {@code to}
	 *         (rule {@code after-from}: before {@code from})
	 */
	public static Months months(String from, String to, YearMonth defaultFrom, YearMonth defaultTo, YearMonth current) {
		YearMonth f = from == null || Text.isBlank(from) ? defaultFrom : month(from, "from", current);
		YearMonth t = to == null || Text.isBlank(to) ? defaultTo : month(to, "to", current);
		if (f.isAfter(current)) {
			throw new InvalidValueException("from", "future", Wording.of("kernel.invalid.fromFuture", current, f),
					"起始月份不能晚于本月（" + ChineseText.month(current) + "）：" + ChineseText.month(f));
		}
		if (t.isBefore(f)) {
			throw new InvalidValueException("to", "after-from", "截止月份不能早于起始月份");
		}
		return new Months(f, t);
	}

	/**
	 * How a refusal names a month parameter: by its label, "截止月份" — a page's error line and an API's message say
	 * which of the two months is wrong (the refusal's {@code field} names it as sent).
	 */
	public static String monthNamed(String field) {
		return "from".equals(field) ? "起始月份" : "to".equals(field) ? "截止月份" : "月份";
	}

	/** What a month parameter must look like, for every refusal of one: "应为年月，格式YYYY-MM（如2025-01）". */
	public static final String MONTH_SHAPE = "应为年月，格式YYYY-MM（如2025-01）";

	/**
	 * A month from {@link #FIRST_YEAR} to the year after {@code current}'s.
	 * @throws InvalidValueException on {@code field} naming it ({@link #monthNamed}): rule {@code month} for a text
	 *         that is no month, with its shape ({@link #MONTH_SHAPE}) and the text; {@code range} beyond the years
	 */
	private static YearMonth month(String text, String field, YearMonth current) {
		YearMonth month;
		try {
			month = YearMonth.parse(Text.strip(text));
		}
		catch (DateTimeException ex) {
			throw new InvalidValueException(field, "month", monthNamed(field) + MONTH_SHAPE + "：" + Decimals.echo(Text.strip(text)));
		}
		int next = lastYear(current.atDay(1));
		if (month.getYear() < FIRST_YEAR || month.getYear() > next) {
			throw new InvalidValueException(field, "range", Wording.of("kernel.invalid.monthRange", monthNamed(field), FIRST_YEAR, next,
					month.toString()), monthNamed(field) + "应在" + FIRST_YEAR + "年至" + next + "年之间：" + ChineseText.month(month));
		}
		return month;
	}
}
