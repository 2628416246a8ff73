package org.youguan.licensing.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.ImportPages;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.licensing.ApplicationStatus;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.licensing.LicensingFigures;
import org.youguan.licensing.Material;
import org.youguan.org.CurrentUser;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The licensing API: applications (enterprises for themselves, staff for paper applications), the procedure step by
 * step (receipt by the city or provincial bureau of the premises, 初审 and 现场核查 by its city bureau, the decision by the
 * competent level — each refused with 403 to anyone else), past applications
 * ({@code POST /api/v1/licensing/applications/imported} and the .xlsx import) and the period's figures
 * ({@code GET /api/v1/licensing/figures}).
 */
@RestController
@RequestMapping("/api/v1/licensing")
@Tag(name = "快递业务经营许可", description = "许可申请、受理/补正/不予受理、初审、现场核查、决定、历史申请迁移与许可统计（按调用者数据权限）")
class LicensingApiController {

	static final String STAFF = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	static final String WRITERS = CaseRoles.HANDLERS;

	static final String DECIDERS = CaseRoles.HANDLERS_OR_HEADS;

	static final String APPLICANTS = CaseRoles.HANDLERS_OR_ENTERPRISE;

	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')";

	private final LicenceApplications applications;

	private final LicensingFigures figures;

	private final LicensingImport imports;

	private final Clock clock;

	LicensingApiController(LicenceApplications applications, LicensingFigures figures, LicensingImport imports, Clock clock) {
		this.applications = applications;
		this.figures = figures;
		this.imports = imports;
		this.clock = clock;
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	/**
	 * An application as posted ({@link LicenceApplications.ApplicationData}); {@code branches} may be one name or a list.
	 */
	record Application(String kind, String applicantCreditCode, String applicantName, String legalRepresentative,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = LicenceApplications.CAPITAL,
					integer = LicenceApplications.CAPITAL_INTEGER, fraction = LicenceApplications.CAPITAL_FRACTION) String registeredCapital, String scope, String serviceArea,
			String premisesAddress, String regionCode, String safetySystem, String serviceSystem, String personnel,
			String contactName, String contactPhone,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> branches, String submittedOn) {

		LicenceApplications.ApplicationData data() {
			return new LicenceApplications.ApplicationData(kind, applicantCreditCode, applicantName, legalRepresentative,
					registeredCapital, scope, serviceArea, premisesAddress, regionCode, safetySystem, serviceSystem, personnel,
					contactName, contactPhone, branches, submittedOn);
		}
	}

	/** A licence to cancel (注销). */
	record Cancellation(String number, String ground, String note) {
	}

	/** A 文号 or number given out by a step. */
	record Numbered(long id, String number) {
	}

	/** The items a 补正通知 adds to the missing materials. */
	record Items(List<String> items) {
	}

	/** A reason (不予受理 with the competent bureau, 不予许可, a pause). */
	record Reason(String reason, String competentBureau, String kind, String ground) {
	}

	/** The 初审 opinion. */
	record Opinion(String opinion) {
	}

