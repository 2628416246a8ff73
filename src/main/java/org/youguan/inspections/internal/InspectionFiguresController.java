package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionFigures;
import org.youguan.inspections.InspectionOutcome;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;

/**
 * 检查统计 for staff and leaders: the figures of any period and region in their scope (a region outside it is a 403),
 * the inspections by item and outcome, and that table as .xlsx.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionFiguresController {

	static final List<Column<InspectionFigures.ItemLine>> COLUMNS = List.of(
			Column.of("检查事项代码", InspectionFigures.ItemLine::code, 18),
			Column.of("检查事项", i -> SheetWord.of(i.name()), 26),
			Column.of("检查（次）", InspectionFigures.ItemLine::inspections, 12),
			Column.count(InspectionOutcome.NONE.label(), InspectionFigures.ItemLine::none, 10),
			Column.count(InspectionOutcome.INTERVIEW.label(), InspectionFigures.ItemLine::interview, 10),
			Column.count(InspectionOutcome.RECTIFICATION.label(), InspectionFigures.ItemLine::rectification, 10),
			Column.count(InspectionOutcome.LEAD.label(), InspectionFigures.ItemLine::lead, 10),
			Column.of("检查内容符合（项次）", InspectionFigures.ItemLine::compliant, 14),
			Column.of("检查内容不符合（项次）", InspectionFigures.ItemLine::noncompliant, 14),
			Column.of("检查内容不涉及（项次）", InspectionFigures.ItemLine::notApplicable, 14));

	private final InspectionFigures figures;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	InspectionFiguresController(InspectionFigures figures, Spreadsheets spreadsheets, Clock clock) {
		this.figures = figures;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	/** The period and region asked for: by default this year to today, the user's region. */
	record Query(String region, LocalDate from, LocalDate to) {
	}

	@GetMapping("/inspections/figures")
	String page(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		Query q = query(me, scope, region, from, to);
		model.addAttribute("q", q);
		model.addAttribute("figures", figures.figures(scope, q.region(), q.from(), q.to(), LocalDate.now(clock)));
		model.addAttribute("byItem", figures.byItem(scope, q.region(), q.from(), q.to()));
		model.addAttribute("outcomes", InspectionOutcome.values());
		model.addAttribute("lineResults", InspectionFieldRecords.LineResult.values());
		return "inspections/figures";
	}

	@GetMapping("/inspections/figures.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Query q = query(me, scope, region, from, to);
		// the file names the area, not its code (检查统计-江苏省苏州市-…); its days ISO as every file name's
		return Downloads.xlsx(ExportNames.of("检查统计", q.region(), q.from(), q.to()),
				spreadsheets.write("按检查事项和检查结果", Column.titled(ExportNames.title("检查统计", q.region(), q.from(), q.to()), COLUMNS), figures.byItem(scope, q.region(), q.from(), q.to())));
	}

	/**
	 * The query checked as the figures API checks it: days as YYYY-MM-DD, {@code to} not before {@code from}, the
	 * region (blank: the user's own) inside the user's scope.
	 * @throws InvalidValueException (400) for a malformed day; AccessRefusedException (403) for a region outside
	 */
	private Query query(CurrentUser me, DataScope scope, String region, String from, String to) {
		return query(me, scope, region, from, to, LocalDate.now(clock));
	}

	/** As the page's query, with {@code today} deciding the default period (this year to today). */
	static Query query(CurrentUser me, DataScope scope, String region, String from, String to, LocalDate today) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, today);
		return new Query(q.region(), q.from(), q.to());
	}
}
