package org.youguan.filing.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.filing.AttachmentKind;
import org.youguan.filing.FilingStatus;
import org.youguan.filing.OutletFilings;
import org.youguan.filing.Upload;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletForm;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Outlet filing for an enterprise's own systems, on an enterprise user's API token: submit a new outlet's filing with
 * its attachments (the same service, rules and checks as the portal form — 快递末端网点备案暂行规定(2018)), and track
 * the enterprise's filings and each one's decision. Only enterprise tokens (403 for others); another enterprise's
 * filing answers 404. Personal data comes back masked as on the pages.
 */
@RestController
@RequestMapping("/api/v1/enterprise/filings")
@PreAuthorize("hasRole('ENTERPRISE')")
@Tag(name = "企业网点备案接口", description = "企业系统对接：提交末端网点备案（含附件），查询本企业备案的进度和结果。仅限企业用户的API令牌。")
class EnterpriseFilingApiController {

	/** The outlet as the portal form files it; the enterprise is the token's. Facilities left out count as absent. */
	@Schema(description = "备案的末端网点（与企业门户的备案表单字段相同）", example = OUTLET_EXAMPLE)
	record Outlet(String name, Long branchId, String cooperation, String address, String regionCode,
			@Schema(type = "number", types = "number", minimum = "" + OutletForm.LONGITUDE_MIN, maximum = "" + OutletForm.LONGITUDE_MAX,
					example = "120.61", description = LONGITUDE) @JsonDeserialize(using = NumberText.Judged.class) String longitude,
			@Schema(type = "number", types = "number", minimum = "" + OutletForm.LATITUDE_MIN, maximum = "" + OutletForm.LATITUDE_MAX,
					example = "31.26", description = LATITUDE) @JsonDeserialize(using = NumberText.Judged.class) String latitude,
			String managerName, String managerIdNumber, String managerPhone,
			@Schema(type = "number", types = "number", minimum = "0.01", maximum = "999999.99", example = "45.5", description = STORAGE_AREA)
			@JsonDeserialize(using = NumberText.Judged.class) String storageArea, Boolean hasCommunications,
			Boolean hasShelving, Boolean hasSurveillance, Boolean hasSignage, LocalDate openedOn) {

		/**
		 * The outlet as filed, its numbers (a JSON number or text) read by the one reader of outlet numbers the portal
		 * form, the staff register and the .xlsx import read them with ({@link OutletForm#longitude},
		 * {@link OutletForm#latitude}, {@link OutletForm#storageArea}: each by its column's digits) — a number refused
		 * (1E400, 120.1234567, exponent notation, no number) is collected in
		 * {@code v} and told with every other error of the body, not alone as the body reader's.
		 */
		OutletData toData(long enterpriseId, Validation v) {
			return new OutletData(name, enterpriseId, branchId, cooperation, address, regionCode,
					OutletForm.longitude(v, longitude), OutletForm.latitude(v, latitude), managerName,
					managerIdNumber, managerPhone, OutletForm.storageArea(v, storageArea),
					Boolean.TRUE.equals(hasCommunications), Boolean.TRUE.equals(hasShelving),
					Boolean.TRUE.equals(hasSurveillance), Boolean.TRUE.equals(hasSignage), openedOn);
		}
	}

	/**
	 * What the document says of a number the API reads as it is written — a JSON number, or text the forms read
	 * (OutletForm.NumberField) — so an integrator knows the text form is taken too.
	 */
	private static final String AS_TEXT = "；JSON数字，也可写成文字（如\"45.5\"，全角数字亦可）；超出位数的不会四舍五入，返回400";

	/** The document's description of a longitude: its unit, range and digits (numeric(9,6)). */
	static final String LONGITUDE = "经度（度，" + OutletForm.LONGITUDE_MIN + "至" + OutletForm.LONGITUDE_MAX + "，最多"
			+ OutletForm.COORDINATE_FRACTION_DIGITS + "位小数；与纬度同时填写或同时不填）" + AS_TEXT;