	@GetMapping("/figures")
	@PreAuthorize(STAFF)
	@Operation(summary = "许可统计", description = "期间内（from、to，YYYY-MM-DD，默认本年初至今天）区域（region，默认本单位）的"
			+ "受理申请数（received）、初审家次（preliminaryReviews，每个申请及其每个分支机构各计1家次）、现场核查企业数"
			+ "（onSiteVerifications，去重）、准予许可数（approved）、不予许可数（refused）和平均决定用时（averageDecisionDays，"
			+ "自受理至决定的日数，不含中止计时期间）；其后另有annualReportsFiled、annualReportsLate（期间内报送、逾期报送的年度报告）、"
			+ "licencesExpiringIn90Days（今天起90日内到期的有效许可证）和steps（受理、初审、现场核查、决定各环节的办结数、平均工作日和按时率）。"
			+ FiguresPeriod.API_RULES)
	LicensingFigures.Figures figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		return figures.figures(scope, q.region(), q.from(), q.to());
	}

	@GetMapping("/applications")
	@PreAuthorize(READERS)
	@Operation(summary = "许可申请列表", description = "工作人员看经营场所在辖区内的申请，企业只看本企业的申请；open=true只列办理中的；"
			+ "status：SUBMITTED、CORRECTION_REQUESTED、ACCEPTED、REVIEWED、VERIFIED、APPROVED、REFUSED、NOT_ACCEPTED。")
	PageResult<LicenceApplications.ApplicationSummary> list(DataScope scope, ListRequest list,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean open) {
		return applications.list(scope, status(status), open, list.toPage());
	}

	@GetMapping("/applications/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "许可申请详情", description = "含分支机构、核查清单、中止计时、附件、缺少的材料和各项期限。")
	LicenceApplications.ApplicationDetail get(DataScope scope, @PathVariable long id) {
		return applications.get(scope, id);
	}

	@PostMapping("/applications")
	@PreAuthorize(APPLICANTS)
	@Operation(summary = "提交许可申请", description = "企业为本企业提交（当日收到）；工作人员录入纸质申请（submittedOn为收到日期）。"
			+ "kind：NEW新设许可、CHANGE变更、RENEWAL延续、BRANCH分支机构（branches填写拟载入许可证的分支机构；须持有有效许可证，"
			+ "否则409；准予后载入现有许可证的分支机构名录，不另发许可证）。材料另以POST /applications/{id}/materials上传"
			+ "（每份申请的材料文件数有上限）；工作人员只能为纸质申请补充材料。")
	ResponseEntity<Created> submit(@AuthenticationPrincipal CurrentUser me, @RequestBody Application data) {
		long id = applications.submit(Clerk.of(me), data.data(), Map.of());
		return ResponseEntity.created(URI.create("/api/v1/licensing/applications/" + id)).body(new Created(id));
	}

	@PostMapping(path = "/applications/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(APPLICANTS)
	@Operation(summary = "补充申请材料", description = "kind：BUSINESS_LICENCE、CAPITAL、PREMISES、SAFETY、SERVICE、PERSONNEL、"
			+ "BRANCH_LIST；file：JPEG、PNG或PDF，可多个（同一材料每份申请最多5个文件）；其他文件字段400。待受理的申请可补充；"
			+ "已出具补正通知的，用POST /applications/{id}/correction。")
	LicenceApplications.ApplicationDetail material(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String kind,
			@RequestPart(name = "file", required = false) List<MultipartFile> file,
			@RequestParam MultiValueMap<String, MultipartFile> parts) {
		LicensingUploads.onlyParts(parts, List.of("file"), List.of("材料文件"));
		applications.addMaterial(Clerk.of(me), id, material(kind), LicensingController.chosen(file));
		return applications.get(scope, id);
	}

	@PostMapping(path = "/applications/{id}/correction", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(APPLICANTS)
	@Operation(summary = "提交补正材料", description = "文件字段名为材料类型（如BUSINESS_LICENCE），同一字段可多个文件（同一材料每份申请最多5个文件）；"
			+ "不是材料类型的字段名400。")
	LicenceApplications.ApplicationDetail correction(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam MultiValueMap<String, MultipartFile> files) {
		applications.correct(Clerk.of(me), id, LicensingUploads.materials(files));
		return applications.get(scope, id);
	}

	@PostMapping("/applications/{id}/correction-notice")
	@PreAuthorize(WRITERS)
	@Operation(summary = "出具补正通知", description = "一次告知全部需要补正的内容：缺少的材料自动列入，items为另外的补正事项。"
			+ "收到申请后在规则目录licence.missing-materials-notice规定的时限内、只能一次（[[LICENSING_ACCEPTANCE]]）。")
	LicenceApplications.ApplicationDetail correctionNotice(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody(required = false) Items items) {
		applications.requestCorrection(Clerk.of(me), id, items == null ? List.of() : items.items());
		return applications.get(scope, id);
	}

	@PostMapping("/applications/{id}/acceptance")
	@PreAuthorize(WRITERS)
	@Operation(summary = "受理", description = "材料齐全时受理，或补正告知期限届满未告知时依法自收到之日起受理；返回受理文号。")
	Numbered accept(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		return new Numbered(id, applications.accept(Clerk.of(me), id));
	}

	@PostMapping("/applications/{id}/non-acceptance")
	@PreAuthorize(WRITERS)
	@Operation(summary = "不予受理", description = "ground必填，不予受理的法定情形：NOT_COMPETENT不属于本机关职权范围（[[LICENSING_NOT_COMPETENT]]）、"
			+ "NOT_NEEDED不需要取得行政许可（[[LICENSING_NOT_NEEDED]]）、NOT_CORRECTED经一次告知后未按要求补正（[[LICENSING_CORRECTION]]），决定书按情形措辞；"
			+ "reason必填，写明事实，不写“不予受理”（400 decision-words）；competentBureau为应当向其申请的机关，仅NOT_COMPETENT时填写（空则为有权决定的机关，其他情形填写400 absent）。"
			+ "不予受理决定书另编文号。")
	LicenceApplications.ApplicationDetail notAccept(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody Reason reason) {
		applications.refuseToAccept(Clerk.of(me), id, reason.ground(), reason.reason(), reason.competentBureau());
		return applications.get(scope, id);
	}

	@PostMapping("/applications/{id}/review")
	@PreAuthorize(WRITERS)
	@Operation(summary = "初审", description = "经营场所所在地的市（地）局。")
	LicenceApplications.ApplicationDetail review(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody Opinion opinion) {
		applications.review(Clerk.of(me), id, opinion.opinion());
		return applications.get(scope, id);
	}

	@PostMapping(path = "/applications/{id}/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITERS)
	@Operation(summary = "现场核查记录", description = "data（JSON）：verifiedOn、inspectors（至少2人，检查人员名录库中的"
			+ "[{name, certificateNumber}]）、checklist（item、passed、note）、passed（有不符合项时不能为true）、conclusion；"
			+ "photos：现场照片（至少1张，最多20张）；checklist最多200项；其他文件字段400。经营场所所在地的市（地）局。")
	LicenceApplications.ApplicationDetail verify(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestPart(name = "data", required = false) LicenceApplications.Verification data,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam MultiValueMap<String, MultipartFile> parts) throws IOException {
		LicensingUploads.onlyParts(parts, List.of("photos", "data"), List.of("现场照片", "核查记录"));
		if (data == null) {
			throw new InvalidValueException("data", "required", "请提交现场核查记录");
		}
		applications.verify(Clerk.of(me), id, data, UploadedFile.of(photos));
		return applications.get(scope, id);
	}

	@PostMapping("/applications/{id}/suspension")
	@PreAuthorize(DECIDERS)
	@Operation(summary = "中止计时", description = "kind：CORRECTION（补正核查缺陷）、HEARING（听证）、EXPERT_REVIEW（专家评审）。")
	LicenceApplications.ApplicationDetail suspend(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody Reason reason) {
		applications.suspend(Clerk.of(me), id, reason.kind(), reason.reason());
		return applications.get(scope, id);
	}

	@PostMapping("/applications/{id}/resumption")
	@PreAuthorize(DECIDERS)
	@Operation(summary = "恢复计时")
	LicenceApplications.ApplicationDetail resume(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id) {
		applications.resume(Clerk.of(me), id);
		return applications.get(scope, id);
	}

	@PostMapping("/applications/{id}/approval")
	@PreAuthorize(DECIDERS)
	@Operation(summary = "准予许可", description = "有权机关（同城、省内：省局；跨省、国际：国家邮政局）；返回许可证编号。")
	Numbered approve(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		return new Numbered(id, applications.approve(Clerk.of(me), id));
	}

	@PostMapping("/applications/{id}/refusal")
	@PreAuthorize(DECIDERS)
	@Operation(summary = "不予许可", description = "reason为不予许可的理由，写入决定书（并告知申请行政复议、提起行政诉讼的权利）。")
	LicenceApplications.ApplicationDetail refuse(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody Reason reason) {
		applications.refuse(Clerk.of(me), id, reason.reason());
		return applications.get(scope, id);
	}

	@GetMapping("/applications/{id}/certificate")
	@PreAuthorize(READERS)
	@Operation(summary = "下载电子许可证", description = "重定向到许可证（.docx）附件下载地址；未颁发，或变更、延续决定因许可证已吊销、注销未生效而作废的，为404。")
	ResponseEntity<Void> certificate(DataScope scope, @PathVariable long id) {
		return applications.certificate(scope, id)
			.map(a -> ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(a.href())).<Void>build())
			.orElseThrow(() -> DomainException.notFound("电子许可证", id));
	}

	@PostMapping("/licences/cancellation")
	@PreAuthorize(DECIDERS)
	@Operation(summary = "注销许可证", description = "number：许可证编号；ground：EXPIRED（有效期届满未延续）、LEGAL_PERSON_ENDED"
			+ "（法人资格依法终止）、NO_OPERATION（取得许可后无正当理由超过规则目录licence.no-operation规定的期间未经营）、STOPPED（主动停止经营）、OTHER（其他，note必填）"
			+ "（[[LICENSING_CANCELLATION]]）。由有权机关（省局或国家邮政局）注销，登记的许可证状态随后改为已注销。")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@AuthenticationPrincipal CurrentUser me, @RequestBody Cancellation cancellation) {
		applications.cancelLicence(Clerk.of(me), cancellation.number(), cancellation.ground(), cancellation.note());
	}

	@PostMapping("/applications/imported")
	@PreAuthorize(WRITERS)
	@Operation(summary = "导入历史许可申请", description = "applicantCreditCode、applicantName、kind（NEW、CHANGE、RENEWAL、BRANCH）、"
			+ "scope（同城、省内、跨省、国际）、receivedOn、preliminaryReviewedOn、onSiteVerifiedOn、decision（APPROVED、"
			+ "REFUSED、PENDING）、decidedOn、licenceNumber（新设许可为所发许可证编号；变更、延续、分支机构准予的，为申请人所持、"
			+ "所作用的许可证编号，分支机构不另发许可证）；按真实日期记录并标为历史导入。")
	ResponseEntity<Created> imported(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestBody LicenceApplications.ImportedApplication data) {
		long id = applications.importApplication(Clerk.of(me), scope, me.regionCode(), me.getUsername(), data);
		return ResponseEntity.created(URI.create("/api/v1/licensing/applications/" + id)).body(new Created(id));
	}

	@PostMapping(path = "/applications/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITERS)
	@Operation(summary = "导入历史许可申请（.xlsx）", description = "file：按导入模板填写的工作簿。每行与POST /applications/imported"
			+ "同样校验；任何一行有误则全部不导入，答复422，fieldErrors逐行列出；全部正确为201。")
	ResponseEntity<ImportPages.Imported> importFile(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return ImportPages.api(file, content -> imports.importFile(Clerk.of(me), scope, me.regionCode(), me.getUsername(), content));
	}

	static ApplicationStatus status(String text) {
		if (Text.isBlank(text)) {
			return null;
		}
		try {
			return ApplicationStatus.valueOf(Text.strip(text).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("status", "one-of", "状态应为" + Choice.listed(ApplicationStatus.class)
					+ "之一");
		}
	}

	static Material material(String text) {
		if (Text.isBlank(text)) {
			return null;
		}
		try {
			return Material.valueOf(Text.strip(text).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("kind", "one-of", "材料类型应为" + Choice.listed(Material.class) + "之一");
		}
	}
}
