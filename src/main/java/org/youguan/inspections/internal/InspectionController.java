package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.inspections.InspectionFigures;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;

/**
 * The inspection pages for bureau staff: the inspections of their region with this year's figures and the list of
 * 双随机 plans (a plan's own page and its steps: {@link InspectionPlanPagesController}).
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionController {

	private final InspectionRecords records;

	private final InspectionFigures figures;

	private final InspectionPlans plans;

	private final Clock clock;

	InspectionController(InspectionRecords records, InspectionFigures figures, InspectionPlans plans, Clock clock) {
		this.records = records;
		this.figures = figures;
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping("/inspections")
	String records(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		PageResult<InspectionRecords.RecordSummary> result = records.list(scope, query);
		LocalDate today = LocalDate.now(clock);
		InspectionFigures.Figures year = figures.figures(scope, me.regionCode() == null ? "" : me.regionCode(),
				today.withDayOfYear(1), today, today);
		model.addAttribute("result", result);
		model.addAttribute("records", result.items());
		model.addAttribute("query", query);
		model.addAttribute("figures", year);
		return "inspections/records";
	}

	@GetMapping("/inspections/plans")
	String plans(DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		PageResult<InspectionPlan> result = plans.list(scope, query);
		model.addAttribute("result", result);
		model.addAttribute("plans", result.items());
		model.addAttribute("query", query);
		return "inspections/plans";
	}
}
