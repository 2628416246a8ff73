package org.youguan.enforcement.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletResponse;

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
import org.youguan.audit.AuditTrail;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.CaseDecisions;
import org.youguan.enforcement.CaseEvidence;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.CaseFilter;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.DecisionLimit;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.DecisionPublication;
import org.youguan.enforcement.DeliveryMethod;
import org.youguan.enforcement.EvidenceKind;
import org.youguan.enforcement.LeadStatus;
import org.youguan.enforcement.LeadView;
import org.youguan.enforcement.NoPenaltyGround;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.Mitigation;
import org.youguan.enforcement.NoticeAndHearing;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.enforcement.PastCases;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.enforcement.SuspensionKind;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

/**
 * The enforcement pages for bureau staff: the leads with their assessment (提请立案, 批准立案 by the bureau head, 不予立案),
 * the case queue with each case's remaining days (highlighted within the warning days and when overdue), and a case's
 * page where its steps run — a step of a button or a reason through {@link PageSteps}, a form of typed fields
 * (decision, conclusion, hearing, evidence, original document, transfer, suspension, payment arrangement, investigation
 * team, review, notice, statement, payment, refund, extension, the lead's proposal) through {@link FormSteps}, so a refused form comes back with what was typed and its errors beside the
 * fields — with its documents as issued (download, reissue
 * keeping the predecessor), its evidence list (调查取证, with uploads), and the head's (局领导) steps — 处罚决定, 不予处罚,
 * 撤案 and 移送 (行政处罚法(2021) art.57), 延期/分期缴纳 — shown to the head only; and the one form of
 * 当场处罚 (简易程序, {@code /enforcement/on-the-spot}).
 */
@Controller
@PreAuthorize(EnforcementApiController.READERS)
class EnforcementController {

	private final Leads leads;

	private final PenaltyCases cases;

	private final CaseWork caseWork;

	private final PastCases pastCases;

	private final DecisionPublication decisionPublication;

	private final CaseExecution caseExecution;

	private final OnTheSpotPenalties onTheSpotPenalties;

	private final DecisionLimit decisionLimit;

	private final CaseDecisions caseDecisions;

	private final NoticeAndHearing noticeAndHearing;

	private final CaseInvestigation caseInvestigation;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final CaseEvidence evidence;

	private final Bureaus bureaus;

	private final DecisionOutcomes decisionOutcomes;

	private final CaseTeam caseTeam;

	EnforcementController(Leads leads, PenaltyCases cases, CaseWork caseWork, PastCases pastCases, DecisionPublication decisionPublication, CaseExecution caseExecution, OnTheSpotPenalties onTheSpotPenalties, DecisionLimit decisionLimit, CaseDecisions caseDecisions, NoticeAndHearing noticeAndHearing, CaseInvestigation caseInvestigation, StatutoryRules rules, AuditTrail audit, CaseEvidence evidence,
			Bureaus bureaus, DecisionOutcomes decisionOutcomes, CaseTeam caseTeam) {
		this.caseTeam = caseTeam;
		this.decisionOutcomes = decisionOutcomes;
		this.bureaus = bureaus;
		this.evidence = evidence;
		this.leads = leads;
		this.cases = cases;
		this.caseWork = caseWork;
		this.pastCases = pastCases;
		this.decisionPublication = decisionPublication;
		this.caseExecution = caseExecution;
		this.onTheSpotPenalties = onTheSpotPenalties;
		this.decisionLimit = decisionLimit;
		this.caseDecisions = caseDecisions;
		this.noticeAndHearing = noticeAndHearing;
		this.caseInvestigation = caseInvestigation;
		this.rules = rules;
		this.audit = audit;
	}

	@GetMapping("/enforcement/leads")
	String leads(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String status, Model model) {
		PageQuery query = request.toPage();
		LeadStatus s = EnforcementApiController.leadStatus(status);
		PageResult<LeadView> result = leads.list(scope, s, query, me.caseHandler());
		model.addAttribute("result", result);
		model.addAttribute("leads", result.items());
		model.addAttribute("query", query);
		model.addAttribute("status", s);
		model.addAttribute("statuses", LeadStatus.values());
		return "enforcement/leads";
	}

