package org.youguan.inspections.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.InspectionPlans;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseType;

/**
 * The 检查对象名录库 (issue 14): the registry's enterprises, branches and outlets in the caller's region that a 双随机
 * plan draws from, filtered by type, brand, region, enterprise type and credit class — exactly the population a plan
 * with these filters would freeze ({@link InspectionPlans#population}). A page ({@code /inspections/objects}), its
 * .xlsx export ({@code /inspections/objects/export.xlsx}) and the API ({@code GET /api/v1/inspections/objects}), all in
 * the list idiom (search, whitelisted sorts, pages); a region outside the caller's scope is 403, a malformed filter a
 * 400 naming its field.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
@Tag(name = "执法检查", description = "抽查事项清单、检查人员名录库、检查记录（含历史记录迁移）与检查统计（按调用者数据权限）")
class InspectionObjectsController {

	/** The filters, checked. */
	record Filter(String objectType, String region, Long brandId, String enterpriseType, List<String> creditClasses) {
	}

	/** One object as listed: the directory's object and its region's name. */
	record Listed(InspectionPlans.PopulationObject object, String regionName) {
	}

	/**
	 * The list's orders (request name → order); the default is {@code name}, ascending. Read in memory: the directory
	 * is computed from the registry ({@link InspectionPlans#population}), at most a region's objects of one type.
	 */
	private static final Map<String, Comparator<InspectionPlans.PopulationObject>> SORTS = Map.of(
			"name", Comparator.comparing(InspectionPlans.PopulationObject::name),
			"enterprise", Comparator.comparing(InspectionPlans.PopulationObject::enterpriseName),
			"region", Comparator.comparing(InspectionPlans.PopulationObject::regionCode),
			"creditCode", Comparator.comparing(InspectionPlans.PopulationObject::enterpriseCreditCode));

	/** {@link #SORTS}' names in the order a refusal names them. */
	private static final List<String> SORT_NAMES = List.of("name", "enterprise", "region", "creditCode");

	private final InspectionPlans plans;

	private final Brands brands;

	private final JdbcClient jdbc;

	private final Spreadsheets spreadsheets;

	/** The export's columns: what the page shows, the object's type and the enterprise's credit code apart. */
	private final List<Column<Listed>> columns;

	InspectionObjectsController(InspectionPlans plans, Brands brands, JdbcClient jdbc, Spreadsheets spreadsheets,
			MessageSource messages) {
		this.plans = plans;
		this.brands = brands;
		this.jdbc = jdbc;
		this.spreadsheets = spreadsheets;
		this.columns = List.of(Column.label("对象类型", messages, "inspection.objectType.", l -> l.object().objectType()),
				Column.of("名称", l -> l.object().name(), 30), Column.of("所属企业", l -> l.object().enterpriseName(), 30),
				Column.of("统一社会信用代码", l -> l.object().enterpriseCreditCode(), 22),
				Column.of("所在区域", Listed::regionName, 14), Column.label("信用等级", messages, "inspection.creditClass.", l -> l.object().creditClass()));
	}

	@GetMapping("/inspections/objects")
	String page(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String region,
			@RequestParam(required = false) String brandId, @RequestParam(required = false) String enterpriseType,
			@RequestParam(required = false) List<String> creditClasses, Model model) {
		Filter filter = filter(me, scope, objectType, region, brandId, enterpriseType, creditClasses);
		PageQuery query = request.toPage();
		PageResult<Listed> result = list(filter, query);
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("objects", result.items());
		model.addAttribute("query", query);
		model.addAttribute("brands", brands.all());
		model.addAttribute("objectTypes", InspectionPlans.OBJECT_TYPES);
		model.addAttribute("enterpriseTypes", EnterpriseType.values());
		model.addAttribute("creditClassChoices", InspectionPlans.CREDIT_CLASSES);
		return "inspections/objects";
	}

	/**
	 * The directory as .xlsx: the page's filters (checked alike: a region outside the scope 403), search and order,
	 * every row up to {@link PageQuery#EXPORT_LIMIT}.
	 */
	@GetMapping("/inspections/objects/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String region,
			@RequestParam(required = false) String brandId, @RequestParam(required = false) String enterpriseType,
			@RequestParam(required = false) List<String> creditClasses) {
		Filter filter = filter(me, scope, objectType, region, brandId, enterpriseType, creditClasses);
		return Downloads.xlsx(ExportNames.of("检查对象名录库", scope), spreadsheets.write("检查对象名录库", columns, list(filter, request.toExport()).items()));
	}

	@GetMapping("/api/v1/inspections/objects")
	@ResponseBody
	@Operation(summary = "检查对象名录库", description = "辖区内登记的快递企业、分支机构或末端网点（objectType：ENTERPRISE缺省、BRANCH、"
			+ "OUTLET），可按region（缺省本单位）、brandId、enterpriseType（仅企业）、creditClasses（守信、失信、信用异常、未评定）筛选，"
			+ "q按对象名称、企业名称或信用代码检索（空格分隔的每个词都须出现），sort按name（缺省）、enterprise、region、"
			+ "creditCode排序（dir=desc倒序）；与按同样条件制定的双随机抽查计划冻结的名单一致。")
	PageResult<Listed> api(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String region,
			@RequestParam(required = false) String brandId, @RequestParam(required = false) String enterpriseType,
			@RequestParam(required = false) List<String> creditClasses) {
		return list(filter(me, scope, objectType, region, brandId, enterpriseType, creditClasses), request.toPage());
	}

	/** Checks the filters: each malformed one a 400 on its field; a region outside the scope a 403. */
	static Filter filter(CurrentUser me, DataScope scope, String objectType, String region, String brandId,
			String enterpriseType, List<String> creditClasses) {
		Validation v = new Validation();
		String type = objectType == null || Text.isBlank(objectType) ? "ENTERPRISE" : Text.strip(objectType).toUpperCase(Locale.ROOT);
		v.require("objectType", InspectionPlans.OBJECT_TYPES.contains(type), "one-of",
				InspectionPlans.OBJECT_TYPES_LISTED);
		String code = region == null || Text.isBlank(region) ? (me.regionCode() == null ? "" : me.regionCode()) : Text.strip(region);
		v.require("region", code.matches("\\d{0,12}"), "format", "区域应为行政区划代码");
		Long brand = v.whole("brandId", "品牌编号", brandId, 1, Long.MAX_VALUE, null);
		String enterprise = enterpriseType == null || Text.isBlank(enterpriseType) ? null
				: Text.strip(enterpriseType).toUpperCase(Locale.ROOT);
		boolean knownType = false;
		for (EnterpriseType t : EnterpriseType.values()) {
			knownType |= t.name().equals(enterprise);
		}
		v.require("enterpriseType", enterprise == null || knownType, "one-of", "企业类型应为" + Choice.listed(EnterpriseType.class) + "之一");
		List<String> classes = creditClasses == null ? List.of()
				: creditClasses.stream().filter(c -> c != null && !Text.isBlank(c)).map(Text::strip).toList();
		v.require("creditClasses", InspectionPlans.CREDIT_CLASSES.containsAll(classes), "one-of",
				"信用等级应为守信、失信、信用异常、未评定");
		v.throwIfInvalid();
		scope.requireReadable(code, "region");
		return new Filter(type, code, brand, type.equals("ENTERPRISE") ? enterprise : null, classes);
	}

	/**
	 * One page of the directory, the page, the API and the export alike: the search's every word found in the object's
	 * or the enterprise's name or the credit code (case-insensitively, a word typed full-width also as an identifier is
	 * stored, {@link Text#identifier}), sorted by {@code name} (default, ascending), {@code enterprise}, {@code region}
	 * (its code) or {@code creditCode} (another sort is refused 400, {@link Listing#sortAmong}), ties by name and then the object's key.
	 */
	private PageResult<Listed> list(Filter f, PageQuery page) {
		List<List<String>> words = page.words().stream().map(InspectionObjectsController::forms).toList();
		Optional<String> chosen = Listing.sortAmong(page, SORT_NAMES);
		Comparator<InspectionPlans.PopulationObject> order = SORTS.get(chosen.orElse("name"));
		if (chosen.isPresent() && page.descending()) {
			order = order.reversed();
		}
		order = order.thenComparing(InspectionPlans.PopulationObject::name).thenComparing(InspectionPlans.PopulationObject::key);
		List<InspectionPlans.PopulationObject> all = plans.population(f.region(), f.objectType(), f.brandId(),
				f.enterpriseType(), f.creditClasses()).stream()
			.filter(o -> words.stream().allMatch(w -> matches(o, w)))
			.sorted(order)
			.toList();
		int from = (int) Math.min(page.offset(), all.size());
		List<InspectionPlans.PopulationObject> rows = all.subList(from, (int) Math.min(all.size(), (long) from + page.size()));
		Map<String, String> names = new HashMap<>();
		if (!rows.isEmpty()) {
			jdbc.sql("SELECT code, name FROM region_name WHERE code IN (:codes)")
				.param("codes", rows.stream().map(InspectionPlans.PopulationObject::regionCode).distinct().toList())
				.query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		List<Listed> listed = new ArrayList<>();
		rows.forEach(o -> listed.add(new Listed(o, names.getOrDefault(o.regionCode(), o.regionCode()))));
		return new PageResult<>(listed, page.page(), page.size(), all.size());
	}

	/** A search word as typed and, when an identifier would store it otherwise (typed full-width), in that form too. */
	private static List<String> forms(String word) {
		String identifier = Text.identifier(word);
		return identifier == null || identifier.equals(word) ? List.of(word.toLowerCase(Locale.ROOT))
				: List.of(word.toLowerCase(Locale.ROOT), identifier.toLowerCase(Locale.ROOT));
	}

	/** Whether one of the word's forms is found in the object's or the enterprise's name or the credit code. */
	private static boolean matches(InspectionPlans.PopulationObject o, List<String> forms) {
		for (String text : List.of(o.name(), o.enterpriseName(), o.enterpriseCreditCode())) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (forms.stream().anyMatch(lower::contains)) {
				return true;
			}
		}
		return false;
	}
}