	/** The document's description of a latitude (numeric(8,6)). */
	static final String LATITUDE = "纬度（度，" + OutletForm.LATITUDE_MIN + "至" + OutletForm.LATITUDE_MAX + "，最多"
			+ OutletForm.COORDINATE_FRACTION_DIGITS + "位小数；与经度同时填写或同时不填）" + AS_TEXT;

	/** The document's description of a storage area (numeric(8,2)). */
	static final String STORAGE_AREA = "存储场地面积（平方米，大于0，最多" + OutletForm.STORAGE_AREA_INTEGER_DIGITS + "位整数、"
			+ OutletForm.STORAGE_AREA_FRACTION_DIGITS + "位小数）" + AS_TEXT;

	static final String OUTLET_EXAMPLE = """
			{"name": "顺丰吴中木渎站", "cooperation": "OWN", "address": "苏州市吴中区木渎镇中山东路88号",
			 "regionCode": "320506001", "longitude": 120.61, "latitude": 31.26, "managerName": "王小明", "managerIdNumber": "32050619900101123X",
			 "managerPhone": "13912345678", "storageArea": 45.5, "hasCommunications": true, "hasShelving": true,
			 "hasSurveillance": true, "hasSignage": true, "openedOn": "2026-11-20"}""";

	/** What a submission answers: the filing, its statutory due date and status. */
	record Submitted(long id, String number, FilingStatus status, LocalDate dueOn) {
	}

	/** One attachment of a filing and the address that serves it to the enterprise. */
	record AttachmentLink(long id, String kind, String fileName, String contentType, int sizeBytes, String href) {
	}

	/**
	 * One filing as the enterprise tracks it: its state, the outlet filed (masked), its attachments and the bureau that
	 * decides it ({@code handlingBureau}, its full name as the filing's page names it: the county's bureau with an
	 * account to decide it, else the city's — {@link OutletFilings#handlingBureau}).
	 */
	record Filing(FilingView filing, OutletDetails outlet, List<AttachmentLink> attachments, String handlingBureau) {
	}

	private final OutletFilings filings;

	private final Enterprises enterprises;

	EnterpriseFilingApiController(OutletFilings filings, Enterprises enterprises) {
		this.filings = filings;
		this.enterprises = enterprises;
	}

	@GetMapping
	@Operation(summary = "本企业的备案", description = "本企业的末端网点备案，默认按提交日期倒序；status按状态筛选。")
	PageResult<FilingView> list(DataScope scope, @ParameterObject ListRequest request,
			@RequestParam(required = false) FilingStatus status) {
		return filings.list(scope, new OutletFilings.Filter(status, null, false, null), request.toPage());
	}

	@GetMapping("/{id}")
	@Operation(summary = "备案详情", description = "备案的状态、期限、决定，备案的网点（身份证号、电话脱敏）和附件。"
			+ "filing.openedOn为新网点备案所报的开办日期，filing.changedOn为变更备案所报的变更日期（其他类型为null）；"
			+ "网点现在和拟变更的开办日期见outlet。filing.branchName为备案所报经营的分支机构（变更备案为变更后的，null为本企业直接经营），"
			+ "outlet.current/proposed.branchName为变更前后的分支机构。handlingBureau为办理（审核）该备案的邮政管理部门全称"
			+ "（网点所在县级局有可办理备案的账号时为该局，否则为市局），与备案页面所示一致。不是本企业的备案返回404。")
	Filing get(DataScope scope, @PathVariable long id) {
		FilingView filing = filings.get(scope, id);
		return new Filing(filing, filings.details(scope, id), filings.attachments(scope, id).stream()
			.map(a -> new AttachmentLink(a.id(), a.kind(), a.fileName(), a.contentType(), a.sizeBytes(), a.href()))
			.toList(), filings.handlingBureau(filing));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "提交新网点备案", description = "multipart/form-data：outlet部分为网点JSON（Content-Type: application/json），"
			+ "businessLicence（营业执照）、managerId（负责人身份证件）、photos（门头及内部照片）为附件，按内容和大小检查；"
			+ "由分支机构经营的网点（branchId为本企业的分支机构）还须上传authorisation（上级企业授权书）。"
			+ "字段或附件有误返回400，errors列出每个字段和规则，不保存任何内容；成功返回201和受理编号。")
	ResponseEntity<Submitted> submit(@AuthenticationPrincipal CurrentUser me, @RequestPart("outlet") Outlet outlet,
			@RequestPart(required = false) List<MultipartFile> businessLicence,
			@RequestPart(required = false) List<MultipartFile> managerId,
			@RequestPart(required = false) List<MultipartFile> photos,
			@RequestPart(required = false) List<MultipartFile> authorisation) throws IOException {
		List<Upload> uploads = EnterpriseFilingController.newFilingUploads(businessLicence, managerId, photos, authorisation);
		long enterpriseId = enterprises.findByCreditCode(String.valueOf(me.enterpriseCreditCode()))
			.map(e -> e.id())
			.orElse(0L);
		// a number that does not read (1e2 as the forms refuse it, 1E400 beyond its digits) is told with every other error
		Validation numbers = new Validation();
		OutletData data = outlet.toData(enterpriseId, numbers);
		long id = filings.submitNew(me, data, uploads, numbers.errors());
		FilingView filed = filings.get(me.scope(), id);
		return ResponseEntity.created(URI.create("/api/v1/enterprise/filings/" + id))
			.body(new Submitted(id, filed.number(), filed.status(), filed.dueOn()));
	}

