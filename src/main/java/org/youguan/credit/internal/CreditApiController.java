package org.youguan.credit.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjections;
import org.youguan.credit.CreditRecords;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;

/**
 * The credit record's API ({@code /api/v1/credit}): staff read their region's entries and objections, record the
 * corrections owed and review objections (处室工作人员); an enterprise on its token reads its own record and files
 * objections to it (another enterprise's entry is not found, staff may not file: 403).
 */
@RestController
@RequestMapping("/api/v1/credit")
@PreAuthorize(CreditAccess.READERS)
@Tag(name = "信用", description = "快递业信用记录（快递业信用管理暂行办法）：行政处罚决定与逾期未改正的责令改正记入，处罚变更或撤销后的更正，企业异议与复核；不含信用评定（评价指标由信用评定委员会确定，未公布）")
class CreditApiController {

	/** An entry with the objections to it. */
	record EntryDetail(CreditEntry entry, List<CreditObjection> objections) {
	}

	/** The id of what a POST created. */
	record Created(long id) {
	}

	private final CreditRecords records;

	private final CreditObjections objections;

	CreditApiController(CreditRecords records, CreditObjections objections) {
		this.records = records;
		this.objections = objections;
	}

	@GetMapping("/entries")
	@Operation(summary = "信用记录", description = "调用者数据权限内的信用记录（企业只看到本企业的），最新的在前；status：IN_FORCE、CHANGED、REMOVED；"
			+ "pending=true只列待更正的，overdue=true只列更正已超期的（期限按规则目录credit.record-update、credit.objection-correction）；"
			+ "q搜索企业名称、统一社会信用代码、决定书或通知书文号、记录内容；sort：occurred_on、enterprise、due。")
	PageResult<CreditEntry> entries(DataScope scope, ListRequest list, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean pending, @RequestParam(required = false) Boolean overdue) {
		return records.list(scope, CreditAccess.entries(status, pending, overdue), list.toPage());
	}

	@GetMapping("/entries/{id}")
	@Operation(summary = "信用记录详情", description = "记录及对其提出的异议。")
	EntryDetail entry(DataScope scope, @PathVariable long id) {
		return new EntryDetail(records.get(scope, id), objections.ofEntry(scope, id));
	}

	@PostMapping("/entries/{id}/correction")
	@PreAuthorize(CaseRoles.HANDLERS)
	@Operation(summary = "更正信用记录（处室工作人员）", description = "按待办的更正变更或撤销记录：变更时summary为变更后的内容（可空，空则按拟变更内容），"
			+ "撤销时不填summary。没有待办更正的记录409（summary、no-correction）。")
	CreditEntry correct(DataScope scope, @PathVariable long id, @RequestBody(required = false) CreditRecords.Correction data) {
		return records.correct(scope, id, data);
	}

	@PostMapping("/entries/{id}/objections")
	@PreAuthorize("hasRole('ENTERPRISE')")
	@Operation(summary = "提出信用异议（企业）", description = "reason：异议理由（必填，2000字以内）；只能对本企业的记录提出，"
			+ "复核期限按规则目录credit.objection-review（自收到之日起10日）。记录已撤销或已有异议在复核中409。")
	ResponseEntity<Created> file(DataScope scope, @PathVariable long id, @RequestBody(required = false) CreditObjections.Filing data) {
		long objection = objections.file(scope, id, data).id();
		return ResponseEntity.created(URI.create("/api/v1/credit/objections/" + objection)).body(new Created(objection));
	}

	@GetMapping("/objections")
	@Operation(summary = "信用异议", description = "调用者数据权限内的异议（企业只看到本企业的），最新的在前；status：FILED、UPHELD、REJECTED；"
			+ "overdue=true只列超过复核期限仍未复核的；q搜索企业名称、统一社会信用代码、文号；sort：filed_on、due、enterprise。理由中的手机号、身份证号已遮蔽。")
	PageResult<CreditObjection> objections(DataScope scope, ListRequest list, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue) {
		return objections.list(scope, CreditAccess.objections(status, overdue), list.toPage());
	}

	@GetMapping("/objections/{id}")
	@Operation(summary = "信用异议详情")
	CreditObjection objection(DataScope scope, @PathVariable long id) {
		return objections.get(scope, id);
	}

	@PostMapping("/objections/{id}/review")
	@PreAuthorize(CaseRoles.HANDLERS)
	@Operation(summary = "复核信用异议（处室工作人员）", description = "result：UPHELD（异议成立）或REJECTED（异议不成立）；reason：复核理由（必填）；"
			+ "成立时correction：CHANGE（变更，correctedSummary必填）或REMOVE（撤销记录），记录应在规则目录credit.objection-correction的期限内更正。"
			+ "已复核409（result、already-reviewed）。")
	CreditObjection review(DataScope scope, @PathVariable long id, @RequestBody(required = false) CreditObjections.Review data) {
		return objections.review(scope, id, data);
	}
}
