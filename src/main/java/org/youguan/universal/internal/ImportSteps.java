package org.youguan.universal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Downloads;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;

/**
 * The steps every universal-service .xlsx import shares on its page (upload → done, or every bad row with the
 * annotated sheet kept for the uploader) and in the API (201 with the count, or 422 naming every bad row), so each
 * import — 建制村 profiles, past approvals, past checks, supervision records — answers alike.
 */
final class ImportSteps {

	/** The answer to a good import: how many rows were saved. */
	record Imported(int imported) {
	}

	/** An importer: the sheet's bytes (null when no file was sent) in, the outcome out. */
	@FunctionalInterface
	interface Importer {

		ImportResult run(byte[] content);
	}

	private ImportSteps() {
	}

	/**
	 * The page's upload: done → a redirect to {@code done} with "已导入{what}N条"; rejected → {@code view} with every bad
	 * row, the annotated sheet ({what}导入-错误.xlsx) kept once for the uploader under {@code owner}, and 422; a missing,
	 * unreadable or empty file → {@code view} with its error and its 4xx status.
	 */
	static String page(BackgroundJobs jobs, String owner, CurrentUser me, MultipartFile file, Importer importer,
			String what, Model model, RedirectAttributes redirect, HttpServletResponse response, String view, String done)
			throws IOException {
		try {
			ImportResult result = importer.run(file == null ? null : file.getBytes());
			if (result.rejected()) {
				UUID sheet = jobs.record(owner, me.getUsername(), BackgroundJobs.State.REJECTED,
						"有" + result.errors().size() + "行存在错误，未导入任何数据", what + "导入-错误.xlsx", result.annotated());
				model.addAttribute("rowErrors", result.errors());
				model.addAttribute("errorSheet", sheet);
				response.setStatus(422);
				return view;
			}
			redirect.addFlashAttribute("message", "已导入" + what + result.imported() + "条");
			return "redirect:" + done;
		}
		catch (DomainException ex) {
			model.addAttribute("errors", ex.formErrors());
			response.setStatus(ex.code().status());
			return view;
		}
	}

	/**
	 * The annotated sheet of a rejected import, once, to the user who uploaded it.
	 * @throws DomainException not found (404) when it was taken already, expired or belongs to another user
	 */
	static ResponseEntity<byte[]> errors(BackgroundJobs jobs, String owner, CurrentUser me, UUID id) {
		BackgroundJobs.Result sheet = jobs.takeResult(id, owner, me.getUsername())
			.orElseThrow(() -> DomainException.notFound("导入错误表", id.toString()));
		return Downloads.xlsx(sheet.name(), sheet.content());
	}

	/**
	 * The API's upload: 201 with the count saved.
	 * @throws DomainException IMPORT_REJECTED (422) naming every bad row's failures as {@code 第N行·列名}
	 */
	static ResponseEntity<Imported> api(MultipartFile file, Importer importer) throws IOException {
		ImportResult result = importer.run(file == null ? null : file.getBytes());
		if (result.rejected()) {
			List<FieldError> errors = new ArrayList<>();
			result.errors().forEach(row -> row.errors().forEach(e -> errors.add(new FieldError(
					"第" + row.number() + "行·" + e.field(), e.rule(), "第" + row.number() + "行" + e.field() + "：" + e.message()))));
			throw new DomainException(ErrorCode.IMPORT_REJECTED, "有" + result.errors().size() + "行存在错误，未导入任何数据", errors);
		}
		return created(result.imported());
	}

	/** 201 with the count saved (a JSON import's answer). */
	static ResponseEntity<Imported> created(int imported) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(imported));
	}
}