	/**
	 * What a 补正 answers: the filing back with the bureau, its new due date, the fields corrected, and — when a late new
	 * filing's corrected opening day would have been in time — the note that it stays 逾期备案 and the bureau judges
	 * the correction ({@link OutletFilings#correctedInTimeNote}; null otherwise).
	 */
	record Supplemented(long id, String number, FilingStatus status, LocalDate dueOn, List<String> corrected,
			String lateFilingNote) {
	}

	@PostMapping(path = "/{id}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "提交补正", description = "对“待补正”的备案提交补正（multipart/form-data）：note（补正说明）、files（补正材料）、"
			+ "outlet（选填，网点JSON，Content-Type: application/json：按补正通知更正后的完整网点信息，字段同提交新网点备案；"
			+ "managerIdNumber、managerPhone不传或传回脱敏值时保留原报的；变更备案的开办日期不能修改；所在地须在原受理县（区）内），"
			+ "改由其他分支机构经营时上传authorisation（上级企业授权书）。更正的数据按提交备案时的规则检查，错误时返回400列出每个字段，"
			+ "不保存任何内容；成功返回200：备案回到待办理，办理时限自今日重新计算，corrected列出更正的项目。"
			+ "撤销备案没有网点信息可更正，可用reason更正撤销原因（一行，至多200字；不传或留空保留原报的；其他备案传reason返回400）。"
			+ "已逾期备案的新网点备案更正开办日期后仍为逾期备案，按更正日期未逾期时lateFilingNote说明由邮政管理部门审查认定。"
			+ "不是待补正的返回409，不是本企业的返回404。")
	Supplemented supplement(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String note, @RequestParam(required = false) String reason,
			@RequestPart(required = false) Outlet outlet,
			@RequestPart(required = false) List<MultipartFile> files,
			@RequestPart(required = false) List<MultipartFile> authorisation) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		EnterpriseFilingController.add(uploads, AttachmentKind.SUPPLEMENT, files);
		EnterpriseFilingController.add(uploads, AttachmentKind.AUTHORISATION, authorisation);
		long enterpriseId = enterprises.findByCreditCode(String.valueOf(me.enterpriseCreditCode()))
			.map(e -> e.id())
			.orElse(0L);
		Validation numbers = new Validation();
		OutletData data = outlet == null ? null : outlet.toData(enterpriseId, numbers);
		// a number that does not read is told with every other bad field of the body, once the filing's state (409) lets
		// the 补正 in (OutletFilings.supplement judges the state first)
		List<String> corrected = filings.supplement(me, id, note, uploads, data, reason, numbers.errors(), null);
		FilingView f = filings.get(me.scope(), id);
		return new Supplemented(id, f.number(), f.status(), f.dueOn(), corrected, filings.correctedInTimeNote(f));
	}
}
