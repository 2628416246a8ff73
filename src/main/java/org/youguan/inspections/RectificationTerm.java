package org.youguan.inspections;

import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;

/**
 * The deadline of a 责令改正通知书, one rule for every path that stores one: at least {@value #MIN_WORKING_DAYS} and at
 * most {@value #MAX_WORKING_DAYS} working days after the day it was issued, and itself a working day on the
 * working-day calendar (an enterprise does not hand in its rectification, nor does an inspector re-inspect, on a
 * weekend or holiday). The law orders 责令改正 / 限期改正 without a span; the bounds are the platform's product rule, the same whether the order is issued on the platform
 * ({@link InspectionOrders#issue}, which counts the day from its working days) or brought with a bureau's history
 * ({@link InspectionRecords#record}, the API and the .xlsx import, which give the day itself).
 */
public final class RectificationTerm {

	/** The shortest deadline, in working days after the issue day. */
	public static final int MIN_WORKING_DAYS = 1;

	/** The longest deadline, in working days after the issue day (about nine months). */
	public static final int MAX_WORKING_DAYS = 180;

	private RectificationTerm() {
	}

	/**
	 * Checks a deadline given in working days, as the platform's issue form takes it.
	 * @param workingDays the working days after the issue day
	 * @throws InvalidValueException (400, field {@code workingDays}, rule {@code range}) outside 1–180
	 */
	public static void requireWorkingDays(Integer workingDays) {
		if (workingDays == null || workingDays < MIN_WORKING_DAYS || workingDays > MAX_WORKING_DAYS) {
			throw new InvalidValueException("workingDays", "range", "整改期限（workingDays）应为" + MIN_WORKING_DAYS + "至"
					+ MAX_WORKING_DAYS + "个工作日");
		}
	}

	/**
	 * Checks a deadline given as a day (an imported order's 整改期限), recording each failure on {@code field}: rule
	 * {@code working-day} when the day is a rest day or holiday, {@code range} when it lies fewer than
	 * {@value #MIN_WORKING_DAYS} or more than {@value #MAX_WORKING_DAYS} working days after {@code issuedOn}. Nothing is
	 * checked while either day is null (a missing or malformed day is reported by its own check).
	 * @param label the field's Chinese name with the field in brackets, e.g. 整改期限（rectification.dueOn）
	 */
	public static void checkDueOn(Validation v, WorkingCalendar calendar, String field, String label, LocalDate issuedOn,
			LocalDate dueOn) {
		if (issuedOn == null || dueOn == null) {
			return;
		}
		if (!calendar.isWorkingDay(dueOn)) {
			v.require(field, false, "working-day", label + dueOn + "不是工作日（休息日或法定节假日）：整改期限应为工作日");
			return;
		}
		LocalDate earliest = calendar.plusWorkingDays(issuedOn, MIN_WORKING_DAYS);
		LocalDate latest = calendar.plusWorkingDays(issuedOn, MAX_WORKING_DAYS);
		v.require(field, !dueOn.isBefore(earliest) && !dueOn.isAfter(latest), "range", label + "应为下达日期后"
				+ MIN_WORKING_DAYS + "至" + MAX_WORKING_DAYS + "个工作日（" + earliest + "至" + latest + "）");
	}
}
