package org.youguan.enforcement.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.CaseDecisions;
import org.youguan.enforcement.CaseEvidence;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.enforcement.PastCases;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;

/**
 * The penalty case's documents, evidence list and the procedures beside the main path, for bureau staff and their
 * systems: the documents as issued with their 文号 and versions (downloaded from {@code href}, {@code GET
 * /attachments/{id}}) and their reissue; the evidence list (调查取证, multipart with the file); 当场处罚 (简易程序);
 * 移送; 延期/分期缴纳 (局领导 only). Everything within the caller's scope (others get 404).
 */
@RestController
@RequestMapping("/api/v1/enforcement/cases")
@Tag(name = "行政处罚", description = "案件文书、证据清单、当场处罚、移送、延期（分期）缴纳罚款")
class CaseFilesApiController {

	private final PenaltyCases cases;

	private final PastCases pastCases;

	private final CaseExecution caseExecution;

	private final OnTheSpotPenalties onTheSpotPenalties;

	private final CaseDecisions caseDecisions;

	private final CaseEvidence evidence;

	CaseFilesApiController(PenaltyCases cases, PastCases pastCases, CaseExecution caseExecution,
			OnTheSpotPenalties onTheSpotPenalties, CaseDecisions caseDecisions, CaseEvidence evidence) {
		this.cases = cases;
		this.pastCases = pastCases;
		this.caseExecution = caseExecution;
		this.onTheSpotPenalties = onTheSpotPenalties;
		this.caseDecisions = caseDecisions;
		this.evidence = evidence;
	}

	/** A reason. */
	record Reason(String reason) {
	}

	/** A transfer: a bureau on the platform (bureauId) or another authority by name. */
	record Transfer(Long bureauId, String authority, String reason) {
	}

	@GetMapping("/{id}/documents")
	@PreAuthorize(EnforcementApiController.READERS)
	@Operation(summary = "案件文书", description = "案件各环节生成的文书（立案审批表、询问笔录、调查终结报告、法制审核意见书、事先告知书、"
			+ "听证文书、处罚决定书、送达回证、结案报告等）：kind、title、number（文号）、version、current（是否为现行版本）、href（下载）。")
	List<CaseDocuments.IssuedDocument> documents(DataScope scope, @PathVariable long id) {
		return cases.documents(scope, id);
	}

	@PostMapping("/{id}/documents/{documentId}/reissue")
	@PreAuthorize(CaseRoles.HANDLERS_OR_HEADS)
	@Operation(summary = "重新制作文书", description = "按案件现状重新生成该文书（文号不变，版本加一），原版本保留；reason：理由（必填）。"
			+ "已送达当事人的文书（送达后的行政处罚决定书、告知书、通知书等）须由办案机关本局负责人重新制作（422 head "
			+ "not-handling-bureau-head），当事人门户仍可下载送达的版本。")
	CaseDocuments.IssuedDocument reissue(DataScope scope, @PathVariable long id, @PathVariable long documentId,
			@RequestBody Reason r) {
		return cases.reissueDocument(scope, id, documentId, r.reason());
	}

