package org.youguan.complaints.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.annotation.JsonDeserialize;

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
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.ComplaintView;
import org.youguan.complaints.EnterpriseComplaintView;
import org.youguan.complaints.MediationResult;
import org.youguan.complaints.Satisfaction;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;
import org.youguan.kernel.DecimalText;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;

/**
 * Complaints for other channels' systems (12345 hotline work orders, staff systems): intake with the same validation,
 * idempotent on the caller's key; the scoped queue for integrations; and the bureau's steps a call centre's system
 * records: the call-back (satisfaction with the bureau's and with the company's handling), the mediation's result and
 * the closure (有效申诉 decided, loss recovered entered).
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "申诉", description = "其他渠道（12345热线等）申诉接入与申诉查询（按调用者数据权限）")
class ComplaintApiController {

	private final ComplaintIntake intake;

	private final ComplaintQueries queries;

	private final ComplaintProcedure procedure;

	ComplaintApiController(ComplaintIntake intake, ComplaintQueries queries, ComplaintProcedure procedure) {
		this.intake = intake;
		this.queries = queries;
		this.procedure = procedure;
	}

	@PostMapping
	@PreAuthorize(ComplaintController.HANDLERS)
	@Operation(summary = "接入申诉", description = "请求头Idempotency-Key：同一调用者以同一键再次提交同一请求（含同时重试）返回第一次的答复"
			+ "（同一申诉编号、查询码和疑似重复编号，201）；键只对本调用者（账号或令牌所属账号）有效；同一键用于内容不同的请求返回422。"
			+ "channel：HOTLINE（12345转办）、PHONE、LETTER、API（WEB为公众网上申诉，返回400）；"
			+ "region须在调用者辖区内（辖区外的行政区划404，先于其他字段）。")
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
			+ "q按编号、运单号、申诉人电话（完整号码仅限办理人员在本局承办的申诉中检索；局领导和上级机关查阅下级承办的申诉时，只按列表显示的脱敏内容匹配，如电话、申诉内容中号码未隐去的数字，不按完整号码匹配）查找；申诉人姓名、电话按页面和导出的方式脱敏；企业看到本企业的企业视图（EnterpriseComplaintView），不含局内办理信息。")
	@ApiResponse(responseCode = "200", description = "工作人员：ComplaintSummary；企业：EnterpriseComplaintView（申诉人联系方式脱敏）",
			content = @Content(schema = @Schema(implementation = ComplaintPage.class)))
	PageResult<?> list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list,
			@RequestParam(required = false) ComplaintStatus status,
			@Parameter(description = "true：只列本局办理的申诉（待办），不含下级机关办理、本局只能查阅的申诉")
			@RequestParam(defaultValue = "false") boolean handling) {
		var filter = new ComplaintQueries.Filter(status, null, null, WorkState.ALL, false, me.caseHandler(),
				handling);
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return queries.listForEnterprise(scope, filter, list.toPage());
		}
		return queries.queue(scope, filter, list.toPage()).map(ComplaintSummary::of);
	}

	/**
	 * What the document says a page of complaints is ({@link PageResult}): its items are staff's summaries or, for an
	 * enterprise, its own view — documentation only, the list answers a {@code PageResult}.
	 */
	@Schema(name = "ComplaintPage", description = "一页申诉：工作人员为ComplaintSummary，企业为EnterpriseComplaintView")
	record ComplaintPage(
			@ArraySchema(schema = @Schema(oneOf = { ComplaintSummary.class, EnterpriseComplaintView.class })) List<Object> items,
			int page, int size, long total, boolean capped) {
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')")
	@Operation(summary = "申诉详情", description = "承办该申诉的机关的办理人员和被转办企业看到申诉人完整联系方式（记入审计日志）；局领导和查阅下级机关承办申诉的上级机关工作人员看到脱敏信息。"
			+ "企业令牌返回企业视图（EnterpriseComplaintView）：申诉内容、时限和本企业的答复，不含移送执法、办结说明、转办理由、疑似重复等局内办理信息。")
	@ApiResponse(responseCode = "200", description = "工作人员：ComplaintView；企业：EnterpriseComplaintView",
			content = @Content(schema = @Schema(oneOf = { ComplaintView.class, EnterpriseComplaintView.class })))
	Object get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		return me.scope().kind() == DataScope.Kind.ENTERPRISE ? queries.readAsEnterprise(me, id) : queries.read(me, id);
	}

	/**
	 * The closure as JSON: {@code valid} the bureau's decision on 有效申诉, {@code compensationPaid} the loss recovered
	 * (yuan, 0 for none), {@code note} the closing note.
	 */
	@Schema(description = "办结（局认定是否有效申诉，填写挽回经济损失）",
			example = "{\"valid\": true, \"compensationPaid\": 20.00, \"note\": \"企业已赔偿，用户满意\"}")
	record Closure(Boolean valid,
			@JsonDeserialize(using = DecimalText.class) @NumberText.Digits(label = "挽回经济损失",
					integer = ComplaintIntake.AMOUNT_INTEGER, fraction = ComplaintIntake.AMOUNT_FRACTION) BigDecimal compensationPaid,
			String note) {
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(ComplaintController.HANDLERS)
	@Operation(summary = "办结申诉", description = "与申诉页面的办结表单相同：valid为局对是否有效申诉的认定（必填，页面默认按企业答复的责任认定：有责、部分有责为有效申诉）；"
			+ "compensationPaid为核实的挽回经济损失（元，必填，没有的填0，0至1亿元以下）；note为办结说明（≤1000字）。"
			+ "局的认定与企业答复不同的，审计日志记录两者。字段有误返回400；申诉不在回访调解中返回409。")
	ComplaintProcedure.Done close(DataScope scope, @PathVariable long id, @RequestBody Closure closure) {
		return procedure.close(scope, id, closure.valid(), closure.compensationPaid(), closure.note());
	}

	/**
	 * A call-back as JSON: {@code reached} whether the filer was reached (required); when reached,
	 * {@code satisfaction} the filer's satisfaction with the bureau's handling, {@code companySatisfaction} with the
	 * company's, {@code solved} whether the problem is solved (each required; ignored when not reached).
	 */
	@Schema(description = "回访（接通的须填写对邮政管理部门和对企业处理的满意度及问题是否解决）",
			example = "{\"reached\": true, \"satisfaction\": \"SATISFIED\", \"companySatisfaction\": \"BASICALLY_SATISFIED\", \"solved\": true}")
	record CallBack(Boolean reached, Satisfaction satisfaction, Satisfaction companySatisfaction, Boolean solved) {
	}

	@PostMapping("/{id}/callback")
	@PreAuthorize(ComplaintController.HANDLERS)
	@Operation(summary = "记录回访", description = "与申诉页面的回访表单相同：reached为是否接通（必填）；接通的，satisfaction为用户对邮政管理部门申诉处理工作的满意度，"
			+ "companySatisfaction为用户对企业处理的满意度（SATISFIED满意、BASICALLY_SATISFIED基本满意、DISSATISFIED不满意），solved为问题是否解决，均必填；"
			+ "未接通的不填，再次回访须间隔规定时间（否则422）。字段有误返回400；申诉不在待回访或回访调解中返回409。")
	ComplaintProcedure.Done callBack(DataScope scope, @PathVariable long id, @RequestBody CallBack callBack) {
		if (callBack.reached() == null) {
			throw new InvalidValueException("reached", "required", Wording.of("refusal.generic.fill", ComplaintController.REACHED),
					"请填写" + ComplaintController.REACHED);
		}
		return procedure.callBack(scope, id, callBack.reached(), callBack.satisfaction(), callBack.companySatisfaction(),
				callBack.solved());
	}

	/**
	 * A mediation's result as JSON: {@code mediationResult} SUCCEEDED (调解成功) or FAILED (调解不成功), {@code remedy}
	 * the remedy agreed (required for SUCCEEDED, ≤ 500 characters), {@code agreedAmount} the amount agreed (yuan,
	 * optional, not for FAILED).
	 */
	@Schema(description = "调解结果（调解成功须填写约定的处理方式，可填约定赔偿金额）",
			example = "{\"mediationResult\": \"SUCCEEDED\", \"remedy\": \"企业向用户道歉并赔偿\", \"agreedAmount\": 50.00}")
	record Mediation(MediationResult mediationResult, String remedy,
			@JsonDeserialize(using = DecimalText.class) @NumberText.Digits(label = "约定赔偿金额",
					integer = ComplaintIntake.AMOUNT_INTEGER, fraction = ComplaintIntake.AMOUNT_FRACTION) BigDecimal agreedAmount) {
	}

	@PostMapping("/{id}/mediation")
	@PreAuthorize(ComplaintController.HANDLERS)
	@Operation(summary = "记录调解结果", description = "与申诉页面的调解表单相同：mediationResult为SUCCEEDED（调解成功）或FAILED（调解不成功），必填；"
			+ "调解成功的remedy（约定的处理方式，≤500字）必填，agreedAmount为约定赔偿金额（元，可不填，0至索赔金额）；调解不成功的不填金额。"
			+ "以最近一次调解为准。字段有误返回400；企业答复前（答复未逾期）或申诉已办结、不予受理、撤回的返回409。")
	ComplaintProcedure.Done mediate(DataScope scope, @PathVariable long id, @RequestBody Mediation mediation) {
		return procedure.mediate(scope, id, mediation.mediationResult(), mediation.remedy(), mediation.agreedAmount());
	}
}