	@GetMapping("/enforcement/leads/new")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String newLead() {
		return "enforcement/lead-form";
	}

	@PostMapping("/enforcement/leads")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String report(DataScope scope, @RequestParam(required = false) String source,
			@RequestParam(required = false) String sourceDetail, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String summary,
			@RequestParam(required = false) LocalDate receivedOn, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// refused: the form again with the values as typed and each error beside its field, in the refusal's 4xx
		return FormSteps.run(model, response, redirect, () -> {
			long id = leads.report(scope, new Leads.ReportData(source, sourceDetail, enterpriseCreditCode, regionCode, summary,
					text(receivedOn)), false);
			return new PageSteps.Done("线索已登记", "/enforcement/leads/" + id);
		}, this::newLead);
	}

	@GetMapping("/enforcement/leads/{id:\\d+}")
	String lead(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		return leadPage(me, scope, id, model);
	}

	/** The lead's page with its assessment forms. */
	private String leadPage(CurrentUser me, DataScope scope, long id, Model model) {
		// a reporter's numbers in the summary and note in full only for the handling bureau's staff
		LeadView lead = leads.read(me, scope, id);
		model.addAttribute("lead", lead);
		// 立案 and 不予立案 are the handling bureau's own heads' (行政处罚法(2021) art.54, 57): no one else sees their forms
		model.addAttribute("head", leads.headsHandlingBureau(me, lead));
		// 提请立案 too is the handling bureau's: a superior bureau's staff read the lead
		model.addAttribute("handler", leads.handles(me, lead));
		model.addAttribute("violations", ViolationType.values());
		model.addAttribute("history", leads.history(lead));
		return "enforcement/lead";
	}

