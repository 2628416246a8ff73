package org.youguan.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageAddress;
import org.youguan.kernel.Wording;
import org.youguan.platform.BackgroundJobs;

/**
 * The one way every .xlsx import answers, on its page and in the API, whatever it imports (outlets, past inspections,
 * past penalty cases, past licence applications, statistics history, 建制村 profiles …): all rows are validated first
 * and either all are saved or none is.
 * <ul>
 * <li>Page: saved → a redirect to the list with "已导入{what}N{unit}" (and the totals rows left out, "；第N行是合计行，未导入"); rejected → the form again with every bad row
 * ({@code rowErrors}), the annotated sheet kept once for the uploader ({@code errorSheet}) and status 422; a missing,
 * unreadable, oversized or header-less file → the form with its error and its 4xx status. A refusal never answers 200.
 * <li>API: 201 {@code {"imported":N}}, or 422 naming each bad row's fields as {@code 第N行·列名}.
 * </ul>
 * The annotated sheet is kept in PostgreSQL as a finished {@link BackgroundJobs} job, so any node hands it out.
 */
public final class ImportPages {

	/** The API's answer to a good import: how many rows were saved. */
	public record Imported(int imported) {
	}

	/**
	 * What an import's page is.
	 * @param owner the job kind its rejected sheets are kept under (one per import)
	 * @param what what it imports, for messages and the sheet's name ("历史检查记录")
	 * @param unit the counting word of the saved message ("条", "件")
	 * @param view the form's view, rendered again on a refusal
	 * @param done the page shown after a good import
	 */
	public record Page(String owner, String what, String unit, String view, String done) {
	}

	/** An import's outcome: rows saved, or every bad row and the uploaded sheet annotated (nothing saved). */
	public interface Outcome {

		/** Rows saved (0 when rejected). */
		int imported();

		/** Every bad row with its failures; empty when the import was saved. */
		List<RowErrors> errors();

		/** The uploaded sheet with an error column (only when rejected). */
		byte[] annotated();

		/** The trailing totals rows (合计 …) left out, by sheet row number ({@link SheetImport}); none by default. */
		default List<Integer> totalsRows() {
			return List.of();
		}

		default boolean rejected() {
			return !errors().isEmpty();
		}
	}

	private ImportPages() {
	}

	/**
	 * The page's upload with the saved message "已导入{what}N{unit}".
	 * @param importer the sheet's bytes (null when no file was sent) in, the outcome out; refuses a bad file with a
	 *     {@link DomainException} (shown on the form)
	 * @return the redirect to {@code page.done()}, or {@code page.view()} with the errors and a 4xx status
	 */
	public static <R extends Outcome> String upload(Page page, BackgroundJobs jobs, String username, MultipartFile file,
			Function<byte[], R> importer, Model model, RedirectAttributes redirect, HttpServletResponse response)
			throws IOException {
		return upload(page, jobs, username, file, importer, r -> saved(page, r), model, redirect, response);
	}

	/** The saved message "已导入{what}N{unit}" (and the totals rows left out, "；第N行是合计行，未导入"). */
	private static String saved(Page page, Outcome r) {
		return "已导入" + page.what() + r.imported() + page.unit()
				+ (r.totalsRows().isEmpty() ? "" : "；" + ImportResult.totalsText(r.totalsRows()));
	}

	/**
	 * {@link #saved} as a bundle key with its values ({@code import.savedMessage}, {@code import.savedMessageTotals}), flashed
	 * beside it as {@code messageWording}, so a page in English words it: the count and the import's name cannot be
	 * read back from the Chinese, which writes them side by side.
	 */
	private static Wording savedWording(Page page, Outcome r) {
		return r.totalsRows().isEmpty() ? Wording.of("import.savedMessage", page.what(), String.valueOf(r.imported()))
				: Wording.of("import.savedMessageTotals", page.what(), String.valueOf(r.imported()),
						String.join(", ", r.totalsRows().stream().map(String::valueOf).toList()));
	}

