package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.inspections.InspectionFigures;
import org.youguan.inspections.InspectionItems;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;

/**
 * The inspection pages for bureau staff: the inspections of their region with this year's figures, the 双随机 plans,
 * and a plan's page where its steps run (freeze the population, record the seed with witnesses, draw, publish) — each
 * step through {@link PageSteps}.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionController {

	private final InspectionRecords records;

	private final InspectionFigures figures;

	private final InspectionPlans plans;

	private final InspectionItems items;

	private final Clock clock;

	InspectionController(InspectionRecords records, InspectionFigures figures, InspectionPlans plans,
			InspectionItems items, Clock clock) {
		this.records = records;
		this.figures = figures;
		this.plans = plans;
		this.items = items;
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

	@GetMapping("/inspections/plans/{id:\\d+}")
	String plan(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("plan", plans.get(scope, id));
		model.addAttribute("targets", plans.targets(id));
		model.addAttribute("itemNames", items.names(scope));
		return "inspections/plan";
	}

	@PostMapping("/inspections/plans/{id:\\d+}/freeze")
	@PreAuthorize(InspectionApiController.WRITERS)
	String freeze(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "检查对象名单已冻结", () -> plans.freeze(scope, id));
	}

	@PostMapping("/inspections/plans/{id:\\d+}/seed")
	@PreAuthorize(InspectionApiController.WRITERS)
	String seed(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String seed, @RequestParam(required = false) String witnesses,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "随机种子已记录",
				() -> plans.recordSeed(scope, id, seed, me.displayName(), witnesses));
	}

	@PostMapping("/inspections/plans/{id:\\d+}/draw")
	@PreAuthorize(InspectionApiController.WRITERS)
	String draw(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已完成随机抽取", () -> plans.draw(scope, id));
	}

	@PostMapping("/inspections/plans/{id:\\d+}/publish")
	@PreAuthorize(InspectionApiController.WRITERS)
	String publish(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "抽查计划已公示", () -> plans.publish(scope, id));
	}

	private static String page(long id) {
		return "/inspections/plans/" + id;
	}
}
