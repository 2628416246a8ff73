package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.complaints.internal.Actor;
import org.youguan.complaints.internal.Complaint;
import org.youguan.complaints.internal.ComplaintRecords;
import org.youguan.complaints.internal.ComplaintRepository;
import org.youguan.complaints.internal.ComplaintStore;
import org.youguan.complaints.internal.RespondentRouting;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The steps of the procedure (邮政业用户申诉处理办法(2014); the 30-day answer limit 邮政法(2015) 第65条): accept and
 * transfer, or refuse; the enterprise's reply; return for redoing; call-back; closure; referral to enforcement. Each
 * step is one transaction that loads the complaint once within the caller's scope (not found outside it) and, for a
 * staff account, checks that it belongs to the complaint's handling bureau ({@link Bureaus#outsider}: 403 otherwise), changes it
 * through the aggregate's guarded intention method, sets the next step's due date from the rule catalogue, and leaves a
 * line of public history and an audit event. Transfer publishes {@link ComplaintTransferred}, the reply
 * {@link ComplaintReplied}, a return for redoing {@link ComplaintReturned}, closure {@link ComplaintClosed}, referral
 * {@link ComplaintReferred}. Each step returns what it did, for the message the user sees.
 */
@Service
public class ComplaintProcedure {

	/** What a step did, in the words shown to the user (e.g. "申诉 申诉-320506-2026-000069 已受理并转办至 …"). */
	public record Done(long id, String number, String message) {
	}

	private final ComplaintRepository complaints;

	private final ComplaintStore store;

	private final Enterprises enterprises;

	private final RespondentRouting routing;

	private final StatutoryRules rules;

	private final ComplaintRecords records;

	private final ApplicationEventPublisher events;

	private final Bureaus bureaus;

	private final Clock clock;

	ComplaintProcedure(ComplaintRepository complaints, ComplaintStore store, Enterprises enterprises,
			RespondentRouting routing, StatutoryRules rules, ComplaintRecords records, ApplicationEventPublisher events,
			Bureaus bureaus, Clock clock) {
		this.complaints = complaints;
		this.store = store;
		this.enterprises = enterprises;
		this.routing = routing;
		this.rules = rules;
		this.records = records;
		this.events = events;
		this.bureaus = bureaus;
		this.clock = clock;
	}

	/**
	 * 受理并转办: to the routed respondent, or to the enterprise the handler names by credit code. A transfer to an
	 * enterprise of another brand than the complaint's, or outside the transferring bureau's region, needs a reason
	 * ({@code reason}, ≤ 500 characters) and is flagged on the complaint and in the audit trail.
	 * @throws InvalidValueException naming {@code creditCode} (no such enterprise / no respondent found / cancelled) or
	 * {@code reason} (missing where required)
	 * @throws DomainException not found outside the scope; illegal transition unless just received
	 */
	@Transactional
	public Done acceptAndTransfer(DataScope scope, long id, String creditCode, String reason) {
		Complaint c = load(scope, id);
		// the state before the respondent named and the reason: a closed complaint is told so, not its fields
		c.requireTransferable();
		EnterpriseView to = creditCode != null && !Text.isBlank(creditCode)
				? enterprises.findByCreditCode(creditCode)
					.orElseThrow(() -> new InvalidValueException("creditCode", "exists", Wording.of("registry.refusal.noEnterpriseWithCode"), "没有该统一社会信用代码的企业"))
				: routing.route(c.regionCode(), c.brandId()).orElseThrow(() -> new InvalidValueException("creditCode",
						"respondent", Wording.of("complaints.refusal.brandEnterpriseUnknown"), "未找到该品牌在本地或总部的企业，请填写被申诉企业的统一社会信用代码"));
		if (to.status() == EnterpriseStatus.CANCELLED) {
			// its accounts stopped with the cancellation: nobody could ever answer
			throw new InvalidValueException("creditCode", "cancelled", Wording.of("complaints.refusal.transferCancelled", to.legalName()),
					to.legalName() + "已注销，不能转办：请转其总部或承继业务的企业");
		}
		List<String> crossings = new ArrayList<>();
		// the same as keys, for the reader's language
		List<Wording> crossed = new ArrayList<>();
		if (to.brandId() == null || !to.brandId().equals(c.brandId())) {
			crossings.add("被申诉企业不属于申诉所涉品牌");
			crossed.add(Wording.of("complaints.refusal.crossBrand"));
		}
		if (!scope.containsRegion(to.regionCode())) {
			crossings.add("被申诉企业在本局辖区以外（" + to.regionName() + "）");
			crossed.add(Wording.of("complaints.refusal.crossRegion", to.regionName()));
		}
		String note = ComplaintIntake.text(reason);
		Wording crossedWords = crossed.size() == 2 ? Wording.of("complaints.refusal.crossBoth", crossed.get(0), crossed.get(1))
				: crossed.isEmpty() ? null : crossed.get(0);
		new Validation().require("reason", crossings.isEmpty() || note != null, "transfer-reason",
				Wording.of("complaints.refusal.transferReasonNeeded", crossedWords), String.join("，", crossings) + "，请填写转办理由").maxLength("reason", "转办理由", note, 500).throwIfInvalid();
		LocalDate today = LocalDate.now(clock);
		var before = c.snapshot();
		c.acceptAndTransfer(new Complaint.Respondent(to.id(), to.legalName(), to.creditCode(), to.type()), today, clock.instant(),
				rules.deadline(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, today, county(c)), note, !crossings.isEmpty());
		store.save(c);
		records.history(c, "申诉已受理，并转" + c.enterpriseName() + "处理。");
		records.audit(c, "complaint.transfer", "受理" + c.number() + "并转" + to.legalName()
				+ (crossings.isEmpty() ? "" : "【" + String.join("，", crossings) + "；理由：" + note + "】"), before);
		events.publishEvent(new ComplaintTransferred(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(),
				c.stepDue()));
		return done(c, "已受理并转办至 " + to.legalName() + "，企业答复期限 " + ChineseText.day(c.stepDue()));
	}

