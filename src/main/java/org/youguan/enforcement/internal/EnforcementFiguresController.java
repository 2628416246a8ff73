package org.youguan.enforcement.internal;

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
import org.youguan.documents.Spreadsheets;
import org.youguan.enforcement.EnforcementFigures;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresQuery;
import org.youguan.org.CurrentUser;

/**
 * 处罚统计 for staff and leaders: the headline figures of any period and region in their scope (the same numbers as
 * {@code GET /api/v1/enforcement/figures}; a region outside the scope is a 403, a malformed day or a region that is not a whole existing region a 400) with the
 * breakdown ({@link EnforcementBreakdown}: 及时立案, by violation, by lead source, on-time rates per step), and the
 * breakdown as .xlsx.
 */
@Controller
@PreAuthorize(EnforcementApiController.READERS)
class EnforcementFiguresController {

	static final List<Column<EnforcementBreakdown.Line>> COLUMNS = List.of(
			Column.of("分组", EnforcementBreakdown.Line::group, 14),
			Column.of("项目", EnforcementBreakdown.Line::words, 40),
			Column.of("数量", EnforcementBreakdown.Line::count, 10),
			Column.of("按期（立案）数", EnforcementBreakdown.Line::onTime, 14),
			Column.of("比率（%）", EnforcementBreakdown.Line::rate, 10),
			Column.of("罚款（元）", EnforcementBreakdown.Line::fines, 14),
			Column.of("平均天数", EnforcementBreakdown.Line::averageDays, 10));

	private final EnforcementFigures figures;

	private final EnforcementBreakdown breakdown;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	EnforcementFiguresController(EnforcementFigures figures, EnforcementBreakdown breakdown, Spreadsheets spreadsheets,
			Clock clock) {
		this.figures = figures;
		this.breakdown = breakdown;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	@GetMapping("/enforcement/figures")
	String page(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		model.addAttribute("q", q);
		model.addAttribute("figures", figures.figures(scope, q.region(), q.from(), q.to()));
		model.addAttribute("b", breakdown.breakdown(scope, q.region(), q.from(), q.to()));
		return "enforcement/figures";
	}

	@GetMapping("/enforcement/figures.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		// the file names the area, not its code (处罚统计-江苏省苏州市-…); its days ISO as every file name's
		return Downloads.xlsx(ExportNames.of("处罚统计", q),
				spreadsheets.write("处罚统计", Column.titled(ExportNames.title("处罚统计", q), COLUMNS), breakdown.breakdown(scope, q.region(), q.from(), q.to()).all()));
	}
}
