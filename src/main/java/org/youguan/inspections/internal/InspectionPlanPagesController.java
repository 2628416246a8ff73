package org.youguan.inspections.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.inspections.InspectionItems;
import org.youguan.inspections.InspectionOutcome;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.region.RegionPicker;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseType;

/**
 * The 双随机 plan pages for bureau staff (快递暂行条例(2025) art.47; 快递市场管理办法(2023) art.42): a plan created on a
 * form (name, period, items, the population — object type, region within the caller's scope, brand, enterprise type,
 * credit classes —, the sampling as a count, a ratio or a ratio per credit class, the team size ≥ 2), re-rendered with
 * every broken field named in Chinese; and a plan's page where its steps run through {@link PageSteps} — freeze (the
 * snapshot's size and SHA-256), record the seed with the operator and witnesses, draw (targets with their teams),
 * publish, and publish the results, each target showing whether its result is published, due or overdue.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionPlanPagesController {

	/**
	 * The plan form as posted: everything as text so that each malformed value is named. Ratios are percentages.
	 * @param sampling COUNT, RATIO or CLASS (a ratio per credit class, in {@link InspectionPlans#CREDIT_CLASSES} order)
	 */
	record PlanForm(String name, String periodFrom, String periodTo, List<String> items, String regionCode,
			String objectType, String enterpriseType, String brandId, List<String> creditClasses, String sampling,
			String sampleCount, String samplePercent, List<String> classPercents, String teamSize) {

		static PlanForm blank(LocalDate today, String region) {
			LocalDate start = today.withDayOfMonth(1).plusMonths(1);
			return new PlanForm("", start.toString(), start.plusMonths(3).minusDays(1).toString(), List.of(), region,
					"ENTERPRISE", "", "", List.of(), "RATIO", "", "10", List.of(), "2");
		}

		public String classPercent(int i) {
			return classPercents == null || i >= classPercents.size() ? "" : classPercents.get(i);
		}
	}

	/**
	 * Outcomes by code, for the results column: a page words each in the reader's language
	 * ({@code ${@labels.of(outcomes[r.outcome()])}}), never its Chinese {@code label()}.
	 */
	static final Map<String, InspectionOutcome> OUTCOMES = Arrays.stream(InspectionOutcome.values())
		.collect(Collectors.toMap(InspectionOutcome::name, o -> o));

	private final InspectionPlans plans;

	private final InspectionItems items;

	private final Inspectors inspectors;

	private final Brands brands;

	private final Clock clock;

	InspectionPlanPagesController(InspectionPlans plans, InspectionItems items, Inspectors inspectors, Brands brands,
			Clock clock) {
		this.plans = plans;
		this.items = items;
		this.inspectors = inspectors;
		this.brands = brands;
		this.clock = clock;
	}

	@GetMapping("/inspections/plans/new")
	@PreAuthorize(InspectionApiController.WRITERS)
	String initCreateForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, Model model) {
		return form(model, scope, PlanForm.blank(LocalDate.now(clock), me.regionCode()));
	}

	@PostMapping("/inspections/plans/new")
	@PreAuthorize(InspectionApiController.WRITERS)
	String processCreateForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, @ModelAttribute PlanForm form,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null) {
			return form(model, scope, form);
		}
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			if (me.bureauId() == null) {
				throw new InvalidValueException("bureauId", "required", "只有邮政管理部门的工作人员才能新建抽查计划");
			}
			Validation read = new Validation();
			InspectionPlans.PlanData data = data(form, read);
			try {
				long id = plans.create(scope, me.bureauId(), me.regionCode(), me.displayName(), data, false, read.errors());
				return new PageSteps.Done("已新建抽查计划“" + Text.strip(form.name()) + "”，下一步：冻结检查对象名单",
						"/inspections/plans/" + id);
			}
			catch (DomainException ex) {
				throw samplingSaidOnce(ex);
			}
		}, () -> form(model, scope, form));
	}

	/**
	 * The refusal without its "sampling" rule when the form already said what is wrong with the sampling it was given
	 * (an error of another rule on a sampling field); else the refusal unchanged.
	 */
	private static DomainException samplingSaidOnce(DomainException ex) {
		List<FieldError> errors = ex.fieldErrors();
		boolean samplingRead = errors.stream().anyMatch(e -> SAMPLING_FIELDS.contains(e.field()) && !e.rule().equals("sampling"));
		if (!samplingRead) {
			return ex;
		}
		return new DomainException(ex.code(), ex.wording(), ex.getMessage(),
				errors.stream().filter(e -> !e.rule().equals("sampling")).toList(), ex.wordings());
	}

	/** The form's fields that choose and size the sample. */
	private static final Set<String> SAMPLING_FIELDS = Set.of("sampling", "sampleCount", "samplePercent", "classPercents");

	@GetMapping("/inspections/plans/{id:\\d+}")
	String plan(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		InspectionPlan plan = plans.get(scope, id);
		// the steps and 登记检查 offered only to those whose posts pass (another bureau's plan is read, not worked)
		model.addAttribute("takesSteps", plans.takesSteps(me, plan));
		model.addAttribute("recordsChecks", plans.recordsChecks(me, plan));
		List<InspectionPlans.TargetResult> results = plans.results(plan);
		Map<String, String> names = new HashMap<>();
		results.forEach(r -> r.target().certificates().forEach(c -> names.computeIfAbsent(c,
				k -> inspectors.findByCertificate(k).map(Inspector::name).orElse(""))));
		model.addAttribute("plan", plan);
		model.addAttribute("results", results);
		model.addAttribute("inspectorNames", names);
		model.addAttribute("itemNames", items.names(scope));
		model.addAttribute("brandName", plan.brandId() == null ? null
				: brands.all().stream().filter(b -> b.id() == plan.brandId()).map(Brands.BrandView::name).findFirst()
					.orElse(null));
		model.addAttribute("enterpriseTypeLabel", plan.enterpriseType() == null ? null
				: EnterpriseType.valueOf(plan.enterpriseType()).label());
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("resultWorkingDays", plans.resultWorkingDays(plan.regionCode()));
		model.addAttribute("awaiting", results.stream().anyMatch(r -> r.state() == InspectionPlans.ResultState.DUE
				|| r.state() == InspectionPlans.ResultState.OVERDUE));
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

	@PostMapping("/inspections/plans/{id:\\d+}/results")
	@PreAuthorize(InspectionApiController.WRITERS)
	String publishResults(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), () -> new PageSteps.Done(
				"已公示" + plans.publishResults(scope, id) + "个对象的检查结果", page(id)));
	}

	private String form(Model model, DataScope scope, PlanForm form) {
		model.addAttribute("form", form);
		model.addAttribute("catalogue", items.list(scope));
		model.addAttribute("brands", brands.all());
		model.addAttribute("enterpriseTypes", EnterpriseType.values());
		model.addAttribute("objectTypes", InspectionPlans.OBJECT_TYPES);
		model.addAttribute("creditClasses", InspectionPlans.CREDIT_CLASSES);
		return "inspections/plan-form";
	}

	/**
	 * The form's values as the service takes them, every malformed value named in {@code v} (and left null) so the
	 * service answers them together with its own checks.
	 */
	private static InspectionPlans.PlanData data(PlanForm form, Validation v) {
		LocalDate from = v.date("periodFrom", "检查期间起始日期", form.periodFrom());
		LocalDate to = v.date("periodTo", "检查期间截止日期", form.periodTo());
		Integer team = integer(v, "teamSize", "每组检查人员", form.teamSize());
		Integer brandNumber = integer(v, "brandId", "品牌", form.brandId());
		Long brand = brandNumber == null ? null : brandNumber.longValue();
		String mode = form.sampling() == null ? "" : form.sampling();
		v.require("sampling", List.of("COUNT", "RATIO", "CLASS").contains(mode), "one-of",
				"请选择抽取方式：按数量、按比例或按信用等级分别设定比例");
		Integer count = null;
		BigDecimal ratio = null;
		Map<String, BigDecimal> byClass = null;
		switch (mode) {
			case "COUNT" -> {
				count = integer(v, "sampleCount", "抽取数量", form.sampleCount());
				v.require("sampleCount", count != null || hasErrors(v, "sampleCount"), "required", "抽取数量不能为空");
			}
			case "RATIO" -> {
				ratio = percent(v, "samplePercent", "抽取比例", form.samplePercent());
				v.require("samplePercent", ratio != null || hasErrors(v, "samplePercent"), "required", "抽取比例不能为空");
			}
			case "CLASS" -> {
				byClass = new LinkedHashMap<>();
				for (int i = 0; i < InspectionPlans.CREDIT_CLASSES.size(); i++) {
					String cls = InspectionPlans.CREDIT_CLASSES.get(i);
					BigDecimal r = percent(v, "classPercents", cls + "的抽取比例", form.classPercent(i));
					if (r != null) {
						byClass.put(cls, r);
					}
				}
				v.require("classPercents", !byClass.isEmpty() || hasErrors(v, "classPercents"), "required",
						"按信用等级抽取时至少填写一个信用等级的抽取比例");
			}
			default -> {
			}
		}
		return new InspectionPlans.PlanData(form.name(), from, to, form.items(), form.regionCode(), form.enterpriseType(),
				count, ratio, byClass == null || byClass.isEmpty() ? null : byClass, team, form.objectType(), brand,
				form.creditClasses());
	}

	private static boolean hasErrors(Validation v, String field) {
		return v.errors().stream().anyMatch(e -> e.field().equals(field));
	}

	private static Integer integer(Validation v, String field, String label, String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		Long n = v.whole(field, label, text, Integer.MIN_VALUE, Integer.MAX_VALUE, null);
		return n == null ? null : n.intValue();
	}

	private static BigDecimal percent(Validation v, String field, String label, String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		BigDecimal p = v.decimal(field, label + "（%）", text, 3, 2);
		if (p == null) {
			return null;
		}
		v.require(field, p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0, "range", label + "应在0至100%之间");
		return p.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
	}

	private static String page(long id) {
		return "/inspections/plans/" + id;
	}
}
