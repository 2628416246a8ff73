package org.youguan.audit;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;

/**
 * The audit trail over the API: scoped search, and the chain verification for system administrators.
 */
@RestController
@Tag(name = "审计", description = "全过程记录")
class AuditApiController {

	private final AuditTrail audit;

	AuditApiController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit-events")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER')")
	@Operation(summary = "查询审计记录", description = "按调用者辖区过滤，按时间倒序。")
	PageResult<AuditEvent> search(DataScope scope, @RequestParam(required = false) String q,
			@RequestParam(required = false) String action, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return audit.search(scope, new AuditQuery(q, action, objectType, from, to), PageQuery.of(q, page, size, null, "desc"));
	}

	@GetMapping("/api/v1/audit-events/verification")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	@Operation(summary = "校验哈希链", description = "按编号顺序逐条校验哈希链，报告第一处断开的记录。")
	ChainVerification verify() {
		return audit.verifyChain();
	}
}
