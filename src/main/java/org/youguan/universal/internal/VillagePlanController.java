package org.youguan.universal.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.youguan.kernel.ChineseText;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.YearIn;
import org.youguan.org.CurrentUser;
import org.youguan.region.Region;
import org.youguan.region.Regions;
import org.youguan.universal.VillageCheckPlanData;
import org.youguan.universal.VillageCheckPlans;
import org.youguan.universal.VillageMap;

/**
 * The 通邮 check plans (list, the form that picks villages at random or by criteria, a plan's villages with their
 * checks, the population snapshot for repeating the draw) and the county map of villages — staff pages, region scope.
 */
@Controller
@PreAuthorize(UniversalAccess.READERS)
class VillagePlanController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final VillageCheckPlans plans;

	private final VillageMap map;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	VillagePlanController(VillageCheckPlans plans, VillageMap map, Regions regions, Spreadsheets spreadsheets,
			Clock clock) {
		this.spreadsheets = spreadsheets;
		this.clock = clock;
		this.plans = plans;
		this.map = map;
		this.regions = regions;
	}

	/** The labels the plan form's numbers are named by when a value cannot be read ({@code kernel.FormBinding}). */
	static final Map<String, String> LABELS = Map.of("uncheckedMonths", "未检查月数", "sampleCount", "抽取数量");

	/**
	 * The plans export's columns: what the list shows, the method as the page names it; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<VillageCheckPlans.Summary>> columns(Function<String, String> place) {
		return List.of(
			Column.of("计划名称", VillageCheckPlans.Summary::name, 36), Column.of("检查区域", row -> place.apply(row.regionCode()), 16),
			Column.of("选取方式", p -> "RANDOM".equals(p.method()) ? SheetWord.of("随机抽取") : SheetWord.of("按条件选取"), 10),
			Column.of("制定日期", VillageCheckPlans.Summary::plannedOn, 12),
			Column.count("计划建制村", VillageCheckPlans.Summary::villages, 10), Column.count("已检查", VillageCheckPlans.Summary::checked, 8));
	}

	/**
	 * The 通邮 check plans of the caller's region in the list idiom: search by plan or region name, filters
	 * {@code selection} (the method, RANDOM/CRITERIA: not {@code method}, the new-plan form's field, which a refused
	 * form's page shown again would read as the filter) and {@code year}, whitelisted sorts, pages; with the new-plan
	 * form above.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code selection} for an unknown method
	 */
	@GetMapping("/universal/plans")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String selection, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year, Model model) {
		PageQuery query = request.toPage();
		PageResult<VillageCheckPlans.Summary> result = plans.list(scope, new VillageCheckPlans.Filter(selection, year),
				query);
		model.addAttribute("result", result);
		model.addAttribute("plans", result.items());
		model.addAttribute("query", query);
		model.addAttribute("methods", VillageCheckPlans.METHODS);
		model.addAttribute("areas", areas(me));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new VillageCheckPlanData("", own(me), "RANDOM", false, null, false, 10, ""));
		}
		return "universal/plans";
	}

	/**
	 * The plans as .xlsx in {@link #columns}: the page's filters, search and order, every plan of the caller's region
	 * up to the export limit, names masked as listed.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code selection} for an unknown method
	 */
	@GetMapping("/universal/plans/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) String selection,
			@RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year) {
		var rows = plans.list(scope, new VillageCheckPlans.Filter(selection, year), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("通邮检查计划", scope), spreadsheets.write("通邮检查计划", columns(regions.fullNames()), rows));
	}

	/** Makes a plan: made → its page; refused → the list again with the values typed and every field's error. */
	@PostMapping("/universal/plans")
	@PreAuthorize(UniversalAccess.WRITERS)
	String create(@AuthenticationPrincipal CurrentUser me, DataScope scope, @ModelAttribute VillageCheckPlanData data,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// a number that cannot be read (未检查月数 "abc", 抽取数量 "x") is told with every other field's error, not alone
		// (kernel.FormBinding), as the village profile form tells it
		List<FieldError> unread = FormBinding.errors(binding, VillageCheckPlanData.class, LABELS, LocalDate.now(clock));
		// refused: the list again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect,
				() -> new PageSteps.Done("通邮检查计划已制定", "/universal/plans/" + plans.create(scope, me.bureauId(), data, false, unread)),
				() -> {
					model.addAttribute("form", data);
					return list(me, scope, new ListRequest(null, null, null, null, null), null, null, model);
				});
	}

	@GetMapping("/universal/plans/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("plan", plans.get(scope, id));
		return "universal/plan";
	}

	/** The frozen population (one line per village, sorted): with the seed, anyone can repeat the draw. */
	@GetMapping("/universal/plans/{id:\\d+}/snapshot.txt")
	ResponseEntity<String> snapshot(DataScope scope, @PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(plans.snapshot(scope, id));
	}

	@GetMapping("/universal/map")
	String map(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String county,
			Model model) {
		List<Region> counties = counties(me);
		// read as every region parameter is (full-width digits, 320506000000), checked by the map (400, 403)
		String chosen = county != null && !Text.isBlank(county) ? RegionPrefix.normalised(county)
				: counties.isEmpty() ? null : counties.get(0).code();
		model.addAttribute("counties", counties);
		model.addAttribute("county", chosen);
		if (chosen != null) {
			VillageMap.CountyMap m = map.county(scope, chosen);
			model.addAttribute("map", m);
			model.addAttribute("mapChart", chart(m));
			model.addAttribute("charts", true);
		}
		model.addAttribute("statuses", VillageMap.Status.values());
		return "universal/map";
	}

	/** The ECharts option: one scatter series per status (the legend), streets along the x axis. */
	static String chart(VillageMap.CountyMap m) {
		List<Object> series = new ArrayList<>();
		for (VillageMap.Status s : VillageMap.Status.values()) {
			List<Object> data = m.points()
				.stream()
				.filter(p -> p.status() == s)
				.<Object>map(p -> Map.of("name", p.name() + "（" + p.streetName() + "，每周"
						+ (p.deliveriesPerWeek() == null ? "—" : p.deliveriesPerWeek()) + "次，最近检查"
						+ (p.lastCheckedOn() == null ? "无" : ChineseText.day(p.lastCheckedOn())) + "）", "value",
						List.of(p.column(), p.row())))
				.toList();
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("name", s.label());
			one.put("type", "scatter");
			one.put("symbolSize", 9);
			one.put("itemStyle", Map.of("color", s.colour()));
			one.put("data", data);
			series.add(one);
		}
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("tooltip", Map.of("trigger", "item", "formatter", "{a}<br/>{b}"));
		option.put("legend", Map.of("top", 0));
		option.put("grid", Map.of("left", 40, "right", 20, "top", 40, "bottom", 90));
		option.put("xAxis", Map.of("type", "category", "data", m.streets(), "axisLabel",
				Map.of("rotate", 45, "interval", 0)));
		option.put("yAxis", Map.of("type", "value", "show", false, "inverse", true));
		option.put("series", series);
		return JSON.writeValueAsString(option);
	}

	/** The regions a plan may cover from the user's own: their own region and the regions just below it. */
	private List<Region> areas(CurrentUser me) {
		String own = own(me);
		List<Region> areas = new ArrayList<>();
		if (!own.isEmpty()) {
			regions.find(own).ifPresent(areas::add);
		}
		areas.addAll(regions.children(own.isEmpty() ? "0" : own));
		return areas;
	}

	/** The counties the user may map: their own county, their city's, or their province's. */
	private List<Region> counties(CurrentUser me) {
		String own = own(me);
		if (own.length() >= 6) {
			return regions.find(own).map(List::of).orElse(List.of());
		}
		if (own.length() == 4) {
			return regions.children(own);
		}
		if (own.length() == 2) {
			return regions.children(own).stream().flatMap(c -> regions.children(c.code()).stream()).toList();
		}
		return List.of();
	}

	private static String own(CurrentUser me) {
		return me.regionCode() == null || me.regionCode().equals("0") ? "" : me.regionCode();
	}
}
