package org.youguan.region;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;

/**
 * Browsing the region tree, and the system administrator's street/village import with its progress page.
 */
@Controller
class RegionController {

	static final long MAX_FILE = 60L * 1024 * 1024;

	private final Regions regions;

	private final RegionImporter importer;

	RegionController(Regions regions, RegionImporter importer) {
		this.regions = regions;
		this.importer = importer;
	}

	@GetMapping("/admin/regions")
	String browse(@RequestParam(defaultValue = "0") String code, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		Region current = regions.find(code).orElseThrow(() -> DomainException.notFound("行政区划", code));
		model.addAttribute("current", current);
		model.addAttribute("path", regions.path(code));
		if (q != null && !Text.isBlank(q)) {
			PageQuery query = PageQuery.of(q, page, 50, null, null);
			model.addAttribute("result", regions.search(code, query));
			model.addAttribute("query", query);
		}
		else {
			model.addAttribute("children", regions.children(code));
		}
		model.addAttribute("counts", new long[] { regions.count(RegionLevel.PROVINCE), regions.count(RegionLevel.CITY),
				regions.count(RegionLevel.COUNTY), regions.count(RegionLevel.STREET), regions.count(RegionLevel.VILLAGE) });
		return "region/regions";
	}

	@GetMapping("/admin/regions/import")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String initImportForm() {
		return "region/import";
	}

	@PostMapping("/admin/regions/import")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
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
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String progress(@PathVariable String id, @RequestParam(required = false) String fragment, Model model) {
		model.addAttribute("job", importer.job(id).orElseThrow(() -> DomainException.notFound("导入任务", id)));
		return fragment != null ? "region/import-progress :: progress" : "region/import-progress";
	}
}