	@PostMapping("/enforcement/leads/{id:\\d+}/propose")
	@PageForm("propose-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String propose(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String violation, @RequestParam(required = false) LocalDate endedOn,
			@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false, defaultValue = "false") boolean harm,
			@RequestParam(required = false) String harmReason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, lead(id), "已提请立案", () -> leads.propose(scope, id, violation,
				text(endedOn), enterpriseCreditCode, harm, harmReason), () -> leadPage(me, scope, id, model));
	}

	@PostMapping("/enforcement/leads/{id:\\d+}/approve")
	@PreAuthorize(EnforcementApiController.HEADS)
	String approve(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, lead(id), () -> {
			long caseId = leads.approve(scope, id, EnforcementApiController.officer(me), null, false);
			return new PageSteps.Done("已批准立案", "/enforcement/cases/" + caseId);
		});
	}

	@PostMapping("/enforcement/leads/{id:\\d+}/close")
	@PageForm("close-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String closeLead(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, lead(id), "已作不予立案处理", () -> leads.close(scope, id, reason));
	}

	@GetMapping("/enforcement/cases")
	String cases(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false, defaultValue = "true") boolean open,
			@RequestParam(required = false) String status, Model model) {
		PageQuery query = request.toPage();
		CaseFilter s = CaseFilter.parse(status);
		// a status asked for is the filter: 办理中 (the default) would hide a decided or closed one
		PageResult<PenaltyCases.CaseSummary> result = cases.list(scope, s, open && s.none(), query);
		model.addAttribute("status", s.value());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("result", result);
		model.addAttribute("cases", result.items());
		model.addAttribute("query", query);
		model.addAttribute("open", open);
		String region = me.regionCode() == null ? "0" : me.regionCode();
		model.addAttribute("warningDays", rules.intValue(StatutoryRule.PENALTY_DECISION_WARNING, region));
		// the hint's periods and their basis from the catalogue (national law: the national values)
		model.addAllAttributes(rules.statedAs("decision", StatutoryRule.PENALTY_DECISION, region));
		model.addAllAttributes(rules.statedAs("extension", StatutoryRule.PENALTY_DECISION_EXTENSION, region));
		return "enforcement/cases";
	}

	@GetMapping("/enforcement/cases/{id:\\d+}")
	String detail(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		return casePage(me, scope, id, model);
	}

	/** The case's page: its steps' forms, documents, evidence and history. */
	private String casePage(CurrentUser me, DataScope scope, long id, Model model) {
		PenaltyCases.CaseDetail detail = cases.get(scope, id);
		// head-only steps are the handling bureau's own heads' (行政处罚法(2021) art.57): a superior's head sees no forms
		model.addAttribute("head", caseWork.headsHandlingBureau(me, detail.penaltyCase().regionCode()));
		model.addAttribute("mayReissue", caseWork.mayReissue(me, detail.penaltyCase().regionCode()));
		// steps are the handling bureau's staff's, the 法制审核 too: a superior bureau's staff see no step form
		model.addAttribute("handler", bureaus.takesSteps(me, detail.penaltyCase().regionCode()));
		// the investigators' own steps (evidence, 陈述申辩, 调查终结报告) are offered to the case's team only, by the rule
		// the steps refuse anyone else by (CaseTeam#requireInvestigator): today's team, not one who left it
		model.addAttribute("investigator", caseTeam.current(id).includes(me.id(), me.displayName()));
		outcomes(model, detail.penaltyCase());
		model.addAttribute("d", detail);
		model.addAttribute("c", detail.penaltyCase());
		model.addAttribute("replyLine", ReplyWindowLine.of(detail.penaltyCase().status(), detail.deadlines().hearingRight(),
				detail.deadlines().hearingRequestDue(), detail.penaltyCase().statementWaivedOn(),
				detail.penaltyCase().hearingRequestedOn(), detail.penaltyCase().hearingWaivedOn()));
		model.addAttribute("confiscated", Execution.confiscated(detail.penaltyCase()));
		model.addAttribute("penalties", List.of(Penalty.WARNING, Penalty.FINE, Penalty.CONFISCATION, Penalty.SUSPENSION,
				Penalty.REVOCATION));
		model.addAttribute("mitigations", Mitigation.values());
		model.addAttribute("deliveryMethods", DeliveryMethod.values());
		model.addAttribute("grounds", Mitigation.Ground.values());
		model.addAttribute("noPenaltyGrounds", NoPenaltyGround.values());
		model.addAttribute("pauseKinds", SuspensionKind.values());
		model.addAttribute("warningDays", rules.intValue(StatutoryRule.PENALTY_DECISION_WARNING, detail.penaltyCase().regionCode()));
		model.addAttribute("hearingNoticeDays", rules.intValue(StatutoryRule.PENALTY_HEARING_NOTICE, detail.penaltyCase().regionCode()));
		model.addAttribute("history", audit.history(scope, "penalty_case", id));
		model.addAttribute("documents", cases.documents(scope, id));
		model.addAttribute("evidence", evidence.list(scope, id));
		model.addAttribute("evidenceKinds", EvidenceKind.values());
		model.addAttribute("originalKinds", Arrays.stream(CaseDocumentKind.values())
			.filter(k -> k != CaseDocumentKind.ON_THE_SPOT_DECISION).toList());
		model.addAttribute("procedure", cases.procedure(scope, id));
		model.addAttribute("harmReason", cases.harmReason(scope, id).orElse(null));
		model.addAttribute("hosts", detail.penaltyCase().status() == CaseStatus.HEARING && detail.penaltyCase().hearingOn() == null
				? noticeAndHearing.hearingHosts(scope, id) : List.of());
		model.addAttribute("bureaus", CaseStep.TRANSFER.allowedFrom().contains(detail.penaltyCase().status())
				? caseDecisions.transferTargets(detail.penaltyCase().regionCode()) : List.of());
		return "enforcement/case";
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/investigation")
	@PageForm("investigation-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String investigate(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "certificateNumber", required = false) List<String> certificates, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<CaseInvestigation.Member> team = team(names, certificates);
		return FormSteps.run(model, response, redirect, page(id), "已开始调查取证", () -> caseInvestigation.startInvestigation(scope, id, team),
				() -> casePage(me, scope, id, model));
	}

	/** 更换调查人员 by the handling bureau's head: the new team as the investigation form names one, and the reason. */
	@PostMapping("/enforcement/cases/{id:\\d+}/team")
	@PageForm("team-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String changeTeam(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "certificateNumber", required = false) List<String> certificates,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<CaseInvestigation.Member> team = team(names, certificates);
		return FormSteps.run(model, response, redirect, page(id), "已更换调查人员",
				() -> caseInvestigation.changeTeam(scope, id, team, reason), () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/conclusion")
	@PageForm("conclusion-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String conclude(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, @RequestParam(required = false) String report,
			@RequestParam(required = false) String proposedPenalty, @RequestParam(required = false) String proposedFine,
			@RequestParam(required = false) Boolean serious, @RequestParam(required = false) String mitigation,
			@RequestParam(required = false) String mitigationGround, @RequestParam(required = false) String mitigationReason,
			@RequestParam(required = false) LocalDate concludedOn, @RequestParam(required = false) String proposedConfiscated,
			@RequestParam(required = false) String proposedSuspensionDays, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "调查终结", () -> caseInvestigation.concludeInvestigation(scope, id,
				new CaseInvestigation.Conclusion(report, proposedPenalty, proposedFine, serious, mitigation, mitigationGround,
						mitigationReason, text(concludedOn), proposedConfiscated, proposedSuspensionDays)), () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/review")
	@PageForm("review-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String review(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) Boolean agreed,
			@RequestParam(required = false) String opinion, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已记录法制审核意见",
				() -> caseInvestigation.review(scope, id, EnforcementApiController.officer(me), agreed, opinion),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/notice")
	@PageForm("notice-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String notice(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) LocalDate servedOn,
			@RequestParam(required = false) String method, @RequestParam(required = false) Boolean consent,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已事先告知", () -> StepFieldNames.onDay("notifiedOn",
				() -> noticeAndHearing.notifyParty(scope, id, text(on), new CaseExecution.Delivery(text(servedOn), method, consent, note))),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/statement")
	@PageForm("statement-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String statement(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String statement,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// the field is called statement, as on the enterprise portal and both APIs
		return FormSteps.run(model, response, redirect, page(id), "已记录陈述申辩",
				() -> StepFieldNames.onDay("statementOn",
						() -> noticeAndHearing.recordStatement(scope, id, text(on), statement)), () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/hearing-request")
	@PageForm("hearing-request-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String hearingRequest(DataScope scope, @PathVariable long id, @RequestParam(required = false) LocalDate on,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已登记听证申请", () -> StepFieldNames.onDay("requestedOn",
				() -> noticeAndHearing.requestHearing(scope, id, text(on))));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/hearing-waiver")
	@PageForm("hearing-waiver-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String hearingWaiver(DataScope scope, @PathVariable long id, @RequestParam(required = false) LocalDate on,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		UploadedFile scan = UploadedFile.of(file);
		// a request withdrawn (撤回听证申请) is said so, not called a waiver
		return PageSteps.run(redirect, page(id), () -> {
			AtomicBoolean withdrawal = new AtomicBoolean();
			StepFieldNames.onDay("waivedOn", () -> withdrawal.set(noticeAndHearing.waiveHearing(scope, id, text(on), scan)));
			return new PageSteps.Done(withdrawal.get() ? "已登记当事人撤回听证申请" : "已登记当事人放弃听证", page(id));
		});
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/statement-waiver")
	@PageForm("statement-waiver-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String statementWaiver(DataScope scope, @PathVariable long id, @RequestParam(required = false) LocalDate on,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		return waiver(id, "已登记当事人放弃陈述申辩", on, file, redirect,
				(day, scan) -> noticeAndHearing.waiveStatement(scope, id, day, scan));
	}

	/** A written waiver staff record: its day ({@code on}) and the scan of the party's signed waiver ({@code file}). */
	private String waiver(long id, String message, LocalDate on, MultipartFile file, RedirectAttributes redirect,
			BiConsumer<String, UploadedFile> step) throws IOException {
		UploadedFile scan = UploadedFile.of(file);
		return PageSteps.run(redirect, page(id), message, () -> StepFieldNames.onDay("waivedOn", () -> step.accept(text(on), scan)));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/hearing-notice")
	@PageForm("hearing-notice-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String hearingNotice(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate noticeOn, @RequestParam(required = false) LocalDate hearingOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String host, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已发出听证通知", () -> noticeAndHearing.noticeHearing(scope, id,
				new NoticeAndHearing.HearingNotice(text(noticeOn), text(hearingOn), place, host(host))),
				() -> casePage(me, scope, id, model));
	}

	/**
	 * The 听证主持人 chosen in the form's select: a staff account's id, null when none is chosen.
	 * @throws InvalidValueException (field {@code host}, rule {@code format}) for what is no account's id — told to
	 *         choose from the list, not a number range the select never shows
	 */
	static Long host(String chosen) {
		if (chosen == null || Text.isBlank(chosen)) {
			return null;
		}
		Long id = Decimals.whole(chosen);
		if (id == null || id < 1) {
			throw new InvalidValueException("host", "format", "听证主持人请从列表中选择本局的执法人员");
		}
		return id;
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/hearing")
	@PageForm("hearing-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String hearing(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate hearingOn, @RequestParam(required = false) String record, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已登记听证", () -> noticeAndHearing.holdHearing(scope, id,
				new NoticeAndHearing.HearingData(null, text(hearingOn), null, null, record)),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/return-to-investigation")
	@PageForm("return-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String returnToInvestigation(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已退回调查取证", () -> noticeAndHearing.returnToInvestigation(scope, id, reason));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/evidence")
	@PageForm("evidence-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String addEvidence(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) String place, @RequestParam(required = false) String subject,
			@RequestParam(required = false) LocalDate collectedOn, @RequestParam(required = false) List<String> collectors,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		UploadedFile upload = UploadedFile.of(file);
		return FormSteps.run(model, response, redirect, page(id) + "#evidence", "证据已登记", () -> evidence.add(scope, id,
				new CaseEvidence.EvidenceData(kind, title, content, place, subject, text(collectedOn), collectors), upload),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/documents/originals")
	@PageForm("original-document-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String keepOriginal(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String number, @RequestParam(required = false) LocalDate issuedOn,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		UploadedFile scan = UploadedFile.of(file);
		return FormSteps.run(model, response, redirect, page(id) + "#documents", "原始文书扫描件已上传",
				() -> pastCases.keepOriginalDocument(scope, id, new PastCases.OriginalDocument(kind, number, text(issuedOn)), scan),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/documents/{documentId:\\d+}/reissue")
	@PageForm("reissue-{documentId}")
	@PreAuthorize(CaseRoles.HANDLERS_OR_HEADS)
	String reissue(DataScope scope, @PathVariable long id, @PathVariable long documentId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id) + "#documents", "文书已重新制作，原版本已保留",
				() -> cases.reissueDocument(scope, id, documentId, reason));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/transfer")
	@PageForm("transfer-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String transfer(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) Long bureauId, @RequestParam(required = false) String authority,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "案件已移送", () -> caseDecisions.transfer(scope, id, bureauId,
				authority, reason), () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/payment-arrangement")
	@PageForm("arrangement-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String arrangePayment(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) LocalDate appliedOn,
			@RequestParam(required = false) LocalDate deferredUntil,
			@RequestParam(name = "dueOn", required = false) List<LocalDate> dueOn,
			@RequestParam(name = "amount", required = false) List<String> amounts, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<CaseExecution.InstalmentTerm> parts = new ArrayList<>();
		int n = Math.max(dueOn == null ? 0 : dueOn.size(), amounts == null ? 0 : amounts.size());
		for (int i = 0; i < n; i++) {
			parts.add(new CaseExecution.InstalmentTerm(dueOn != null && i < dueOn.size() ? text(dueOn.get(i)) : null,
					amounts != null && i < amounts.size() ? amounts.get(i) : null));
		}
		return FormSteps.run(model, response, redirect, page(id), "已批准延期（分期）缴纳罚款", () -> caseExecution.arrangePayment(scope,
				id, EnforcementApiController.officer(me), new CaseExecution.PaymentTerms(kind, text(appliedOn),
						text(deferredUntil), reason, parts)),
				() -> casePage(me, scope, id, model));
	}

	@GetMapping("/enforcement/on-the-spot")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String onTheSpotForm(Model model) {
		model.addAttribute("violations", ViolationType.values());
		return "enforcement/on-the-spot";
	}

	@PostMapping("/enforcement/on-the-spot")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String onTheSpot(DataScope scope, @RequestParam(required = false) String partyKind,
			@RequestParam(required = false) String enterpriseCreditCode, @RequestParam(required = false) String personName,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String violation,
			@RequestParam(required = false) String facts, @RequestParam(required = false) String place,
			@RequestParam(required = false) LocalDate decidedOn, @RequestParam(required = false) String penalty,
			@RequestParam(required = false) String fine, @RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "certificateNumber", required = false) List<String> certificates, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<CaseInvestigation.Member> team = team(names, certificates);
		return FormSteps.run(model, response, redirect, () -> {
			long id = onTheSpotPenalties.decideOnTheSpot(scope, new OnTheSpotPenalties.OnTheSpot(partyKind, enterpriseCreditCode, personName,
					regionCode, violation, facts, place, text(decidedOn), penalty, fine, team));
			return new PageSteps.Done("当场处罚决定已登记备案", page(id));
		}, () -> onTheSpotForm(model));
	}

	private static List<CaseInvestigation.Member> team(List<String> names, List<String> certificates) {
		List<CaseInvestigation.Member> team = new ArrayList<>();
		int n = Math.max(names == null ? 0 : names.size(), certificates == null ? 0 : certificates.size());
		for (int i = 0; i < n; i++) {
			team.add(new CaseInvestigation.Member(names != null && i < names.size() ? names.get(i) : null,
					certificates != null && i < certificates.size() ? certificates.get(i) : null));
		}
		return team;
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/decision")
	@PageForm("decision-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String decide(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) LocalDate decidedOn, @RequestParam(required = false) String penalty,
			@RequestParam(required = false) String fine, @RequestParam(required = false) String mitigation,
			@RequestParam(required = false) String mitigationGround, @RequestParam(required = false) String mitigationReason,
			@RequestParam(required = false) LocalDate discussedOn,
			@RequestParam(required = false) String discussionParticipants,
			@RequestParam(required = false) String discussionConclusion, @RequestParam(required = false) String confiscated,
			@RequestParam(required = false) String suspensionDays,
			@RequestParam(required = false) Boolean statementAdopted, @RequestParam(required = false) String statementReview,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			String number = caseDecisions.decide(scope, id, new CaseDecisions.Decision(decisionNumber, text(decidedOn), penalty, fine,
					mitigation, mitigationGround, mitigationReason, text(discussedOn), discussionConclusion,
					Text.personNames(discussionParticipants), confiscated, suspensionDays,
					statementAdopted, statementReview));
			return new PageSteps.Done("已作出行政处罚决定" + number, page(id));
		}, () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/no-penalty")
	@PageForm("no-penalty-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String noPenalty(DataScope scope, @PathVariable long id, @RequestParam(required = false) String ground,
			@RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate discussedOn,
			@RequestParam(required = false) String discussionParticipants,
			@RequestParam(required = false) String discussionConclusion, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已决定不予处罚", () -> caseDecisions.notPenalize(scope, id, ground, reason,
				new CaseDecisions.Discussion(text(discussedOn), Text.personNames(discussionParticipants), discussionConclusion)));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/withdrawal")
	@PageForm("withdrawal-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String withdraw(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已撤案", () -> caseDecisions.withdraw(scope, id, reason));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/delivery")
	@PageForm("delivery-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String deliver(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String method,
			@RequestParam(required = false) Boolean consent, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已登记送达", () -> StepFieldNames.onDay("deliveredOn",
				() -> caseExecution.deliver(scope, id, new CaseExecution.Delivery(text(on), method, consent, note))),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/payment")
	@PageForm("payment-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String pay(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate paidOn, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String instalment, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已登记缴纳罚款",
				() -> caseExecution.pay(scope, id, text(paidOn), amount, instalment),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/refund")
	@PageForm("refund-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String refund(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate refundedOn, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String receipt, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已登记退还多缴罚款",
				() -> caseExecution.refund(scope, id, text(refundedOn), amount, receipt), () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/handover")
	@PageForm("handover-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String handover(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) LocalDate handedOverOn, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String receipt, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		UploadedFile scan = UploadedFile.of(file);
		return FormSteps.run(model, response, redirect, page(id), "已登记没收违法所得上缴",
				() -> caseExecution.handOver(scope, id, text(handedOverOn), amount, receipt, scan),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/closure")
	@PageForm("closure-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String close(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已结案", () -> caseExecution.close(scope, id, reason));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/extension")
	@PageForm("extension-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String extend(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已延长办案期限",
				() -> decisionLimit.extend(scope, id, EnforcementApiController.officer(me), reason),
				() -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/suspension")
	@PageForm("suspension-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String suspend(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) LocalDate startedOn,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, page(id), "已中止计时", () -> decisionLimit.suspend(scope, id, kind,
				text(startedOn), reason), () -> casePage(me, scope, id, model));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/resumption")
	@PageForm("resumption-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String resume(DataScope scope, @PathVariable long id, @RequestParam(required = false) LocalDate on,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已恢复计时", () -> StepFieldNames.onDay("endedOn", () -> decisionLimit.resume(scope, id, text(on))));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/publication")
	@PageForm("publication-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String publish(DataScope scope, @PathVariable long id, @RequestParam(required = false) LocalDate on,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "处罚决定已公示", () -> StepFieldNames.onDay("publishedOn", () -> decisionPublication.publish(scope, id, text(on))));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/publication-withdrawal")
	@PageForm("publication-withdrawal-form")
	@PreAuthorize(EnforcementApiController.WRITERS)
	String withdrawPublication(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "已撤回公示", () -> decisionPublication.withdrawPublication(scope, id, reason));
	}

	/**
	 * The outcomes of 复议, 诉讼 or correction of the decision for the case page, their choices, and whether a withdrawn
	 * publication may come back (the decision changed since, {@link DecisionPublication#publish}).
	 */
	private void outcomes(Model model, CaseView c) {
		List<DecisionOutcomes.Recorded> recorded = decisionOutcomes.outcomes(c.id());
		model.addAttribute("outcomes", recorded);
		model.addAttribute("outcomeKinds", DecisionOutcomes.Kind.values());
		model.addAttribute("outcomeResults", DecisionOutcomes.Result.values());
		model.addAttribute("republishable", c.publishedOn() != null && DecisionOutcomes.changedSince(recorded, c.publishedOn()));
		// a public notice's decision is published from its deemed day on (the step refuses it before)
		model.addAttribute("servedForPublication", decisionPublication.servedForPublication(c));
	}

	/** A date bound by the shell's plausible-date rule (an implausible one is a 400 naming the field), as the services take it. */
	private static String text(LocalDate day) {
		return day == null ? null : day.toString();
	}

	private static String lead(long id) {
		return "/enforcement/leads/" + id;
	}

	private static String page(long id) {
		return "/enforcement/cases/" + id;
	}
}
