package org.youguan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.audit.AuditQuery;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.ComplaintNotices;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.RememberedPage;
import org.youguan.notifications.Notifications;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;
import org.youguan.org.Role;
import org.youguan.org.WorkQueue;
import org.youguan.org.Users;
import org.youguan.statistics.Analysis;
import org.youguan.statistics.Reports;

/**
 * The first page, by who opens it. The public: the public home (lookup, complain, track, published notices, sign-in).
 * Staff: 工作台 with 我的待办 first, then 已办 and the figures of their scope. Enterprise users: their own home — what
 * waits for them, what is in progress with the bureau, the bureau's notices — without bureau counters.
 */
@Controller
class DashboardController {

	/** How many published notices the public home lists. */
	static final int PUBLIC_NOTICES = 5;

	/** How many handled events 已办 lists. */
	static final int DONE = 8;

	private final Users users;

	private final Bureaus bureaus;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final Inbox inbox;

	private final Notifications notifications;

	private final ComplaintNotices notices;

	private final OutletFilings filings;

	private final Analysis analysis;

	private final Reports reports;

	private final ComplaintQueries complaints;

	private final HomeCache cache;

	private final MessageSource messages;

	private final InboxHtml html;

	private final InstallationAdmins installationAdmins;

	/** The roles that may read the audit log (the /admin/** rule of SecurityConfiguration). */
	private static final List<Role> AUDIT_READERS = List.of(Role.SYSTEM_ADMIN, Role.BUREAU_ADMIN, Role.BUREAU_LEADER);

	/** What the bureau counters of 工作台 show; the same for every user of one data scope. */
	record BureauCounters(long userCount, long bureauCount, long auditToday, long filingsNeedingAttention,
			long reportsAwaiting, long complaintsNeedingAttention) {
	}

	DashboardController(Users users, Bureaus bureaus, AuditTrail audit, WorkingCalendar calendar, Clock clock, Inbox inbox,
			Notifications notifications, ComplaintNotices notices, OutletFilings filings, Analysis analysis,
			Reports reports, ComplaintQueries complaints, HomeCache cache, MessageSource messages, InboxHtml html,
			InstallationAdmins installationAdmins) {
		this.installationAdmins = installationAdmins;
		this.messages = messages;
		this.html = html;
		this.cache = cache;
		this.inbox = inbox;
		this.notifications = notifications;
		this.notices = notices;
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
	@RememberedPage
	String home(@AuthenticationPrincipal CurrentUser me, DataScope scope, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (me == null) {
			model.addAttribute("notices", notices.published(PUBLIC_NOTICES));
			return "web/public-home";
		}
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("workingDay", calendar.isWorkingDay(today));
		HomeCache.View remembered = cache.at(today);
		InboxRows rows = new InboxRows(messages, locale, request.getContextPath(), calendar, today);
		// the rows as shown are remembered with the figures they show, per user and language (and context path)
		List<Object> mine = List.of(me.id(), locale, request.getContextPath());
		List<WorkQueue> queues = remembered.get("queues", me.id(), () -> inbox.queues(me));
		List<InboxRows.Queue> actionRows = remembered.get("queue rows", mine,
				() -> rows.queues(queues.stream().filter(t -> t.kind() == WorkQueue.Kind.ACTION).toList()));
		// one memory's value is never computed inside another's computation: the memory is a Caffeine cache, which
		// does not support recursive computations (a resize during the inner one fails with "Recursive update")
		List<Inbox.Done> done = remembered.get("done", me.id(), () -> inbox.done(me, DONE));
		List<InboxRows.Done> doneRows = remembered.get("done rows", mine, () -> rows.done(done));
		if (!me.isStaff()) {
			model.addAttribute("queues", actionRows);
			model.addAttribute("tracking", remembered.get("tracking rows", mine,
					() -> rows.queues(queues.stream().filter(t -> t.kind() == WorkQueue.Kind.TRACKING).toList())));
			model.addAttribute("done", doneRows);
			model.addAttribute("notifications", notifications.recent(scope, me.departmentId(), 6));
			return "web/enterprise-home";
		}
		model.addAttribute("counters", remembered.get("counters", scope, () -> new BureauCounters(users.count(scope),
				bureaus.list(scope, new PageQuery("", 0, 1, null, false)).total(), audit.countSince(scope, today),
				filings.countNeedingAttention(scope), reports.countAwaiting(scope),
				complaints.countNeedingAttention(scope))));
		// the statistics card as HTML, remembered per snapshot (the same object while Analysis keeps it), language and
		// context path: it shows nothing else
		Analysis.Snapshot statistics = analysis.snapshot(scope, me.regionCode(), YearMonth.from(today).minusMonths(1));
		if (statistics != null) {
			model.addAttribute("statisticsHtml", remembered.get("statistics html",
					List.of(statistics, locale, request.getContextPath()),
					() -> html.statistics(statistics, locale, request, response)));
		}
		model.addAttribute("charts", true);
		calendar.nextHoliday(today).ifPresent(h -> {
			model.addAttribute("nextHoliday", h);
			// a holiday of a year not loaded is named with its provisional mark: the page words name and mark per reader
			String provisional = "（暂定）";
			model.addAttribute("nextHolidayName", h.name().replace(provisional, ""));
			model.addAttribute("nextHolidayProvisional", h.name().contains(provisional));
			model.addAttribute("daysToHoliday", ChronoUnit.DAYS.between(today, h.day()));
		});
		// loading a year's calendar is the installation's 系统管理员's task: only they are told it is missing
		if (installationAdmins.holds(me)) {
			int nextYear = today.getYear() + 1;
			if (!calendar.isLoaded(nextYear) && today.getMonthValue() >= 10) {
				model.addAttribute("missingYear", nextYear);
			}
			if (!calendar.isLoaded(today.getYear())) {
				model.addAttribute("missingCurrentYear", today.getYear());
			}
		}
		// the inbox's cards as HTML, remembered with the rows they show (a view inserts them as they are)
		model.addAttribute("queuesHtml", remembered.get("queue html", mine, () -> html.queues(actionRows, "my-queues",
				"home.queue.title", "home.queue.empty", locale, request, response)));
		model.addAttribute("doneHtml", remembered.get("done html", mine, () -> html.done(doneRows, locale, request, response)));
		// 今日审计事件 and 最近动态 are the audit log's: only the roles that may open /admin/audit see them
		// (SecurityConfiguration), a 处室工作人员 would otherwise read colleagues' and administrators' actions
		boolean auditReader = AUDIT_READERS.stream().anyMatch(me::has);
		model.addAttribute("auditReader", auditReader);
		if (auditReader) {
			// 最近动态 is the same for every user of the scope, in one language (its times and texts are formatted in it)
			model.addAttribute("recentHtml", remembered.get("recent html", List.of(scope, locale, request.getContextPath()),
					() -> html.recent(rows.recent(audit
						.search(scope, new AuditQuery(null, null, null, null, null), new PageQuery("", 0, 8, null, true))
						.items()), locale, request, response)));
		}
		return "web/dashboard";
	}
}
