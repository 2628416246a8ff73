package org.youguan.region;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageFragment;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;

/**
 * Browsing the region tree, and the system administrator's street/village import with its progress page.
 */
@Controller
class RegionController {

	static final long MAX_FILE = 60L * 1024 * 1024;

	/** The export's columns: what the list shows, and the parent's code besides. */
	static final List<Column<Region>> COLUMNS = List.of(Column.of("代码", Region::code, 14), Column.of("名称", Region::name, 30),
			Column.of("级别", r -> r.level(), 10), Column.of("上级代码", Region::parentCode, 14));

	private final Regions regions;

	private final RegionImporter importer;

	private final Spreadsheets spreadsheets;

	RegionController(Regions regions, RegionImporter importer, Spreadsheets spreadsheets) {
		this.regions = regions;
		this.importer = importer;
		this.spreadsheets = spreadsheets;
	}

	/**
	 * The region tree: the children of {@code code}, or with {@code q} the regions inside it that match, sorted from the
	 * headers (code, name, level), 50 a page ({@link Regions#list}).
	 * @throws DomainException (404) for a code that names no region
	 */
	@GetMapping("/admin/regions")
	String browse(@RequestParam(defaultValue = "0") String code, ListRequest list, Model model) {
		Region current = regions.find(code).orElseThrow(() -> DomainException.notFound("行政区划", code));
		model.addAttribute("current", current);
		model.addAttribute("path", regions.path(code));
		PageQuery query = PageQuery.of(list.q(), list.page(), list.size() == null ? 50 : list.size(), list.sort(), list.dir());
		model.addAttribute("result", regions.list(code, query));
		model.addAttribute("query", query);
		model.addAttribute("counts", new long[] { regions.count(RegionLevel.PROVINCE), regions.count(RegionLevel.CITY),
				regions.count(RegionLevel.COUNTY), regions.count(RegionLevel.STREET), regions.count(RegionLevel.VILLAGE) });
		return "region/regions";
	}

	/**
	 * The list as .xlsx: the children of {@code code} or the matches of {@code q} inside it, in the list's order, every
	 * row up to the export limit.
	 * @throws DomainException (404) for a code that names no region
	 */
	@GetMapping("/admin/regions/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "0") String code, ListRequest list) {
		regions.find(code).orElseThrow(() -> DomainException.notFound("行政区划", code));
		return Downloads.xlsx(ExportNames.of("行政区划", DataScope.region(code)), spreadsheets.write("行政区划", COLUMNS, regions.list(code, list.toExport()).items()));
	}

	@GetMapping("/admin/regions/import")
	@PreAuthorize(InstallationAdmin.ONLY)
	String initImportForm() {
		return "region/import";
	}

	@PostMapping("/admin/regions/import")
	@PreAuthorize(InstallationAdmin.ONLY)
	String processImportForm(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String province, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// refused: the form again in the refusal's 4xx with the province as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidValueException("file", "required", "请选择要导入的文件");
			}
			if (file.getSize() > MAX_FILE) {
				throw InvalidValueException.tooLarge("file", "文件不能超过60MB");
			}
			byte[] bytes;
			try {
				bytes = file.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new PageSteps.Done(null, "/admin/regions/import/" + importer.start(file.getOriginalFilename(), bytes, province));
		}, () -> "region/import");
	}

	@GetMapping("/admin/regions/import/{id}")
	@PageFragment("/admin/regions/import/{id}")
	@PreAuthorize(InstallationAdmin.ONLY)
	String progress(@PathVariable String id, @RequestParam(required = false) String fragment, Model model) {
		model.addAttribute("job", importer.job(id).orElseThrow(() -> DomainException.notFound("导入任务", id)));
		return fragment != null ? "region/import-progress :: progress" : "region/import-progress";
	}
}
