package org.youguan.statistics.internal;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportStatus;
import org.youguan.statistics.Reports;

/**
 * The bureau's report queue: reports in the region by form, period and status (late ones marked), a report with its
 * values against the previous period and last year, its revisions and history, and the decision (approve or return
 * with a reason).
 */
@Controller
class ReportController {

	static final String HANDLERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";

	/**
	 * The list's export columns; {@code place} names a report's region in full ({@code Regions#fullNames}:
	 * 江苏省苏州市吴中区) beside its code, never the code alone; 按时 in the reader's words ({@link SheetWord}).
	 */
	static List<Column<ReportView>> columns(Function<String, String> place) {
		return List.of(Column.of("报表", ReportView::formName, 24),
			Column.of("报告期", ReportView::period, 10), Column.of("报送企业", ReportView::enterpriseName, 36),
			Column.of("统一社会信用代码", ReportView::creditCode, 22), Column.of("所在地", r -> place.apply(r.regionCode()), 30),
			Column.of("行政区划代码", ReportView::regionCode, 14),
			Column.of("版本", ReportView::revision, 6), Column.of("状态", r -> r.status(), 8),
			Column.of("截止日期", r -> WorkingCalendar.exported(r.dueOn(), r.dueOnProvisional()), 14),
			Column.of("报送时间", ReportView::submittedAt, 20),
			// 逾期未报 for a report owed past its due date — returned and not sent again (ReportView#overdue)
			Column.of("按时", r -> SheetWord.of(r.timeliness()), 8));
	}

	private final Reports reports;

	private final ReportForms forms;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Regions regions;

	ReportController(Reports reports, ReportForms forms, AuditTrail audit, Spreadsheets spreadsheets, Regions regions) {
		this.regions = regions;
		this.reports = reports;
		this.forms = forms;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	/**
	 * The report queue opens on reports not yet approved, the nearest due date first; 待办 / 已办结 / 全部 switch the
	 * state; a status asked for alone shows that status whatever its state.
	 */
	@GetMapping("/statistics/reports")
	String list(DataScope scope, ListRequest request, @RequestParam(required = false) Long form,
			@RequestParam(required = false) String period, @RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) Boolean late, @RequestParam(required = false) WorkState state,
			@RequestParam(required = false) Boolean deciding, @RequestParam(required = false) Boolean overdue, Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		PageQuery query = ordered(request, shown).toPage();
		// deciding=true: only the reports this bureau decides (the 待审核 queue's link), not those of bureaus below it
		model.addAttribute("result", reports.list(scope, new Reports.Filter(form, period, status, late, shown, overdue), query,
				Boolean.TRUE.equals(deciding)));
		model.addAttribute("query", query);
		model.addAttribute("forms", forms.all());
		model.addAttribute("statuses", statuses(shown));
		model.addAttribute("state", shown);
		return "statistics/reports";
	}

	@GetMapping("/statistics/reports/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) Long form,
			@RequestParam(required = false) String period, @RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) Boolean late, @RequestParam(required = false) WorkState state,
			@RequestParam(required = false) Boolean deciding, @RequestParam(required = false) Boolean overdue) {
		WorkState shown = WorkState.orDefault(state, status != null);
		var rows = reports.list(scope, new Reports.Filter(form, period, status, late, shown, overdue),
				ordered(request, shown).toExport(), Boolean.TRUE.equals(deciding)).items();
		return Downloads.xlsx(ExportNames.of("统计报表", scope), spreadsheets.write("统计报表", columns(regions.fullNames()), rows));
	}

	/** The request with the state's default order when the user chose none. */
	private static ListRequest ordered(ListRequest request, WorkState state) {
		ListRequest unsized = new ListRequest(request.q(), request.page(), null, request.sort(), request.dir());
		// open reports by due date; approved ones by period, newest first
		return state == WorkState.DONE ? unsized.orDefaultOrder("period", "desc") : unsized.orDefaultOrder("due_on", "asc");
	}

	/**
	 * The statuses the status filter offers in a state: those the bureau can see — never 草稿, a draft being the
	 * enterprise's own until it is submitted ({@link Reports#list}: the bureau's lists leave drafts out).
	 */
	static List<ReportStatus> statuses(WorkState state) {
		return switch (state) {
			case OPEN -> List.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED);
			case DONE -> List.of(ReportStatus.APPROVED, ReportStatus.SUPERSEDED);
			case ALL -> List.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.APPROVED, ReportStatus.SUPERSEDED);
		};
	}

	@GetMapping("/statistics/reports/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		ReportView report = reports.get(scope, id);
		model.addAttribute("report", report);
		// the approve and return buttons only for the bureau of the reporter's region
		model.addAttribute("decides", reports.decides(scope, report.regionCode()));
		model.addAttribute("lines", reports.lines(scope, id));
		model.addAttribute("revisions", reports.revisions(scope, id));
		model.addAttribute("history", audit.history(scope, "StatReport", id));
		return "statistics/report";
	}

	@PostMapping("/statistics/reports/{id:\\d+}/{action:approve|return}")
	@PreAuthorize(HANDLERS)
	String decide(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@PathVariable String action, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String here = "/statistics/reports/" + id;
		String by = me.displayName() + "（" + me.bureauName() + "）";
		return PageSteps.run(redirect, here, () -> {
			if (action.equals("approve")) {
				reports.approve(scope, id, by);
				return new PageSteps.Done("报表已审核通过，数据已纳入汇总", here);
			}
			reports.returnForCorrection(scope, id, reason, by);
			return new PageSteps.Done("报表已退回企业修改", here);
		});
	}
}