	/** The page's upload with a saved message of its own ({@code saved} is given the outcome). */
	public static <R extends Outcome> String upload(Page page, BackgroundJobs jobs, String username, MultipartFile file,
			Function<byte[], R> importer, Function<R, String> saved, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		try {
			byte[] content = file == null ? null : file.getBytes();
			R result = importer.apply(content);
			if (result.rejected()) {
				Locale locale = LocaleContextHolder.getLocale();
				ImportWords words = "zh".equals(locale.getLanguage()) ? null : words();
				// a reader in English reads the table and the annotated sheet in English: the failures that carry their
				// sentence's key worded by it, the columns by the bundle's English of their headers
				List<RowErrors> shown = words == null ? result.errors() : worded(result.errors(), words, locale);
				byte[] annotated = words == null ? result.annotated()
						: SheetRows.annotate(content, shown, words.text("import.errorColumn", locale), ": ", "; ");
				UUID sheet = jobs.record(page.owner(), username, BackgroundJobs.State.REJECTED, rejectedMessage(result),
						(words == null ? page.what() + "导入-错误.xlsx"
								: words.column(page.what(), locale) + " - import errors.xlsx"), annotated);
				model.addAttribute("rowErrors", shown);
				model.addAttribute("errorSheet", sheet);
				response.setStatus(ErrorCode.IMPORT_REJECTED.status());
				return page.view();
			}
			String message = saved.apply(result);
			redirect.addFlashAttribute("message", message);
			if (message.equals(saved(page, result))) {
				redirect.addFlashAttribute("messageWording", savedWording(page, result));
			}
			return PageAddress.redirect(page.done());
		}
		catch (DomainException ex) {
			// the file's refusal (no data rows, not a sheet) with its key, for the reader's language
			FormSteps.shown(ex, model, response);
			return page.view();
		}
	}

	/**
	 * The rows' failures in {@code locale}'s language ({@link ImportWords}): each column and message worded, the rule
	 * kept.
	 */
	static List<RowErrors> worded(List<RowErrors> rows, ImportWords words, Locale locale) {
		return rows.stream().map(row -> new RowErrors(row.number(), row.errors().stream()
			.map(e -> new FieldError(words.column(e.field(), locale), e.rule(), words.message(e, row.wording(e), locale)))
			.toList())).toList();
	}

	/** The web shell's {@link ImportWords} of the request's application, or null outside a request or without one. */
	private static ImportWords words() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return null;
		}
		WebApplicationContext context = RequestContextUtils.findWebApplicationContext(request.getRequest());
		return context == null ? null : context.getBeanProvider(ImportWords.class).getIfAvailable();
	}

	/**
	 * The annotated sheet of a rejected import, once, to the user who uploaded it.
	 * @throws DomainException not found (404) when it was taken already, expired or belongs to another user — worded as
	 *     what it is (keyed {@code refusal.errorSheetTaken}: downloaded once already or expired, upload the file again),
	 *     not as a record outside the user's data scope named by its bare id
	 */
	public static ResponseEntity<byte[]> errorSheet(BackgroundJobs jobs, String owner, String username, UUID id) {
		BackgroundJobs.Result sheet = jobs.takeResult(id, owner, username)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, Wording.of("refusal.errorSheetTaken"),
					"导入错误表只能下载一次，已经下载过或已过期；请修改原文件后重新上传，以再次生成错误表", List.of()));
		return Downloads.xlsx(sheet.name(), sheet.content());
	}

	/**
	 * The API's upload: 201 with the count saved.
	 * @throws DomainException IMPORT_REJECTED (422) naming every bad row's failures as {@code 第N行·列名}; a bad file's
	 *     own error (400, field {@code file})
	 */
	public static ResponseEntity<Imported> api(MultipartFile file, Function<byte[], ? extends Outcome> importer)
			throws IOException {
		Outcome result = importer.apply(file == null ? null : file.getBytes());
		if (result.rejected()) {
			List<FieldError> errors = new ArrayList<>();
			result.errors().forEach(row -> row.errors().forEach(e -> errors.add(new FieldError(
					"第" + row.number() + "行·" + e.field(), e.rule(), "第" + row.number() + "行" + e.field() + "：" + e.message()))));
			throw new DomainException(ErrorCode.IMPORT_REJECTED, rejectedMessage(result), errors);
		}
		return created(result.imported());
	}

	/** 201 with the count saved (a JSON import's answer). */
	public static ResponseEntity<Imported> created(int imported) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(imported));
	}

	private static String rejectedMessage(Outcome result) {
		return "有" + result.errors().size() + "行存在错误，未导入任何数据";
	}
}
