package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.region.Regions;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.InspectionFigures;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;

/**
 * The inspection pages for bureau staff: the inspections of their region with this year's figures and the list of
 * 双随机 plans (a plan's own page and its steps: {@link InspectionPlanPagesController}).
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionController {

	private final InspectionRecords records;

	private final InspectionFigures figures;

	private final InspectionPlans plans;

	private final Clock clock;

	private final Spreadsheets spreadsheets;

	/**
	 * The columns of the records export: the list's, with the branch or outlet inspected and the region's name; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<InspectionRecords.RecordSummary>> columns(Function<String, String> place) {
		return List.of(
			Column.of("检查日期", InspectionRecords.RecordSummary::inspectedOn, 12),
			Column.of("被检查企业", InspectionRecords.RecordSummary::enterpriseName, 36),
			Column.of("统一社会信用代码", InspectionRecords.RecordSummary::enterpriseCreditCode, 22),
			// the type in the reader's words (SheetWord): an English export read 企业 / 末端网点
			Column.of("检查对象类型", r -> SheetWord.of(switch (r.objectType()) {
				case "BRANCH" -> "分支机构";
				case "OUTLET" -> "末端网点";
				default -> "企业";
			}), 12),
			Column.of("检查对象", r -> r.objectName() == null ? r.enterpriseName() : r.objectName(), 36),
			Column.of("所在地区", row -> place.apply(row.regionCode()), 14),
			Column.of("检查类型", r -> r.kind(), 12),
			Column.of("检查结果", r -> r.outcome(), 10),
			Column.of("检查人数", InspectionRecords.RecordSummary::inspectors, 8),
			Column.of("责令改正通知书文号", InspectionRecords.RecordSummary::orderNumber, 28),
			Column.of("整改期限", r -> WorkingCalendar.exported(r.dueOn(), r.dueOnProvisional()), 14),
			Column.of("整改完成日期", InspectionRecords.RecordSummary::rectifiedOn, 12),
			Column.of("转案件线索日期", InspectionRecords.RecordSummary::leadRaisedOn, 12),
			Column.of("历史导入", r -> r.imported(), 8));
	}

	private final MessageSource messages;

	private final Regions regions;

	InspectionController(InspectionRecords records, InspectionFigures figures, InspectionPlans plans, Clock clock,
			Spreadsheets spreadsheets, MessageSource messages, Regions regions) {
		this.regions = regions;
		this.messages = messages;
		this.spreadsheets = spreadsheets;
		this.records = records;
		this.figures = figures;
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping("/inspections")
	String records(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		PageResult<InspectionRecords.RecordSummary> result = records.list(scope, query);
		LocalDate today = LocalDate.now(clock);
		InspectionFigures.Figures year = figures.figures(scope, me.regionCode() == null ? "" : me.regionCode(),
				today.withDayOfYear(1), today, today);
		model.addAttribute("result", result);
		model.addAttribute("records", result.items());
		model.addAttribute("query", query);
		model.addAttribute("figures", year);
		return "inspections/records";
	}

	/** The records list as .xlsx: the same search and order as the page, every row the caller may see. */
	@GetMapping("/inspections/records.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request) {
		return export(records, spreadsheets, regions, scope, request);
	}

	/**
	 * The records of the scope as .xlsx in {@link #columns} (staff's and the enterprise's lists alike): the page's
	 * search and order, every row up to the export limit.
	 */
	static ResponseEntity<byte[]> export(InspectionRecords records, Spreadsheets spreadsheets, Regions regions,
			DataScope scope, ListRequest request) {
		var rows = records.list(scope, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("检查记录", scope), spreadsheets.write("检查记录", columns(regions.fullNames()), rows));
	}

	/**
	 * The columns of the plans export: the list's, with the team size and the seed's record, the state and object type
	 * by their labels in the messages bundle.
	 */
	static List<Column<InspectionPlan>> planColumns(MessageSource messages) {
		return List.of(Column.of("计划名称", InspectionPlan::name, 36), Column.of("检查期间起", InspectionPlan::periodFrom, 12),
				Column.of("检查期间止", InspectionPlan::periodTo, 12), Column.of("抽查区域", InspectionPlan::regionName, 14),
				Column.label("检查对象类型", messages, "inspection.objectType.", InspectionPlan::objectType),
				Column.label("状态", messages, "inspection.plan.status.", InspectionPlan::status),
				Column.of("检查对象总数", InspectionPlan::population, 10), Column.of("每组检查人员", InspectionPlan::teamSize, 10),
				Column.of("随机种子操作人", InspectionPlan::seedOperator, 12), Column.of("见证人", InspectionPlan::seedWitnesses, 20),
				Column.of("公示时间", InspectionPlan::publishedAt, 20));
	}

	/**
	 * The 双随机 plans of the region: search by name, filters (results to publish, state, object type; {@code handling=true},
	 * the inbox's link: only the plans of the caller's own bureau, whose steps it takes), sorts by period, name, state
	 * and population, pages, and the export of the same rows.
	 */
	@GetMapping("/inspections/plans")
	String plans(DataScope scope, ListRequest request, @RequestParam(required = false) String results,
			@RequestParam(required = false) String status, @RequestParam(required = false) String objectType,
			@RequestParam(defaultValue = "false") boolean handling, Model model) {
		PageQuery query = request.toPage();
		boolean pending = "pending".equals(results);
		PageResult<InspectionPlan> result = plans.list(scope,
				new InspectionPlans.Filter(pending, status, objectType, handling), query);
		model.addAttribute("resultsPending", pending);
		model.addAttribute("handling", handling);
		model.addAttribute("result", result);
		model.addAttribute("plans", result.items());
		model.addAttribute("query", query);
		model.addAttribute("statuses", InspectionPlans.STATUSES);
		model.addAttribute("objectTypes", InspectionPlans.OBJECT_TYPES);
		return "inspections/plans";
	}

	/**
	 * The plans list as .xlsx in {@link #planColumns}: the page's filters, search and order, every plan of the caller's
	 * region up to the export limit, names of operator and witnesses masked as the list shows them.
	 */
	@GetMapping("/inspections/plans/export.xlsx")
	ResponseEntity<byte[]> exportPlans(DataScope scope, ListRequest request, @RequestParam(required = false) String results,
			@RequestParam(required = false) String status, @RequestParam(required = false) String objectType,
			@RequestParam(defaultValue = "false") boolean handling) {
		var rows = plans.list(scope, new InspectionPlans.Filter("pending".equals(results), status, objectType, handling),
				request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("双随机抽查计划", scope), spreadsheets.write("双随机抽查计划", planColumns(messages), rows));
	}
}
