package org.youguan.complaints.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.complaints.AcceptanceCondition;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.FilerRole;
import org.youguan.complaints.MediationResult;
import org.youguan.complaints.Responsibility;
import org.youguan.complaints.Satisfaction;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Wording;
import org.youguan.kernel.Workflow;
import org.youguan.registry.EnterpriseType;

/**
 * One complaint and its procedure. The status changes only through the intention methods below, each guarded by the
 * states it may leave; the due date of the current step ({@code stepDue}) is set by each step from the rule catalogue.
 */
@Table("complaint")
public class Complaint {

	/**
	 * The procedure's moves (待受理 → 不予受理 | 已转办 → 已答复 → 回访 → 办结, 退回重办 back from 已答复 or 回访 until the
	 * enterprise replies again), from which a refused step is told past or still ahead — not the order the states are
	 * declared in (退回重办 is declared after 已答复, yet a second 答复 is past, not ahead). 撤回 ends the procedure.
	 */
	private static final Workflow<ComplaintStatus> FLOW = Workflow.of(ComplaintStatus.class)
		.move(ComplaintStatus.RECEIVED, ComplaintStatus.REJECTED)
		.move(ComplaintStatus.RECEIVED, ComplaintStatus.TRANSFERRED)
		.move(Set.of(ComplaintStatus.TRANSFERRED, ComplaintStatus.RETURNED), ComplaintStatus.REPLIED)
		.move(ComplaintStatus.REPLIED, ComplaintStatus.CALLBACK)
		.move(ComplaintStatus.CALLBACK, ComplaintStatus.CLOSED)
		.back(Set.of(ComplaintStatus.REPLIED, ComplaintStatus.CALLBACK), ComplaintStatus.RETURNED);

	@Id
	private Long id;

	private String number;

	private String queryCodeHash;

	private Channel channel;

	private String idempotencyKey;

	private String filerName;

	private byte[] filerPhoneCipher;

	private byte[] filerPhoneIndex;

	private String filerPhoneMasked;

	private FilerRole filerRole;

	private String regionCode;

	private Long brandId;

	/** Why the complaint went to an enterprise of another brand or outside the bureau's region (then flagged). */
	private String transferReason;

	private boolean transferFlagged;

	private String brandName;

	private String namedEnterprise;

	private Long enterpriseId;

	private String enterpriseName;

	private String enterpriseCreditCode;

	/** The respondent's type at the transfer: a postal enterprise's complaints count in the 普遍服务 rate. */
	private EnterpriseType respondentType;

	private String waybillNumber;

	private LocalDate postedOn;

	private LocalDate priorComplainedOn;

	private String priorChannel;

	private String priorAnswer;

	private String category;

	private String reason;

	private BigDecimal amountClaimed;

	private String description;

	private String duplicateOf;

	private ComplaintStatus status;

	private Instant receivedAt;

	private LocalDate receivedOn;

	private LocalDate answerDue;

	private LocalDate transferDue;

	private LocalDate stepDue;

	private AcceptanceCondition rejectionCondition;

	private String rejectionReason;

	private LocalDate transferredOn;

	/** When the complaint was last handed to the enterprise (transfer, or return for redoing): the feed's cursor. */
	private Instant assignedAt;

	private String replyFindings;

	private Responsibility replyResponsibility;

	private String replySolution;

	private BigDecimal replyCompensation;

	private Boolean replyApology;

	private Boolean replyUserAgrees;

	private String replyHandler;

	private String replyHandlerPhone;

	private LocalDate repliedOn;

	private boolean replyLate;

	private int redoCount;

	private String returnReason;

	private int callbackAttempts;

	private Instant lastCallbackAt;

	/** The filer's satisfaction with the bureau's handling, asked at the call-back that reached the filer. */
	private Satisfaction satisfaction;

	/** The filer's satisfaction with the company's handling, asked at the same call-back (null on rows before V287). */
	private Satisfaction companySatisfaction;

	private Boolean solved;

