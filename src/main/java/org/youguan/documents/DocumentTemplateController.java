package org.youguan.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.PageSteps;

/**
 * The system administrator's page of document templates ({@code /admin/document-templates}): every template the
 * platform fills, grouped by module, with its source (内置, or 已替换 by whom and when); a template's page lists the
 * fields it is filled with and its history, and takes a replacement (checked by {@link DocumentTemplates#replace}; a
 * refused file shows the page again with its 4xx status and the error beside the file field, {@link FormSteps}) or
 * the return to the built-in template. The downloads (in force, built-in, any earlier replacement) answer the page and the API alike.
 */
@Controller
@PreAuthorize(DocumentTemplateController.ADMINS)
class DocumentTemplateController {

	/** Who manages the templates: the installation's (top-level bureau's) 系统管理员 — they serve every bureau. */
	static final String ADMINS = InstallationAdmin.ONLY;

	static final String PAGE = "/admin/document-templates";

	static final String ONE = "/{module:[a-z]+}/{name:[a-z0-9-]+}";

	private final DocumentTemplates templates;

	DocumentTemplateController(DocumentTemplates templates) {
		this.templates = templates;
	}

	@GetMapping(PAGE)
	String list(Model model) {
		Map<String, List<DocumentTemplates.Entry>> byModule = new LinkedHashMap<>();
		templates.entries().forEach(e -> byModule.computeIfAbsent(e.template().module(), m -> new ArrayList<>()).add(e));
		model.addAttribute("modules", byModule);
		return "documents/templates";
	}

	@GetMapping(PAGE + ONE)
	String show(@PathVariable String module, @PathVariable String name, Model model) {
		String key = module + "/" + name;
		model.addAttribute("entry", templates.entry(key));
		model.addAttribute("history", templates.history(key));
		model.addAttribute("maxMegabytes", templates.maxBytes() / 1024 / 1024);
		return "documents/template";
	}

	/** Stores a replacement; the declared fields it leaves out are shown as a warning on the template's page. */
	@PostMapping(PAGE + ONE)
	String replace(@PathVariable String module, @PathVariable String name,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String note, Authentication auth, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		String key = module + "/" + name;
		byte[] bytes = file == null ? null : file.getBytes();
		// refused: the template's page again with the error beside the file field and the note as typed
		return FormSteps.run(model, response, redirect, () -> {
			DocumentTemplates.Upload upload = templates.replace(key, file == null ? null : file.getOriginalFilename(),
					bytes, note, auth.getName());
			redirect.addFlashAttribute("missing", upload.missing().stream().map(f -> "${" + f + "}").toList());
			return new PageSteps.Done("已替换“" + templates.get(key).title() + "”的模板，此后制作的文书按新模板填写",
					PAGE + "/" + key);
		}, () -> show(module, name, model));
	}

	@PostMapping(PAGE + ONE + "/revert")
	String revert(@PathVariable String module, @PathVariable String name, @RequestParam(required = false) String note,
			Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String key = module + "/" + name;
		String done = "“" + templates.get(key).title() + "”已恢复为内置模板";
		return FormSteps.run(model, response, redirect, PAGE + "/" + key, done, () -> templates.revert(key, note, auth.getName()),
				() -> show(module, name, model));
	}

	@GetMapping({ PAGE + ONE + "/current.docx", DocumentTemplateApiController.API + ONE + "/current.docx" })
	ResponseEntity<byte[]> current(@PathVariable String module, @PathVariable String name) {
		DocumentTemplates.Entry entry = templates.entry(module + "/" + name);
		return Downloads.docx(entry.template().title() + (entry.replaced() ? "（替换模板）" : "（内置模板）") + ".docx",
				templates.current(entry.template().key()));
	}

	@GetMapping({ PAGE + ONE + "/built-in.docx", DocumentTemplateApiController.API + ONE + "/built-in.docx" })
	ResponseEntity<byte[]> builtIn(@PathVariable String module, @PathVariable String name) {
		DocumentTemplate t = templates.get(module + "/" + name);
		return Downloads.docx(t.title() + "（内置模板）.docx", templates.builtIn(t.key()));
	}

	@GetMapping({ PAGE + ONE + "/versions/{id:\\d+}.docx", DocumentTemplateApiController.API + ONE + "/versions/{id:\\d+}.docx" })
	ResponseEntity<byte[]> version(@PathVariable String module, @PathVariable String name, @PathVariable long id) {
		DocumentTemplate t = templates.get(module + "/" + name);
		return Downloads.docx(t.title() + "（替换模板#" + id + "）.docx", templates.version(t.key(), id));
	}
}
