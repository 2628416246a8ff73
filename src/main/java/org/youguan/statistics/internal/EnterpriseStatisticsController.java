package org.youguan.statistics.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.statistics.Completeness;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportStatus;
import org.youguan.statistics.Reports;

/**
 * The enterprise portal's statistics: the forms the enterprise must report with the current period's state and the
 * bureau's reminders, its reports, filling a period on the page or from the form's .xlsx, submitting, and asking for a
 * correction of an approved report.
 */
@Controller
class EnterpriseStatisticsController {

	/** A form the enterprise reports and where its current period stands. */
	public record Due(ReportForm form, Period period, LocalDate dueOn, ReportView report) {

		/** Not sent (no report, or one never submitted) and its due date passed on {@code today}: 逾期未报. */
		public boolean overdue(LocalDate today) {
			return report != null ? report.overdue(today) : today.isAfter(dueOn);
		}
	}

	private final EnterpriseReporting reporting;

	private final ReportForms forms;

	private final Reports reports;

	private final Completeness completeness;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	EnterpriseStatisticsController(EnterpriseReporting reporting, ReportForms forms, Reports reports,
			Completeness completeness, Spreadsheets spreadsheets, Clock clock) {
		this.clock = clock;
		this.spreadsheets = spreadsheets;
		this.reporting = reporting;
		this.forms = forms;
		this.reports = reports;
		this.completeness = completeness;
	}

	/**
	 * The enterprise's export of its reports: what 我的报表 shows of a report — no enterprise, region or credit code,
	 * which are its own; 迟报 as {@link ReportView#lateness} judges it on {@code today} (逾期未报 for a draft past due).
	 */
	static List<Column<ReportView>> columns(LocalDate today) {
		return List.of(Column.of("报表", ReportView::formName, 24),
				Column.of("报告期", ReportView::period, 10), Column.of("版本", ReportView::revision, 6),
				Column.of("状态", r -> r.status(), 8), Column.of("迟报", r -> SheetWord.of(r.lateness(today)), 8),
				Column.of("截止日期", r -> WorkingCalendar.exported(r.dueOn(), r.dueOnProvisional()), 14),
				Column.of("报送时间", ReportView::submittedAt, 20));
	}