	private MediationResult mediationResult;

	private String mediationRemedy;

	private BigDecimal mediationAmount;

	private LocalDate mediatedOn;

	private LocalDate closedOn;

	private Boolean validComplaint;

	private BigDecimal compensationPaid;

	private String closingNote;

	private LocalDate withdrawnOn;

	private LocalDate referredOn;

	private String referralNote;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	Complaint() {
	}

	/** The respondent as routed at transfer, with its type (postal, express, other). */
	public record Respondent(long enterpriseId, String name, String creditCode, EnterpriseType type) {
	}

	public static Complaint receive(String number, String queryCodeHash, Channel channel, String idempotencyKey,
			ComplaintForm form, FilerPhone phone, long brandId, String brandName, String duplicateOf, Instant now, LocalDate today,
			LocalDate transferDue, LocalDate answerDue, boolean demo) {
		Complaint c = new Complaint();
		c.number = number;
		c.queryCodeHash = queryCodeHash;
		c.channel = channel;
		c.idempotencyKey = idempotencyKey;
		c.filerName = form.filerName();
		c.filerPhoneCipher = phone.cipher();
		c.filerPhoneIndex = phone.index();
		c.filerPhoneMasked = phone.masked();
		c.filerRole = form.filerRole();
		c.regionCode = form.region();
		c.brandId = brandId;
		c.brandName = brandName;
		c.namedEnterprise = form.enterprise();
		c.waybillNumber = form.waybillNumber();
		c.postedOn = form.postedOn();
		c.priorComplainedOn = form.priorComplaintDate();
		c.priorChannel = form.priorChannel();
		c.priorAnswer = form.companyAnswer();
		c.category = form.category();
		c.reason = form.reason();
		c.amountClaimed = form.amountClaimed();
		c.description = form.description();
		c.duplicateOf = duplicateOf;
		c.status = ComplaintStatus.RECEIVED;
		c.receivedAt = now;
		c.receivedOn = today;
		c.transferDue = transferDue;
		c.stepDue = transferDue;
		c.answerDue = answerDue;
		c.demo = demo;
		c.createdAt = now;
		return c;
	}

	/** 不予受理, naming the condition. */
	public void reject(AcceptanceCondition condition, String reason) {
		requireRejectable();
		status = ComplaintStatus.REJECTED;
		rejectionCondition = condition;
		rejectionReason = reason;
		stepDue = null;
	}

	/**
	 * A step's due date within the 30-day answer limit (邮政法(2015) art.65): the rule's days for the reply, the redo or
	 * the call-back counted from a late step would end after the day the bureau must answer the filer, so such a step
	 * is due by that day instead.
	 * @return {@code due}, or {@code answerDue} when it is earlier; {@code due} when either is null
	 */
	public static LocalDate withinAnswerDue(LocalDate due, LocalDate answerDue) {
		return due == null || answerDue == null || !due.isAfter(answerDue) ? due : answerDue;
	}

	/** 受理并转办 to the respondent, which must reply by {@code replyDue} (no later than the answer limit). */
	public void acceptAndTransfer(Respondent respondent, LocalDate today, Instant now, LocalDate replyDue, String reason,
			boolean flagged) {
		requireTransferable();
		assignedAt = now;
		transferReason = reason;
		transferFlagged = flagged;
		enterpriseId = respondent.enterpriseId();
		enterpriseName = respondent.name();
		enterpriseCreditCode = respondent.creditCode();
		respondentType = respondent.type();
		transferredOn = today;
		status = ComplaintStatus.TRANSFERRED;
		stepDue = withinAnswerDue(replyDue, answerDue);
	}

