package org.youguan.audit;

import java.time.LocalDate;
import java.util.List;

import java.nio.charset.StandardCharsets;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.platform.Secrets;

/**
 * Search, export and verification of the audit trail, within the caller's scope; system administrators verify the
 * chain (optionally against a checkpoint file), and download the daily signed checkpoints and their public key.
 */
@Controller
class AuditController {

	static final List<Column<AuditEvent>> COLUMNS = List.of(Column.of("编号", AuditEvent::id, 10),
			Column.of("时间", AuditEvent::occurredAt, 20), Column.of("操作人", AuditEvent::actor, 24),
			Column.of("行政区划", AuditEvent::regionCode, 10), Column.of("操作", AuditEvent::action, 22),
			Column.of("对象类型", AuditEvent::objectType, 14), Column.of("对象编号", AuditEvent::objectId, 12),
			Column.of("摘要", AuditEvent::summary, 60), Column.of("变更前", AuditEvent::beforeState, 40),
			Column.of("变更后", AuditEvent::afterState, 40), Column.of("客户端地址", AuditEvent::clientAddress, 16),
			Column.of("封印编号", AuditEvent::sealSeq, 10), Column.of("封印MAC", AuditEvent::mac, 76));

	/** The largest checkpoint file accepted for verification (a real one is well under 1 KB). */
	static final int MAX_CHECKPOINT_BYTES = 16 * 1024;

	private final AuditTrail audit;

	private final AuditChain chain;

	private final Secrets secrets;

	private final Spreadsheets spreadsheets;

	AuditController(AuditTrail audit, AuditChain chain, Secrets secrets, Spreadsheets spreadsheets) {
		this.audit = audit;
		this.chain = chain;
		this.secrets = secrets;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/admin/audit")
	String list(DataScope scope, Authentication auth, @RequestParam(required = false) String q, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, Model model) {
		PageQuery query = PageQuery.of(q, page, 50, null, "desc");
		model.addAttribute("result", audit.search(scope, new AuditQuery(q, action, objectType, from, to), query));
		model.addAttribute("actions", audit.actions(scope));
		model.addAttribute("query", query);
		if (auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_SYSTEM_ADMIN".equals(a.getAuthority()))) {
			model.addAttribute("checkpoints", chain.checkpoints(10));
		}
		return "audit/events";
	}

	@GetMapping("/admin/audit/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, @RequestParam(required = false) String q,
			@RequestParam(required = false) String action, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		var rows = audit.search(scope, new AuditQuery(q, action, objectType, from, to),
				PageQuery.of(q, 0, null, null, "desc").unpaged()).items();
		return Downloads.xlsx("审计日志.xlsx", spreadsheets.write("审计日志", COLUMNS, rows));
	}

	/**
	 * Seals what is pending and walks the chain; with a checkpoint file (as downloaded here, kept elsewhere) also checks
	 * that history up to it was not rewritten.
	 */
	@PostMapping("/admin/audit/verify")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String verify(@RequestParam(required = false) MultipartFile checkpoint, RedirectAttributes redirect) {
		audit.sealPending();
		ChainVerification result = checkpoint == null || checkpoint.isEmpty() ? audit.verifyChain()
				: audit.verifyChain(checkpointText(checkpoint));
		redirect.addFlashAttribute("verification", result);
		return "redirect:/admin/audit";
	}

	@PostMapping("/admin/audit/checkpoints")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String checkpointNow(RedirectAttributes redirect) {
		redirect.addFlashAttribute("checkpointCreated", audit.checkpointNow().isPresent());
		return "redirect:/admin/audit";
	}

	@GetMapping("/admin/audit/checkpoints/{id}")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	ResponseEntity<byte[]> checkpointFile(@PathVariable long id) {
		String file = chain.checkpointFile(id);
		AuditChain.CheckpointFile parsed = chain.parse(file);
		return text(AuditChain.fileName(java.time.LocalDate.parse(parsed.day()), parsed.seq()), file);
	}

	@GetMapping("/admin/audit/checkpoint-public-key.pem")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
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
			throw new InvalidValueException("checkpoint", "size", "检查点文件过大（应小于16KB）：请上传从审计日志页面下载的检查点文件");
		}
		try {
			return new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new InvalidValueException("checkpoint", "unreadable", "检查点文件无法读取");
		}
	}
}
