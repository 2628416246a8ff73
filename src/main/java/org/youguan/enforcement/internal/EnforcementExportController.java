package org.youguan.enforcement.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.enforcement.CaseFilter;
import org.youguan.enforcement.LeadView;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.org.CurrentUser;

/**
 * The enforcement lists as .xlsx, for the same roles and scope as their pages ({@link EnforcementController}): the
 * leads ({@code /enforcement/leads}) and the cases ({@code /enforcement/cases}), each with the page's filters, search
 * and order, every row up to the export limit, the columns the page shows (summaries with personal numbers masked, as
 * listed).
 */
@Controller
@PreAuthorize(EnforcementApiController.READERS)
class EnforcementExportController {

	static final List<Column<LeadView>> LEAD_COLUMNS = List.of(Column.of("收到日期", LeadView::receivedOn),
			Column.of("来源", LeadView::source), Column.of("来源说明", LeadView::sourceDetail, 24),
			Column.of("当事人", LeadView::enterpriseName, 30), Column.of("统一社会信用代码", LeadView::enterpriseCreditCode, 20),
			Column.of("线索内容", LeadView::summary, 40), Column.of("状态", LeadView::status),
			Column.of("案件编号", LeadView::caseNumber, 24));

	/**
	 * The cases' columns, the status as the list shows it today in the request's language ({@link CaseWords#status}:
	 * 公告送达中 with the deemed day while a public notice runs).
	 */
	static List<Column<PenaltyCases.CaseSummary>> caseColumns(CaseWords words) {
		return List.of(
			Column.of("案件编号", PenaltyCases.CaseSummary::number, 24),
			Column.of("当事人", PenaltyCases.CaseSummary::enterpriseName, 30),
			Column.of("统一社会信用代码", PenaltyCases.CaseSummary::enterpriseCreditCode, 20),
			Column.of("违法行为", k -> k.violationCode(), 24),
			Column.of("立案日期", PenaltyCases.CaseSummary::filedOn), Column.of("状态", k -> words.status(k.status(), k.deliveredOn(), k.deemedServicePending())),
			Column.of("剩余天数", PenaltyCases.CaseSummary::remainingDays),
			Column.of("决定期限", k -> WorkingCalendar.exported(k.decisionDueOn(), k.decisionDueOnProvisional())),
			Column.of("中止计时", PenaltyCases.CaseSummary::suspended),
			Column.of("处罚决定文号", PenaltyCases.CaseSummary::decisionNumber, 24),
			// a case ended with 不予处罚 says so, not an empty cell (it was decided, with no penalty)
			Column.of("处罚种类", k -> k.penalty() == null && k.status() == CaseStatus.NOT_PENALIZED ? Penalty.NONE : k.penalty()),
			Column.of("罚款（元）", PenaltyCases.CaseSummary::fine),
			Column.of("超过办案期限", PenaltyCases.CaseSummary::decidedLate),
			Column.of("公示日期", PenaltyCases.CaseSummary::publishedOn),
			Column.of("历史导入", PenaltyCases.CaseSummary::imported));
	}

	private final Leads leads;

	private final PenaltyCases cases;

	private final Spreadsheets spreadsheets;

	private final CaseWords words;

	EnforcementExportController(Leads leads, PenaltyCases cases, Spreadsheets spreadsheets, CaseWords words) {
		this.words = words;
		this.leads = leads;
		this.cases = cases;
		this.spreadsheets = spreadsheets;
	}

	/** The leads as .xlsx: the page's status filter, search and order. */
	@GetMapping("/enforcement/leads/export.xlsx")
	ResponseEntity<byte[]> leads(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String status) {
		var rows = leads.list(scope, EnforcementApiController.leadStatus(status), request.toExport(), me.caseHandler()).items();
		return Downloads.xlsx(ExportNames.of("案件线索", scope), spreadsheets.write("案件线索", LEAD_COLUMNS, rows));
	}

	/**
	 * The cases as .xlsx: the page's 办理中/全部 switch (办理中 by default), status filter, search and order; a status asked
	 * for is the filter, as on the page.
	 */
	@GetMapping("/enforcement/cases/export.xlsx")
	ResponseEntity<byte[]> cases(DataScope scope, ListRequest request,
			@RequestParam(required = false, defaultValue = "true") boolean open,
			@RequestParam(required = false) String status) {
		CaseFilter s = CaseFilter.parse(status);
		var rows = cases.list(scope, s, open && s.none(), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("行政处罚案件", scope), spreadsheets.write("行政处罚案件", caseColumns(words), rows));
	}
}