	/** The enterprise replies (again, after a return); late when after the step's due date. */
	public void reply(ComplaintReply r, LocalDate today, LocalDate callbackDue) {
		requireAwaitingReply();
		replyLate |= today.isAfter(stepDue);
		replyFindings = r.findings();
		replyResponsibility = r.responsibility();
		replySolution = r.solution();
		replyCompensation = r.compensation();
		replyApology = r.apology();
		replyUserAgrees = r.userAgrees();
		replyHandler = r.handler();
		replyHandlerPhone = r.handlerPhone();
		repliedOn = today;
		status = ComplaintStatus.REPLIED;
		stepDue = withinAnswerDue(callbackDue, answerDue);
		resetCallBack();
	}

	/**
	 * 退回重办: the reply breaks the rules or contradicts the filer. The call-backs made on that reply are about an answer
	 * now withdrawn: their outcome (satisfaction, solved, attempts) no longer counts towards closing (they stay in the
	 * history and the audit trail).
	 */
	public void returnForRedo(String reason, LocalDate redoDue, Instant now) {
		requireReplied("退回重办", ComplaintStatus.RETURNED);
		assignedAt = now;
		returnReason = reason;
		redoCount++;
		status = ComplaintStatus.RETURNED;
		stepDue = withinAnswerDue(redoDue, answerDue);
		resetCallBack();
	}

	/**
	 * A new round of call-backs, on the enterprise's latest reply: closing counts only the call-backs made after it
	 * (one that reached the filer, or the allowed number that did not).
	 */
	private void resetCallBack() {
		callbackAttempts = 0;
		lastCallbackAt = null;
		satisfaction = null;
		companySatisfaction = null;
		solved = null;
	}

	/**
	 * A call-back that reached the filer: the filer's satisfaction with the bureau's handling ({@code s}) and with the
	 * company's ({@code company}).
	 */
	public void callBack(Satisfaction s, Satisfaction company, boolean problemSolved, Instant now) {
		requireReplied("回访", ComplaintStatus.CALLBACK);
		callbackAttempts++;
		lastCallbackAt = now;
		satisfaction = s;
		companySatisfaction = company;
		solved = problemSolved;
		status = ComplaintStatus.CALLBACK;
	}

	/** A call-back that did not reach the filer; a retry is possible no sooner than {@code retryAfter}. */
	public void callBackFailed(Instant now, Instant earliestRetry) {
		requireReplied("回访", ComplaintStatus.CALLBACK);
		if (lastCallbackAt != null && satisfaction == null && now.isBefore(earliestRetry)) {
			throw DomainException.rule(Wording.of("complaints.refusal.callbackRetryTooSoon"), "上次回访未接通，应间隔规定时间后再次回访");
		}
		callbackAttempts++;
		lastCallbackAt = now;
		status = ComplaintStatus.CALLBACK;
	}

	/**
	 * 调解: the bureau mediated between the filer and the company; the latest mediation's result, remedy (free text) and
	 * amount (元) stand. Only while the complaint is open and once the company replied (a reply returned for redoing
	 * was one) — or its first reply is overdue ({@code today} after the step's due date): before that the company has
	 * not had its say.
	 * @throws DomainException 409 (illegal transition) naming the status, or the reply's due date not yet passed
	 */
	public void mediate(MediationResult result, String remedy, BigDecimal amount, LocalDate today) {
		requireMediatable(today);
		mediationResult = result;
		mediationRemedy = remedy;
		mediationAmount = amount;
		mediatedOn = today;
	}

	/** 办结: after a call-back that reached the filer, or after at least two that did not. */
	public void close(boolean valid, BigDecimal paid, String note, LocalDate today) {
		requireClosable();
		validComplaint = valid;
		compensationPaid = paid;
		closingNote = note;
		closedOn = today;
		status = ComplaintStatus.CLOSED;
		stepDue = null;
	}

	/** 移送执法线索: only a closed complaint about an enterprise, and only once. */
	public void refer(String note, LocalDate today) {
		requireReferable();
		if (enterpriseCreditCode == null) {
			throw DomainException.rule(Wording.of("complaints.refusal.noRespondentToRefer"), "申诉未转办企业，没有可移送的被申诉人");
		}
		referredOn = today;
		referralNote = note;
	}

