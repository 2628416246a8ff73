package org.youguan.universal.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.ImportPages;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.universal.ApprovalStatus;
import org.youguan.universal.PostOfficeApproval;
import org.youguan.universal.PostOfficeApprovalImport;
import org.youguan.universal.PostOfficeApprovals;
import org.youguan.universal.PostOfficeView;
import org.youguan.universal.PostOffices;
import org.youguan.universal.SuspensionView;

/**
 * The API of the 邮政普遍服务营业场所: opening days and hours against the standard, the closure/relocation approvals
 * (邮政法(2015) art.9) step by step, the past approvals' import (one by JSON, many by .xlsx, all or nothing) and the
 * 临时停业 the postal enterprise reports.
 */
@RestController
@RequestMapping("/api/v1/universal")
@Tag(name = "普遍服务")
class PostOfficeApiController {

	private final PostOffices postOffices;

	private final PostOfficeApprovals approvals;

	private final PostOfficeApprovalImport imports;

	PostOfficeApiController(PostOffices postOffices, PostOfficeApprovals approvals, PostOfficeApprovalImport imports) {
		this.postOffices = postOffices;
		this.approvals = approvals;
		this.imports = imports;
	}

	/** The answer to something created. */
	record Created(long id) {
	}

	@GetMapping("/post-offices")
	@PreAuthorize(UniversalAccess.VIEWERS)
	@Operation(summary = "营业场所营业时间", description = "已登记营业时间的邮政普遍服务营业场所；region按区划筛选（不在数据权限内时403，格式有误时400），"
			+ "below=true只列每周营业天数低于标准的（城市、乡镇的每周营业天数下限按规则目录universal.opening.city、universal.opening.township，省局可设置）。企业用户只看到本企业的。")
	PageResult<PostOfficeView> list(DataScope scope, ListRequest list, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean below) {
		return postOffices.list(scope, new PostOffices.Filter(region, Boolean.TRUE.equals(below)), list.toPage());
	}

	@PutMapping("/post-offices/{facilityId}/hours")
	@PreAuthorize(UniversalAccess.PROFILE_WRITERS)
	@Operation(summary = "登记营业场所营业时间", description = "areaType（CITY城市、TOWNSHIP乡镇）、daysPerWeek（0–7）、"
			+ "openingHours（如“周一至周六 8:30-17:30”）。不是数据权限内的邮政普遍服务营业场所时404。所在地类型决定适用的标准，"
			+ "由邮政管理部门认定：企业用户只能报已认定营业场所的营业时间，areaType可省略或与已认定的相同，否则400（field为areaType，"
			+ "rule为bureau-only）。企业把每周营业天数改为0或营业时间只写停业的，即撤销营业场所，须经批准并公告（[[POSTAL_OFFICE_CLOSURE]]）："
			+ "没有已生效的撤销批准时422（field为daysPerWeek或openingHours，rule为closure-approval），请通过"
			+ "POST /post-office-approvals申请撤销；临时停业请用POST /post-office-suspensions报告。")
	PostOfficeView saveHours(DataScope scope, @PathVariable long facilityId, @RequestBody(required = false) HoursBody body) {
		// a number of days that cannot be read ("七", 7.5, true) is told with the other fields' errors, not alone
		Validation v = new Validation();
		PostOffices.HoursData data = body == null ? null : new PostOffices.HoursData(body.areaType(),
				v.check("daysPerWeek", () -> days(body.daysPerWeek())), body.openingHours());
		return postOffices.saveHours(scope, facilityId, data, false, v.errors());
	}

	/**
	 * The hours as the API's body sends them: {@code daysPerWeek} read as written (a number, or its text) and judged with
	 * the other fields ({@link PostOffices#saveHours(DataScope, long, PostOffices.HoursData, boolean, java.util.List)}),
	 * as the page's form is ({@code kernel.FormBinding}), so one answer names every bad value.
	 */
	record HoursBody(String areaType,
			@Schema(type = "integer", minimum = "0", maximum = "" + PostOffices.DAYS_A_WEEK) JsonNode daysPerWeek,
			String openingHours) {
	}

	/** The days a week as sent: null when left out or blank; a whole number from 0 to 7, else refused stating that range. */
	private static Integer days(JsonNode sent) {
		if (sent == null || sent.isNull() || sent.isMissingNode()) {
			return null;
		}
		String typed = sent.isString() ? sent.asString() : sent.toString();
		// blank is left out (the service asks for it), as the page's empty field is
		Long n = Validation.wholeNumber("daysPerWeek", "每周营业天数", typed, 0, PostOffices.DAYS_A_WEEK);
		return n == null ? null : n.intValue();
	}

