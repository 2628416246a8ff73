package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.inspections.InspectionFigures;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.org.CurrentUser;

/**
 * The inspections of a period and region by item and outcome, for a bureau's systems — the table of the 检查统计 page.
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "执法检查")
class InspectionFiguresApiController {

	private final InspectionFigures figures;

	private final Clock clock;

	InspectionFiguresApiController(InspectionFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/figures/items")
	@PreAuthorize(InspectionApiController.READERS)
	@Operation(summary = "检查统计（按检查事项和检查结果）", description = "期间（from、to，YYYY-MM-DD，默认本年初至今天）和区域（region，"
			+ "默认本单位，须在数据权限内，否则403）内每个被检查事项的检查次数及按检查结果（无问题、约谈、责令改正、立案线索）的分布；"
			+ "最后一行（code为null）为全部检查按结果的分布，其检查次数即检查统计的inspections。"
			+ FiguresPeriod.API_RULES)
	List<InspectionFigures.ItemLine> byItem(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		InspectionFiguresController.Query q = InspectionFiguresController.query(me, scope, region, from, to,
				LocalDate.now(clock));
		return figures.byItem(scope, q.region(), q.from(), q.to());
	}
}