	/**
	 * 不予受理, naming the condition and the reason (≤ 500 characters); the filer reads both on the status page.
	 * @throws InvalidValueException naming {@code condition} and {@code reason}
	 */
	@Transactional
	public Done reject(DataScope scope, long id, AcceptanceCondition condition, String reason) {
		// access, then the step's state, then its fields — on the API as on the page (StepAccessFirst)
		Complaint c = load(scope, id);
		c.requireRejectable();
		new Validation().require("condition", condition != null, "required", Wording.of("refusal.complaintRejectGround"), "请选择不予受理的情形")
			.required("reason", "不予受理的理由", reason)
			.maxLength("reason", "不予受理的理由", reason, 500)
			.throwIfInvalid();
		var before = c.snapshot();
		c.reject(condition, Text.freeText(reason));
		store.save(c);
		String stated = condition.label(rules.stated(StatutoryRule.COMPLAINT_FILING_WINDOW, county(c)));
		records.history(c, "经审查，不予受理：" + stated + "。" + Text.freeText(reason));
		records.audit(c, "complaint.reject", c.number() + "不予受理：" + stated, before);
		return done(c, "不予受理（" + stated + "）");
	}

	/**
	 * The enterprise's reply (the enterprise it was transferred to; staff of the region may record it for the
	 * enterprise): findings, responsibility, solution, compensation, apology, whether the filer agrees, the handler and
	 * the handler's phone. The same rules for the portal and the enterprise API.
	 * @throws InvalidValueException naming each field that breaks its rule
	 * @throws DomainException not found for another enterprise's complaint; illegal transition unless awaiting a reply
	 */
	@Transactional
	public Done reply(DataScope scope, long id, ComplaintReply reply) {
		return reply(scope, id, reply, List.of());
	}

