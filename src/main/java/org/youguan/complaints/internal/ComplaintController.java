package org.youguan.complaints.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.region.Regions;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.AcceptanceCondition;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.ComplaintView;
import org.youguan.complaints.FilerRole;
import org.youguan.complaints.MediationResult;
import org.youguan.complaints.Satisfaction;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.OptionsHtml;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.RememberedPage;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.region.RegionPicker;
import org.youguan.registry.Brands;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The bureau's complaint work: the queue with each step's clock (due within a working day amber, overdue red), a
 * complaint with the system's assessment and the routed respondent, and every step of the procedure; staff entry of
 * phone and letter complaints.
 */
@Controller
class ComplaintController {

	/** The roles that handle complaints (every step, staff entry). */
	public static final String HANDLERS = CaseRoles.HANDLERS;

	/**
	 * The label of the call-back's {@code reached} (接通 / 未接通, as the form's buttons, the public history's
	 * "回访未接通" and the rule 回访未接通再次回访间隔 word it): the page's and the API's refusals name the field so, as
	 * the UI bundle's {@code field.reached} does.
	 */
	static final String REACHED = "是否接通";

	/**
	 * The export's columns; the step's due date as {@code calendar} marks it (暂定); {@code place} names the complaint's
	 * region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区), never a county's name alone.
	 */
	static List<Column<ComplaintView>> columns(WorkingCalendar calendar, MessageSource messages,
			Function<String, String> place) {
		return List.of(Column.of("申诉编号", ComplaintView::number, 24),
				Column.of("渠道", c -> c.channel(), 12), Column.of("受理日期", ComplaintView::receivedOn, 12),
				Column.of("所在地", c -> place.apply(c.regionCode()), 24), Column.of("品牌", ComplaintView::brandName, 8),
				Column.of("被申诉企业", ComplaintView::enterpriseName, 30), Column.label("类别", messages, "complaint.category.", ComplaintView::category),
				Column.label("原因", messages, "complaint.reason.", ComplaintView::reason), Column.of("状态", c -> c.status(), 10),
				// the step's working-day due date marked 暂定 as the queue marks it (the 30-day answer limit is in calendar days)
				Column.of("当前环节时限", c -> calendar.exported(c.stepDue()), 14), Column.of("答复期限", c -> calendar.exported(c.answerDue()), 12),
				Column.of("申诉人电话", ComplaintView::filerPhoneMasked, 14),
				Column.of("有效申诉", c -> c.validComplaint(), 8),
				Column.of("满意度", c -> c.satisfaction(), 8),
				Column.of("对企业满意度", c -> c.companySatisfaction(), 10),
				Column.of("调解结果", c -> c.mediationResult(), 10),
				Column.of("挽回经济损失（元）", ComplaintView::compensationPaid, 14));
	}

	private final ComplaintQueries queries;

	private final WorkingCalendar calendar;

	private final ComplaintIntake intake;

	private final ComplaintProcedure procedure;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Brands brands;

	private final MessageSource messages;

	private final StatutoryRules rules;

	/** Who takes a complaint's steps ({@link Bureaus#takesSteps}). */
	private final Bureaus bureaus;

	private final Regions regions;

	ComplaintController(ComplaintQueries queries, ComplaintIntake intake, ComplaintProcedure procedure, AuditTrail audit,
			Spreadsheets spreadsheets, Brands brands, WorkingCalendar calendar, MessageSource messages,
			StatutoryRules rules, Bureaus bureaus, Regions regions) {
		this.regions = regions;
		this.rules = rules;
		this.bureaus = bureaus;
		this.calendar = calendar;
		this.messages = messages;
		this.queries = queries;
		this.intake = intake;
		this.procedure = procedure;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
		this.brands = brands;
	}

	/**
	 * The queue opens on the complaints still in procedure, the current step's nearest due date first; 待办 / 已办结 /
	 * 全部 switch the state; a status asked for alone shows that status whatever its state; {@code awaitingReply} keeps
	 * those with the enterprise (the inbox's 企业逾期未答复 adds {@code overdue}). The search matches the filer's phone
	 * typed whole only for staff who handle complaints, on the complaints their bureau handles (whose phone they read in
	 * full, {@link ComplaintQueries#readsInFull}); anyone else finds a complaint by the phone as the queue shows it
	 * (139****5678), never by the whole number.
	 * {@code handling=true} (the inbox's links) keeps only the complaints the caller's bureau handles
	 * ({@link ComplaintQueries.Filter#handledHere}); without it a bureau lists those of the bureaus below it too, to read.
	 */
	@GetMapping("/complaints")
	@RememberedPage
	String queue(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String category,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply,
			@RequestParam(defaultValue = "false") boolean handling, @RequestParam(defaultValue = "false") boolean attention,
			HttpServletRequest request, Locale locale, Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		PageQuery query = withDefaultOrder(list, shown).toPage();
		// attention=true: the dashboard card's set (due within a working day or overdue), as it counts it
		var result = queries.queue(scope, new ComplaintQueries.Filter(status, overdue, category, shown, awaitingReply,
				me.caseHandler(), handling, attention), query);
		model.addAttribute("result", result);
		model.addAttribute("rowsHtml", QueueRow.html(
				result.items().stream().map(c -> QueueRow.of(c, request.getContextPath(), calendar)).toList(),
				QueueRow.Labels.of(messages, locale)));
		model.addAttribute("query", query);
		// the filter's options written in Java, as the rows are (issue 12): the page's remaining template iterations
		model.addAttribute("statusOptions",
				OptionsHtml.html(statuses(shown), ComplaintStatus::name, s -> EnumWords.of(messages, s, locale),
						request.getParameterValues("status")));
		model.addAttribute("categoryOptions",
				OptionsHtml.html(intake.categories(), c -> c,
						c -> messages.getMessage(QueueRow.CATEGORY + c, null, c, locale), request.getParameterValues("category")));
		model.addAttribute("state", shown);
		model.addAttribute("awaitingReply", awaitingReply);
		model.addAttribute("handling", handling);
		model.addAttribute("attention", attention);
		return "complaints/queue";
	}

