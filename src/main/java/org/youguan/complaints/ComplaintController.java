package org.youguan.complaints;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;
import org.youguan.region.RegionPicker;

/**
 * The bureau's complaint work: the queue with each step's clock (due within a working day amber, overdue red), a
 * complaint with the system's assessment and the routed respondent, and every step of the procedure; staff entry of
 * phone and letter complaints.
 */
@Controller
class ComplaintController {

	static final String HANDLERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";

	static final List<Column<ComplaintView>> COLUMNS = List.of(Column.of("申诉编号", ComplaintView::number, 24),
			Column.of("渠道", c -> c.channel().label(), 12), Column.of("受理日期", ComplaintView::receivedOn, 12),
			Column.of("所在地", ComplaintView::regionName, 12), Column.of("品牌", ComplaintView::brandName, 8),
			Column.of("被申诉企业", ComplaintView::enterpriseName, 30), Column.of("类别", ComplaintView::category, 10),
			Column.of("原因", ComplaintView::reason, 16), Column.of("状态", c -> c.status().label(), 10),
			Column.of("当前环节时限", ComplaintView::stepDue, 12), Column.of("答复期限", ComplaintView::answerDue, 12),
			Column.of("申诉人电话", ComplaintView::filerPhoneMasked, 14),
			Column.of("有效申诉", c -> c.validComplaint() == null ? "" : c.validComplaint() ? "是" : "否", 8),
			Column.of("满意度", c -> c.satisfaction() == null ? "" : c.satisfaction().label(), 8),
			Column.of("挽回经济损失（元）", ComplaintView::compensationPaid, 14));

	private final Complaints complaints;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final org.youguan.registry.Brands brands;

	ComplaintController(Complaints complaints, AuditTrail audit, Spreadsheets spreadsheets,
			org.youguan.registry.Brands brands) {
		this.complaints = complaints;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
		this.brands = brands;
	}

	/**
	 * The queue opens on the complaints still in procedure, the current step's nearest due date first; 待办 / 已办结 /
	 * 全部 switch the state; a status asked for alone shows that status whatever its state; {@code awaitingReply} keeps
	 * those with the enterprise (the inbox's 企业逾期未答复 adds {@code overdue}).
	 */
	@GetMapping("/complaints")
	String queue(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String category,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		PageQuery query = PageQuery.of(q, page, null, defaultSort(shown, sort), defaultDirection(shown, sort, dir));
		model.addAttribute("result", complaints.list(scope, new Complaints.Filter(status, overdue, category, shown,
				awaitingReply), query));
		model.addAttribute("query", query);
		model.addAttribute("statuses", statuses(shown));
		model.addAttribute("categories", complaints.categories());
		model.addAttribute("state", shown);
		model.addAttribute("awaitingReply", awaitingReply);
		return "complaints/queue";
	}

	@GetMapping("/complaints/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, @RequestParam(required = false) String q,
			@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String category, @RequestParam(required = false) WorkState state,
			@RequestParam(defaultValue = "false") boolean awaitingReply, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir) {
		WorkState shown = WorkState.orDefault(state, status != null);
		var rows = complaints.list(scope, new Complaints.Filter(status, overdue, category, shown, awaitingReply),
				PageQuery.of(q, 0, null, defaultSort(shown, sort), defaultDirection(shown, sort, dir)).unpaged()).items();
		return Downloads.xlsx("申诉.xlsx", spreadsheets.write("申诉", COLUMNS, rows));
	}

	/** Open complaints by the current step's due date; finished ones newest first. */
	static String defaultSort(WorkState state, String sort) {
		return sort != null ? sort : state == WorkState.DONE ? "received_on" : "step_due";
	}

	static String defaultDirection(WorkState state, String sort, String dir) {
		return sort != null ? dir : state == WorkState.DONE ? "desc" : "asc";
	}

	/** The statuses the status filter offers in a state. */
	static List<ComplaintStatus> statuses(WorkState state) {
		return java.util.Arrays.stream(ComplaintStatus.values())
			.filter(s -> state == WorkState.ALL || s.finished() == (state == WorkState.DONE))
			.toList();
	}

	@GetMapping("/complaints/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		DataScope scope = me.scope();
		ComplaintView c = complaints.read(me, id);
		model.addAttribute("complaint", c);
		model.addAttribute("attachments", complaints.attachments(scope, id));
		model.addAttribute("history", audit.history(scope, "Complaint", id));
		model.addAttribute("conditions", AcceptanceCondition.values());
		model.addAttribute("satisfactions", Satisfaction.values());
		if (c.status() == ComplaintStatus.RECEIVED) {
			model.addAttribute("assessment", complaints.assess(scope, id));
			model.addAttribute("respondent", complaints.respondent(scope, id).orElse(null));
		}
		return "complaints/complaint";
	}

	@PostMapping("/complaints/{id:\\d+}/{step:transfer|reject|return|callback|close|refer}")
	@PreAuthorize(HANDLERS)
	String step(DataScope scope, @PathVariable long id, @PathVariable String step,
			@RequestParam(required = false) String creditCode, @RequestParam(required = false) AcceptanceCondition condition,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Boolean reached,
			@RequestParam(required = false) Satisfaction satisfaction, @RequestParam(required = false) Boolean solved,
			@RequestParam(required = false) String compensationPaid, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			switch (step) {
				case "transfer" -> complaints.acceptAndTransfer(scope, id, creditCode, reason);
				case "reject" -> complaints.reject(scope, id, condition, reason);
				case "return" -> complaints.returnForRedo(scope, id, reason);
				case "callback" -> complaints.callBack(scope, id, !Boolean.FALSE.equals(reached), satisfaction, solved);
				case "refer" -> complaints.refer(scope, id, note);
				default -> {
					Validation v = new Validation();
					BigDecimal paid = v.decimal("compensationPaid", "挽回经济损失", compensationPaid);
					v.throwIfInvalid();
					complaints.close(scope, id, paid, note);
				}
			}
			redirect.addFlashAttribute("message", "已办理");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("errors", ex.formErrors());
		}
		return "redirect:/complaints/" + id;
	}

	@GetMapping("/complaints/new")
	@PreAuthorize(HANDLERS)
	String initEntryForm(Model model) {
		return entryForm(model);
	}

	/** Staff enter a complaint received by phone or letter; the filer is told the number and query code. */
	@PostMapping("/complaints/new")
	@PreAuthorize(HANDLERS)
	String processEntryForm(@RequestParam Channel channel, ComplaintFormInput input,
			@RequestParam(required = false) List<org.springframework.web.multipart.MultipartFile> files,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect) throws java.io.IOException {
		if (regionPick != null) {
			return entryForm(model);
		}
		try {
			Complaints.Filed filed = complaints.file(input.toForm(), UploadedFile.of(files), channel, null, false);
			redirect.addFlashAttribute("message", "已登记申诉" + filed.number());
			redirect.addFlashAttribute("secret", "请告知申诉人：申诉编号 " + filed.number() + "，查询码 " + filed.queryCode());
			return "redirect:/complaints/" + filed.id();
		}
		catch (DomainException ex) {
			model.addAttribute("errors", ex.formErrors());
			return entryForm(model);
		}
	}

	private String entryForm(Model model) {
		model.addAttribute("channels", List.of(Channel.PHONE, Channel.LETTER, Channel.HOTLINE));
		model.addAttribute("roles", FilerRole.values());
		model.addAttribute("categories", complaints.categories());
		model.addAttribute("reasons", complaints.reasons());
		model.addAttribute("brands", brands.all());
		return "complaints/entry";
	}
}
