package org.youguan.complaints.internal;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.complaints.ComplaintFigures;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;

/**
 * 申诉统计 as JSON: the totals the figures page shows ({@link ComplaintFigures.Totals}) for any months and region in the
 * caller's scope, read as the page reads them.
 */
@RestController
@Tag(name = "申诉", description = "其他渠道（12345热线等）申诉接入与申诉查询（按调用者数据权限）")
class ComplaintFiguresApiController {

	private final ComplaintFigures figures;

	private final Clock clock;

	ComplaintFiguresApiController(ComplaintFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/api/v1/complaints/figures")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')")
	@Operation(summary = "申诉统计", description = "与申诉统计页面相同：region为地区代码（默认本人所在地区，须在数据权限内），from、to为月份（2025-01，默认今年1月至上月）。"
			+ "satisfaction为对邮政管理部门申诉处理工作满意率，postalSatisfaction为对邮政普遍服务满意率（被申诉企业为邮政企业的申诉），"
			+ "expressSatisfaction为对快递服务满意率（被申诉企业为快递企业或其他寄递企业的申诉），均为百分数，满意与基本满意计为满意，没有接通的回访时为null。"
			+ "perMillion、validPerMillion为申诉率、有效申诉率（件/百万件）；快递业务量数据不完整时不可比，二者为null、complete为false，"
			+ "volumeCaveat说明（如“数据不完整：2026年11月已审核52/60家”），与统计汇总接口相同。"
			+ "月份或地区有误返回400；尚未开始的期间（from晚于本月，规则future）、to早于from（规则after-from）返回400并指明字段。")
	ComplaintFigures.Totals totals(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		ComplaintFiguresController.Query q = ComplaintFiguresController.query(clock, me, scope, region, from, to);
		return figures.totals(scope, q.region(), q.from(), q.to());
	}
}
