package org.youguan.inspections.internal;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.Attachment;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;

/**
 * The enterprise's side of inspections on its token or session: its own inspection records with their results (the
 * checklist lines, the outcome, the team; not the photos and signatures, which are the bureau's staff's,
 * {@code InspectionAttachmentAccess}), its own orders, and its
 * rectification report — as JSON, or as multipart with the evidence files. Only its own: another enterprise's record
 * or order is not found (404); staff are refused (403).
 */
@RestController
@RequestMapping("/api/v1/enterprise/inspections")
@PreAuthorize("hasRole('ENTERPRISE')")
@Tag(name = "企业：执法检查", description = "本企业的检查记录与结果、收到的责令改正通知书与整改答复")
class EnterpriseInspectionApiController {

	/** The rectification report. */
	record ReplyRequest(String report) {
	}

	/** An evidence file as listed: its download is {@code href} (the scoped download). */
	record EvidenceFile(long id, String fileName, String contentType, int sizeBytes, String href) {

		static EvidenceFile of(Attachment a) {
			return new EvidenceFile(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.href());
		}
	}

	private final InspectionOrders orders;

	private final InspectionRecords records;

	private final InspectionFieldRecords fieldRecords;

	EnterpriseInspectionApiController(InspectionOrders orders, InspectionRecords records,
			InspectionFieldRecords fieldRecords) {
		this.orders = orders;
		this.records = records;
		this.fieldRecords = fieldRecords;
	}

	@GetMapping("/records")
	@Operation(summary = "本企业的检查记录", description = "最新的在前：检查日期、检查对象（企业本身、分支机构或末端网点）、检查类型、"
			+ "检查结果和责令改正通知书。q按企业名称、网点名称或文号检索。")
	PageResult<InspectionRecords.RecordSummary> records(DataScope scope, ListRequest list) {
		return records.list(scope, list.toPage());
	}

	@GetMapping("/records/{id}")
	@Operation(summary = "检查记录详情", description = "本企业的检查记录：检查对象、检查组（执法证号）、逐项检查内容结果、检查发现的问题、"
			+ "检查结果、现场照片和签名（下载地址/attachments/{id}）。其他企业的记录返回404。")
	InspectionFieldRecords.Detail record(DataScope scope, @PathVariable long id) {
		return fieldRecords.get(scope, id);
	}

	@GetMapping("/orders")
	@Operation(summary = "本企业的责令改正通知书", description = "最新的在前，含检查发现的问题、整改期限和验收情况；"
			+ "state=AWAITING_REPLY只列待本企业答复的。")
	PageResult<InspectionOrders.Order> orders(DataScope scope, ListRequest list,
			@RequestParam(required = false) String state) {
		return orders.list(scope, InspectionApiController.state(state), list.toPage());
	}

	@GetMapping("/orders/{id}")
	@Operation(summary = "责令改正通知书详情", description = "本企业的通知书：检查发现的问题、整改期限、答复和验收情况。")
	InspectionOrders.Order order(DataScope scope, @PathVariable long id) {
		return orders.get(scope, id);
	}

	@PostMapping(path = "/orders/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "答复整改情况", description = "向通知书提交整改情况报告：report（必填，≤2000字）。已下达或不予验收的通知书可答复。"
			+ "附整改证明材料时用multipart/form-data。")
	InspectionOrders.Order reply(DataScope scope, @PathVariable long id, @RequestBody ReplyRequest request) {
		return orders.reply(scope, id, request.report());
	}

	@PostMapping(path = "/orders/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "答复整改情况（附整改证明材料）", description = "multipart/form-data：report（整改情况报告，必填，≤2000字），"
			+ "evidence（整改证明材料，可多个：JPEG、PNG或PDF，按文件内容判断，单个大小和总数有上限）。"
			+ "任何字段或文件有误返回400并列出每个错误，不保存任何内容。")
	InspectionOrders.Order replyWithEvidence(DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String report,
			@RequestPart(required = false) List<MultipartFile> evidence) throws IOException {
		return orders.reply(scope, id, report, UploadedFile.of(evidence));
	}

	@GetMapping("/orders/{id}/evidence")
	@Operation(summary = "已提交的整改证明材料", description = "本企业答复时附的文件，最早的在前，下载地址/attachments/{id}。")
	List<EvidenceFile> evidence(DataScope scope, @PathVariable long id) {
		return orders.evidence(scope, id).stream().map(EvidenceFile::of).toList();
	}
}