	/** The reply is overdue: the enterprise is marked as replying late even before it replies. */
	public boolean markReplyOverdue(LocalDate today) {
		if ((status == ComplaintStatus.TRANSFERRED || status == ComplaintStatus.RETURNED) && !replyLate
				&& stepDue != null && today.isAfter(stepDue)) {
			replyLate = true;
			return true;
		}
		return false;
	}

	/**
	 * The due dates counted again on a changed calendar (a year's holiday notice was loaded), from the same start days:
	 * the answer limit, the transfer limit while not yet transferred, and the current step's.
	 */
	public void recount(LocalDate newTransferDue, LocalDate newAnswerDue, LocalDate newStepDue) {
		if (status.finished()) {
			throw DomainException.illegalTransition(Wording.of("complaints.refusal.deadlineEnded", status),
					"申诉已" + status.label() + "，不再重新计算时限");
		}
		if (status == ComplaintStatus.RECEIVED) {
			transferDue = newTransferDue;
		}
		answerDue = newAnswerDue;
		stepDue = withinAnswerDue(newStepDue, newAnswerDue);
	}

	public LocalDate receivedOn() {
		return receivedOn;
	}

	public LocalDate transferredOn() {
		return transferredOn;
	}

	public LocalDate transferDue() {
		return transferDue;
	}

	public LocalDate answerDue() {
		return answerDue;
	}

	public LocalDate stepDue() {
		return stepDue;
	}

	/** The filer withdraws the complaint before it is closed. */
	public void withdraw(LocalDate today) {
		if (status.finished()) {
			throw DomainException.illegalTransition(Wording.of("complaints.refusal.withdrawState", status),
					"申诉状态为“" + status.label() + "”，不能撤回");
		}
		withdrawnOn = today;
		status = ComplaintStatus.WITHDRAWN;
		stepDue = null;
	}

	/**
	 * Refuses (409) a 受理转办 unless the complaint is received and not yet decided on — asked before the step's fields
	 * (the respondent, the reason) are read.
	 */
	public void requireTransferable() {
		require("受理转办", ComplaintStatus.TRANSFERRED, ComplaintStatus.RECEIVED);
	}

	/**
	 * Refuses (409) a 不予受理 unless the complaint is received and not yet decided on — the step's own guard, asked
	 * before the step's fields are read ({@code ComplaintProcedure}: access, then state, then fields).
	 */
	public void requireRejectable() {
		require("不予受理", ComplaintStatus.REJECTED, ComplaintStatus.RECEIVED);
	}

	/**
	 * Refuses (409) the enterprise's reply unless the complaint awaits one (转办, or 退回重办) — asked before the reply's
	 * fields are read.
	 */
	public void requireAwaitingReply() {
		require("答复", ComplaintStatus.REPLIED, ComplaintStatus.TRANSFERRED, ComplaintStatus.RETURNED);
	}

	/**
	 * Refuses (409) {@code what} (退回重办, 回访) unless the enterprise replied and the complaint is not yet closed —
	 * asked before the step's fields are read.
	 */
	public void requireReplied(String what, ComplaintStatus to) {
		require(what, to, ComplaintStatus.REPLIED, ComplaintStatus.CALLBACK);
	}

	/**
	 * Refuses (409) a mediation unless the complaint is open and the enterprise replied or its reply is overdue on
	 * {@code today} — asked before the step's fields are read.
	 */
	public void requireMediatable(LocalDate today) {
		require("调解", null, ComplaintStatus.TRANSFERRED, ComplaintStatus.RETURNED, ComplaintStatus.REPLIED, ComplaintStatus.CALLBACK);
		if (repliedOn == null && (stepDue == null || !today.isAfter(stepDue))) {
			throw DomainException.illegalTransition(Wording.of("complaints.refusal.mediateEarly", stepDue),
					"企业尚未答复，答复期限（" + ChineseText.day(stepDue) + "）未过，不能调解：请在企业答复后或答复逾期后调解");
		}
	}

