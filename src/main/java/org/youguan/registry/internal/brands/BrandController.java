package org.youguan.registry.internal.brands;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.registry.Brands.BrandData;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.registry.Brands.BrandFigures;
import org.youguan.registry.Brands;

/**
 * Brands (品牌): a national dictionary every staff user reads; system administrators maintain it.
 */
@Controller
class BrandController {

	static final String MAINTAINERS = InstallationAdmin.ONLY;

	static final List<Column<BrandFigures>> COLUMNS = List.of(Column.of("品牌名称", f -> f.brand().name(), 20),
			Column.of("简称", f -> f.brand().shortName(), 10), Column.of("总部企业", f -> f.brand().hqEnterpriseName(), 36),
			Column.of("总部企业统一社会信用代码", f -> f.brand().hqCreditCode(), 22),
			Column.of("辖区企业数", BrandFigures::enterprises, 10), Column.of("辖区网点数", BrandFigures::outlets, 10));

	private final Brands brands;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	BrandController(Brands brands, AuditTrail audit, Spreadsheets spreadsheets) {
		this.brands = brands;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	/**
	 * The national brand list with the caller's region's counts: search, sorts by name, short name and either count,
	 * pages, and the export of the same rows.
	 */
	@GetMapping("/registry/brands")
	String list(DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		PageResult<BrandFigures> result = brands.page(scope, query);
		model.addAttribute("result", result);
		model.addAttribute("brands", result.items());
		model.addAttribute("query", query);
		return "registry/brands";
	}

	/** The brand list as .xlsx in {@link #COLUMNS}: the page's search and order, counts of the caller's region only. */
	@GetMapping("/registry/brands/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request) {
		return Downloads.xlsx(ExportNames.of("品牌", scope), spreadsheets.write("品牌", COLUMNS, brands.page(scope, request.toExport()).items()));
	}

	@GetMapping("/registry/brands/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("brand", brands.get(id));
		model.addAttribute("figures", brands.figures(scope).stream().filter(f -> f.brand().id() == id).findFirst()
			.orElseThrow());
		// the brand list is national: its changes are recorded at the country level and every staff user reads them
		model.addAttribute("history", audit.history(DataScope.all(), "Brand", id));
		return "registry/brand";
	}

	@GetMapping("/registry/brands/new")
	@PreAuthorize(MAINTAINERS)
	String initCreateForm() {
		return "registry/brand-form";
	}

	@GetMapping("/registry/brands/{id}/edit")
	@PreAuthorize(MAINTAINERS)
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("brand", brands.get(id));
		model.addAttribute("brandId", id);
		return "registry/brand-form";
	}

	@PostMapping({ "/registry/brands/new", "/registry/brands/{id}/edit" })
	@PreAuthorize(MAINTAINERS)
	String processForm(@PathVariable(required = false) Long id, @RequestParam String name, @RequestParam String shortName,
			@RequestParam(required = false) String hqCreditCode, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			BrandData data = new BrandData(name, shortName, hqCreditCode);
			long saved;
			if (id == null) {
				saved = brands.create(data, false);
			}
			else {
				brands.update(id, data);
				saved = id;
			}
			return new PageSteps.Done("已保存品牌“" + Text.strip(name) + "”", "/registry/brands/" + saved);
		}, () -> {
			model.addAttribute("brandId", id);
			return "registry/brand-form";
		});
	}
}
