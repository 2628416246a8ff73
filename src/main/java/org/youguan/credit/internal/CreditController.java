package org.youguan.credit.internal;

import java.util.List;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

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
import org.youguan.region.Regions;
import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjections;
import org.youguan.credit.CreditRecords;
import org.youguan.credit.CreditYearClose;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.YearIn;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The staff pages of the credit record (信用 → 信用记录 {@code /credit/entries}, 信用异议 {@code /credit/objections}):
 * the region's entries with the correction owed, its due day and an overdue mark, and the objections with their review
 * day; each list searches, filters, sorts, pages and exports as .xlsx with the same search, filter and order, in the
 * caller's region only. A 处室工作人员 of the bureau of the entry's region records the correction owed on an entry's row
 * and reviews an objection on its row ({@link FormSteps}: refused, the list again in the refusal's 4xx with that row's
 * form as typed); others read. The entries page also shows the bureau's close of the last year's credit data
 * ({@link CreditYearClose}: due by {@code credit.year-close}, an overdue mark while open) and, to a 处室工作人员, the
 * button that closes it.
 */
@Controller
@PreAuthorize(CreditAccess.STAFF_READERS)
class CreditController {

	/**
	 * The entries' export columns; {@code place} names the recording region in full ({@code Regions#fullNames}) where
	 * no bureau is named, never by its bare code.
	 */
	static List<Column<CreditEntry>> entryColumns(Function<String, String> place) {
		return List.of(Column.of("日期", CreditEntry::occurredOn, 12),
			Column.of("企业", e -> e.enterpriseName() == null ? e.enterpriseCreditCode() : e.enterpriseName(), 30),
			Column.of("统一社会信用代码", CreditEntry::enterpriseCreditCode, 22),
			Column.of("记录机关", e -> e.bureau() == null ? place.apply(e.regionCode()) : e.bureau(), 24),
			Column.of("类别", e -> e.kind(), 14), Column.of("文号", CreditEntry::sourceNumber, 26),
			Column.of("内容", CreditEntry::summary, 40), Column.of("状态", e -> e.status(), 8),
			Column.of("待办更正", e -> e.correctionKind(), 10),
			Column.of("更正期限", CreditEntry::correctionDueOn, 12),
			Column.of("更正超期", e -> e.correctionOverdue() ? Boolean.TRUE : null, 8),
			Column.of("更正原因", CreditEntry::correctionReason, 40), Column.of("更正日期", CreditEntry::correctedOn, 12));
	}

	/** The objections' export columns (reasons masked as listed). */
	static final List<Column<CreditObjection>> OBJECTION_COLUMNS = List.of(Column.of("收到日期", CreditObjection::filedOn, 12),
			Column.of("企业", o -> o.enterpriseName() == null ? o.enterpriseCreditCode() : o.enterpriseName(), 30),
			Column.of("统一社会信用代码", CreditObjection::enterpriseCreditCode, 22),
			Column.of("文号", CreditObjection::sourceNumber, 26), Column.of("记录内容", CreditObjection::entrySummary, 40),
			Column.of("异议理由", CreditObjection::reason, 40), Column.of("复核期限", CreditObjection::reviewDueOn, 12),
			Column.of("复核超期", o -> o.reviewOverdue() ? Boolean.TRUE : null, 8), Column.of("状态", o -> o.status(), 10),
			Column.of("复核日期", CreditObjection::reviewedOn, 12), Column.of("复核理由", CreditObjection::reviewReason, 40));

	private final CreditRecords records;

	private final CreditObjections objections;

	private final Spreadsheets spreadsheets;

	private final StatutoryRules rules;

	private final CreditYearClose yearClose;

	/** Whose entries and objections the caller acts on ({@link Bureaus#takesSteps}). */
	private final Bureaus bureaus;

	private final Regions regions;

	CreditController(CreditRecords records, CreditObjections objections, Spreadsheets spreadsheets, StatutoryRules rules,
			CreditYearClose yearClose, Bureaus bureaus, Regions regions) {
		this.regions = regions;
		this.yearClose = yearClose;
		this.bureaus = bureaus;
		this.records = records;
		this.objections = objections;
		this.spreadsheets = spreadsheets;
		this.rules = rules;
	}

