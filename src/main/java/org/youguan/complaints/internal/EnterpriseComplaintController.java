package org.youguan.complaints.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.EnterpriseComplaintView;
import org.youguan.complaints.Responsibility;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.OptionsHtml;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;

/**
 * The enterprise portal's complaints: those transferred to the enterprise, with the reply due date, and the reply; the
 * list exports as .xlsx with the same filters and order, the enterprise's own complaints only.
 */
@Controller
class EnterpriseComplaintController {

	/**
	 * The enterprise's export columns: what its pages show of a complaint — no complainant's contact, which the bureau's
	 * export holds masked.
	 */
	static List<Column<EnterpriseComplaintView>> columns(WorkingCalendar calendar, MessageSource messages) {
		return List.of(Column.of("申诉编号", EnterpriseComplaintView::number, 24),
				Column.of("受理日期", EnterpriseComplaintView::receivedOn, 12),
				Column.label("类别", messages, "complaint.category.", EnterpriseComplaintView::category),
				Column.label("原因", messages, "complaint.reason.", EnterpriseComplaintView::reason),
				Column.of("状态", c -> c.status(), 10),
				Column.of("当前环节时限", c -> calendar.exported(c.stepDue()), 14),
				Column.of("答复期限", c -> calendar.exported(c.answerDue()), 12));
	}

	private final ComplaintQueries queries;

	private final ComplaintProcedure procedure;

	private final Spreadsheets spreadsheets;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	EnterpriseComplaintController(ComplaintQueries queries, ComplaintProcedure procedure, Spreadsheets spreadsheets,
			WorkingCalendar calendar, MessageSource messages) {
		this.messages = messages;
		this.spreadsheets = spreadsheets;
		this.calendar = calendar;
		this.queries = queries;
		this.procedure = procedure;
	}

	/**
	 * The complaints transferred to the enterprise: by default those still in procedure, the nearest due date first;
	 * {@code awaitingReply} keeps those waiting for its reply (the home page's link); {@code q} searches only the
	 * columns the enterprise sees (number, waybill number, category, reason — {@link ComplaintQueries#list}), headers
	 * sort by the queue's whitelist (number, received, due; any other key keeps the default order).
	 */
	@GetMapping("/enterprise/complaints")
	String list(DataScope scope, ListRequest list, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply,
			HttpServletRequest request, Locale locale, Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		PageQuery query = ComplaintController.withDefaultOrder(list, shown).toPage();
		model.addAttribute("result",
				queries.listForEnterprise(scope, new ComplaintQueries.Filter(status, null, null, shown, awaitingReply), query));
		model.addAttribute("query", query);
		model.addAttribute("statusOptions", OptionsHtml.html(ComplaintController.statuses(shown), ComplaintStatus::name,
				s -> EnumWords.of(messages, s, locale), request.getParameterValues("status")));
		model.addAttribute("state", shown);
		model.addAttribute("awaitingReply", awaitingReply);
		return "complaints/enterprise-list";
	}

	/**
	 * Its complaints as .xlsx: the list's search, status, state and 待答复 filters and order, every row up to the limit.
	 */
	@GetMapping("/enterprise/complaints/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply) {
		WorkState shown = WorkState.orDefault(state, status != null);
		var rows = queries.listForEnterprise(scope, new ComplaintQueries.Filter(status, null, null, shown, awaitingReply),
				ComplaintController.withDefaultOrder(list, shown).toExport()).items();
		return Downloads.xlsx(ExportNames.of("申诉", scope), spreadsheets.write("申诉", columns(calendar, messages), rows));
	}

	@GetMapping("/enterprise/complaints/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		DataScope scope = me.scope();
		model.addAttribute("complaint", queries.readAsEnterprise(me, id));
		model.addAttribute("attachments", queries.attachments(scope, id));
		model.addAttribute("responsibilities", Responsibility.values());
		return "complaints/enterprise-complaint";
	}

	/**
	 * The enterprise's reply. A broken rule shows the form again in the rule's 4xx with everything typed and the errors;
	 * not found (another enterprise's complaint, 404) and refusals (403) reach the one error handler ({@link FormSteps}).
	 */
	@PostMapping("/enterprise/complaints/{id:\\d+}/reply")
	String reply(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String findings,
			@RequestParam(required = false) String responsibility, @RequestParam(required = false) String solution,
			@RequestParam(required = false) String compensation, @RequestParam(required = false) String apology,
			@RequestParam(required = false) String userAgrees, @RequestParam(required = false) String handler,
			@RequestParam(required = false) String handlerPhone, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			// every value that cannot be read is told with the other fields' errors (ReplyFields), not alone
			Validation v = new Validation();
			ComplaintReply reply = ReplyFields.read(v, findings, responsibility, solution, compensation, apology, userAgrees,
					handler, handlerPhone);
			var done = procedure.reply(me.scope(), id, reply, v.errors());
			return new PageSteps.Done(done.message(), "/enterprise/complaints/" + id);
		}, () -> show(me, id, model));
	}
}
