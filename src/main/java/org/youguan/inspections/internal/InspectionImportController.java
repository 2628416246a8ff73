package org.youguan.inspections.internal;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
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
import org.youguan.org.OwnExamples;
import org.youguan.documents.Downloads;
import org.youguan.documents.ImportPages;
import org.youguan.inspections.InspectionImport;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;

/**
 * The page that brings a bureau's past inspections in from .xlsx ({@link InspectionImport}): the template, the upload
 * (all rows or none), the list of bad rows with the sheet annotated with an error column (handed out once, kept in
 * PostgreSQL as a finished job so any node of a cluster serves it). A refused file answers with its 4xx status and the
 * form's error naming the field; a sheet with bad rows with 422.
 */
@Controller
@PreAuthorize(InspectionApiController.WRITERS)
class InspectionImportController {

	static final String ERRORS = "inspections.import";

	private static final ImportPages.Page PAGE = new ImportPages.Page(ERRORS, "历史检查记录", "条", "inspections/import",
			"/inspections");

	private final InspectionImport imports;

	private final BackgroundJobs jobs;

	private final OwnExamples ownExamples;

	InspectionImportController(InspectionImport imports, BackgroundJobs jobs, OwnExamples ownExamples) {
		this.ownExamples = ownExamples;
		this.imports = imports;
		this.jobs = jobs;
	}

	@GetMapping("/inspections/import")
	String form() {
		return "inspections/import";
	}

	@GetMapping("/inspections/import/template.xlsx")
	ResponseEntity<byte[]> template(DataScope scope) {
		return Downloads.xlsx("历史检查记录导入模板.xlsx", imports.template(ownExamples.of(scope)));
	}

	@PostMapping("/inspections/import")
	String upload(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return ImportPages.upload(PAGE, jobs, me.getUsername(), file,
				content -> imports.importFile(scope, me.bureauId(), content), model, redirect, response);
	}

	/** The rejected sheet with its error column, once, to the user who uploaded it. */
	@GetMapping("/inspections/import/errors/{id}.xlsx")
	ResponseEntity<byte[]> errors(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, ERRORS, me.getUsername(), id);
	}
}