	@GetMapping("/post-office-approvals")
	@PreAuthorize(UniversalAccess.VIEWERS)
	@Operation(summary = "营业场所撤销、搬迁审批列表", description = "region按区划筛选（不在数据权限内时403）；"
			+ "status（SUBMITTED、CHECKED、APPROVED、REFUSED、ANNOUNCED）、open=true只列未办结的；remainingDays为距当前期限的工作日数，overdue为已超期。企业只看到本企业的。")
	PageResult<PostOfficeApproval> approvals(DataScope scope, ListRequest list, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean open) {
		return approvals.list(scope, region, status(status), Boolean.TRUE.equals(open), list.toPage());
	}

	@GetMapping("/post-office-approvals/{id}")
	@PreAuthorize(UniversalAccess.VIEWERS)
	@Operation(summary = "营业场所撤销、搬迁审批", description = "不在数据权限内（企业：不是本企业的）时404。decisionNumber为决定文号；"
			+ "documents列出已出具的文书（kind：DECISION决定书、NOTICE公告；title、number、issuedOn、href为下载地址"
			+ "GET /attachments/{id}，仅本辖区工作人员和申请企业可下载）。")
	PostOfficeApproval approval(DataScope scope, @PathVariable long id) {
		return approvals.get(scope, id);
	}

	@PostMapping("/post-office-approvals")
	@PreAuthorize(UniversalAccess.PROFILE_WRITERS)
	@Operation(summary = "申请撤销或搬迁营业场所", description = "facilityId、kind（CLOSURE撤销、RELOCATION搬迁）、reason、"
			+ "newAddress（搬迁必填）、receivedOn（工作人员登记纸质申请时的收到日期，默认今天）。决定期限为受理后规则目录"
			+ "universal.closure-decision规定的工作日数（[[POSTAL_OFFICE_CLOSURE]]；[[LICENSING_DECISION_PERIOD,LICENSING_WORKING_DAYS]]；按规则目录中的期限，见GET /api/v1/rules）。")
	ResponseEntity<Created> apply(DataScope scope, @RequestBody(required = false) PostOfficeApprovals.ApplicationData data) {
		long id = approvals.apply(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/universal/post-office-approvals/" + id)).body(new Created(id));
	}

	@PostMapping("/post-office-approvals/{id}/site-check")
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "登记现场核查和征求意见", description = "checkedOn、findings、consultation；仅待现场核查时（否则409）。")
	PostOfficeApproval check(DataScope scope, @PathVariable long id, @RequestBody(required = false) PostOfficeApprovals.SiteCheck data) {
		approvals.check(scope, id, data);
		return approvals.get(scope, id);
	}

	@PostMapping("/post-office-approvals/{id}/extension")
	@PreAuthorize(UniversalAccess.DECIDERS)
	@Operation(summary = "延长审批期限", description = "reason；由作出决定的本局局领导本人调用（批准人即调用者，不接受填写的姓名），其他人403（field approvedBy）；"
			+ "限一次，延长规则目录universal.closure-extension规定的工作日数，期限届满后不能延长。")
	PostOfficeApproval extend(DataScope scope, @PathVariable long id, @RequestBody(required = false) PostOfficeApprovals.Extension data) {
		approvals.extend(scope, id, data);
		return approvals.get(scope, id);
	}

	@PostMapping("/post-office-approvals/{id}/approval")
	@PreAuthorize(UniversalAccess.DECIDERS)
	@Operation(summary = "批准撤销或搬迁", description = "reasons可选；alternativeOffice可选（就近承担服务的营业场所，公告中写明）；"
			+ "现场核查后才能批准（否则409）；同时取得决定文号并出具准予决定书；公告期限为决定后规则目录universal.closure-notice规定的工作日数。")
	PostOfficeApproval approve(DataScope scope, @PathVariable long id,
			@RequestBody(required = false) PostOfficeApprovals.Decision body) {
		approvals.approve(scope, id, body);
		return approvals.get(scope, id);
	}