	/** The queue as .xlsx: the same filters, search and order as the page, every row up to the export limit. */
	@GetMapping("/complaints/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String category,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply,
			@RequestParam(defaultValue = "false") boolean handling, @RequestParam(defaultValue = "false") boolean attention) {
		WorkState shown = WorkState.orDefault(state, status != null);
		var rows = queries.list(scope, new ComplaintQueries.Filter(status, overdue, category, shown, awaitingReply,
				me.caseHandler(), handling, attention), withDefaultOrder(list, shown).toExport()).items();
		return Downloads.xlsx(ExportNames.of("申诉", scope), spreadsheets.write("申诉", columns(calendar, messages, regions.fullNames()), rows));
	}

	/** The request with the state's default order when the user chose none. */
	static ListRequest withDefaultOrder(ListRequest list, WorkState state) {
		// open complaints by the current step's due date; finished ones newest first
		return state == WorkState.DONE ? list.orDefaultOrder("received_on", "desc") : list.orDefaultOrder("step_due", "asc");
	}

	/** The statuses the status filter offers in a state. */
	static List<ComplaintStatus> statuses(WorkState state) {
		return Arrays.stream(ComplaintStatus.values())
			.filter(s -> state == WorkState.ALL || s.finished() == (state == WorkState.DONE))
			.toList();
	}

	@GetMapping("/complaints/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		DataScope scope = me.scope();
		ComplaintView c = queries.read(me, id);
		model.addAttribute("complaint", c);
		// a leader and a superior bureau's staff read the complaint masked and open no evidence
		// (ComplaintAttachmentAccess): none listed
		model.addAttribute("attachments", queries.readsInFull(me, c.regionCode()) ? queries.attachments(scope, id) : List.of());
		model.addAttribute("history", audit.history(scope, "Complaint", id));
		model.addAttribute("conditions", AcceptanceCondition.values());
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("mediationResults", MediationResult.values());
		// the step forms only for the handling bureau's 处室工作人员 (a bureau above reads the complaint)
		model.addAttribute("handles", bureaus.takesSteps(me, c.regionCode(), Bureaus.CASE_HANDLERS));
		model.addAttribute("mayMediate", mayMediate(c));
		model.addAttribute("proposedValid", ComplaintProcedure.proposedValidity(c.replyResponsibility()));
		if (c.status() == ComplaintStatus.RECEIVED) {
			model.addAttribute("assessment", queries.assess(c));
			model.addAttribute("respondent", queries.respondent(c).orElse(null));
		}
		return "complaints/complaint";
	}

	/**
	 * Runs a step of the procedure ({@link PageSteps}): the message says what happened to which complaint; a broken
	 * rule flashes its errors back to the complaint; not found (404) and refusals (403) reach the error handler. The
	 * steps' forms share field names ({@code reason}, {@code note}): a form whose values cannot be bound comes back on
	 * the complaint's page as typed, named by {@link PageForm}.
	 */
	@PostMapping("/complaints/{id:\\d+}/{step:transfer|reject|return|callback|mediate|close|refer}")
	@PageForm("{step}-form")
	@PreAuthorize(HANDLERS)
	String step(DataScope scope, @PathVariable long id, @PathVariable String step,
			@RequestParam(required = false) String creditCode, @RequestParam(required = false) AcceptanceCondition condition,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String reached,
			@RequestParam(required = false) Satisfaction satisfaction,
			@RequestParam(required = false) Satisfaction companySatisfaction, @RequestParam(required = false) String solved,
			@RequestParam(required = false) MediationResult mediationResult, @RequestParam(required = false) String remedy,
			@RequestParam(required = false) String agreedAmount,
			@RequestParam(required = false) String compensationPaid, @RequestParam(required = false) String valid,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		String here = "/complaints/" + id;
		return PageSteps.run(redirect, here, () -> {
			ComplaintProcedure.Done done = switch (step) {
				case "transfer" -> procedure.acceptAndTransfer(scope, id, creditCode, reason);
				case "reject" -> procedure.reject(scope, id, condition, reason);
				case "return" -> procedure.returnForRedo(scope, id, reason);
				// whether the filer was reached is a choice the form's two buttons post: missing or any other value is
				// refused at the field (kernel.Choice), never read as reached, which would record a call-back nobody made
				case "callback" -> procedure.callBack(scope, id, Choice.yesNoRequired("reached", REACHED, reached),
						satisfaction, companySatisfaction, Choice.yesNo("solved", "问题是否解决", solved));
				case "mediate" -> {
					Validation v = new Validation();
					BigDecimal amount = v.decimal("agreedAmount", "约定赔偿金额", agreedAmount, ComplaintIntake.AMOUNT_INTEGER,
							ComplaintIntake.AMOUNT_FRACTION);
					v.throwIfInvalid();
					yield procedure.mediate(scope, id, mediationResult, remedy, amount);
				}
				case "refer" -> procedure.refer(scope, id, note);
				default -> {
					Validation v = new Validation();
					BigDecimal paid = v.decimal("compensationPaid", "挽回经济损失", compensationPaid,
							ComplaintIntake.AMOUNT_INTEGER, ComplaintIntake.AMOUNT_FRACTION);
					v.throwIfInvalid();
					yield procedure.close(scope, id, Choice.yesNo("valid", "是否有效申诉", valid), paid, note);
				}
			};
			return new PageSteps.Done(done.message(), here);
		});
	}

