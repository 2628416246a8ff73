package org.youguan.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.Users;

/**
 * 工作台: real figures from what exists, within the user's scope.
 */
@Controller
class DashboardController {

	private final Users users;

	private final Bureaus bureaus;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final org.youguan.filing.OutletFilings filings;

	private final org.youguan.statistics.Analysis analysis;

	private final org.youguan.statistics.Reports reports;

	private final org.youguan.complaints.Complaints complaints;

	DashboardController(Users users, Bureaus bureaus, AuditTrail audit, WorkingCalendar calendar, Clock clock,
			org.youguan.filing.OutletFilings filings, org.youguan.statistics.Analysis analysis,
			org.youguan.statistics.Reports reports, org.youguan.complaints.Complaints complaints) {
		this.complaints = complaints;
		this.filings = filings;
		this.analysis = analysis;
		this.reports = reports;
		this.users = users;
		this.bureaus = bureaus;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping("/")
	String dashboard(@AuthenticationPrincipal CurrentUser me, DataScope scope, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("workingDay", calendar.isWorkingDay(today));
		model.addAttribute("userCount", users.count(scope));
		model.addAttribute("bureauCount", bureaus.list(scope, new PageQuery("", 0, 1, null, false)).total());
		model.addAttribute("auditToday", audit.countSince(scope, today));
		if (me.isStaff()) {
			model.addAttribute("filingsNeedingAttention", filings.countNeedingAttention(scope));
			model.addAttribute("reportsAwaiting", reports.countAwaiting(scope));
			model.addAttribute("complaintsNeedingAttention", complaints.countNeedingAttention(scope));
			model.addAttribute("statistics", analysis.snapshot(scope, me.regionCode(), java.time.YearMonth.from(today).minusMonths(1)));
			model.addAttribute("charts", true);
		}
		calendar.nextHoliday(today).ifPresent(h -> {
			model.addAttribute("nextHoliday", h);
			model.addAttribute("daysToHoliday", java.time.temporal.ChronoUnit.DAYS.between(today, h.day()));
		});
		int nextYear = today.getYear() + 1;
		if (!calendar.isLoaded(nextYear) && today.getMonthValue() >= 10) {
			model.addAttribute("missingYear", nextYear);
		}
		if (!calendar.isLoaded(today.getYear())) {
			model.addAttribute("missingCurrentYear", today.getYear());
		}
		model.addAttribute("recent", audit.search(scope, new org.youguan.audit.AuditQuery(null, null, null, null, null),
				new PageQuery("", 0, 8, null, true)).items());
		return "web/dashboard";
	}
}
