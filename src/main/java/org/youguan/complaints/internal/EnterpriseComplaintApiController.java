package org.youguan.complaints.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.Responsibility;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Validation;

/**
 * The enterprise's complaint interface for its own systems, on an enterprise user's API token: the complaints handed to
 * the enterprise (transferred, or returned for redoing) since a cursor, and the reply — the same fields, rules and
 * service as the portal's reply form. Only enterprise tokens (403 for others); only the token's own enterprise's
 * complaints (another's answers 404).
 */
@RestController
@RequestMapping("/api/v1/enterprise/complaints")
@PreAuthorize("hasRole('ENTERPRISE')")
@Tag(name = "企业申诉接口", description = "企业系统对接：拉取转办（或退回重办）给本企业的申诉，提交答复。仅限企业用户的API令牌，只能访问本企业的申诉。")
class EnterpriseComplaintApiController {

	/**
	 * The reply as JSON: the portal form's fields ({@code apology} and {@code userAgrees} false when left out, as when
	 * unticked on the form).
	 */
	@Schema(description = "申诉答复（与企业门户的答复表单相同）", example = REPLY_EXAMPLE)
	record Reply(String findings, @Schema(implementation = Responsibility.class) JsonNode responsibility, String solution,
			// read as written and judged with the other fields (ReplyFields), so "abc" is told beside "apology": "maybe"
			@JsonDeserialize(using = NumberText.Judged.class) @Schema(type = "number", example = "20.00") String compensation,
			@Schema(type = "boolean") JsonNode apology, @Schema(type = "boolean") JsonNode userAgrees, String handler,
			String handlerPhone) {
	}

	static final String REPLY_EXAMPLE = """
			{"findings": "经核实，快件在转运中心滞留两天", "responsibility": "RESPONSIBLE", "solution": "向用户致歉并按规定赔偿",
			 "compensation": 20.00, "apology": true, "userAgrees": true, "handler": "李经理", "handlerPhone": "0512-65551234"}""";

	private final ComplaintQueries queries;

	private final ComplaintProcedure procedure;

	EnterpriseComplaintApiController(ComplaintQueries queries, ComplaintProcedure procedure) {
		this.queries = queries;
		this.procedure = procedure;
	}

	@GetMapping
	@Operation(summary = "拉取转办给本企业的申诉", description = "按交办时间（转办或退回重办的时间）和编号升序，返回since游标之后的申诉；"
			+ "响应中的next为下一次请求的since（没有新申诉时与本次相同）。不传since从最早的开始。为保证不漏取，只返回5秒前已交办的申诉。"
			+ "申诉人姓名、电话脱敏（张*、139****5678）；完整联系方式请按编号调用 GET /api/v1/complaints/{id}（记入审计日志）。"
			+ "游标格式不正确返回400（字段since）。")
	ComplaintQueries.AssignedPage list(DataScope scope,
			@Parameter(description = "上一次响应的next游标", example = "1767225600000000-1024") @RequestParam(required = false) String since,
			@Parameter(description = "每页条数（1–100，默认50）", example = "50") @RequestParam(required = false) Integer size) {
		return queries.assignedSince(scope, since, size);
	}

	@PostMapping("/{id}/reply")
	@Operation(summary = "提交申诉答复", description = "与企业门户的答复表单字段和规则相同：调查核实情况（≤2000字）、责任认定、处理意见（≤1000字）、"
			+ "赔偿金额（0至1亿元以下）、是否道歉、用户是否同意、经办人（≤60字）和经办人电话（手机或带区号的固定电话）。"
			+ "字段有误返回400，errors一次列出每个字段和规则（含无法读取的赔偿金额、是否道歉等）；不是本企业的申诉返回404；申诉不在待答复状态返回409。",
			responses = @ApiResponse(responseCode = "200", description = "已答复", content = @Content(examples = @ExampleObject(
					value = "{\"id\": 1024, \"number\": \"申诉-320506-2026-000069\", \"message\": \"申诉 申诉-320506-2026-000069 答复已提交（有责任）\"}"))))
	ComplaintProcedure.Done reply(DataScope scope, @PathVariable long id, @RequestBody Reply reply) {
		// every value that cannot be read is told with the other fields' errors (ReplyFields), not the first alone
		Validation v = new Validation();
		return procedure.reply(scope, id, ReplyFields.fromBody(v, reply), v.errors());
	}
}
