package org.youguan.inspections.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.inspections.InspectionItems;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * 双随机一公开 on the public portal: the published plans of a region with their targets and their published results
 * (day and outcome), the snapshot fingerprint and the seed, the latest published 抽查事项清单 of each bureau of the
 * region and above it, and the draw's algorithm in words (anyone can repeat it with {@code POST /api/v1/public/inspections/draw/verify}).
 * No personal data: inspectors appear by certificate number only.
 */
@Controller
class PublicInspectionController {

	/**
	 * A published plan with the targets whose result is published ({@link InspectionPlans#publicTargets}) and how many
	 * more were drawn, shown once their checks' results are in.
	 */
	record Published(InspectionPlan plan, List<InspectionPlan.Target> targets, int pending) {
	}

	private final InspectionPlans plans;

	private final InspectionItems items;

	PublicInspectionController(InspectionPlans plans, InspectionItems items) {
		this.plans = plans;
		this.items = items;
	}

	@GetMapping("/public/inspections")
	String plans(@RequestParam(required = false) String region, Model model) {
		String prefix = region == null ? "" : Text.strip(region);
		if (!prefix.matches("\\d{0,12}")) {
			throw new InvalidValueException("region", "format", "区划代码应为数字");
		}
		model.addAttribute("region", prefix);
		model.addAttribute("published", plans.published(prefix).stream()
			.map(p -> {
				List<InspectionPlan.Target> shown = plans.publicTargets(p.id());
				return new Published(p, shown, plans.targets(p.id()).size() - shown.size());
			})
			.toList());
		model.addAttribute("outcomes", InspectionPlanPagesController.OUTCOMES);
		model.addAttribute("itemLists", items.latestPublished(prefix));
		return "inspections/public";
	}
}