	/**
	 * The enterprise's reply as {@link #reply(DataScope, long, ComplaintReply)} records it, its checks continuing the
	 * failures of the form or body that read it ({@link Validation#after}: a compensation, a responsibility or a yes/no
	 * choice it could not read, null in {@code reply}), so one answer names every bad field.
	 * @param earlier the reading's failures, or an empty list
	 */
	@Transactional
	public Done reply(DataScope scope, long id, ComplaintReply reply, List<FieldError> earlier) {
		// access (another enterprise's complaint: 404), then the step's state (409), then the reply's fields (400) — the
		// module's API decides in the order the web steps do (StepAccessFirst), whoever calls it
		Complaint c = load(scope, id);
		c.requireAwaitingReply();
		Validation v = Validation.after(earlier);
		v.required("findings", "调查核实情况", reply.findings()).maxLength("findings", "调查核实情况", reply.findings(), 2000);
		v.require("responsibility", reply.responsibility() != null, "required", Wording.of("refusal.please.85"), "请选择责任认定");
		v.required("solution", "处理意见", reply.solution()).maxLength("solution", "处理意见", reply.solution(), 1000);
		amount(v, "compensation", "赔偿金额", reply.compensation());
		v.name("handler", "经办人", reply.handler(), 60).personName("handler", "经办人", reply.handler());
		// an enterprise's handler is often at a customer-service line with an extension
		Telephone handlerPhone = v.check("handlerPhone", () -> Telephone.of(reply.handlerPhone(), "经办人电话"));
		withinClaim(v, c, "compensation", "赔偿金额", reply.compensation());
		v.throwIfInvalid();
		ComplaintReply clean = new ComplaintReply(Text.freeText(reply.findings()), reply.responsibility(),
				Text.freeText(reply.solution()),
				ComplaintIntake.yuan(reply.compensation()), reply.apology(), reply.userAgrees(), Text.name(reply.handler()), handlerPhone.value());
		LocalDate today = LocalDate.now(clock);
		var before = c.snapshot();
		c.reply(clean, today, rules.deadline(StatutoryRule.COMPLAINT_CALLBACK, today, county(c)));
		store.save(c);
		records.history(c, "企业已答复，邮政管理部门将回访核实。");
		records.audit(c, "complaint.reply", c.enterpriseName() + "答复" + c.number() + "（"
				+ reply.responsibility().label() + "）" + (c.replyLate() ? "，逾期答复" : ""), before);
		events.publishEvent(new ComplaintReplied(c.id(), c.number(), c.regionCode(), c.enterpriseName(),
				reply.responsibility(), c.replyLate(), c.redoCount(), c.stepDue()));
		return done(c, "答复已提交（" + reply.responsibility().label() + "）" + (c.replyLate() ? "，已逾期" : ""));
	}

	/**
	 * 退回重办: the reply breaks the rules or contradicts the filer; the enterprise redoes it within the rule's days.
	 * @throws InvalidValueException naming {@code reason}
	 */
	@Transactional
	public Done returnForRedo(DataScope scope, long id, String reason) {
		Complaint c = load(scope, id);
		c.requireReplied("退回重办", ComplaintStatus.RETURNED);
		new Validation().required("reason", "退回理由", reason).maxLength("reason", "退回理由", reason, 500).throwIfInvalid();
		var before = c.snapshot();
		c.returnForRedo(Text.freeText(reason), rules.deadline(StatutoryRule.COMPLAINT_REDO, LocalDate.now(clock), county(c)),
				clock.instant());
		store.save(c);
		records.history(c, "企业答复不符合要求，已退回企业重新处理。");
		records.audit(c, "complaint.return", "退回" + c.number() + "请企业重新处理：" + Text.freeText(reason), before);
		events.publishEvent(new ComplaintReturned(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(),
				c.redoCount(), c.stepDue()));
		return done(c, "已退回 " + c.enterpriseName() + " 重新处理，期限 " + ChineseText.day(c.stepDue()));
	}

