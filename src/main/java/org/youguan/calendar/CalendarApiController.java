package org.youguan.calendar;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.InvalidValueException;

/**
 * Public, unauthenticated working-day calculations for integrators. An answer counted across a year whose State
 * Council notice is not loaded says {@code "provisional": true}: it used the weekends and the statutory holidays of
 * 全国年节及纪念日放假办法 only, and may change when the notice is loaded.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "工作日历", description = "公开接口：按国务院节假日安排（含调休）计算工作日，无需登录")
class CalendarApiController {

	static final int MAX_DAYS = 3650;

	private final WorkingCalendar calendar;

	CalendarApiController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	record DateAnswer(LocalDate date, boolean provisional) {
	}

	record DaysAnswer(int days, boolean provisional) {
	}

	record WorkingDayAnswer(LocalDate date, boolean workingDay, boolean yearLoaded, boolean provisional) {
	}

	@GetMapping("/add-working-days")
	@Operation(summary = "加上N个工作日", description = "返回 from 之后第 days 个工作日（from 本身不计）；days 为负数时向前推算，为0时返回 from。"
			+ "例：2026-09-30 加1个工作日为 2026-10-08；2026-02-13 加1个工作日为 2026-02-14（调休上班）。"
			+ "推算经过尚未加载国务院安排的年份时，按周末和《全国年节及纪念日放假办法》规定的法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）"
			+ "暂定计算，provisional 为 true（如 2026-12-31 加1个工作日为 2027-01-04，暂定）。")
	DateAnswer addWorkingDays(
			@Parameter(description = "起始日期 YYYY-MM-DD") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "工作日数，-3650 至 3650") @RequestParam int days) {
		// compared both ways, not by Math.abs: Math.abs(-2147483648) is itself negative and passed the bound
		if (days < -MAX_DAYS || days > MAX_DAYS) {
			throw new InvalidValueException("days", "range", "参数“days”应在-" + MAX_DAYS + "至" + MAX_DAYS + "之间");
		}
		LocalDate date = calendar.plusWorkingDays(from, days);
		return new DateAnswer(date, calendar.isProvisional(from, date));
	}

	@GetMapping("/working-days-between")
	@Operation(summary = "两个日期之间的工作日数", description = "统计 from 之后、至 to（含）为止的工作日数：from 不计入，to 计入。"
			+ "因此 working-days-between(d, add-working-days(d, n)) = n；to 早于 from 时结果为负数。")
	DaysAnswer workingDaysBetween(
			@Parameter(description = "起始日期（不计入）") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "截止日期（计入）") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (Math.abs(to.toEpochDay() - from.toEpochDay()) > MAX_DAYS * 2L) {
			throw new InvalidValueException("to", "range", "两个日期相距不能超过" + MAX_DAYS * 2 + "天");
		}
		return new DaysAnswer(calendar.workingDaysBetween(from, to), calendar.isProvisional(from, to));
	}

	@GetMapping("/working-day")
	@Operation(summary = "是否工作日", description = "yearLoaded 为 false 表示该年节假日安排尚未加载：按周末和法定节假日暂定判断，"
			+ "provisional 为 true。")
	WorkingDayAnswer workingDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		boolean loaded = calendar.isLoaded(date.getYear());
		return new WorkingDayAnswer(date, calendar.isWorkingDay(date), loaded, !loaded);
	}
}