	@PostMapping(path = "/{id}/documents/originals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(EnforcementApiController.WRITERS)
	@Operation(summary = "上传原始文书扫描件（历史导入案件）", description = "multipart：kind（DECISION、DELIVERY_RECEIPT、PRIOR_NOTICE、"
			+ "FILING_APPROVAL、CLOSING_REPORT等文书种类）、number（文书上的文号；处罚决定书可空，取案件的决定书文号）、"
			+ "issuedOn（文书日期）、file（PDF或JPEG、PNG扫描件）。只适用于历史导入的案件；每种文书一份。")
	ResponseEntity<CaseDocuments.IssuedDocument> keepOriginal(DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String number,
			@RequestParam(required = false) String issuedOn,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		CaseDocuments.IssuedDocument d = pastCases.keepOriginalDocument(scope, id,
				new PastCases.OriginalDocument(kind, number, issuedOn), UploadedFile.of(file));
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + id + "/documents")).body(d);
	}

	@GetMapping("/{id}/evidence")
	@PreAuthorize(EnforcementApiController.READERS)
	@Operation(summary = "证据清单", description = "调查取证登记的证据：kind、title、collectedOn、collectedBy（收集人员及执法证号）、href（附件）。")
	List<CaseEvidence.EvidenceItem> evidence(DataScope scope, @PathVariable long id) {
		return evidence.list(scope, id);
	}

	@PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(EnforcementApiController.WRITERS)
	@Operation(summary = "登记证据", description = "multipart：kind（INQUIRY_RECORD、SITE_RECORD、DOCUMENTARY、PHOTO、AUDIO、VIDEO）、"
			+ "title、content、place、subject、collectedOn、collectors（本案调查人员的执法证号，至少2个）、file（书证、照片必填）。")
	ResponseEntity<CaseEvidence.EvidenceItem> addEvidence(DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String content, @RequestParam(required = false) String place,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String collectedOn,
			@RequestParam(required = false) List<String> collectors,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		CaseEvidence.EvidenceItem item = evidence.add(scope, id, new CaseEvidence.EvidenceData(kind, title, content, place,
				subject, collectedOn, collectors), UploadedFile.of(file));
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + id + "/evidence")).body(item);
	}

	@PostMapping("/on-the-spot")
	@PreAuthorize(EnforcementApiController.WRITERS)
	@Operation(summary = "当场处罚（简易程序）", description = "partyKind（ORGANISATION、PERSON）、enterpriseCreditCode或personName与"
			+ "regionCode、violation、facts、place、decidedOn、penalty（WARNING、FINE）、fine（公民≤200元、组织≤3000元）、"
			+ "team（至少2名执法人员：name、certificateNumber）；生成当场行政处罚决定书。")
	ResponseEntity<EnforcementApiController.Created> onTheSpot(DataScope scope, @RequestBody OnTheSpotPenalties.OnTheSpot data) {
		long caseId = onTheSpotPenalties.decideOnTheSpot(scope, data);
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + caseId))
			.body(new EnforcementApiController.Created(caseId));
	}

	@PostMapping("/{id}/transfer")
	@PreAuthorize(EnforcementApiController.HEADS)
	@Operation(summary = "移送（局领导）", description = "由行政机关负责人决定（[[PENALTY_HEAD_DECIDES]]）；bureauId（平台内其他邮政管理部门，将作为其移送线索）或authority（其他机关名称）、reason；"
			+ "作出决定前（含已告知、听证阶段）；案件结束（已移送），生成案件移送书。")
	PenaltyCases.CaseDetail transfer(DataScope scope, @PathVariable long id, @RequestBody Transfer t) {
		caseDecisions.transfer(scope, id, t.bureauId(), t.authority(), t.reason());
		return cases.get(scope, id);
	}

	@GetMapping("/{id}/procedure")
	@PreAuthorize(EnforcementApiController.READERS)
	@Operation(summary = "程序信息", description = "procedureKind（GENERAL、SIMPLE）、partyKind、当场处罚地点、听证笔录、移送、延期（分期）缴纳。")
	PenaltyCases.Procedure procedure(DataScope scope, @PathVariable long id) {
		return cases.procedure(scope, id);
	}

	@PostMapping("/{id}/payment-arrangement")
	@PreAuthorize(EnforcementApiController.HEADS)
	@Operation(summary = "批准延期（分期）缴纳罚款（局领导）", description = "kind（DEFERRAL、INSTALMENTS）、appliedOn（当事人申请日期，"
			+ "必填，不早于送达、不晚于今天；晚于缴款期限为422 after-due）、deferredUntil、instalments（dueOn、amount，合计等于罚款）、"
			+ "reason；[[PENALTY_INSTALMENTS]]。")
	PenaltyCases.CaseDetail arrangePayment(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody CaseExecution.PaymentTerms terms) {
		caseExecution.arrangePayment(scope, id, EnforcementApiController.officer(me), terms);
		return cases.get(scope, id);
	}
}
