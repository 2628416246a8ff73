package org.youguan.inspections.internal;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.region.Regions;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;

/**
 * The page of key inspection targets (执法检查 → 重点检查对象, {@code /inspections/key-targets}): the targets of the
 * caller's region with their source (a link to the safety alert), the reason, and whether the enterprise has been
 * inspected since; staff who write start the special inspection's field record from a target (the enterprise filled
 * in), leaders read.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class KeyTargetsController {

	/**
	 * The page's columns: the enterprise with its code and region, the source and its summary, state as shown; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<KeyTargets.KeyTarget>> columns(Function<String, String> place) {
		return List.of(
			Column.of("列入日期", KeyTargets.KeyTarget::listedOn, 12),
			Column.of("企业", k -> k.enterpriseName() == null ? k.enterpriseCreditCode() : k.enterpriseName(), 30),
			Column.of("统一社会信用代码", KeyTargets.KeyTarget::enterpriseCreditCode, 22),
			Column.of("区域", k -> place.apply(k.regionCode()), 14),
			Column.of("来源", KeyTargets.KeyTarget::sourceDetail, 30), Column.of("情况", KeyTargets.KeyTarget::summary, 40),
			Column.of("列入说明", KeyTargets.KeyTarget::reason, 30), Column.of("列入人", KeyTargets.KeyTarget::listedBy, 14),
			Column.of("状态", k -> k.recordId() == null ? SheetWord.of("待检查") : SheetWord.of("已检查"), 8),
			Column.of("检查日期", KeyTargets.KeyTarget::inspectedOn, 12));
	}

	private final KeyTargets targets;

	private final Spreadsheets spreadsheets;

	private final Regions regions;

	KeyTargetsController(KeyTargets targets, Spreadsheets spreadsheets, Regions regions) {
		this.regions = regions;
		this.targets = targets;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/inspections/key-targets")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", targets.list(scope, query));
		model.addAttribute("query", query);
		model.addAttribute("canAct", me.caseHandler());
		return "inspections/key-targets";
	}

	/** The key targets as .xlsx: the list's search and order, the caller's region only, free text masked as listed. */
	@GetMapping("/inspections/key-targets/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request) {
		return Downloads.xlsx(ExportNames.of("重点检查对象", scope), spreadsheets.write("重点检查对象", columns(regions.fullNames()),
				targets.list(scope, request.toExport()).items()));
	}
}
