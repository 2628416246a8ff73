package org.youguan.inspections.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.springframework.web.bind.annotation.RestController;
import org.youguan.inspections.InspectionFigures;
import org.youguan.inspections.InspectionItem;
import org.youguan.inspections.InspectionItems;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.InspectionRecordData;
import org.youguan.inspections.InspectionRecords;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.inspections.RectificationTerm;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.WholeIn;
import org.youguan.org.CurrentUser;

/**
 * The inspections API for bureau staff and their systems: the item catalogue, the inspector roster, inspection records
 * (a bureau's history too: {@code POST /api/v1/inspections/records}, marked imported) and the period's figures.
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "执法检查", description = "抽查事项清单、检查人员名录库、检查记录（含历史记录迁移）与检查统计（按调用者数据权限）")
class InspectionApiController {

	static final String WRITERS = CaseRoles.HANDLERS;

	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	private final InspectionRecords records;

	private final InspectionFigures figures;

	private final InspectionItems items;

	private final Inspectors inspectors;

	private final InspectionPlans plans;

	private final InspectionOrders orders;

	private final Clock clock;

	InspectionApiController(InspectionRecords records, InspectionFigures figures, InspectionItems items,
			Inspectors inspectors, InspectionPlans plans, InspectionOrders orders, Clock clock) {
		this.plans = plans;
		this.orders = orders;
		this.records = records;
		this.figures = figures;
		this.items = items;
		this.inspectors = inspectors;
		this.clock = clock;
	}

	/** The answer to a recorded inspection. */
	record Created(long id) {
	}

	@PostMapping("/records")
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记（迁移）检查记录", description = "导入本局的历史检查记录（真实日期、检查人员、结果和责令改正通知书），"
			+ "与平台上登记的记录同样校验，标记为导入并记入审计日志。kind：RANDOM、SPECIAL、SUPERVISION、COMPLAINT；"
			+ "outcome：NONE、INTERVIEW、RECTIFICATION、LEAD；检查人员不少于2人，不在名录库的按姓名和执法证号保存；"
			+ "责令改正通知书的整改期限（rectification.dueOn）须为工作日，且在下达日期后1个工作日至规则目录inspection.rectification-max（按记录所在地区的取值）规定的工作日数内（与平台下达的通知书同一规则）。"
			+ "RANDOM（双随机）记录须在planId中注明抽中该对象的抽查计划，并须在计划的检查期间内且不早于抽取日期、由抽中的检查人员"
			+ "（另加的人员不得与该对象有回避关系）、由制定计划的单位或其上级单位登记，否则400（field为planId、inspectedOn、inspectors"
			+ "或enterpriseCreditCode）；其他类型不填planId。")
	ResponseEntity<Created> record(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestBody InspectionRecordData data) {
		long id = records.record(scope, me.bureauId(), data, true, false);
		return ResponseEntity.created(URI.create("/api/v1/inspections/records/" + id)).body(new Created(id));
	}

	@GetMapping("/records")
	@PreAuthorize(READERS)
	@Operation(summary = "检查记录列表", description = "辖区内的检查记录，最新的在前：检查日期、被检查企业和检查对象（企业本身、分支机构或末端网点）、"
			+ "所在地区名称、检查类型、检查结果、检查人数和责令改正通知书。q按企业名称、信用代码、网点名称或文号检索；sort：inspected_on、"
			+ "enterprise_name、outcome。")
	PageResult<InspectionRecords.RecordSummary> records(DataScope scope, ListRequest list) {
		return records.list(scope, list.toPage());
	}

	/** A plan with its drawn targets. */
	record PlanDetail(InspectionPlan plan, List<InspectionPlan.Target> targets) {
	}

	/** The seed to record before the draw, and its witnesses. */
	record SeedRequest(String seed, String witnesses) {
	}

	@GetMapping("/plans")
	@PreAuthorize(READERS)
	@Operation(summary = "双随机抽查计划列表", description = "辖区内的计划，检查期间最新的在前（与页面和导出同一查询）。q按计划名称检索；"
			+ "status：DRAFT、FROZEN、SEEDED、DRAWN、PUBLISHED；objectType：ENTERPRISE、BRANCH、OUTLET；results=pending只列检查结果待公示的计划；"
			+ "sort：period_from、name、status、population；handling=true只列本局制定、由本局办理的计划（待办）。"
			+ "操作人、见证人和名称中的手机号、身份证号已遮蔽。")
	PageResult<InspectionPlan> plans(DataScope scope, ListRequest list, @RequestParam(required = false) String results,
			@RequestParam(required = false) String status, @RequestParam(required = false) String objectType,
			@Parameter(description = "true：只列本局制定的计划（待办），不含下级机关的、本局只能查阅的计划")
			@RequestParam(defaultValue = "false") boolean handling) {
		return plans.list(scope, new InspectionPlans.Filter("pending".equals(results), status, objectType, handling),
				list.toPage());
	}

	@PostMapping("/plans")
	@PreAuthorize(WRITERS)
	@Operation(summary = "新建双随机抽查计划", description = "name、periodFrom、periodTo、items、regionCode（缺省本单位）、"
			+ "objectType（ENTERPRISE快递企业（缺省）、BRANCH分支机构、OUTLET末端网点）、brandId（可空）、"
			+ "creditClasses（守信、失信、信用异常、未评定，可空为全部）、"
			+ "enterpriseType（POSTAL、EXPRESS、OTHER或空，仅快递企业）、sampleCount或sampleRatio或ratioByClass（如{\"失信\":0.5}）三选一、teamSize（≥2）。")
	ResponseEntity<Created> createPlan(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestBody InspectionPlans.PlanData data) {
		if (me.bureauId() == null) {
			throw new InvalidValueException("bureauId", "required", "只有邮政管理部门的工作人员才能新建抽查计划");
		}
		long id = plans.create(scope, me.bureauId(), me.regionCode(), me.displayName(), data, false);
		return ResponseEntity.created(URI.create("/api/v1/inspections/plans/" + id)).body(new Created(id));
	}

	@GetMapping("/plans/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "抽查计划详情", description = "计划、冻结的名单快照及其SHA-256、随机种子、抽中对象和检查组。")
	PlanDetail plan(DataScope scope, @PathVariable long id) {
		InspectionPlan plan = plans.get(scope, id);
		return new PlanDetail(plan, plans.targets(id));
	}

	@PostMapping("/plans/{id}/freeze")
	@PreAuthorize(WRITERS)
	@Operation(summary = "冻结检查对象名单", description = "按计划的区域和类型冻结对象名单（排序、SHA-256）、可抽检查人员和回避关系。")
	PlanDetail freeze(DataScope scope, @PathVariable long id) {
		plans.freeze(scope, id);
		return plan(scope, id);
	}

	@PostMapping("/plans/{id}/seed")
	@PreAuthorize(WRITERS)
	@Operation(summary = "确定随机种子", description = "抽取前确定并记录随机种子，记录操作人和见证人。")
	PlanDetail seed(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody SeedRequest request) {
		plans.recordSeed(scope, id, request.seed(), me.displayName(), request.witnesses());
		return plan(scope, id);
	}

	@PostMapping("/plans/{id}/draw")
	@PreAuthorize(WRITERS)
	@Operation(summary = "随机抽取", description = "按公开算法抽取检查对象和检查人员。")
	PlanDetail drawPlan(DataScope scope, @PathVariable long id) {
		plans.draw(scope, id);
		return plan(scope, id);
	}

	@PostMapping("/plans/{id}/publish")
	@PreAuthorize(WRITERS)
	@Operation(summary = "公示抽查计划", description = "在公众服务页面和公开接口公示计划及抽中对象。")
	PlanDetail publish(DataScope scope, @PathVariable long id) {
		plans.publish(scope, id);
		return plan(scope, id);
	}

	/**
	 * The deadline of an order to issue, in working days, and the items it is about (codes among the record's; required
	 * when the record kept no line per checklist entry and checked several items).
	 */
	record IssueRequest(
			@WholeIn(min = RectificationTerm.MIN_WORKING_DAYS, maxStated = RectificationTerm.MAX_STATED) Integer workingDays,
			List<String> items) {
	}

	/** A decision's reason, or a re-inspection day. */
	record DecisionRequest(String note) {
	}

	/**
	 * 安排复查: the day alone — the order keeps no note of the scheduling, so the schema offers none and a {@code note}
	 * sent is refused as every unknown field is (it was documented and dropped).
	 */
	record ReinspectionRequest(LocalDate on) {
	}

	@PostMapping("/records/{id}/order")
	@PreAuthorize(WRITERS)
	@Operation(summary = "下达责令改正通知书", description = "检查结果为责令改正且尚无通知书的检查：文号由编号服务生成，"
			+ "整改期限workingDays个工作日（按工作日历；1至规则目录inspection.rectification-max规定的工作日数，按检查记录所在地区的取值）；"
			+ "items：通知书针对的检查事项代码（检查记录的事项中检查发现问题的；记录未逐项登记检查内容且检查了多个事项时必填，否则为检查内容不符合的事项），"
			+ "通知书只援引这些事项的条款。")
	ResponseEntity<InspectionOrders.Order> issue(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@PathVariable long id, @RequestBody IssueRequest request) {
		InspectionOrders.Order order = orders.issue(scope, id, me.regionCode(), request.workingDays(), request.items());
		return ResponseEntity.created(URI.create("/api/v1/inspections/orders/" + order.id())).body(order);
	}

	@GetMapping("/orders")
	@PreAuthorize(READERS)
	@Operation(summary = "责令改正通知书列表", description = "辖区内的通知书，最新的在前；state可选AWAITING_REPLY（待企业答复）、"
			+ "REPLIED（待验收）、OVERDUE（逾期未整改）；handling=true只列本局检查下达的通知书（待办）。")
	PageResult<InspectionOrders.Order> orders(DataScope scope, ListRequest list,
			@RequestParam(required = false) String state,
			@Parameter(description = "true：只列本局检查下达、由本局办理的通知书（待办），不含下级机关的、本局只能查阅的通知书")
			@RequestParam(defaultValue = "false") boolean handling) {
		return orders.list(scope, state(state), handling, list.toPage());
	}

	/** A state filter as named, or a 400 on {@code state} for an unknown one. */
	static InspectionOrders.State state(String state) {
		return ListFilter.oneOf(InspectionOrders.State.class, "state", "通知书状态", state);
	}

	@PostMapping("/orders/{id}/accept")
	@PreAuthorize(WRITERS)
	@Operation(summary = "验收整改", description = "企业已答复的通知书：验收通过，按答复日期计为整改完成。")
	InspectionOrders.Order accept(DataScope scope, @PathVariable long id) {
		return orders.decide(scope, id, true, null);
	}

	@PostMapping("/orders/{id}/reject")
	@PreAuthorize(WRITERS)
	@Operation(summary = "整改不予验收", description = "note：理由（必填）；企业可再次答复。")
	InspectionOrders.Order reject(DataScope scope, @PathVariable long id, @RequestBody DecisionRequest request) {
		return orders.decide(scope, id, false, request.note());
	}

	@PostMapping("/orders/{id}/reinspection")
	@PreAuthorize(WRITERS)
	@Operation(summary = "安排复查", description = "on：复查日期（YYYY-MM-DD），在下达日期至整改期限之间。")
	InspectionOrders.Order reinspection(DataScope scope, @PathVariable long id, @RequestBody ReinspectionRequest request) {
		return orders.scheduleReinspection(scope, id, request.on());
	}

	@GetMapping("/figures")
	@PreAuthorize(READERS)
	@Operation(summary = "检查统计", description = "期间内（from、to，YYYY-MM-DD，默认本年初至今天）区域（region，默认本单位）的"
			+ "检查企业数（去重）、出检人次、检查次数、责令改正通知书份数、按期整改数（rectifiedOnTime）、逾期未整改数（overdueOrders，与通知书列表state=OVERDUE同一口径）、逾期整改数（rectifiedLate）、案件线索数和复查数（reinspections，已登记复查结果的，按登记复查结果的日期计；只安排未复查的不计）；按检查事项和结果见/figures/items。"
			+ FiguresPeriod.API_RULES)
	InspectionFigures.Figures figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		LocalDate today = LocalDate.now(clock);
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, today);
		return figures.figures(scope, q.region(), q.from(), q.to(), today);
	}

	@GetMapping("/items")
	@PreAuthorize(READERS)
	@Operation(summary = "抽查事项清单", description = "法定默认事项（含法律依据，快递暂行条例按2025年修订后的条文序号）及本单位和上级单位增加的事项。")
	List<InspectionItem> items(DataScope scope) {
		return items.list(scope);
	}

	@PutMapping("/items/{code}")
	@PreAuthorize(WRITERS)
	@Operation(summary = "修改本单位增加的抽查事项", description = "name、legalText、article（须为该法规现行版本中存在的条文，否则400 article-range）、objectType、method、checklist；"
			+ "代码不变。法定默认事项和其他单位增加的事项返回403。修改记入审计日志，公布清单后公众可见。")
	InspectionItems.OwnItem updateItem(@AuthenticationPrincipal CurrentUser me, @PathVariable String code,
			@RequestBody InspectionItems.ItemData data) {
		return items.update(me.bureauId(), code, data);
	}

	@PostMapping("/items/{code}/deactivate")
	@PreAuthorize(WRITERS)
	@Operation(summary = "停用本单位增加的抽查事项", description = "新的检查和计划不再可选；已有记录和已公布的清单不变。已停用的返回409。")
	InspectionItems.OwnItem deactivateItem(@AuthenticationPrincipal CurrentUser me, @PathVariable String code) {
		return items.setActive(me.bureauId(), code, false);
	}

	@PostMapping("/items/{code}/activate")
	@PreAuthorize(WRITERS)
	@Operation(summary = "恢复使用本单位停用的抽查事项", description = "在使用中的返回409。")
	InspectionItems.OwnItem activateItem(@AuthenticationPrincipal CurrentUser me, @PathVariable String code) {
		return items.setActive(me.bureauId(), code, true);
	}

	@GetMapping("/inspectors")
	@PreAuthorize(READERS)
	@Operation(summary = "检查人员名录库", description = "辖区内持执法证的检查人员（执法证号、有效期），与页面和导出同一查询。q按姓名或执法证号检索；"
			+ "bureau：单位id；validity：valid（今日有效）、expired（已过期）；sort：region_code、name、valid_until。")
	PageResult<Inspector> inspectors(DataScope scope, ListRequest list, @RequestParam(required = false) Long bureau,
			@RequestParam(required = false) String validity) {
		return inspectors.list(scope, bureau, validity, list.toPage());
	}

	@GetMapping("/inspectors/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "检查人员", description = "辖区内的一名检查人员（同名录库）；不在数据权限内时404。")
	Inspector inspector(DataScope scope, @PathVariable long id) {
		return inspectors.get(scope, id);
	}

	@PostMapping("/inspectors")
	@PreAuthorize(InspectorRosterController.MANAGERS)
	@Operation(summary = "检查人员入库", description = "bureauId、userId（可空）、name、certificateNumber、validUntil（YYYY-MM-DD）。")
	ResponseEntity<Created> register(DataScope scope, @RequestBody Inspectors.InspectorData data) {
		long id = inspectors.register(scope, data);
		return ResponseEntity.created(URI.create("/api/v1/inspections/inspectors/" + id)).body(new Created(id));
	}

	/**
	 * A roster entry's change as the API takes it: the certificate (执法证号, valid-until) always; the name and the
	 * declared relations when given (null keeps them). The bureau and the account stay.
	 */
	record InspectorChange(String name, String certificateNumber, LocalDate validUntil, List<String> avoidCreditCodes) {
	}

	/**
	 * Changes a roster entry in the caller's scope (a renewed or reissued 执法证) as the page's form does
	 * ({@link Inspectors#update}): audited with what changed.
	 * @return the entry as changed
	 * @throws org.youguan.kernel.DomainException 404 outside the caller's scope (decided before the body is read,
	 *         {@code InspectionStepAccess}); 409 when another entry holds the certificate number
	 * @throws InvalidValueException 400 naming the field: a certificate number or valid-until missing or malformed, a
	 *         new certificate or valid-until already expired (rule {@code expired}, as on registration)
	 */
	@PutMapping("/inspectors/{id}")
	@PreAuthorize(InspectorRosterController.MANAGERS)
	@Operation(summary = "修改检查人员（换发、延续执法证）", description = "certificateNumber（执法证号，必填）、validUntil（有效期至，"
			+ "YYYY-MM-DD，必填）；name、avoidCreditCodes（回避企业统一社会信用代码）不传时保持不变。新的执法证号或有效期须今天仍有效，"
			+ "已过期的与入库时一样不予登记（400 expired）；执法证号已被其他人员使用时409。所属单位和账号不变；修改记入审计日志。"
			+ "不在数据权限内时404。")
	Inspector updateInspector(DataScope scope, @PathVariable long id, @RequestBody InspectorChange change) {
		Inspector current = inspectors.get(scope, id);
		inspectors.update(scope, id, new Inspectors.InspectorData(current.bureauId(), current.userId(),
				change.name() == null ? current.name() : change.name(), change.certificateNumber(), change.validUntil(),
				change.avoidCreditCodes() == null ? current.avoidCreditCodes() : change.avoidCreditCodes()));
		return inspectors.get(scope, id);
	}
}
