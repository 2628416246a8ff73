package org.youguan.safety.internal.rates;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;
import org.youguan.safety.SafetyFigures;
import org.youguan.safety.SafetyRates;
import org.youguan.safety.internal.SafetyAccess;

/**
 * The safety figures and rates API (a stable contract): the figures of a region and period, the rates broken down by
 * enterprise, outlet or county, and their trend. Staff read their region; an enterprise token reads its own parcels.
 */
@RestController
@RequestMapping("/api/v1/safety")
@Tag(name = "安全监管")
class SafetyApiController {

	private final SafetyFigures figures;

	private final SafetyRates rates;

	private final Clock clock;

	SafetyApiController(SafetyFigures figures, SafetyRates rates, Clock clock) {
		this.figures = figures;
		this.rates = rates;
		this.clock = clock;
	}

	@GetMapping("/figures")
	@PreAuthorize(SafetyAccess.READERS + " or " + SafetyAccess.ENTERPRISE)
	@Operation(summary = "安全监管统计", description = "区域（region，默认本单位，须在数据权限内，否则403；企业令牌只统计本企业）和期间"
			+ "（from、to，YYYY-MM-DD，中国时间，默认本年初至今天）：parcels收寄件数、subjectParcels应实名件数（不含信件和协议客户）、"
			+ "realNameRate实名率=实名件数÷应实名件数、inspectionRate验视率=验视件数÷收寄件数、screeningRate过机率=过机件数÷收寄件数"
			+ "（百分数，两位小数；分母为0时为null；全国口径未公布，为本系统口径）、screeningMachines区域内在用的登记安检机台数、"
			+ "screeningContractors期间内合同有效的委托第三方安检企业数、hazardsOpen期间内发现且期末未销号的隐患数、"
			+ "hazardsClosed期间内销号的隐患数（台账项企业令牌为null）。"
			+ FiguresPeriod.API_RULES)
	SafetyFigures.Figures figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return figures.figures(scope, RateQueries.figures(me, scope, region, from, to, RateQueries.today(clock)));
	}

	@GetMapping("/rates")
	@PreAuthorize(SafetyAccess.READERS + " or " + SafetyAccess.ENTERPRISE)
	@Operation(summary = "实名率、验视率、过机率分组", description = "by=ENTERPRISE（默认）、OUTLET或COUNTY；region、from、to同"
			+ "统计接口（默认本月）；sort=real_name_rate（默认，低的在前）、inspection_rate、screening_rate、parcels或key；q按名称搜索。")
	PageResult<SafetyRates.Line> rates(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list,
			@RequestParam(required = false) String by, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return rates.breakdown(scope, RateQueries.query(me, scope, region, from, to, clock), RateQueries.by(by), list.toPage());
	}

	@GetMapping("/rates/trend")
	@PreAuthorize(SafetyAccess.READERS + " or " + SafetyAccess.ENTERPRISE)
	@Operation(summary = "三项制度比率趋势", description = "step=DAY（默认）或MONTH，按中国时间逐日或逐月；region、from、to同上。")
	List<SafetyRates.Line> trend(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String step, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return rates.trend(scope, RateQueries.query(me, scope, region, from, to, clock), RateQueries.step(step));
	}
}
