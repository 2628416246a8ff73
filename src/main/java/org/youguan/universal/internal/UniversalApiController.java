package org.youguan.universal.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.ImportPages;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.universal.DeliveryStandard;
import org.youguan.universal.DeliveryStandards;
import org.youguan.universal.UniversalFigures;
import org.youguan.universal.VillageCheck;
import org.youguan.universal.VillageCheckData;
import org.youguan.universal.VillageCheckImport;
import org.youguan.universal.VillageChecks;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

/**
 * The universal-service API: the period's figures (a stable contract), the 建制村 register and a village's profile
 * (the postal enterprise saves its own), the 通邮 checks with the import of past checks (JSON or .xlsx, all or nothing)
 * and the delivery-frequency standards.
 */
@RestController
@RequestMapping("/api/v1/universal")
@Tag(name = "普遍服务")
class UniversalApiController {

	private static final String CHECK_FIELDS = "villageCode、checkedOn（不晚于今天）、deliveryMode（DIRECT、POSTAL_SHOP、"
			+ "VILLAGE_POST、OTHER或中文名称）、deliveriesObserved（0–14）、handoverRecords、standardDelivery（规范投递）、"
			+ "findings（不规范时必填）、inspectors（至少两名检查人员，每人{\"name\",\"certificateNumber\"}，执法证号须在检查人员名录库中；"
			+ "历史导入可只填姓名）、outcome（不规范时的检查结果：INTERVIEW约谈（默认）或RECTIFICATION责令改正）";

	private final Villages villages;

	private final VillageChecks checks;

	private final VillageCheckImport checkImports;

	private final UniversalFigures figures;

	private final DeliveryStandards standards;

	private final Clock clock;

	UniversalApiController(Villages villages, VillageChecks checks, VillageCheckImport checkImports,
			UniversalFigures figures, DeliveryStandards standards, Clock clock) {
		this.villages = villages;
		this.checks = checks;
		this.checkImports = checkImports;
		this.figures = figures;
		this.standards = standards;
		this.clock = clock;
	}

	/** The answer to a recorded check. */
	record Created(long id) {
	}

