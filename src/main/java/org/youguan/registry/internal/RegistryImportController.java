package org.youguan.registry.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.youguan.org.OwnExamples;
import org.youguan.kernel.AccessRefusedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.ImportPages;
import org.youguan.documents.ImportResult;
import org.youguan.documents.Downloads;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;
import org.youguan.platform.BackgroundJobs;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.brands.BrandImport;
import org.youguan.registry.internal.enterprises.EnterpriseImport;
import org.youguan.registry.internal.facilities.FacilityImport;
import org.youguan.registry.internal.licences.LicenceImport;
import org.youguan.registry.internal.outlets.OutletImport;

/**
 * Bulk .xlsx import pages of the registry: template download, upload, the bad rows and the annotated sheet (once).
 */
@Controller
class RegistryImportController {

	/** An import run for the user who uploaded the sheet, within the user's scope. */
	interface Importer {

		ImportResult run(CurrentUser me, DataScope scope, byte[] content);

		/** An import that asks no more of the user than the scope. */
		static Importer scoped(BiFunction<DataScope, byte[], ImportResult> importer) {
			return (me, scope, content) -> importer.apply(scope, content);
		}
	}

	/**
	 * What one importable register needs on the page; {@code nationalDictionary} registers are for system admins, the
	 * licence book for the licences' issuing authorities ({@link Licences#requireRecorder}).
	 */
	record Target(String path, String label, Function<TemplateExamples.Own, byte[]> template, Importer importer, boolean nationalDictionary) {

		String templateName() {
			return label + "导入模板.xlsx";
		}
	}

	static final String TARGETS = "enterprises|outlets|licences|branches|facilities|brands";

	private final Map<String, Target> targets;

	private final BackgroundJobs jobs;

	private final InstallationAdmins installationAdmins;

	private final OwnExamples ownExamples;

	RegistryImportController(EnterpriseImport enterprises, OutletImport outlets, LicenceImport licences,
			BranchImport branches, FacilityImport facilities, BrandImport brands, BackgroundJobs jobs,
			InstallationAdmins installationAdmins, OwnExamples ownExamples) {
		this.ownExamples = ownExamples;
		this.jobs = jobs;
		this.installationAdmins = installationAdmins;
		this.targets = Map.of("enterprises", new Target("enterprises", "企业", enterprises::template,
				Importer.scoped(enterprises::importFile), false),
				"outlets", new Target("outlets", "末端网点", outlets::template, Importer.scoped(outlets::importFile), false),
				"licences", new Target("licences", "许可证", licences::template,
						(me, scope, content) -> licences.importFile(scope, Registrar.of(me, installationAdmins), content), false),
				"branches", new Target("branches", "分支机构", branches::template, Importer.scoped(branches::importFile), false),
				"facilities", new Target("facilities", "设施", facilities::template, Importer.scoped(facilities::importFile), false),
				"brands", new Target("brands", "品牌", brands::template, Importer.scoped(brands::importFile), true));
	}

	private Target target(String path, CurrentUser me) {
		Target t = targets.get(path);
		if (t.nationalDictionary() && !installationAdmins.holds(me)) {
			throw new AccessRefusedException("品牌为全国目录，由最高一级机构的系统管理员维护");
		}
		if (path.equals("licences")) {
			Licences.requireRecorder(Registrar.of(me, installationAdmins));
		}
		return t;
	}

	@GetMapping("/registry/{target:" + TARGETS + "}/import")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initImportForm(@AuthenticationPrincipal CurrentUser me, @PathVariable String target, Model model) {
		model.addAttribute("target", target(target, me));
		return "registry/import";
	}

	/** The import's template, to whoever may import this target (its role and {@link #target}'s rule; 403 otherwise). */
	@GetMapping("/registry/{target:" + TARGETS + "}/import/template.xlsx")
	@PreAuthorize(RegistryAccess.WRITERS)
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String target) {
		Target t = target(target, me);
		return Downloads.xlsx(t.templateName(), t.template().apply(ownExamples.of(scope)));
	}

	@PostMapping("/registry/{target:" + TARGETS + "}/import")
	@PreAuthorize(RegistryAccess.WRITERS)
	String processImportForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String target,
			@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		Target t = target(target, me);
		model.addAttribute("target", t);
		return ImportPages.upload(new ImportPages.Page(kind(target), t.label(), "条", "registry/import", "/registry/" + target),
				jobs, me.getUsername(), file, content -> t.importer().run(me, scope, content), model, redirect, response);
	}

	/**
	 * The rejected sheet with its error column, once, to the user who uploaded it — kept in PostgreSQL as a finished
	 * job (not in the session), so any node of a cluster hands it out.
	 */
	@GetMapping("/registry/{target:" + TARGETS + "}/import/errors/{id}.xlsx")
	ResponseEntity<byte[]> errors(@AuthenticationPrincipal CurrentUser me, @PathVariable String target,
			@PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, kind(target), me.getUsername(), id);
	}

	private static String kind(String target) {
		return "registry.import." + target;
	}
}