	/**
	 * Records a call-back: reached — the filer's satisfaction with the bureau's handling ({@code satisfaction}, the
	 * rate 对邮政管理部门申诉处理工作满意率) and with the company's ({@code companySatisfaction}, the rates 对邮政普遍服务满意率
	 * and 对快递服务满意率 by the respondent's type, {@link ComplaintFigures}) and whether the problem is solved — or not
	 * (a retry no sooner than the rule's interval; both satisfactions may be left out, and are ignored). Each call-back
	 * is a line of public history and an audit event ({@code complaint.callback}). It publishes no event: nothing acts
	 * on a call-back outside this module (the 满意率 of {@link ComplaintFigures} are counted from the complaints' own
	 * satisfactions), and the notification of a reply already told the bureau to call back.
	 * @throws InvalidValueException naming {@code satisfaction}, {@code companySatisfaction} and {@code solved} missing
	 * for a reached call-back
	 * @throws DomainException not found outside the scope; 409 unless replied or in call-back; 422 for a retry too soon
	 */
	@Transactional
	public Done callBack(DataScope scope, long id, boolean reached, Satisfaction satisfaction,
			Satisfaction companySatisfaction, Boolean solved) {
		Complaint c = load(scope, id);
		c.requireReplied("回访", ComplaintStatus.CALLBACK);
		if (reached) {
			new Validation().require("satisfaction", satisfaction != null, "required", Wording.of("refusal.please.72"), "请选择用户对邮政管理部门申诉处理工作的满意度")
				.require("companySatisfaction", companySatisfaction != null, "required", Wording.of("refusal.please.71"), "请选择用户对企业处理的满意度")
				.require("solved", solved != null, "required", Wording.of("refusal.please.88"), "请选择问题是否解决")
				.throwIfInvalid();
		}
		Instant now = clock.instant();
		var before = c.snapshot();
		if (reached) {
			c.callBack(satisfaction, companySatisfaction, solved, now);
		}
		else {
			Instant last = c.lastCallbackAt();
			Duration wait = Duration.ofHours(rules.intValue(StatutoryRule.COMPLAINT_CALLBACK_RETRY, county(c)));
			c.callBackFailed(now, last == null ? now : last.plus(wait));
		}
		store.save(c);
		records.history(c, reached ? "已回访。" : "回访未接通，将再次回访。");
		String outcome = reached ? "对处理工作" + satisfaction.label() + "，对企业" + companySatisfaction.label() : null;
		records.audit(c, "complaint.callback", "回访" + c.number() + (reached ? "：" + outcome : "：未接通"), before);
		return done(c, reached ? "已回访（" + outcome + "）" : "回访未接通，已记录第" + c.callbackAttempts() + "次回访");
	}

	/**
	 * 调解: the bureau mediated between the filer and the company (邮政业用户申诉处理办法(2014): mediation possible) and
	 * records how it ended — 调解成功 with the remedy agreed ({@code remedy}, required, ≤ 500 characters, stored as free
	 * text and masked for readers not entitled to personal numbers) and optionally the amount agreed ({@code amount},
	 * 元, 0 … the filer's claim); 调解不成功 with an optional note and no amount. The latest mediation stands; each is a
	 * line of public history and an audit event ({@code complaint.mediate}), and publishes {@link ComplaintMediated} (the
	 * enterprise is told; it reads the result on its page). Only while the complaint is open and after the company's
	 * reply, or once the reply is overdue.
	 * @throws InvalidValueException naming {@code mediationResult} (missing), {@code remedy} (missing for 调解成功, too
	 * long) or {@code agreedAmount} (negative, ≥ 1亿, over the claim, given for 调解不成功)
	 * @throws DomainException not found outside the scope; 409 before the reply (not overdue) or once finished
	 */
	@Transactional
	public Done mediate(DataScope scope, long id, MediationResult result, String remedy, BigDecimal amount) {
		Complaint c = load(scope, id);
		c.requireMediatable(LocalDate.now(clock));
		Validation v = new Validation();
		v.require("mediationResult", result != null, "required", Wording.of("refusal.please.84"), "请选择调解结果");
		if (result == MediationResult.SUCCEEDED) {
			v.required("remedy", "调解约定的处理方式", remedy);
		}
		v.maxLength("remedy", "调解约定的处理方式", remedy, 500).require("agreedAmount",
				result != MediationResult.FAILED || amount == null, "not-applicable", Wording.of("complaints.refusal.agreedAmountAbsent"), "调解不成功的，不填写约定赔偿金额");
		amount(v, "agreedAmount", "约定赔偿金额", amount);
		withinClaim(v, c, "agreedAmount", "约定赔偿金额", amount);
		v.throwIfInvalid();
		String agreed = ComplaintIntake.text(remedy);
		var before = c.snapshot();
		BigDecimal agreedAmount = ComplaintIntake.yuan(amount);
		LocalDate today = LocalDate.now(clock);
		c.mediate(result, agreed, agreedAmount, today);
		store.save(c);
		records.history(c, "邮政管理部门已组织调解：" + result.label() + "。");
		String what = result.label() + (agreed == null ? "" : "：" + agreed)
				+ (agreedAmount == null ? "" : "，约定赔偿" + ChineseText.yuan(agreedAmount));
		records.audit(c, "complaint.mediate", "调解" + c.number() + "（" + what + "）", before);
		events.publishEvent(new ComplaintMediated(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(), result,
				agreedAmount, today));
		return done(c, "已记录调解结果（" + result.label() + "）");
	}