	/**
	 * Whether the page offers the mediation form: the complaint is open and the company replied (a reply returned for
	 * redoing counts), or its first reply is overdue — the order {@code Complaint.mediate} enforces (a post at another time is refused there, 409).
	 */
	static boolean mayMediate(ComplaintView c) {
		return switch (c.status()) {
			case TRANSFERRED, RETURNED, REPLIED, CALLBACK ->
				c.repliedOn() != null || c.stepDue() != null && c.today().isAfter(c.stepDue());
			default -> false;
		};
	}

	@GetMapping("/complaints/new")
	@PreAuthorize(HANDLERS)
	String initEntryForm(Model model) {
		model.addAttribute("draft", AttachmentDraft.newToken());
		return entryForm(model, List.of());
	}

	/**
	 * Staff enter a complaint received by phone or letter; the filer is told the number and query code. The evidence
	 * posted is held for the form's draft first, as on the public form, so a refused form keeps it.
	 */
	@PostMapping("/complaints/new")
	@PreAuthorize(HANDLERS)
	String processEntryForm(@AuthenticationPrincipal CurrentUser me, @RequestParam Channel channel,
			ComplaintFormInput input, @RequestParam(required = false) List<MultipartFile> files,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick,
			@RequestParam(required = false) String draft, @RequestParam(required = false) Long release, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		AttachmentDraft held = ComplaintIntake.draft(draft, me.getUsername());
		List<UploadedFile> sent = UploadedFile.of(files);
		model.addAttribute("draft", held.token());
		if (regionPick != null || release != null) {
			ComplaintIntake.Holding holding = intake.hold(held, sent);
			if (release != null) {
				intake.release(held, release);
			}
			model.addAttribute("errors", holding.errors().isEmpty() ? null : holding.errors());
			return entryForm(model, intake.held(held));
		}
		// one step under the form's lock (a double click files one complaint with one copy of each file); refused: the
		// form again in the refusal's 4xx with the values as typed and the evidence held (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			ComplaintIntake.Filed filed = intake.submit(input.toForm(), sent, held, channel, me.scope());
			redirect.addFlashAttribute("secret", "请告知申诉人：申诉编号 " + filed.number() + "，查询码 " + filed.queryCode());
			return new PageSteps.Done(filed.number() + " 已登记（" + channel.label() + "）"
					+ (filed.duplicateOf() == null ? "" : "，疑似与 " + filed.duplicateOf() + " 重复"
							+ (filed.sameText() ? "（当日对同一品牌内容相同）" : "（相同电话、运单号和类别）")), "/complaints/" + filed.id());
		}, () -> {
			intake.hold(held, sent);
			return entryForm(model, intake.held(held));
		});
	}

	private String entryForm(Model model, List<Attachment> held) {
		model.addAttribute("held", held);
		model.addAttribute("channels", List.of(Channel.PHONE, Channel.LETTER, Channel.HOTLINE));
		model.addAttribute("roles", FilerRole.values());
		model.addAttribute("categories", intake.categories());
		model.addAttribute("reasons", intake.reasons());
		model.addAttribute("brands", brands.all());
		periods(model, rules);
		return "complaints/entry";
	}

	/**
	 * The periods the complaint form's texts name (complaints/fields, the public page's intro), from the rule catalogue:
	 * {@code priorWaitPeriod} (the company's time to answer before a complaint, 快递暂行条例(2025) art.29) and
	 * {@code filingWindowPeriod} (申诉时效). The national values: the form does not know the region yet.
	 */
	static void periods(Model model, StatutoryRules rules) {
		model.addAllAttributes(rules.statedAs("priorWait", StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT, StatutoryRule.NATIONAL_REGION));
		model.addAllAttributes(rules.statedAs("filingWindow", StatutoryRule.COMPLAINT_FILING_WINDOW, StatutoryRule.NATIONAL_REGION));
	}
}
