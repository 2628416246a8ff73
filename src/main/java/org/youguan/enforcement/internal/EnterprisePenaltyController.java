package org.youguan.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.enforcement.CaseFilter;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;

/**
 * The enterprise's penalty cases on its portal ({@link EnterprisePenalties}): the list of its own cases it has been
 * told of, a case's page (notice, rights and windows, decision, delivery, payment with due day and 加处罚款), and the
 * forms for its 陈述申辩 (or its written waiver of it) and its request for a hearing (or waiver) while the window is
 * open. The statement, typed text, runs through {@link FormSteps} (a refusal keeps it); the buttons through
 * {@link PageSteps}.
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class EnterprisePenaltyController {

	/**
	 * The export's columns: what the list shows, the decision's day and penalty and the payment day besides; the status
	 * as the list shows it today in the request's language ({@link CaseWords#status}).
	 */
	static List<Column<EnterprisePenalties.Summary>> columns(CaseWords words) {
		return List.of(
			Column.of("案件编号", EnterprisePenalties.Summary::number, 26),
			Column.of("违法行为", s -> s.violation(), 30),
			Column.of("状态", s -> words.status(s.status(), s.deliveredOn(), s.deemedServicePending(), s.decisionAnnulledOn()), 24),
			Column.of("告知日期", EnterprisePenalties.Summary::notifiedOn, 12),
			Column.of("处罚决定书文号", EnterprisePenalties.Summary::decisionNumber, 28),
			Column.of("决定日期", EnterprisePenalties.Summary::decidedOn, 12),
			Column.of("处罚种类", EnterprisePenalties.Summary::penalty, 14),
			Column.of("罚款（元）", EnterprisePenalties.Summary::fine, 14),
			Column.of("缴款日期", EnterprisePenalties.Summary::paidOn, 12),
			Column.of("加处罚款（元，截至今日）", EnterprisePenalties.Summary::surchargeToday, 16));
	}

	private final EnterprisePenalties penalties;

	private final Clock clock;

	private final Spreadsheets spreadsheets;

	private final CaseWords words;

	EnterprisePenaltyController(EnterprisePenalties penalties, Clock clock, Spreadsheets spreadsheets, CaseWords words) {
		this.words = words;
		this.spreadsheets = spreadsheets;
		this.penalties = penalties;
		this.clock = clock;
	}

	/**
	 * Its cases: searched (case or decision number), filtered by status, sorted from the headers (number, notified,
	 * decided), paged ({@link EnterprisePenalties#list}).
	 */
	@GetMapping("/enterprise/penalties")
	String list(DataScope scope, ListRequest request, @RequestParam(required = false) String status, Model model) {
		PageQuery query = request.toPage();
		CaseFilter filter = CaseFilter.parse(status);
		PageResult<EnterprisePenalties.Summary> result = penalties.list(scope, filter, query);
		model.addAttribute("result", result);
		model.addAttribute("cases", result.items());
		model.addAttribute("query", query);
		model.addAttribute("statuses", EnterprisePenalties.PARTY_STATUSES);
		model.addAttribute("status", filter.value());
		return "enforcement/enterprise-cases";
	}

	/** Its cases as .xlsx: the list's search, status and order, every row up to the export limit, its own cases only. */
	@GetMapping("/enterprise/penalties/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) String status) {
		return Downloads.xlsx(ExportNames.of("行政处罚案件", scope), spreadsheets.write("行政处罚案件", columns(words), penalties.list(scope, CaseFilter.parse(status), request.toExport()).items()));
	}

	@GetMapping("/enterprise/penalties/{id:\\d+}")
	String detail(DataScope scope, @PathVariable long id, Model model) {
		EnterprisePenalties.PartyCase c = penalties.get(scope, id);
		model.addAttribute("c", c);
		model.addAttribute("replyLine", c.replyLine());
		model.addAttribute("today", LocalDate.now(clock));
		return "enforcement/enterprise-case";
	}

	/**
	 * The party's 陈述申辩: saved → its page with the message; refused → its page again with the text as typed and the
	 * errors ({@link FormSteps}), so nothing typed is lost.
	 */
	@PostMapping("/enterprise/penalties/{id:\\d+}/statement")
	@PageForm("statement-form")
	String statement(DataScope scope, @PathVariable long id, @RequestParam(required = false) String statement, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/enterprise/penalties/" + id, "陈述申辩已提交",
				() -> penalties.state(scope, id, statement), () -> detail(scope, id, model));
	}

	@PostMapping("/enterprise/penalties/{id:\\d+}/hearing-waiver")
	@PageForm("hearing-waiver-form")
	String hearingWaiver(DataScope scope, @PathVariable long id, @RequestParam(required = false) Boolean confirm,
			RedirectAttributes redirect) {
		String here = "/enterprise/penalties/" + id;
		// a request withdrawn (撤回听证申请) is said so, not called a waiver
		return PageSteps.run(redirect, here, () -> new PageSteps.Done(penalties.waiveHearing(scope, id,
				Boolean.TRUE.equals(confirm)) ? "已撤回听证申请" : "已放弃听证", here));
	}

	@PostMapping("/enterprise/penalties/{id:\\d+}/statement-waiver")
	@PageForm("statement-waiver-form")
	String statementWaiver(DataScope scope, @PathVariable long id, @RequestParam(required = false) Boolean confirm,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/enterprise/penalties/" + id, "已放弃陈述申辩",
				() -> penalties.waiveStatement(scope, id, Boolean.TRUE.equals(confirm)));
	}

	@PostMapping("/enterprise/penalties/{id:\\d+}/hearing")
	String hearing(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/enterprise/penalties/" + id, "听证申请已提交",
				() -> penalties.requestHearing(scope, id));
	}
}