	@GetMapping("/enterprise/statistics")
	String home(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(name = "form", required = false) Long formId, @RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) Boolean overdue, Model model) {
		EnterpriseView enterprise = reporting.enterprise(me);
		List<Due> due = new ArrayList<>();
		for (ReportForm form : forms.formsFor(enterprise)) {
			Period period = forms.currentPeriod(form);
			if (forms.owing(List.of(enterprise), period).isEmpty()) {
				continue; // licensed after the period ended: nothing owed for it
			}
			ReportView report = reports.list(scope, new Reports.Filter(form.id(), period.code(), null, null),
					new PageQuery("", 0, 1, "period", true)).items().stream().findFirst().orElse(null);
			due.add(new Due(form, period, forms.dueOn(form, period), report));
		}
		model.addAttribute("due", due);
		model.addAttribute("reminders", completeness.reminders(enterprise.id()));
		PageQuery query = ordered(request).toPage();
		model.addAttribute("result", reports.list(scope, mine(formId, status, overdue), query));
		model.addAttribute("query", query);
		model.addAttribute("forms", forms.formsFor(enterprise));
		model.addAttribute("statuses", ReportStatus.values());
		// the day the badges judge 逾期未报 by, as the export does (columns)
		model.addAttribute("today", LocalDate.now(clock));
		return "statistics/enterprise-home";
	}

	/**
	 * 我的报表 as .xlsx: the list's form and status filters and its order, every row up to the export limit; the
	 * signed-in enterprise's own reports only (the scope).
	 */
	@GetMapping("/enterprise/statistics/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) Long form,
			@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) Boolean overdue) {
		var rows = reports.list(scope, mine(form, status, overdue), ordered(request).toExport()).items();
		return Downloads.xlsx(ExportNames.of("我的统计报表", scope), spreadsheets.write("我的报表", columns(LocalDate.now(clock)), rows));
	}

	/** The list's filter: one form, one status, all states; {@code overdue} true: only those 逾期未报. */
	private static Reports.Filter mine(Long form, ReportStatus status, Boolean overdue) {
		return new Reports.Filter(form, null, status, null, WorkState.ALL, overdue);
	}

	/** The request, newest period first when the user chose no order; the search is not offered (its own reports). */
	private static ListRequest ordered(ListRequest request) {
		return new ListRequest(null, request.page(), request.size(), request.sort(), request.dir())
			.orDefaultOrder("period", "desc");
	}

	/** Opens (or creates) the report of a form and period and shows it. */
	@PostMapping("/enterprise/statistics/open")
	String open(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam long form,
			@RequestParam String period, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/enterprise/statistics", () -> {
			long enterpriseId = reporting.enterprise(me).id();
			// the form the enterprise reports (422 otherwise) before the period it typed is read
			ReportForm f = reports.requireReporter(scope, enterpriseId, form);
			long id = reports.open(scope, enterpriseId, form, Period.parse(f.periodType(), period, "period", LocalDate.now(clock)));
			return new PageSteps.Done(null, "/enterprise/statistics/reports/" + id);
		});
	}

	@GetMapping("/enterprise/statistics/reports/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		ReportView report = reports.get(scope, id);
		model.addAttribute("report", report);
		model.addAttribute("lines", reports.lines(scope, id));
		model.addAttribute("revisions", reports.revisions(scope, id));
		model.addAttribute("today", LocalDate.now(clock));
		return "statistics/enterprise-report";
	}

	/**
	 * Saves the draft or submits it: the inputs are named after the fields the errors name ({@code values.<code>},
	 * {@code notes.<code>}), so a refused form comes back with the typed values, each error beside its input and the
	 * error's 4xx status ({@link FormSteps}).
	 */
	@PostMapping("/enterprise/statistics/reports/{id:\\d+}")
	String save(DataScope scope, @PathVariable long id, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> values = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith(VALUES)) {
				values.put(k.substring(VALUES.length()), v);
			}
			else if (k.startsWith(NOTES)) {
				notes.put(k.substring(NOTES.length()), v);
			}
		});
		String here = "/enterprise/statistics/reports/" + id;
		return FormSteps.run(model, response, redirect, () -> {
			if (action.equals("submit")) {
				reports.submit(scope, id, values, notes, params.get("comment"));
				return new PageSteps.Done("报表已报送，等待审核", here);
			}
			reports.saveDraft(scope, id, values, notes, params.get("comment"));
			return new PageSteps.Done("草稿已保存", here);
		}, () -> show(scope, id, model));
	}

	private static final String VALUES = "values.";

	private static final String NOTES = "notes.";

	@GetMapping("/enterprise/statistics/reports/{id:\\d+}/sheet.xlsx")
	ResponseEntity<byte[]> sheet(DataScope scope, @PathVariable long id) {
		ReportView report = reports.get(scope, id);
		return Downloads.xlsx(report.formName() + "-" + report.period() + ".xlsx", ReportSheets.write(reports.lines(scope, id)));
	}

	/**
	 * Fills the draft from the uploaded sheet, its values over the draft's (an indicator the sheet leaves blank keeps
	 * its value; a sheet without any value is refused on {@code file}): every cell is checked first; a bad sheet changes nothing and the page
	 * comes back with the error's 4xx status and every bad cell named by row, column and rule ({@link FormSteps}).
	 */
	@PostMapping("/enterprise/statistics/reports/{id:\\d+}/upload")
	String upload(DataScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		byte[] bytes = file.getBytes();
		return FormSteps.run(model, response, redirect, () -> {
			ReportView report = reports.get(scope, id);
			ReportSheets.Content content = ReportSheets.read(bytes, forms.indicators(report.formId()));
			if (content.values().isEmpty() && content.notes().isEmpty()) {
				// a sheet of headers only (or of blank values) is no filling: the draft keeps what it holds
				throw new InvalidValueException("file", "empty", "上传的Excel中没有填写任何本期数值，报表未改动：请在“本期数值”列填写后再上传");
			}
			// the sheet's values and notes over the draft's: a value or note in the sheet replaces, an indicator left
			// out keeps its value; a row with only its 说明 keeps that note (never dropped)
			reports.fillDraft(scope, id, content.values(), content.notes(), report.comment());
			return new PageSteps.Done("已从Excel读入" + content.values().size() + "项数值"
					+ (content.notes().isEmpty() ? "" : "、" + content.notes().size() + "项说明") + "，请核对后报送",
					"/enterprise/statistics/reports/" + id);
		}, () -> show(scope, id, model));
	}

	@PostMapping("/enterprise/statistics/reports/{id:\\d+}/revise")
	@PageForm("revise-form")
	String revise(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/enterprise/statistics/reports/" + id, () -> new PageSteps.Done(
				"已创建更正版本，请修改后重新报送", "/enterprise/statistics/reports/" + reports.revise(scope, id, reason)));
	}
}
