package org.youguan.universal.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;
import org.youguan.universal.SupervisionData;
import org.youguan.universal.SupervisionFigures;
import org.youguan.universal.SupervisionImport;
import org.youguan.universal.SupervisionKind;
import org.youguan.universal.SupervisionRecord;
import org.youguan.universal.SupervisionRecords;

/**
 * The 普遍服务监督 records API, one shape for every kind ({kind}: confidential 机要通信检查, party-papers 党报当日见报检查,
 * hall-windows 政务服务大厅邮政窗口, outlet-visits 农村网点现场督导, supervisors 社会监督员): list, read, record,
 * correct, import past records (JSON or .xlsx, all or nothing), a 社会监督员's reports, and the period's figures.
 */
@RestController
@RequestMapping("/api/v1/universal/supervision")
@Tag(name = "普遍服务")
class UniversalSupervisionApiController {

	private static final String FIELDS = "region（县级行政区划代码，机要通信、政务服务大厅、农村网点也可为市级；空为本单位）、"
			+ "day（YYYY-MM-DD，不晚于今天；社会监督员为聘任起始日期）、until（社会监督员聘任截止日期，不早于day）、"
			+ "subject（被检查单位、报纸名称、政务服务大厅、网点名称或社会监督员姓名）、place（政务服务大厅地址）、"
			+ "detail（政务服务大厅窗口办理业务）、inspectors（机要通信检查人员姓名数组，人数即检查人次）、"
			+ "flag（机要通信：发生事故；党报：当日见报；农村网点：督办）、findings（发生事故或督办时必填）。";

	private final SupervisionRecords records;

	private final SupervisionFigures figures;

	private final SupervisionImport imports;

	private final Clock clock;

	UniversalSupervisionApiController(SupervisionRecords records, SupervisionFigures figures, SupervisionImport imports,
			Clock clock) {
		this.records = records;
		this.figures = figures;
		this.imports = imports;
		this.clock = clock;
	}

	/** The answer to a recorded record or report. */
	record Created(long id) {
	}

	/** A report of a 社会监督员 as the API takes it. */
	record ReportData(String receivedOn, String summary) {
	}

	@GetMapping("/figures")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "普遍服务监督统计", description = "区域（region，默认本单位，须在数据权限内，否则403）和期间（from、to）："
			+ "机要通信检查次数（confidentialChecks，次数而非人次；/api/v1/universal/figures的confidentialChecks是人次，即本接口的"
			+ "confidentialVisits）、检查人次（confidentialVisits：各次检查的检查人员数之和）、事故数（confidentialIncidents），党报当日见报检查数、当日见报数和当日见报率（%，一位小数，无检查为null），"
			+ "农村网点督导次数和督办数，政务服务大厅窗口检查数，期末在聘社会监督员数和期间收到反映数，以及截至今天的机要通信零事故计数"
			+ "（zeroIncident：最近事故日期、起算日期、天数、此后检查次数）。"
			+ FiguresPeriod.API_RULES)
	SupervisionFigures.Figures figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		String own = me.regionCode() == null ? "0" : me.regionCode();
		return figures.figures(FiguresQuery.of(scope, region, own, from, to, LocalDate.now(clock)));
	}

	@GetMapping("/{kind:" + SupervisionFilters.KINDS + "}")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "普遍服务监督记录列表", description = "辖区内该类记录，最新的在前；q搜索名称、地址和情况，region按区划（不在数据权限内时403）、"
			+ "from/to按日期筛选；社会监督员姓名脱敏。")
	PageResult<SupervisionRecord> list(DataScope scope, @PathVariable String kind, ListRequest list,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return records.list(scope, SupervisionFilters.kind(kind), SupervisionFilters.of(region, from, to, LocalDate.now(clock)), list.toPage());
	}

	@GetMapping("/{kind:" + SupervisionFilters.KINDS + "}/{id:\\d+}")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "普遍服务监督记录", description = "不在数据权限内时404；社会监督员姓名脱敏。")
	SupervisionRecord get(DataScope scope, @PathVariable String kind, @PathVariable long id) {
		return records.get(scope, SupervisionFilters.kind(kind), id);
	}

	@PostMapping("/{kind:" + SupervisionFilters.KINDS + "}")
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "登记普遍服务监督记录", description = FIELDS)
	ResponseEntity<Created> create(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String kind,
			@RequestBody(required = false) SupervisionData data) {
		SupervisionKind k = SupervisionFilters.kind(kind);
		long id = records.record(scope, me.bureauId(), k, data, false, false);
		return ResponseEntity.created(URI.create("/api/v1/universal/supervision/" + k.slug() + "/" + id))
			.body(new Created(id));
	}

	@PutMapping("/{kind:" + SupervisionFilters.KINDS + "}/{id:\\d+}")
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "修改普遍服务监督记录", description = FIELDS + "不在数据权限内时404；记录由其所在地的邮政管理局修改，"
			+ "上级机关只能查阅（403，在读取请求体之前判断）。")
	SupervisionRecord update(DataScope scope, @PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) SupervisionData data) {
		SupervisionKind k = SupervisionFilters.kind(kind);
		records.update(scope, k, id, data);
		return records.get(scope, k, id);
	}

	@PostMapping(path = "/{kind:" + SupervisionFilters.KINDS + "}/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "导入历史监督记录（JSON）", description = "请求体为记录数组，每条字段同登记（" + FIELDS + "）。"
			+ "每条同样校验；任何一条有误则全部不导入，答复422，fieldErrors逐条列出（field为“第N条·字段”）；全部正确为201。")
	ResponseEntity<ImportPages.Imported> importJson(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@PathVariable String kind, @RequestBody(required = false) List<SupervisionData> rows) {
		int imported = records.importRecords(scope, me.bureauId(), SupervisionFilters.kind(kind), rows);
		return ImportPages.created(imported);
	}

	@PostMapping(path = "/{kind:" + SupervisionFilters.KINDS + "}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "导入历史监督记录（.xlsx）", description = "file：按导入模板填写的工作簿（页面“导入历史记录”可下载）。"
			+ "任何一行有误则全部不导入，答复422，fieldErrors逐行列出（field为“第N行·列名”）；文件不是.xlsx或缺少表头为400；全部正确为201。")
	ResponseEntity<ImportPages.Imported> importFile(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@PathVariable String kind, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		SupervisionKind k = SupervisionFilters.kind(kind);
		return ImportPages.api(file, content -> imports.importFile(scope, me.bureauId(), k, content));
	}

	@GetMapping("/supervisors/{id:\\d+}/reports")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "社会监督员反映情况", description = "最新的在前；社会监督员不在数据权限内时404。")
	List<SupervisionRecords.Report> reports(DataScope scope, @PathVariable long id) {
		return records.reports(scope, id);
	}

	@PostMapping("/supervisors/{id:\\d+}/reports")
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "登记社会监督员反映情况", description = "receivedOn（收到日期，不晚于今天）、summary（反映内容，500字以内）；"
			+ "由社会监督员所在地的邮政管理局登记，上级机关403。")
	ResponseEntity<Created> addReport(DataScope scope, @PathVariable long id,
			@RequestBody(required = false) ReportData data) {
		long report = records.addReport(scope, id, data == null ? null : data.receivedOn(),
				data == null ? null : data.summary(), false);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(report));
	}
}