	@GetMapping("/credit/entries")
	String entries(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean pending, @RequestParam(required = false) Boolean overdue, Model model) {
		PageQuery query = request.toPage();
		CreditRecords.Filter filter = CreditAccess.entries(status, pending, overdue);
		var result = records.list(scope, filter, query);
		model.addAttribute("result", result);
		model.addAttribute("query", query);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CreditEntry.Status.values());
		model.addAttribute("canAct", me.caseHandler());
		model.addAttribute("handled", handled(me, result.items().stream().map(CreditEntry::regionCode)));
		model.addAllAttributes(rules.statedAs("update", StatutoryRule.CREDIT_RECORD_UPDATE, region(scope)));
		model.addAllAttributes(rules.statedAs("correction", StatutoryRule.CREDIT_OBJECTION_CORRECTION, region(scope)));
		if (region(scope) != null) {
			model.addAttribute("yearClose", yearClose.of(region(scope), yearClose.lastYear()));
			model.addAllAttributes(rules.statedAs("yearClose", StatutoryRule.CREDIT_YEAR_CLOSE, region(scope)));
		}
		return "credit/entries";
	}

	/**
	 * The regions among a page's rows whose entries the caller corrects and whose objections it reviews
	 * ({@link Bureaus#takesSteps}: the bureau of the region's staff): the rows the page offers forms on; a higher
	 * bureau's staff read.
	 */
	private Set<String> handled(CurrentUser me, Stream<String> regions) {
		return regions.distinct().filter(r -> bureaus.takesSteps(me, r)).collect(Collectors.toSet());
	}

	/** The caller's region, whose values of the periods the pages name (null: the national value). */
	private static String region(DataScope scope) {
		return scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix() : null;
	}

	/** The entries as .xlsx: the list's search, filters and order, the caller's region only. */
	@GetMapping("/credit/entries/export.xlsx")
	ResponseEntity<byte[]> exportEntries(DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean pending, @RequestParam(required = false) Boolean overdue) {
		return Downloads.xlsx(ExportNames.of("信用记录", scope), spreadsheets.write("信用记录", entryColumns(regions.fullNames()),
				records.list(scope, CreditAccess.entries(status, pending, overdue), request.toExport()).items()));
	}

	@GetMapping("/credit/objections")
	String objections(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, Model model) {
		PageQuery query = request.toPage();
		CreditObjections.Filter filter = CreditAccess.objections(status, overdue);
		var result = objections.list(scope, filter, query);
		model.addAttribute("result", result);
		model.addAttribute("query", query);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CreditObjection.Status.values());
		model.addAttribute("canAct", me.caseHandler());
		model.addAttribute("handled", handled(me, result.items().stream().map(CreditObjection::regionCode)));
		model.addAllAttributes(rules.statedAs("review", StatutoryRule.CREDIT_OBJECTION_REVIEW, region(scope)));
		return "credit/objections";
	}

	/** The objections as .xlsx: the list's search, filters and order, the caller's region only, reasons masked. */
	@GetMapping("/credit/objections/export.xlsx")
	ResponseEntity<byte[]> exportObjections(DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue) {
		return Downloads.xlsx(ExportNames.of("信用异议", scope), spreadsheets.write("信用异议", OBJECTION_COLUMNS,
				objections.list(scope, CreditAccess.objections(status, overdue), request.toExport()).items()));
	}

	/** Records the correction owed on an entry of the caller's region ({@link CreditRecords#correct}). */
	@PostMapping("/credit/entries/{id}/correction")
	@PageForm("correction-{id}")
	@PreAuthorize(CaseRoles.HANDLERS)
	String correct(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String summary, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/credit/entries?pending=true", "已更正信用记录",
				() -> records.correct(scope, id, new CreditRecords.Correction(summary)),
				() -> entries(me, scope, new ListRequest(null, null, null, null, null), null, true, null, model));
	}

	/**
	 * Closes the last year's credit data of the caller's bureau ({@link CreditYearClose#close}); the year's bounds are
	 * declared for the refusal of a non-number — the years a close takes, {@link CreditYearClose#FIRST_YEAR} to the last
	 * year ended — and checked by the service.
	 */
	@PostMapping("/credit/year-close")
	@PageForm("year-close-form")
	@PreAuthorize(CaseRoles.HANDLERS)
	String closeYear(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam @YearIn(from = CreditYearClose.FIRST_YEAR, ahead = CreditYearClose.YEARS_AHEAD) int year,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/credit/entries", "已完成" + year + "年度信用信息归集",
				() -> yearClose.close(scope, year),
				() -> entries(me, scope, new ListRequest(null, null, null, null, null), null, null, null, model));
	}

	/** Reviews an objection of the caller's region ({@link CreditObjections#review}). */
	@PostMapping("/credit/objections/{id}/review")
	@PageForm("review-{id}")
	@PreAuthorize(CaseRoles.HANDLERS)
	String review(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String result, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String correction, @RequestParam(required = false) String correctedSummary,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/credit/objections", "已复核信用异议",
				() -> objections.review(scope, id, new CreditObjections.Review(result, reason, correction, correctedSummary)),
				() -> objections(me, scope, new ListRequest(null, null, null, null, null), "FILED", null, model));
	}
}