	/**
	 * Refuses 办结 unless called back (409), and — the call-backs not having reached the filer — before the second
	 * attempt (422) — asked before the step's fields are read.
	 */
	public void requireClosable() {
		require("办结", ComplaintStatus.CLOSED, ComplaintStatus.CALLBACK);
		if (satisfaction == null && callbackAttempts < 2) {
			throw DomainException.rule(Wording.of("complaints.refusal.callbackAgainBeforeClosing"), "回访未接通的，应再次回访后方可办结");
		}
	}

	/** Refuses (409) a referral to enforcement unless the complaint is closed and not yet referred. */
	public void requireReferable() {
		require("移送线索", null, ComplaintStatus.CLOSED);
		if (referredOn != null) {
			throw DomainException.illegalTransition(Wording.of("complaints.refusal.referred", referredOn),
					"该申诉已于" + ChineseText.day(referredOn) + "移送执法线索");
		}
	}

	/**
	 * Refuses (409) {@code what} unless the complaint is in one of {@code allowed}: past the step or before it as the
	 * procedure's moves tell ({@link #FLOW}).
	 * @param to the state the step leads to, null for a step that records without moving the complaint
	 */
	private void require(String what, ComplaintStatus to, ComplaintStatus... allowed) {
		for (ComplaintStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw StepRefusal.of("申诉", "申诉", status.label(), what, FLOW.past(status, Set.of(allowed), to, status.finished()));
	}

	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("status", status);
		m.put("stepDue", stepDue == null ? null : stepDue.toString());
		m.put("enterprise", enterpriseName);
		if (transferFlagged) {
			m.put("transferReason", transferReason);
		}
		m.put("rejectionCondition", rejectionCondition);
		m.put("responsibility", replyResponsibility);
		m.put("replyLate", replyLate);
		m.put("redoCount", redoCount);
		m.put("callbackAttempts", callbackAttempts);
		m.put("satisfaction", satisfaction);
		m.put("companySatisfaction", companySatisfaction);
		m.put("mediationResult", mediationResult);
		m.put("mediationAmount", mediationAmount);
		m.put("validComplaint", validComplaint);
		m.put("compensationPaid", compensationPaid);
		return m;
	}

	public Long id() {
		return id;
	}

	public String number() {
		return number;
	}

	public String queryCodeHash() {
		return queryCodeHash;
	}

	public String regionCode() {
		return regionCode;
	}

	/** The keyed hash of the filer's phone (the phone itself is only stored encrypted). */
	public byte[] filerPhoneIndex() {
		return filerPhoneIndex;
	}

	public String filerPhoneMasked() {
		return filerPhoneMasked;
	}

	public String filerName() {
		return filerName;
	}

	public Long brandId() {
		return brandId;
	}

	public ComplaintStatus status() {
		return status;
	}

	public String enterpriseCreditCode() {
		return enterpriseCreditCode;
	}

	public String enterpriseName() {
		return enterpriseName;
	}

	public String category() {
		return category;
	}

	public Boolean validComplaint() {
		return validComplaint;
	}

	public BigDecimal compensationPaid() {
		return compensationPaid;
	}

	/** What the filer claimed (元), or null when the complaint claims no amount. */
	public BigDecimal amountClaimed() {
		return amountClaimed;
	}

	public Instant lastCallbackAt() {
		return lastCallbackAt;
	}

	public LocalDate repliedOn() {
		return repliedOn;
	}

	public boolean replyLate() {
		return replyLate;
	}

	public Responsibility replyResponsibility() {
		return replyResponsibility;
	}

	public BigDecimal replyCompensation() {
		return replyCompensation;
	}

	public String brandName() {
		return brandName;
	}

	public String reason() {
		return reason;
	}

	/** How often the reply was returned for redoing. */
	public int redoCount() {
		return redoCount;
	}

	public int callbackAttempts() {
		return callbackAttempts;
	}

	public LocalDate closedOn() {
		return closedOn;
	}
}
