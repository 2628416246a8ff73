package org.youguan.safety.internal.ledgers;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;

/**
 * The trainings ({@code /safety/trainings}) and joint-operation seizures ({@code /safety/seizures}) of the bureau:
 * each a list (search, sort, pages, .xlsx export) with the form to record one on the same page, and their API
 * ({@code GET|POST /api/v1/safety/trainings}, {@code …/seizures}). A refused form comes back with its errors, the
 * values typed and a 4xx status ({@link FormSteps}).
 */
@Controller
@PreAuthorize(LedgerAccess.READERS)
class RegionRecordController {

	static final String TRAININGS = "/safety/trainings";

	static final String SEIZURES = "/safety/seizures";

	/**
	 * The trainings' export columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<TrainingView>> trainingColumns(Function<String, String> place) {
		return List.of(Column.of("培训日期", TrainingView::heldOn),
			Column.of("培训主题", TrainingView::topic, 30), Column.of("培训人数", TrainingView::trainees),
			Column.of("培训对象", TrainingView::audience, 30), Column.of("组织单位", TrainingView::organiser, 24),
			Column.of("区域", row -> place.apply(row.regionCode())));
	}

	/**
	 * The seizures' export columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<SeizureView>> seizureColumns(Function<String, String> place) {
		return List.of(Column.of("查获日期", SeizureView::seizedOn),
			Column.of("联合执法单位", SeizureView::agencies, 30), Column.of("查获物品", SeizureView::item, 20),
			Column.of("数量", SeizureView::quantity), Column.of("单位", SeizureView::unit),
			Column.of("案值（元）", SeizureView::valueYuan), Column.of("区域", row -> place.apply(row.regionCode())),
			Column.of("备注", SeizureView::note, 30));
	}

	/** The list under a refused form: its first page, unfiltered. */
	static final ListRequest FIRST_PAGE = new ListRequest(null, null, null, null, null);

	private final RegionRecords records;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	RegionRecordController(RegionRecords records, Regions regions, Spreadsheets spreadsheets, Clock clock) {
		this.records = records;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	@GetMapping(TRAININGS)
	String trainings(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", records.trainings(me.scope(), query));
		return page(me, query, model, "safety/trainings");
	}

	@GetMapping(SEIZURES)
	String seizures(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", records.seizures(me.scope(), query));
		return page(me, query, model, "safety/seizures");
	}

	@GetMapping(TRAININGS + "/export.xlsx")
	ResponseEntity<byte[]> exportTrainings(@AuthenticationPrincipal CurrentUser me, ListRequest request) {
		return Downloads.xlsx(ExportNames.of("安全培训", me.scope()), spreadsheets.write("安全培训", trainingColumns(regions.fullNames()),
				records.trainings(me.scope(), request.toExport()).items()));
	}

	@GetMapping(SEIZURES + "/export.xlsx")
	ResponseEntity<byte[]> exportSeizures(@AuthenticationPrincipal CurrentUser me, ListRequest request) {
		return Downloads.xlsx(ExportNames.of("联合执法查获", me.scope()), spreadsheets.write("联合执法查获", seizureColumns(regions.fullNames()),
				records.seizures(me.scope(), request.toExport()).items()));
	}

	@PostMapping(TRAININGS)
	@PreAuthorize(LedgerAccess.WRITERS)
	String recordTraining(@AuthenticationPrincipal CurrentUser me, RegionRecords.TrainingData data, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, TRAININGS, "安全培训已登记",
				() -> records.recordTraining(me.scope(), data, false), () -> trainings(me, FIRST_PAGE, model));
	}

	@PostMapping(SEIZURES)
	@PreAuthorize(LedgerAccess.WRITERS)
	String recordSeizure(@AuthenticationPrincipal CurrentUser me, RegionRecords.SeizureData data, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, SEIZURES, "联合执法查获已登记",
				() -> records.recordSeizure(me.scope(), data, false), () -> seizures(me, FIRST_PAGE, model));
	}

	@GetMapping("/api/v1/safety/trainings")
	@Operation(summary = "培训记录", description = "本单位区域内的安全培训（最新的在前）；q搜索培训主题、培训对象、组织单位；sort为held_on、trainees、topic；文本中的身份证号、手机号已遮蔽。")
	@ResponseBody
	PageResult<TrainingView> trainingsApi(DataScope scope, ListRequest request) {
		return records.trainings(scope, request.toPage());
	}

	@GetMapping("/api/v1/safety/seizures")
	@Operation(summary = "联合执法查获记录", description = "本单位区域内的联合执法查获（最新的在前）；q搜索查获物品、联合执法单位、备注；sort为seized_on、value（案值）、item；valueYuan单位为元；文本中的身份证号、手机号已遮蔽。")
	@ResponseBody
	PageResult<SeizureView> seizuresApi(DataScope scope, ListRequest request) {
		return records.seizures(scope, request.toPage());
	}

	@GetMapping("/api/v1/safety/trainings/{id:\\d+}")
	@Operation(summary = "培训记录详情", description = "一条培训记录，同列表的遮蔽；不在数据权限内时404。")
	@ResponseBody
	TrainingView trainingApi(DataScope scope, @PathVariable long id) {
		return records.training(scope, id).masked();
	}

	@GetMapping("/api/v1/safety/seizures/{id:\\d+}")
	@Operation(summary = "联合执法查获详情", description = "一条查获记录，同列表的遮蔽；不在数据权限内时404。")
	@ResponseBody
	SeizureView seizureApi(DataScope scope, @PathVariable long id) {
		return records.seizure(scope, id).masked();
	}

	@PostMapping("/api/v1/safety/trainings")
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "登记培训", description = "邮政管理部门登记（企业用户403）：region（省、市或县级区划代码，须在本单位区域内）、heldOn（YYYY-MM-DD，不晚于今天）、topic、trainees（人数，1至1000000）、audience、organiser；成功时201，Location为该记录的地址；错误时400，errors逐项列出字段和规则。")
	@ResponseBody
	ResponseEntity<Created> trainingApi(DataScope scope, @RequestBody RegionRecords.TrainingData data) {
		if (data == null) {
			throw new InvalidValueException("topic", "required", "请提交培训信息");
		}
		long id = records.recordTraining(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/safety/trainings/" + id)).body(new Created(id));
	}

	@PostMapping("/api/v1/safety/seizures")
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "登记联合执法查获", description = "邮政管理部门登记（企业用户403）：region（省、市或县级区划代码，须在本单位区域内）、seizedOn（YYYY-MM-DD，不晚于今天）、agencies（联合执法单位）、item、quantity（数量，正数）、unit、valueYuan（案值，元，不为负数，可空）、note；成功时201，Location为该记录的地址；错误时400，errors逐项列出字段和规则。")
	@ResponseBody
	ResponseEntity<Created> seizureApi(DataScope scope, @RequestBody RegionRecords.SeizureData data) {
		if (data == null) {
			throw new InvalidValueException("item", "required", "请提交查获信息");
		}
		long id = records.recordSeizure(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/safety/seizures/" + id)).body(new Created(id));
	}

	private String page(CurrentUser me, PageQuery query, Model model, String view) {
		String own = me.regionCode() == null || me.regionCode().isEmpty() ? "0" : me.regionCode();
		model.addAttribute("query", query);
		model.addAttribute("own", regions.find(own).orElse(null));
		model.addAttribute("areas", LedgerRegions.areas(regions, own));
		model.addAttribute("today", LocalDate.now(clock));
		return view;
	}
}