	@PostMapping("/post-office-approvals/{id}/refusal")
	@PreAuthorize(UniversalAccess.DECIDERS)
	@Operation(summary = "不予批准", description = "reasons必填；同时取得决定文号并出具不予批准决定书（载明理由和行政复议、行政诉讼的途径和期限）。")
	PostOfficeApproval refuse(DataScope scope, @PathVariable long id,
			@RequestBody(required = false) PostOfficeApprovals.Decision body) {
		approvals.refuse(scope, id, body);
		return approvals.get(scope, id);
	}

	@PostMapping("/post-office-approvals/{id}/notice")
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "登记向社会公告", description = "announcedOn、channel（公告方式）、effectiveOn（撤销或迁址生效日期，"
			+ "不早于公告日期，默认公告日期）；仅已批准待公告时（否则409）；同时出具公告文书。")
	PostOfficeApproval announce(DataScope scope, @PathVariable long id, @RequestBody(required = false) PostOfficeApprovals.Notice data) {
		approvals.announce(scope, id, data);
		return approvals.get(scope, id);
	}

	@PostMapping("/post-office-approvals/imported")
	@PreAuthorize(UniversalAccess.DECIDERS)
	@Operation(summary = "导入历史审批", description = "facilityId、kind、reason、newAddress、receivedOn、checkedOn、decision"
			+ "（APPROVED、REFUSED）、decidedOn、announcedOn、noticeChannel、decisionNumber（真实决定文号，可选，本市内不得重复）；"
			+ "按真实日期记录并标为历史导入，不生成文书。记录的是本局的决定，与在本系统作出的决定同样：仅作出决定的本局局领导可以导入"
			+ "（否则403，field为decision，rule为forbidden）；决定日期时该营业场所有尚未决定的申请时409（field为facilityId，rule为unique），"
			+ "其撤销批准已生效时409（field为facilityId，rule为closed）；同一营业场所、申请事项和决定日期已有决定时409（field为decidedOn）。")
	ResponseEntity<Created> imported(DataScope scope, @RequestBody(required = false) PostOfficeApprovals.ImportedApproval data) {
		long id = approvals.importApproval(scope, data);
		return ResponseEntity.created(URI.create("/api/v1/universal/post-office-approvals/" + id)).body(new Created(id));
	}

	@PostMapping(path = "/post-office-approvals/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(UniversalAccess.DECIDERS)
	@Operation(summary = "导入历史审批（.xlsx）", description = "file：按导入模板填写的工作簿。仅作出决定的本局局领导可以导入（否则403，"
			+ "field为decision）。每行与POST /post-office-approvals/imported同样校验；任何一行有误则全部不导入，答复422，"
			+ "fieldErrors逐行列出；全部正确为201。")
	ResponseEntity<ImportPages.Imported> importFile(DataScope scope, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		return ImportPages.api(file, content -> imports.importFile(scope, content));
	}

	@GetMapping("/post-office-suspensions")
	@PreAuthorize(UniversalAccess.VIEWERS)
	@Operation(summary = "营业场所临时停业", description = "辖区内（企业：本企业）报告的临时停业，最近开始的在前；"
			+ "region按区划筛选（不在数据权限内时403）。")
	PageResult<SuspensionView> suspensions(DataScope scope, ListRequest list, @RequestParam(required = false) String region) {
		return postOffices.suspensions(scope, region, list.toPage());
	}

	@GetMapping("/post-office-suspensions/{id:\\d+}")
	@PreAuthorize(UniversalAccess.VIEWERS)
	@Operation(summary = "营业场所临时停业报告", description = "辖区内（企业：本企业）的一份临时停业报告（同列表）；不可见时404。")
	SuspensionView suspension(DataScope scope, @PathVariable long id) {
		return postOffices.suspension(scope, id);
	}

	@PostMapping("/post-office-suspensions")
	@PreAuthorize(UniversalAccess.PROFILE_WRITERS)
	@Operation(summary = "报告营业场所临时停业", description = "facilityId、startsOn、endsOn（YYYY-MM-DD）、reason。")
	ResponseEntity<Created> suspend(DataScope scope, @RequestBody(required = false) PostOffices.SuspensionData data) {
		long id = postOffices.reportSuspension(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/universal/post-office-suspensions/" + id)).body(new Created(id));
	}

	static ApprovalStatus status(String text) {
		if (Text.isBlank(text)) {
			return null;
		}
		try {
			return ApprovalStatus.valueOf(Text.strip(text).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("status", "one-of", "状态应为" + Choice.listed(ApprovalStatus.class) + "之一");
		}
	}
}
