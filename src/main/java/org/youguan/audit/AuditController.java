package org.youguan.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditCatalogue.Row;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.platform.Secrets;

/**
 * Search, export and verification of the audit trail, within the caller's scope; system administrators verify the
 * chain (optionally against a checkpoint file), and download the daily signed checkpoints and their public key.
 */
@Controller
class AuditController {

	/**
	 * The export's columns: the action and the object by their Chinese names and the changes field by field
	 * (名称：旧值 → 新值, a line each), as the page shows them; the raw before/after JSON is the API's.
	 */
	static List<Column<AuditCatalogue.Row>> columns(AuditCatalogue catalogue) {
		return List.of(Column.of("编号", (Row r) -> r.event().id(), 10),
				Column.of("时间", (Row r) -> r.event().occurredAt(), 20), Column.of("操作人", (Row r) -> r.event().actorName(), 24),
				Column.of("行政区划", Row::regionName, 12), Column.of("操作", Row::actionName, 22),
				Column.of("操作代码", (Row r) -> r.event().action(), 22), Column.of("对象", Row::objectTitle, 30),
				Column.of("摘要", (Row r) -> r.event().summary(), 60), Column.of("变更内容", catalogue::changesText, 60),
				Column.of("客户端地址", (Row r) -> r.event().clientAddress(), 16),
				Column.of("封印编号", (Row r) -> r.event().sealSeq(), 10), Column.of("封印MAC", (Row r) -> r.event().mac(), 76));
	}

	/** The largest checkpoint file accepted for verification (a real one is well under 1 KB). */
	static final int MAX_CHECKPOINT_BYTES = 16 * 1024;

	private final AuditTrail audit;

	private final AuditChain chain;

	private final Secrets secrets;

	private final Spreadsheets spreadsheets;

	private final AuditCatalogue catalogue;

	private final InstallationAdmin installationAdmin;

	private final Clock clock;

	AuditController(AuditTrail audit, AuditChain chain, Secrets secrets, Spreadsheets spreadsheets,
			AuditCatalogue catalogue, InstallationAdmin installationAdmin, Clock clock) {
		this.clock = clock;
		this.installationAdmin = installationAdmin;
		this.audit = audit;
		this.catalogue = catalogue;
		this.chain = chain;
		this.secrets = secrets;
		this.spreadsheets = spreadsheets;
	}

	/**
	 * The trail of changes in the caller's scope, newest first, 50 a page: actions and objects by their names, objects
	 * linked to their pages where the caller may read them; the filter lists the actions by name.
	 */
	@GetMapping("/admin/audit")
	String list(DataScope scope, Authentication auth, ListRequest request, AuditFilter filter, Model model) {
		PageQuery page = PageQuery.of(request.q(), request.page(), request.size() == null ? 50 : request.size(),
				request.sort(), request.dir());
		PageResult<AuditEvent> result = audit.search(scope, filter.query(request.q(), LocalDate.now(clock)), page);
		model.addAttribute("result", result);
		model.addAttribute("rows", catalogue.rows(scope, result.items()));
		Map<String, String> actions = new LinkedHashMap<>();
		audit.actions(scope).forEach(a -> actions.put(a, catalogue.action(a)));
		model.addAttribute("actions", actions);
		model.addAttribute("query", page);
		if (installationAdmin.holds(auth)) {
			model.addAttribute("checkpoints", chain.checkpoints(10));
		}
		return "audit/events";
	}

	/** The same search as the page, every row (up to the export limit), with the Chinese names of actions and objects. */
	@GetMapping("/admin/audit/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, AuditFilter filter) {
		var rows = audit.search(scope, filter.query(request.q(), LocalDate.now(clock)), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("审计日志", scope), spreadsheets.write("审计日志", columns(catalogue), catalogue.rows(scope, rows)));
	}

	/**
	 * The trail's filters besides the search text, bound from the request: the days as text, read by the one rule of a
	 * list's days ({@link FiguresPeriod#filter}: YYYY-MM-DD within 2000-01-01 … the end of next year, 400 naming
	 * {@code from} or {@code to}).
	 */
	record AuditFilter(String action, String objectType, String from, String to) {

