package org.youguan.inspections;

import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The deadline of a 责令改正通知书, one rule for every path that stores one: at least {@value #MIN_WORKING_DAYS} and at
 * most {@link StatutoryRule#INSPECTION_RECTIFICATION_MAX} (180 by default) working days after the day it was issued,
 * and itself a working day on the working-day calendar (an enterprise does not hand in its rectification, nor does an
 * inspector re-inspect, on a weekend or holiday). The law orders 责令改正 / 限期改正 without a span; the ceiling is a
 * product rule of the rule catalogue (产品规则, each bureau may set it), the same whether the order is issued on the
 * platform ({@link InspectionOrders#issue}, which counts the day from its working days) or brought with a bureau's
 * history ({@link InspectionRecords#record}, the API and the .xlsx import, which give the day itself).
 */
public final class RectificationTerm {

	/** The shortest deadline, in working days after the issue day (a deadline of none is no deadline). */
	public static final int MIN_WORKING_DAYS = 1;

	/** The catalogue's rule of the longest deadline. */
	public static final StatutoryRule MAX_RULE = StatutoryRule.INSPECTION_RECTIFICATION_MAX;

	/** The longest deadline in words, as a mistyped one is told it: the catalogue's rule, set per region. */
	public static final String MAX_STATED = "规则目录“责令改正整改期限上限”规定的工作日数";

	private RectificationTerm() {
	}

	/**
	 * The longest deadline in {@code regionCode}, in working days after the issue day: the catalogue's value of
	 * {@link #MAX_RULE} there.
	 * @param regionCode the region of the inspected enterprise (the order's region)
	 */
	public static int maxWorkingDays(StatutoryRules rules, String regionCode) {
		return rules.intValue(MAX_RULE, regionCode);
	}

	/**
	 * Checks a deadline given in working days, as the platform's issue form takes it.
	 * @param workingDays the working days after the issue day
	 * @param maxWorkingDays the longest deadline where the order is issued ({@link #maxWorkingDays})
	 * @throws InvalidValueException (400, field {@code workingDays}, rule {@code range}) outside 1 to the maximum, the
	 * message naming the rule
	 */
	public static void requireWorkingDays(Integer workingDays, int maxWorkingDays) {
		if (workingDays == null || workingDays < MIN_WORKING_DAYS || workingDays > maxWorkingDays) {
			throw outOfRange(maxWorkingDays);
		}
	}

	/**
	 * A deadline in working days as the issue form types it, held to the same rule as the API's number
	 * ({@link #requireWorkingDays}), so that the page and the API give one refusal for one bad value: a whole number
	 * outside 1 to the maximum (0, 181) is refused as {@link #requireWorkingDays} refuses it (rule {@code range}); only
	 * a text that is no whole number at all (1.5, 十) is refused as such, rule {@code format}, stating the same range.
	 * @param typed the deadline as typed, or null
	 * @param maxWorkingDays the longest deadline where the order is issued ({@link #maxWorkingDays})
	 * @return the working days; null when blank (for {@link #requireWorkingDays} to refuse as the API's missing number)
	 * @throws InvalidValueException (400, field {@code workingDays}) as said
	 */
	public static Integer workingDays(String typed, int maxWorkingDays) {
		if (typed == null || Text.isBlank(typed)) {
			return null;
		}
		Long days = Decimals.whole(typed);
		if (days == null) {
			throw new InvalidValueException("workingDays", "format", "整改期限（工作日）"
					+ Decimals.wholeIn(MIN_WORKING_DAYS, maxWorkingDays));
		}
		if (days < MIN_WORKING_DAYS || days > maxWorkingDays) {
			throw outOfRange(maxWorkingDays);
		}
		return days.intValue();
	}

	private static InvalidValueException outOfRange(int maxWorkingDays) {
		return new InvalidValueException("workingDays", "range", "整改期限应为" + MIN_WORKING_DAYS + "至" + maxWorkingDays
				+ "个工作日" + source());
	}

	/**
	 * Checks a deadline given as a day (an imported order's 整改期限), recording each failure on {@code field}: rule
	 * {@code working-day} when the day is a rest day or holiday, {@code range} when it lies fewer than
	 * {@value #MIN_WORKING_DAYS} or more than {@code maxWorkingDays} working days after {@code issuedOn}. Nothing is
	 * checked while either day is null (a missing or malformed day is reported by its own check).
	 * @param label the field's Chinese name with the field in brackets, e.g. 整改期限（rectification.dueOn）
	 * @param maxWorkingDays the longest deadline in the order's region ({@link #maxWorkingDays})
	 */
	public static void checkDueOn(Validation v, WorkingCalendar calendar, String field, String label, LocalDate issuedOn,
			LocalDate dueOn, int maxWorkingDays) {
		if (issuedOn == null || dueOn == null) {
			return;
		}
		if (!calendar.isWorkingDay(dueOn)) {
			v.require(field, false, "working-day", label + ChineseText.day(dueOn) + "不是工作日（休息日或法定节假日）：整改期限应为工作日");
			return;
		}
		LocalDate earliest = calendar.plusWorkingDays(issuedOn, MIN_WORKING_DAYS);
		LocalDate latest = calendar.plusWorkingDays(issuedOn, maxWorkingDays);
		v.require(field, !dueOn.isBefore(earliest) && !dueOn.isAfter(latest), "range", label + "应为下达日期后"
				+ MIN_WORKING_DAYS + "至" + maxWorkingDays + "个工作日（" + ChineseText.day(earliest) + "至" + ChineseText.day(latest) + "）" + source());
	}

	/**
	 * The rule the ceiling comes from, as a refusal names it — its title, not its code — in one pair of brackets
	 * ({@link Text#bracketed}: the title's and the basis's own brackets as commas), the title's working mark not said
	 * again beside the basis ({@link StatutoryRule#citedTitleFor}): "（上限按规则目录“责令改正整改期限上限，自下达”，产品规则，
	 * 非法律规定，可配置）". The one wording of the ceiling's source: the refusals and the order form's hint
	 * ({@code InspectionRecordPagesController}) both show it.
	 * @return the source in full-width brackets, never blank
	 */
	public static String source() {
		return Text.bracketed("上限按规则目录“" + MAX_RULE.citedTitleFor(Audience.BUREAU) + "”，" + MAX_RULE.basis());
	}
}
