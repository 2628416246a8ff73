package org.youguan.registry;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

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
import org.youguan.documents.Downloads;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Bulk .xlsx import pages of the registry: template download, upload, the bad rows and the annotated sheet (once).
 */
@Controller
class RegistryImportController {

	/** What one importable register needs on the page. */
	record Target(String path, String label, String templateName, java.util.function.Supplier<byte[]> template,
			java.util.function.BiFunction<DataScope, byte[], ImportResult> importer) {
	}

	private final Map<String, Target> targets;

	RegistryImportController(EnterpriseImport enterprises, OutletImport outlets) {
		this.targets = Map.of("enterprises",
				new Target("enterprises", "企业", "企业导入模板.xlsx", enterprises::template, enterprises::importFile),
				"outlets", new Target("outlets", "末端网点", "末端网点导入模板.xlsx", outlets::template, outlets::importFile));
	}

	@GetMapping("/registry/{target:enterprises|outlets}/import")
	@PreAuthorize(EnterpriseController.WRITERS)
	String initImportForm(@PathVariable String target, Model model) {
		model.addAttribute("target", targets.get(target));
		return "registry/import";
	}

	@GetMapping("/registry/{target:enterprises|outlets}/import/template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String target) {
		Target t = targets.get(target);
		return Downloads.xlsx(t.templateName(), t.template().get());
	}

	@PostMapping("/registry/{target:enterprises|outlets}/import")
	@PreAuthorize(EnterpriseController.WRITERS)
	String processImportForm(DataScope scope, @PathVariable String target, @RequestParam("file") MultipartFile file,
			HttpSession session, Model model, RedirectAttributes redirect) throws IOException {
		Target t = targets.get(target);
		model.addAttribute("target", t);
		try {
			ImportResult result = t.importer().apply(scope, file.getBytes());
			if (result.rejected()) {
				session.setAttribute(errorSheetKey(target), result.annotated());
				model.addAttribute("rowErrors", result.errors());
				return "registry/import";
			}
			redirect.addFlashAttribute("message", "已导入" + t.label() + result.imported() + "条");
			return "redirect:/registry/" + target;
		}
		catch (DomainException ex) {
			model.addAttribute("errors", ex.formErrors());
			return "registry/import";
		}
	}

	/** The rejected sheet with its error column, once, to the user who uploaded it. */
	@GetMapping("/registry/{target:enterprises|outlets}/import/errors.xlsx")
	ResponseEntity<byte[]> errors(@PathVariable String target, HttpSession session) {
		byte[] sheet = (byte[]) session.getAttribute(errorSheetKey(target));
		if (sheet == null) {
			throw DomainException.notFound("导入错误表", "errors.xlsx");
		}
		session.removeAttribute(errorSheetKey(target));
		return Downloads.xlsx(targets.get(target).label() + "导入-错误.xlsx", sheet);
	}

	private static String errorSheetKey(String target) {
		return "registry.import.errors." + target;
	}
}
