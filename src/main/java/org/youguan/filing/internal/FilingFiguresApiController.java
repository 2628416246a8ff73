package org.youguan.filing.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.filing.FilingMetrics;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FiguresQuery;
import org.youguan.org.CurrentUser;

/**
 * 备案统计 as JSON ("完成末端网点备案865家"): the figures the 备案统计 page shows ({@link FilingMetrics}) for any days and
 * region in the caller's scope, read and checked as every figures API reads them ({@link FiguresQuery}).
 */
@RestController
@Tag(name = "末端网点备案", description = "末端网点备案统计（按调用者数据权限）")
class FilingFiguresApiController {

	private final OutletFilings filings;

	private final Clock clock;

	FilingFiguresApiController(OutletFilings filings, Clock clock) {
		this.filings = filings;
		this.clock = clock;
	}

	@GetMapping("/api/v1/filing/figures")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')")
	@Operation(summary = "备案统计", description = "与备案统计页面相同：期间内（from、to，YYYY-MM-DD，默认本年初至今天）区域"
			+ "（region，默认本单位）完成（准予）的末端网点备案：total合计，byCounty按县（区），byBrand按品牌；每行completed完成备案家数、"
			+ "averageWorkingDays平均用时（工作日）、maxWorkingDays最长用时、onTimeRate按时办结率（百分数，向下取整到0.1）、"
			+ "lateFilings逾期备案家数。" + FiguresPeriod.API_RULES)
	FilingMetrics figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		return filings.metrics(scope, q.region(), q.from(), q.to());
	}
}
