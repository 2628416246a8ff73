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
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;

/**
 * The record and order reads and the re-inspection result for bureau systems, as the pages have them: a record with
 * its checklist results, team and files; an order with its basis and re-inspection; the 复查 result (not rectified:
 * the order becomes a case lead).
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "执法检查", description = "抽查事项清单、检查人员名录库、检查记录（含历史记录迁移）与检查统计（按调用者数据权限）")
class RectificationApiController {

	/** The re-inspection's result: RECTIFIED or NOT_RECTIFIED, and what was found (required when not rectified). */
	record ResultRequest(String result, String note) {
	}

	private final InspectionFieldRecords records;

	private final InspectionOrders orders;

	RectificationApiController(InspectionFieldRecords records, InspectionOrders orders) {
		this.records = records;
		this.orders = orders;
	}

	@GetMapping("/records/{id}")
	@PreAuthorize(InspectionApiController.READERS)
	@Operation(summary = "检查记录详情", description = "检查情况、检查组（执法证号）、逐项检查内容结果、现场照片和签名（下载地址/attachments/{id}）及责令改正通知书编号。")
	InspectionFieldRecords.Detail record(DataScope scope, @PathVariable long id) {
		return records.get(scope, id);
	}

	@GetMapping("/orders/{id}")
	@PreAuthorize(InspectionApiController.READERS)
	@Operation(summary = "责令改正通知书详情", description = "文号、整改期限、法律依据、企业答复、验收和复查情况。")
	InspectionOrders.Order order(DataScope scope, @PathVariable long id) {
		return orders.get(scope, id);
	}

	@PostMapping("/orders/{id}/reinspection/result")
	@PreAuthorize(InspectionApiController.WRITERS)
	@Operation(summary = "登记复查结果", description = "复查日当天或之后：result为RECTIFIED（已整改，验收）或NOT_RECTIFIED"
			+ "（未整改，note必填，转为案件线索）。")
	InspectionOrders.Order result(DataScope scope, @PathVariable long id, @RequestBody ResultRequest request) {
		if (!"RECTIFIED".equals(request.result()) && !"NOT_RECTIFIED".equals(request.result())) {
			throw new InvalidValueException("result", "one-of", "复查结果应为RECTIFIED或NOT_RECTIFIED");
		}
		return orders.recordReinspection(scope, id, "RECTIFIED".equals(request.result()), request.note());
	}
}
