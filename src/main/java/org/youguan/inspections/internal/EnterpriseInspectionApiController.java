package org.youguan.inspections.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;

/**
 * The enterprise's side of 责令改正 on its token or session: its own orders (only its own: another enterprise's order
 * is not found) and its rectification report.
 */
@RestController
@RequestMapping("/api/v1/enterprise/inspections")
@PreAuthorize("hasRole('ENTERPRISE')")
@Tag(name = "企业：责令改正", description = "本企业收到的责令改正通知书与整改答复")
class EnterpriseInspectionApiController {

	/** The rectification report. */
	record ReplyRequest(String report) {
	}

	private final InspectionOrders orders;

	EnterpriseInspectionApiController(InspectionOrders orders) {
		this.orders = orders;
	}

	@GetMapping("/orders")
	@Operation(summary = "本企业的责令改正通知书", description = "最新的在前，含检查发现的问题、整改期限和验收情况。")
	PageResult<InspectionOrders.Order> orders(DataScope scope, ListRequest list) {
		return orders.list(scope, list.toPage());
	}

	@GetMapping("/orders/{id}")
	@Operation(summary = "责令改正通知书详情", description = "本企业的通知书：检查发现的问题、整改期限、答复和验收情况。")
	InspectionOrders.Order order(DataScope scope, @PathVariable long id) {
		return orders.get(scope, id);
	}

	@PostMapping("/orders/{id}")
	@Operation(summary = "答复整改情况", description = "向通知书提交整改情况报告：report（必填，≤2000字）。已下达或不予验收的通知书可答复。")
	InspectionOrders.Order reply(DataScope scope, @PathVariable long id, @RequestBody ReplyRequest request) {
		return orders.reply(scope, id, request.report());
	}
}
