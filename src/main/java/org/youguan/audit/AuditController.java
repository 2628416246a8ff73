package org.youguan.audit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

/**
 * Search, export and verification of the audit trail, within the caller's scope.
 */
@Controller
class AuditController {

	static final List<Column<AuditEvent>> COLUMNS = List.of(Column.of("编号", AuditEvent::id, 10),
			Column.of("时间", AuditEvent::occurredAt, 20), Column.of("操作人", AuditEvent::actor, 24),
			Column.of("行政区划", AuditEvent::regionCode, 10), Column.of("操作", AuditEvent::action, 22),
			Column.of("对象类型", AuditEvent::objectType, 14), Column.of("对象编号", AuditEvent::objectId, 12),
			Column.of("摘要", AuditEvent::summary, 60), Column.of("变更前", AuditEvent::beforeState, 40),
			Column.of("变更后", AuditEvent::afterState, 40), Column.of("客户端地址", AuditEvent::clientAddress, 16),
			Column.of("哈希", AuditEvent::hash, 66));

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	AuditController(AuditTrail audit, Spreadsheets spreadsheets) {
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/admin/audit")
	String list(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, Model model) {
		PageQuery query = PageQuery.of(q, page, 50, null, "desc");
		model.addAttribute("result", audit.search(scope, new AuditQuery(q, action, objectType, from, to), query));
		model.addAttribute("actions", audit.actions(scope));
		model.addAttribute("query", query);
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

	@PostMapping("/admin/audit/verify")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String verify(RedirectAttributes redirect) {
		ChainVerification result = audit.verifyChain();
		redirect.addFlashAttribute("verification", result);
		return "redirect:/admin/audit";
	}
}
