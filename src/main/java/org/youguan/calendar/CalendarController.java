package org.youguan.calendar;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;

/**
 * The administrator's calendar page: a year at a glance (a year not loaded shows its provisional days off, the
 * statutory holidays), the loaded years, and loading a new year.
 */
@Controller
class CalendarController {

	static final long MAX_FILE = 2 * 1024 * 1024;

	private final WorkingCalendar calendar;

	private final CalendarYears years;

	private final Clock clock;

	CalendarController(WorkingCalendar calendar, CalendarYears years, Clock clock) {
		this.calendar = calendar;
		this.years = years;
		this.clock = clock;
	}

	/** One day cell of the month grid. */
	record Cell(LocalDate day, String css, String title) {
	}

	record Month(YearMonth month, List<Cell> cells) {
	}

	/** The last year a calendar file may hold (CalendarYears reads 2000–2100), the page's last year. */
	static final int LAST_YEAR = 2100;

	/**
	 * The calendar of {@code year} (default this year). A year outside the calendar's range — the years a calendar
	 * file may hold, {@link FiguresPeriod#FIRST_YEAR} to {@value #LAST_YEAR} (loaded years beyond next year are listed
	 * and linked) — is refused, 400 on {@code year} (rule {@code range}), not shown as another year than the one asked
	 * for (1900 was shown as 2000).
	 * @throws InvalidValueException for a year outside the range
	 */
	@GetMapping("/admin/calendar")
	String show(@RequestParam(required = false) Integer year, Model model) {
		if (year != null && (year < FiguresPeriod.FIRST_YEAR || year > LAST_YEAR)) {
			throw new InvalidValueException("year", "range", Wording.of("calendar.invalid.yearRange",
					String.valueOf(FiguresPeriod.FIRST_YEAR), String.valueOf(LAST_YEAR), String.valueOf(year)),
					"年份应在" + FiguresPeriod.FIRST_YEAR + "年至" + LAST_YEAR + "年之间，不能是" + year + "年");
		}
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		boolean loaded = calendar.isLoaded(y);
		// a year not loaded shows its provisional days off: the statutory holidays, named （暂定）
		List<CalendarDay> shown = loaded ? calendar.exceptions(y) : calendar.provisionalHolidays(y);
		Map<LocalDate, CalendarDay> exceptions = shown
			.stream()
			.collect(Collectors.toMap(CalendarDay::day, Function.identity()));
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth ym = YearMonth.of(y, m);
			List<Cell> cells = new ArrayList<>();
			for (int blank = 1; blank < ym.atDay(1).getDayOfWeek().getValue(); blank++) {
				cells.add(new Cell(null, "", ""));
			}
			for (int d = 1; d <= ym.lengthOfMonth(); d++) {
				LocalDate day = ym.atDay(d);
				CalendarDay ex = exceptions.get(day);
				boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
				String css = ex == null ? (weekend ? "weekend" : "")
						: ex.kind() == CalendarDay.Kind.HOLIDAY ? "off" : "work";
				cells.add(new Cell(day, css, ex == null ? "" : ex.name()));
			}
			months.add(new Month(ym, cells));
		}
		model.addAttribute("year", y);
		model.addAttribute("months", months);
		model.addAttribute("exceptions", shown);
		model.addAttribute("yearLoaded", loaded);
		model.addAttribute("loadedYears", years.loadedYears());
		return "calendar/calendar";
	}

	@PostMapping("/admin/calendar/load")
	@PreAuthorize(InstallationAdmin.ONLY)
	String load(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal UserDetails user,
			RedirectAttributes redirect, Model model, HttpServletResponse response) throws IOException {
		try {
			if (file.isEmpty()) {
				throw new InvalidValueException("file", "required", "请选择要上传的文件");
			}
			if (file.getSize() > MAX_FILE) {
				throw InvalidValueException.tooLarge("file", "日历文件不能超过2MB");
			}
			List<Integer> loaded = years.load(file.getBytes(), file.getOriginalFilename(), user.getUsername());
			redirect.addFlashAttribute("message", "已加载 " + loaded + " 年的工作日历");
			return "redirect:/admin/calendar?year=" + loaded.get(loaded.size() - 1);
		}
		catch (DomainException ex) {
			// refused: the calendar page again in the refusal's 4xx with its errors (kernel.FormSteps)
			FormSteps.refused(ex, model, response);
			// the year the file is about, not the current one: the refusal is read beside that year's days
			return show(file.isEmpty() || file.getSize() > MAX_FILE ? null : CalendarYears.yearOf(file.getBytes()), model);
		}
	}
}
