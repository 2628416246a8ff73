package org.youguan.complaints.internal;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.ComplaintView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;

/**
 * Complaints for other channels' systems (12345 hotline work orders, staff systems): intake with the same validation,
 * idempotent on the caller's key; and the scoped queue for integrations.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "申诉", description = "其他渠道（12345热线等）申诉接入与申诉查询（按调用者数据权限）")
class ComplaintApiController {

	private final ComplaintIntake intake;

	private final ComplaintQueries queries;

	ComplaintApiController(ComplaintIntake intake, ComplaintQueries queries) {
		this.intake = intake;
		this.queries = queries;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')")
	@Operation(summary = "接入申诉", description = "请求头Idempotency-Key：同一调用者以同一键再次提交同一请求（含同时重试）返回第一次的答复"
			+ "（同一申诉编号、查询码和疑似重复编号，201）；键只对本调用者（账号或令牌所属账号）有效；同一键用于内容不同的请求返回422。"
			+ "channel：HOTLINE（12345转办）、PHONE、LETTER、API（WEB为公众网上申诉，返回400）；"
			+ "region须在调用者辖区内（否则400，字段region，规则in-scope）。")
	ResponseEntity<PublicComplaintApiController.Receipt> intake(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam(defaultValue = "API") Channel channel, @RequestBody PublicComplaintApiController.Filing filing) {
		ComplaintIntake.Filed filed = intake.fileByStaff(scope, filing.form(), channel,
				key == null ? null : new ComplaintIntake.IdempotencyKey("user:" + me.id(), key));
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + filed.id()))
			.body(new PublicComplaintApiController.Receipt(filed.number(), filed.queryCode(), filed.duplicateOf()));
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')")
	@Operation(summary = "申诉列表", description = "工作人员看到辖区内的申诉，企业只看到转办给本企业的申诉。"
			+ "申诉人姓名、电话按页面和导出的方式脱敏。")
	PageResult<ComplaintSummary> list(DataScope scope, ListRequest list,
			@RequestParam(required = false) ComplaintStatus status) {
		return queries.queue(scope, new ComplaintQueries.Filter(status, null, null), list.toPage()).map(ComplaintSummary::of);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')")
	@Operation(summary = "申诉详情", description = "办理申诉的工作人员和被转办企业看到申诉人完整联系方式（记入审计日志）；局领导看到脱敏信息。")
	ComplaintView get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		return queries.read(me, id);
	}
}
