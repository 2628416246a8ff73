package org.youguan.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;

/**
 * The audit trail over the API: scoped search; for system administrators the chain verification (optionally against
 * a checkpoint file) and the signed daily checkpoints.
 */
@RestController
@Tag(name = "审计", description = "全过程记录")
class AuditApiController {

	private final AuditTrail audit;

	private final AuditChain chain;

	private final AuditCatalogue catalogue;

	private final java.time.Clock clock;

	AuditApiController(AuditTrail audit, AuditChain chain, AuditCatalogue catalogue, java.time.Clock clock) {
		this.clock = clock;
		this.audit = audit;
		this.chain = chain;
		this.catalogue = catalogue;
	}

	/**
	 * An audit event over the API: every field of {@link AuditEvent} under its name (the codes, for machines), and
	 * beside them the names the trail page shows — {@code actionName} ("受理并转办申诉"), {@code objectTypeName}
	 * ("申诉"), {@code objectTitle} (the object's number or name, or the type's name and the id where the caller may
	 * not read the object) and {@code objectLink} (its page, or null); {@code beforeState} and {@code afterState} are
	 * the states as recorded (JSON, personal numbers masked), {@code changes} the changed fields as the page reads them
	 * ({@code field}, {@code before}, {@code after}: names and labels, {@link AuditChanges}).
	 */
	record Event(long id, OffsetDateTime occurredAt, String actor, Long actorUserId, Long bureauId, String regionCode,
			String action, String actionName, String objectType, String objectTypeName, String objectId,
			String objectTitle, String objectLink, String summary, String beforeState, String afterState,
			String clientAddress, Long sealSeq, String mac, List<AuditChanges.Change> changes) {
	}

	@GetMapping("/api/v1/audit-events")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER')")
	@Operation(summary = "查询审计记录", description = "按调用者辖区过滤，按时间倒序。action、objectType 为代码，"
			+ "actionName、objectTypeName、objectTitle、objectLink 为审计日志页面显示的中文名称、对象标题和链接；beforeState、afterState 为"
			+ "原始记录（JSON），changes 为页面显示的逐项变更（字段名称、变更前、变更后）。")
	PageResult<Event> search(DataScope scope, ListRequest request, AuditController.AuditFilter filter) {
		PageResult<AuditEvent> result = audit.search(scope, filter.query(request.q(), LocalDate.now(clock)), request.toPage());
		List<Event> events = catalogue.rows(scope, result.items()).stream().map(r -> {
			AuditEvent e = r.event();
			return new Event(e.id(), e.occurredAt(), e.actor(), e.actorUserId(), e.bureauId(), e.regionCode(), e.action(),
					r.actionName(), e.objectType(), catalogue.objectType(e.objectType()), e.objectId(), r.objectTitle(),
					r.objectLink(), e.summary(), e.beforeState(), e.afterState(), e.clientAddress(), e.sealSeq(), e.mac(),
					r.changes());
		}).toList();
		return new PageResult<>(events, result.page(), result.size(), result.total(), result.capped());
	}

	@GetMapping("/api/v1/audit-events/verification")
	@PreAuthorize(InstallationAdmin.ONLY)
	@Operation(summary = "校验审计链", description = "先封存已提交的记录，再按封印顺序逐条校验带密钥的审计链，报告第一处断开（封印编号、记录、原因）。")
	ChainVerification verify() {
		audit.sealPending();
		return audit.verifyChain();
	}

	@PostMapping(path = "/api/v1/audit-events/verification", consumes = MediaType.TEXT_PLAIN_VALUE)
	@PreAuthorize(InstallationAdmin.ONLY)
	@Operation(summary = "对照检查点校验审计链", description = "请求体为审计检查点文件（text/plain，如审计日志页面所下载）。"
			+ "除逐条校验外，核对签名，并核对审计链仍含检查点记录的封印及其MAC；否则说明检查点之前的历史被改写或删除。")
	ChainVerification verifyAgainst(@RequestBody byte[] checkpointFile) {
		String text = AuditController.checkpointText(checkpointFile);
		audit.sealPending();
		return audit.verifyChain(text);
	}

	/** A checkpoint as listed over the API. */
	record CheckpointItem(long id, LocalDate day, long seq, Instant createdAt) {
	}

	@GetMapping("/api/v1/audit-events/checkpoints")
	@PreAuthorize(InstallationAdmin.ONLY)
	@Operation(summary = "审计检查点", description = "最近的每日签名检查点（最新在前）。")
	List<CheckpointItem> checkpoints() {
		return chain.checkpoints(100).stream().map(c -> new CheckpointItem(c.id(), c.day(), c.seq(), c.createdAt())).toList();
	}

	@GetMapping("/api/v1/audit-events/checkpoints/{id}")
	@PreAuthorize(InstallationAdmin.ONLY)
	@Operation(summary = "下载审计检查点文件", description = "text/plain；用 openssl 和检查点公钥即可验证签名（见README）。")
	ResponseEntity<byte[]> checkpoint(@PathVariable long id) {
		String file = chain.checkpointFile(id);
		AuditChain.CheckpointFile parsed = chain.parse(file);
		return AuditController.text(AuditChain.fileName(LocalDate.parse(parsed.day()), parsed.seq()), file);
	}
}
