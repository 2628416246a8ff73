package org.youguan.enforcement.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.enforcement.CaseFilter;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;

/**
 * The party's side of its penalty cases on its token or session ({@link EnterprisePenalties}): its own cases only
 * (another enterprise's case is not found; staff are refused), 陈述申辩 or its waiver and 申请听证 or its waiver
 * within the window.
 */
@RestController
@RequestMapping("/api/v1/enterprise/penalties")
@PreAuthorize("hasRole('ENTERPRISE')")
@Tag(name = "企业：行政处罚", description = "本企业收到的事先告知、处罚决定和罚款缴纳情况；陈述申辩与申请听证")
class EnterprisePenaltyApiController {

	/**
	 * The party's waiver of the hearing or of its statement: {@code confirm} must be the JSON boolean {@code true} — kept as the JSON value
	 * it is, so a string "true" or a number 1 (which a Boolean would take) is refused.
	 */
	record WaiverRequest(Object confirm) {
	}

	/** The party's statement. */
	record StatementRequest(String statement) {
	}

	private final EnterprisePenalties penalties;

	EnterprisePenaltyApiController(EnterprisePenalties penalties) {
		this.penalties = penalties;
	}

	@GetMapping
	@Operation(summary = "本企业的处罚案件", description = "已事先告知或已作出决定的本企业案件，最新的在前；status按状态筛选，"
			+ "q搜索案件编号或已送达的决定书文号，sort可为number、notified_on、decided_on；shownStatus为页面显示的状态："
			+ "公告送达的决定书视为送达日前为“公告送达中（视为送达日…）”，status仍为DELIVERED，deemedServicePending为true"
			+ "（deliveredOn为尚未到来的视为送达日）；status=DELIVERED只列已送达（视为送达日已到）的案件；已作出但尚未送达的决定"
			+ "不显示，status为决定前的状态（已告知、听证）；status=NOTICE_PENDING只列公告送达中的案件。")
	PageResult<EnterprisePenalties.Summary> list(DataScope scope, ListRequest list,
			@RequestParam(required = false) String status) {
		return penalties.list(scope, CaseFilter.parse(status), list.toPage());
	}

	@GetMapping("/{id}")
	@Operation(summary = "处罚案件详情", description = "事先告知（拟处罚、听证权利、陈述申辩和申请听证期限）、决定、送达、"
			+ "缴款期限（paymentDue）、加处罚款（surchargeToday，元）和缴纳情况；公告送达的决定书视为送达日前deemedServicePending为true，"
			+ "deliveredOn为尚未到来的视为送达日。")
	EnterprisePenalties.PartyCase get(DataScope scope, @PathVariable long id) {
		return penalties.get(scope, id);
	}

	@PostMapping("/{id}/statement")
	@Operation(summary = "提交陈述申辩", description = "statement（必填，≤2000字）；事先告知后、按规则目录penalty.hearing-request的期限内（案件的hearingRequestDue及以前）、作出决定前，限一次。")
	EnterprisePenalties.PartyCase statement(DataScope scope, @PathVariable long id, @RequestBody StatementRequest request) {
		penalties.state(scope, id, request == null ? null : request.statement());
		return penalties.get(scope, id);
	}

	@PostMapping("/{id}/hearing-waiver")
	@Operation(summary = "放弃听证", description = "{\"confirm\": true}（必填，JSON布尔值true；字符串\"true\"或数字1不予接受）；"
			+ "事先告知后、按规则目录penalty.hearing-request的期限内（hearingRequestDue及以前）、未申请听证时可明确放弃；已申请听证的，听证举行前可撤回申请（视为放弃听证，[[PENALTY_HEARING_PROCEDURE]]），案件回到已告知、已安排的听证取消，听证举行后409。放弃听证不等于放弃陈述申辩：陈述申辩期限届满或已提交陈述申辩后，机关才能作出决定。")
	EnterprisePenalties.PartyCase hearingWaiver(DataScope scope, @PathVariable long id,
			@RequestBody(required = false) WaiverRequest request) {
		penalties.waiveHearing(scope, id, request != null && Boolean.TRUE.equals(request.confirm()));
		return penalties.get(scope, id);
	}

	@PostMapping("/{id}/statement-waiver")
	@Operation(summary = "放弃陈述申辩", description = "{\"confirm\": true}（必填，JSON布尔值true；字符串\"true\"或数字1不予接受）；"
			+ "事先告知后、按规则目录penalty.hearing-request的期限内（hearingRequestDue及以前）、未提交陈述申辩时可书面明确放弃，放弃后不能再提交陈述申辩（409，statement-waived）。"
			+ "放弃陈述申辩不等于放弃听证。")
	EnterprisePenalties.PartyCase statementWaiver(DataScope scope, @PathVariable long id,
			@RequestBody(required = false) WaiverRequest request) {
		penalties.waiveStatement(scope, id, request != null && Boolean.TRUE.equals(request.confirm()));
		return penalties.get(scope, id);
	}

	@PostMapping("/{id}/hearing")
	@Operation(summary = "申请听证", description = "拟作出较大数额罚款、停业整顿或吊销许可的，事先告知后、按规则目录penalty.hearing-request的期限内（案件的hearingRequestDue及以前）可申请听证。")
	EnterprisePenalties.PartyCase hearing(DataScope scope, @PathVariable long id) {
		penalties.requestHearing(scope, id);
		return penalties.get(scope, id);
	}
}