	/**
	 * 办结: the bureau decides whether the complaint is valid (有效申诉: the enterprise bears service-quality
	 * responsibility — the bureau's finding, not the enterprise's own answer, which the form only proposes:
	 * {@link #proposedValidity}) and enters the loss recovered for the filer (yuan, 0 for none; the form may prefill the
	 * reply's compensation, but what is stored is what the bureau submits), with a note; publishes
	 * {@link ComplaintClosed}. A decision other than the reply's is audited with both values.
	 * @throws InvalidValueException naming {@code valid} (missing), {@code compensationPaid} (missing, negative, ≥ 1亿)
	 * or {@code note} (too long)
	 */
	@Transactional
	public Done close(DataScope scope, long id, Boolean valid, BigDecimal compensationPaid, String note) {
		Complaint c = load(scope, id);
		c.requireClosable();
		Validation v = new Validation();
		v.require("valid", valid != null, "required", Wording.of("complaints.refusal.validRequired"), "请认定是否为有效申诉")
			.require("compensationPaid", compensationPaid != null, "required", Wording.of("refusal.please.24"), "请填写挽回经济损失（元），没有的填0");
		amount(v, "compensationPaid", "挽回经济损失", compensationPaid);
		v.maxLength("note", "办结说明", note, 1000);
		withinClaim(v, c, "compensationPaid", "挽回经济损失", compensationPaid);
		v.throwIfInvalid();
		var before = c.snapshot();
		boolean proposed = proposedValidity(c.replyResponsibility());
		c.close(valid, ComplaintIntake.yuan(compensationPaid), ComplaintIntake.text(note), LocalDate.now(clock));
		store.save(c);
		records.history(c, "申诉已办结。");
		String decided = valid ? "有效申诉" : "非有效申诉";
		records.audit(c, "complaint.close", c.number() + "办结（" + decided + "）" + (valid == proposed ? ""
				: "：局认定为" + decided + "，企业答复"
						+ (c.replyResponsibility() == null ? "未认定责任" : "为" + c.replyResponsibility().label()) + "（按企业答复为"
						+ (proposed ? "有效申诉" : "非有效申诉") + "）"), before);
		events.publishEvent(new ComplaintClosed(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(), valid,
				c.compensationPaid(), c.closedOn()));
		return done(c, "已办结（" + decided + "）");
	}

	/**
	 * What the enterprise's reply proposes for 有效申诉: responsible or partly responsible (有责, 部分有责). The close
	 * form preselects it; the bureau decides ({@link #close}).
	 */
	public static boolean proposedValidity(Responsibility reply) {
		return reply != null && reply.valid();
	}

	/**
	 * Refers a closed complaint to enforcement as a lead (线索), once, with the reason (≤ 500 characters); publishes
	 * {@link ComplaintReferred}, the lead's contract for a penalty-case module.
	 * @throws InvalidValueException naming {@code note}
	 */
	@Transactional
	public Done refer(DataScope scope, long id, String note) {
		Complaint c = load(scope, id);
		c.requireReferable();
		new Validation().required("note", "移送说明", note).maxLength("note", "移送说明", note, 500).throwIfInvalid();
		var before = c.snapshot();
		c.refer(Text.freeText(note), LocalDate.now(clock));
		store.save(c);
		records.audit(c, "complaint.refer", c.number() + "移送执法线索：" + Text.freeText(note), before);
		Actor by = Actor.current();
		events.publishEvent(new ComplaintReferred(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(),
				c.enterpriseName(), c.brandName(), c.category(), c.reason(), Boolean.TRUE.equals(c.validComplaint()),
				Text.freeText(note), clock.instant(), by.name(), by.userId()));
		return done(c, "已移送执法线索（被申诉企业 " + c.enterpriseName() + "）");
	}

	/**
	 * An amount paid to the filer (赔偿, 挽回经济损失, 约定赔偿; 元), when given: not negative (rule {@code non-negative}),
	 * below the columns' bound {@link ComplaintIntake#MAX_AMOUNT} (rule {@code range}), yuan and fen
	 * ({@link Validation#money}).
	 */
	private static void amount(Validation v, String field, String label, BigDecimal amount) {
		v.require(field, amount == null || amount.signum() >= 0, "non-negative", Wording.of("complaints.refusal.amountNegative", label), label + "不能为负数")
			.require(field, amount == null || amount.compareTo(ComplaintIntake.MAX_AMOUNT) < 0, "range",
				Wording.of("complaints.refusal.amountTooLarge", label), label + "应小于1亿元")
			.money(field, label, amount);
	}

