package org.youguan.safety.internal.ledgers;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
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
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;

/**
 * The 事故/突发事件 ledger's pages for the bureau ({@code /safety/incidents}) and the enterprise's portal
 * ({@code /enterprise/safety/incidents}) — the list with the form to record one, .xlsx export, an incident's page with
 * the follow-up step (both) and the close step (the bureau's) — and its API ({@code /api/v1/safety/incidents}). A
 * refused form comes back with its errors, the values typed and a 4xx status ({@link FormSteps}).
 */
@Controller
class IncidentController {

	static final String STAFF = "/safety/incidents";

	static final String PORTAL = "/enterprise/safety/incidents";

	static final List<Column<IncidentView>> COLUMNS = List.of(Column.of("发生时间", IncidentView::occurredAt, 20),
			Column.of("企业", IncidentView::enterpriseName, 30), Column.of("网点", IncidentView::outletName, 24),
			Column.of("类别", x -> x.kind()), Column.of("等级", x -> x.level()),
			Column.of("事件经过", IncidentView::description, 40), Column.of("报告时限", IncidentView::reportDue, 20),
			Column.of("时限依据", IncidentView::reportBasis, 30), Column.of("报告时间", IncidentView::reportedAt, 20),
			Column.of("迟报", x -> x.reportLate()), Column.of("后续处置", IncidentView::followUp, 40),
			Column.of("结案日期", IncidentView::closedOn));

	private final Incidents incidents;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final Clock clock;

	private final Placement placement;

	IncidentController(Incidents incidents, Spreadsheets spreadsheets, AuditTrail audit, Clock clock,
			Placement placement) {
		this.placement = placement;
		this.incidents = incidents;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping({ STAFF, PORTAL })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String enterpriseCreditCode, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", incidents.list(me.scope(), Boolean.TRUE.equals(open), query));
		model.addAttribute("query", query);
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("levels", IncidentLevel.values());
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		// an enterprise chooses among its own outlets; staff among those of the enterprise they name
		placement.offer(model, me.scope(), enterpriseCreditCode, Placement.Kept.NONE);
		return "safety/incidents";
	}

	@GetMapping({ STAFF + "/export.xlsx", PORTAL + "/export.xlsx" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean open) {
		return Downloads.xlsx(ExportNames.of("事故突发事件台账", me.scope()), spreadsheets.write("事故突发事件", COLUMNS,
				incidents.list(me.scope(), Boolean.TRUE.equals(open), request.toExport()).items()));
	}

	@PostMapping({ STAFF, PORTAL })
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	String record(@AuthenticationPrincipal CurrentUser me, IncidentData data, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String base = me.isStaff() ? STAFF : PORTAL;
		return FormSteps.run(model, response, redirect, () -> {
			long id = incidents.record(me.scope(), data, false, LedgerForms.errors(binding, IncidentData.class, clock));
			return new PageSteps.Done("事故/突发事件已登记", base + "/" + id);
		},
				() -> list(me, new ListRequest(null, null, null, null, null), null, data.enterpriseCreditCode(), model));
	}

	@GetMapping({ STAFF + "/{id:\\d+}", PORTAL + "/{id:\\d+}" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("incident", incidents.get(me.scope(), id));
		// every follow-up as submitted, a later one no longer hiding the earlier
		model.addAttribute("followUps", incidents.followUps(me.scope(), id));
		model.addAttribute("history", audit.history(me.scope(), Incidents.AUDIT_TYPE, id));
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		model.addAttribute("today", LocalDate.now(clock));
		return "safety/incident";
	}

	@PostMapping({ STAFF + "/{id:\\d+}/follow-up", PORTAL + "/{id:\\d+}/follow-up" })
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	String followUp(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String followUp, @RequestParam(required = false) String reportedAt,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, (me.isStaff() ? STAFF : PORTAL) + "/" + id, "后续处置情况已保存",
				() -> incidents.followUp(me.scope(), id, followUp, reportedAt), () -> show(me, id, model));
	}

	@PostMapping(STAFF + "/{id:\\d+}/close")
	@PreAuthorize(LedgerAccess.WRITERS)
	String close(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String closedOn, @RequestParam(required = false) String closureNote,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, STAFF + "/" + id, "事故/突发事件已结案",
				() -> incidents.close(me.scope(), id, closedOn, closureNote), () -> show(me, id, model));
	}

	@GetMapping("/api/v1/safety/incidents")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "事故/突发事件台账", description = "数据权限内的事故/突发事件（企业用户：本企业的），最新的在前；open=true只列未结案的；q搜索企业、网点、经过；sort为occurred_at、level、enterprise；reportDue为报告时限（依据规则目录），reportLate为迟报或逾期未报；文本中的身份证号、手机号已遮蔽。")
	@ResponseBody
	PageResult<IncidentView> listApi(DataScope scope, ListRequest request, @RequestParam(required = false) Boolean open) {
		return incidents.list(scope, Boolean.TRUE.equals(open), request.toPage());
	}

	/**
	 * One incident in the caller's data scope (an enterprise: its own), as its page shows it — the address the record
	 * step's {@code Location} names; the report basis stated for the reader ({@link IncidentView#readBy}).
	 * @throws org.youguan.kernel.DomainException not found (404) out of scope
	 */
	@GetMapping("/api/v1/safety/incidents/{id:\\d+}")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "事故/突发事件", description = "一条事故/突发事件，同列表的遮蔽；不在数据权限内时404。")
	@ResponseBody
	IncidentView getApi(DataScope scope, @PathVariable long id) {
		// masked as the list shows it (personal numbers typed into the description)
		return incidents.get(scope, id).masked();
	}

	@PostMapping("/api/v1/safety/incidents")
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	@Operation(summary = "登记事故/突发事件", description = "enterpriseCreditCode（工作人员填写辖区内企业；企业用户为本企业）、outletId（可空，须为该企业的网点）、occurredAt（发生时间，ISO日期时间，无时区时按北京时间，不晚于现在）、kind（ACCIDENT生产安全事故、EMERGENCY突发事件）、level（GENERAL一般、LARGER较大、MAJOR重大、GRAVE特别重大）、description、reportedAt（已报告时的报告时间，可空；企业用户为提交时间）；成功时201，Location为该记录的地址；错误时400，errors逐项列出字段和规则。")
	@ResponseBody
	ResponseEntity<Created> recordApi(DataScope scope, @RequestBody IncidentData data) {
		if (data == null) {
			throw new InvalidValueException("description", "required", "请提交事故/突发事件信息");
		}
		long id = incidents.record(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/safety/incidents/" + id)).body(new Created(id));
	}
}