		/** @throws org.youguan.kernel.InvalidValueException (400) for a day that is no date, out of range, or reversed */
		AuditQuery query(String q, LocalDate today) {
			FiguresPeriod.Filter days = FiguresPeriod.filter(from, to, today);
			return new AuditQuery(q, action, objectType, days.from(), days.to());
		}
	}

	/**
	 * Seals what is pending and walks the chain; with a checkpoint file (as downloaded here, kept elsewhere) also checks
	 * that history up to it was not rewritten.
	 */
	@PostMapping("/admin/audit/verify")
	@PreAuthorize(InstallationAdmin.ONLY)
	String verify(DataScope scope, Authentication auth, @RequestParam(required = false) MultipartFile checkpoint,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// a file that is no checkpoint: the page again with the error beside the file field, in its 4xx
		return FormSteps.run(model, response, redirect, () -> {
			audit.sealPending();
			// a chosen checkpoint of 0 bytes is refused, never read as no checkpoint (the chain checked without it)
			ChainVerification result = !UploadedFile.chosen(checkpoint) ? audit.verifyChain()
					: audit.verifyChain(checkpointText(checkpoint));
			redirect.addFlashAttribute("verification", result);
			return new PageSteps.Done(null, "/admin/audit");
		}, () -> list(scope, auth, new ListRequest(null, null, null, null, null), new AuditFilter(null, null, null, null),
				model));
	}

	@PostMapping("/admin/audit/checkpoints")
	@PreAuthorize(InstallationAdmin.ONLY)
	String checkpointNow(RedirectAttributes redirect) {
		redirect.addFlashAttribute("checkpointCreated", audit.checkpointNow().isPresent());
		return "redirect:/admin/audit";
	}

	@GetMapping("/admin/audit/checkpoints/{id}")
	@PreAuthorize(InstallationAdmin.ONLY)
	ResponseEntity<byte[]> checkpointFile(@PathVariable long id) {
		String file = chain.checkpointFile(id);
		AuditChain.CheckpointFile parsed = chain.parse(file);
		return text(AuditChain.fileName(LocalDate.parse(parsed.day()), parsed.seq()), file);
	}

	@GetMapping("/admin/audit/checkpoint-public-key.pem")
	@PreAuthorize(InstallationAdmin.ONLY)
	ResponseEntity<byte[]> publicKey() {
		return text(Secrets.CHECKPOINT_PUBLIC_FILE, secrets.checkpointPublicKeyPem());
	}

	static ResponseEntity<byte[]> text(String fileName, String content) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(content.getBytes(StandardCharsets.UTF_8));
	}

	static String checkpointText(MultipartFile file) {
		if (file.getSize() > MAX_CHECKPOINT_BYTES) {
			throw tooLarge();
		}
		try {
			return checkpointText(file.getBytes());
		}
		catch (IOException ex) {
			throw new InvalidValueException("checkpoint", "unreadable", "检查点文件无法读取");
		}
	}

	/**
	 * A checkpoint file's bytes as the page's upload and the API's body both read them: UTF-8, a leading byte order
	 * mark dropped ({@link Text#utf8File}).
	 * @throws InvalidValueException (413) naming {@code checkpoint} beyond {@link #MAX_CHECKPOINT_BYTES}; (400) rule
	 * {@code wrong-kind} naming another kind of file than text (a PDF, an image, an Office file: {@link FileKind})
	 */
	static String checkpointText(byte[] bytes) {
		if (bytes.length > MAX_CHECKPOINT_BYTES) {
			throw tooLarge();
		}
		FileKind.requireText(bytes, "checkpoint", "审计检查点文件（文本）", "请上传从审计日志页面下载的检查点文件");
		return Text.utf8File(bytes);
	}

	private static InvalidValueException tooLarge() {
		return InvalidValueException.tooLarge("checkpoint", "检查点文件过大（应小于16KB）：请上传从审计日志页面下载的检查点文件");
	}
}