	/**
	 * An amount paid to the filer (赔偿, 挽回经济损失; 元) is at most what the filer claimed, when the complaint claims an
	 * amount: the complaint is about the loss claimed (邮政法(2015) art.47 — compensation for the actual loss), and
	 * more than was asked is a typing error (99999999.99 against a claim of 0.00). A complaint that claims nothing is
	 * held only to the columns' bound ({@link ComplaintIntake#MAX_AMOUNT}). Checked only when the field has no other
	 * error, as rule {@code over-claim} naming the field and the claim.
	 */
	private static void withinClaim(Validation v, Complaint c, String field, String label, BigDecimal amount) {
		BigDecimal claimed = c.amountClaimed();
		if (amount == null || claimed == null || v.hasError(field)) {
			return;
		}
		v.require(field, amount.compareTo(claimed) <= 0, "over-claim",
				Wording.of("complaints.refusal.amountOverClaim", label, amount.toPlainString(), claimed.toPlainString()), label + "（" + ChineseText.yuan(amount)
				+ "）不能超过申诉人的索赔金额（" + ChineseText.yuan(claimed) + "）");
	}

	/**
	 * Refuses (409) the staff step of a complaint at {@code step} — the last segment of its address on the page
	 * ({@code transfer}, {@code reject}, {@code return}, {@code callback}, {@code mediate}, {@code close},
	 * {@code refer}) or the API ({@code callback}, {@code mediation}, {@code close}) — when the complaint's state does
	 * not allow it, by the step's own guard: asked before the step's form or body is read ({@code StepAccess}), so a
	 * closed complaint's call-back posted without {@code reached} is told the complaint is closed, not which field is
	 * missing (the order of every step: access → state → fields). Any other address is left alone.
	 * @throws DomainException not found outside the scope; (409) the state's refusal
	 * @throws AccessRefusedException (403) for a staff account of another bureau than the handling one
	 */
	@Transactional(readOnly = true)
	public void requireStepState(DataScope scope, long id, String step) {
		Runnable guard = switch (step) {
			case "transfer" -> () -> load(scope, id).requireTransferable();
			case "reject" -> () -> load(scope, id).requireRejectable();
			case "return" -> () -> load(scope, id).requireReplied("退回重办", ComplaintStatus.RETURNED);
			case "callback" -> () -> load(scope, id).requireReplied("回访", ComplaintStatus.CALLBACK);
			case "mediate", "mediation" -> () -> load(scope, id).requireMediatable(LocalDate.now(clock));
			case "close" -> () -> load(scope, id).requireClosable();
			case "refer" -> () -> load(scope, id).requireReferable();
			default -> () -> { };
		};
		guard.run();
	}

	/**
	 * The complaint, loaded once with the scope check — staff see the complaints of their region, an enterprise those
	 * transferred to it — and, for a signed-in staff account, the handling bureau's ({@link Bureaus#outsider}). A step run
	 * without a signed-in account (a job, the demo data) and the enterprise on its portal are not asked the bureau.
	 * @throws DomainException not found outside the scope (existence is not revealed)
	 * @throws AccessRefusedException (403) for a staff account of another bureau than the handling one
	 */
	private Complaint load(DataScope scope, long id) {
		Complaint complaint = complaints.findById(id)
			.filter(c -> scope.kind() == DataScope.Kind.ENTERPRISE
					? scope.enterpriseCreditCode() != null && scope.enterpriseCreditCode().equals(c.enterpriseCreditCode())
					: scope.containsRegion(c.regionCode()))
			.orElseThrow(() -> DomainException.notFound("申诉", id));
		bureaus.requireHandling(complaint.regionCode(), "申诉", Bureaus.CASE_HANDLERS);
		return complaint;
	}

	private static Done done(Complaint c, String what) {
		return new Done(c.id(), c.number(), c.number() + " " + what);
	}

	private static String county(Complaint c) {
		return c.regionCode().substring(0, 6);
	}
}