	@GetMapping("/figures")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "普遍服务统计", description = "区域（region，默认本单位，须在数据权限内，否则403）和期间（from、to，YYYY-MM-DD，"
			+ "默认本年初至今天）：villages建制村数（行政区划中的村委会）、villagesDirectlyServed通邮方式为直接通邮的建制村数、"
			+ "villagesChecked期间内检查过的建制村数、standardDeliveryRate期间内检查的规范投递率（%，无检查为null）、"
			+ "postOfficeApprovals期间内作出决定（批准或不予批准）的营业场所撤销、搬迁审批数、"
			+ "confidentialChecks期间内机要通信检查人次（各次检查的检查人员数之和，不是检查次数；字段名为兼容而保留，"
			+ "即/api/v1/universal/supervision/figures的confidentialVisits，检查次数是该接口的confidentialChecks）、"
			+ "partyPaperSameDayRate期间内党报当日见报率（%，一位小数，无检查为null）。"
			+ FiguresPeriod.API_RULES)
	UniversalFigures.Figures figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		String own = me.regionCode() == null ? "0" : me.regionCode();
		return figures.figures(FiguresQuery.of(scope, region, own, from, to, LocalDate.now(clock)));
	}

	@GetMapping("/villages")
	@PreAuthorize(UniversalAccess.PROFILE_WRITERS + " or hasRole('BUREAU_LEADER')")
	@Operation(summary = "建制村通邮信息列表", description = "数据权限内的建制村（村委会）及其通邮信息；region按区划筛选（不在数据权限内时403），"
			+ "mode为DIRECT、POSTAL_SHOP、VILLAGE_POST、OTHER或NONE（未登记），below=true只列低于投递频次标准的。"
			+ "企业用户只看到本企业维护的和本市尚无人维护的建制村。")
	PageResult<VillageView> list(DataScope scope, ListRequest list, @RequestParam(required = false) String region,
			@RequestParam(required = false) String mode, @RequestParam(required = false) Boolean below) {
		return villages.list(scope, VillageFilters.of(region, mode, below), list.toPage());
	}

	@GetMapping("/villages/{code}")
	@PreAuthorize(UniversalAccess.PROFILE_WRITERS + " or hasRole('BUREAU_LEADER')")
	@Operation(summary = "建制村通邮信息", description = "不在数据权限内或不是村委会时404。")
	VillageView village(DataScope scope, @PathVariable String code) {
		return villages.get(scope, code);
	}

	@PutMapping("/villages/{code}/profile")
	@PreAuthorize(UniversalAccess.PROFILE_WRITERS)
	@Operation(summary = "保存建制村通邮信息", description = "deliveryMode（DIRECT、POSTAL_SHOP、VILLAGE_POST、OTHER）、"
			+ "deliveriesPerWeek（0–14）、postOfficeFacilityId（登记的邮政普遍服务营业场所，可空）、postOfficeName、handoverType、"
			+ "handoverAddress（非直接通邮时必填）、enterpriseCreditCode（工作人员填写维护的邮政企业；企业用户为本企业）。"
			+ "企业修改其他企业维护的建制村时403。")
	VillageView saveProfile(DataScope scope, @PathVariable String code, @RequestBody VillageProfileData data) {
		villages.saveProfile(scope, new VillageProfileData(code, data.deliveryMode(), data.deliveriesPerWeek(),
				data.postOfficeFacilityId(), data.postOfficeName(), data.handoverType(), data.handoverAddress(),
				data.enterpriseCreditCode()), false);
		return villages.get(scope, code);
	}

	@GetMapping("/checks")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "建制村通邮检查列表", description = "辖区内的检查，最新的在前；region按区划、village按建制村代码（12位）筛选，"
			+ "不在数据权限内时403，格式有误时400；from、to（YYYY-MM-DD，含当日，可只填一端，都不填为全部）按检查日期筛选，"
			+ "不是日期或截止日期早于起始日期时400；imported为历史导入的检查。")
	PageResult<VillageCheck> checks(DataScope scope, ListRequest list, @RequestParam(required = false) String region,
			@RequestParam(required = false) String village, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		// the period is read before the region so a reversed period is the 400 the checks page answers (attack round 17)
		FiguresPeriod.Filter period = FiguresPeriod.filter(from, to, LocalDate.now(clock));
		return checks.inRegion(scope, region, village, period.from(), period.to(), list.toPage());
	}

	@GetMapping("/checks/{id:\\d+}")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "建制村通邮检查", description = "辖区内的一次检查（同列表）；不在数据权限内时404。")
	VillageCheck check(DataScope scope, @PathVariable long id) {
		return checks.get(scope, id);
	}

	@PostMapping("/checks")
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "登记建制村通邮检查", description = CHECK_FIELDS + "。检查同时登记为对服务该村的邮政企业的普遍服务监督检查记录"
			+ "（检查类型UNIVERSAL，检查事项VILLAGE_DELIVERY，计入检查企业数和出检人次），答复与列表中的inspectionRecordId为其编号；"
			+ "建制村尚未登记通邮信息（服务邮政局所、邮政企业）时答复422（field为villageCode），检查人员执法证号不在名录库中时答复400"
			+ "（field为inspectors[i].certificateNumber），任一部分被拒绝则都不保存。")
	ResponseEntity<Created> recordCheck(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestBody VillageCheckData data) {
		if (data == null) {
			throw new InvalidValueException("villageCode", "required", "请提交检查记录");
		}
		long id = checks.record(scope, me.bureauId(), data, false);
		return ResponseEntity.created(URI.create("/api/v1/universal/checks/" + id)).body(new Created(id));
	}

	@PostMapping(path = "/checks/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "导入历史通邮检查（JSON）", description = "请求体为检查数组，每条字段同登记（" + CHECK_FIELDS + "），"
			+ "按真实检查日期记录并标为历史导入（检查人员可只填姓名；历史检查不生成执法检查记录，以往的检查记录请用执法检查导入）。每条同样校验，建制村须在数据权限内；同一建制村同一检查日期的检查在本次请求中"
			+ "或已有记录中重复的，该条被拒绝并指明。任何一条有误则全部不导入，答复422，fieldErrors逐条列出（field为“第N条·字段”）；"
			+ "全部正确为201。建制村最近检查日期和统计数据按真实日期计算。")
	ResponseEntity<ImportPages.Imported> importChecks(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestBody(required = false) List<VillageCheckData> rows) {
		return ImportPages.created(checks.importChecks(scope, me.bureauId(), rows));
	}

	@PostMapping(path = "/checks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "导入历史通邮检查（.xlsx）", description = "file：按导入模板（页面“导入历史检查”可下载）填写的工作簿，"
			+ "列：建制村代码、检查日期、实际通邮方式、实际每周投递频次、交接记录、规范投递、检查人员，可选检查发现的问题。"
			+ "每行与JSON导入同样校验；任何一行有误则全部不导入，答复422，fieldErrors逐行列出（field为“第N行·列名”）；"
			+ "文件不是.xlsx或缺少表头为400；全部正确为201。")
	ResponseEntity<ImportPages.Imported> importCheckFile(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return ImportPages.api(file, content -> checkImports.importFile(scope, me.bureauId(), content));
	}

	@GetMapping("/standards")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "投递频次标准", description = "region所在省的城市、乡镇人民政府所在地和建制村投递频次下限（次/周），"
			+ "及其法律依据和省局设置的来源（source）；默认本单位。")
	List<DeliveryStandard> standards(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region) {
		String own = me.regionCode() == null ? "0" : me.regionCode();
		// read as every region filter is (full-width digits, 320500 for 3205), then checked
		String r = scope.regionFilter(region == null || Text.isBlank(region) ? own : region, "region");
		return standards.standards(r.isEmpty() ? "0" : r);
	}
}
