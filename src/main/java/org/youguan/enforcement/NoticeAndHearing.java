package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserKind;
import org.youguan.org.UserView;
import org.youguan.org.Users;
import org.youguan.rules.StatutoryRule;

import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * The party's rights before the decision (行政处罚法(2021) art.44–45, 62–65): 事先告知, 陈述申辩 or its waiver, the
 * hearing requested, waived or held, and who may host it. Each step is one transaction that locks the case, checks the
 * step from its state and its own rules (all errors at once, each naming its field), changes the case and writes its
 * audit entry.
 */
@Service
public class NoticeAndHearing {

	private final JdbcClient jdbc;

	private final CaseDocuments documents;

	private final Bureaus bureaus;

	private final Users users;

	private final long maxScanBytes;

	private final CaseWork caseWork;

	private final CaseTeam caseTeam;

	/** States a working-day date in a refusal with （暂定） when it lies in a year whose notice is not loaded. */
	private final WorkingCalendar calendar;

	NoticeAndHearing(JdbcClient jdbc, CaseDocuments documents, Bureaus bureaus, Users users,
			@Value("${youguan.enforcement.max-evidence-bytes:20971520}") long maxScanBytes, CaseWork caseWork,
			CaseTeam caseTeam, WorkingCalendar calendar) {
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.documents = documents;
		this.bureaus = bureaus;
		this.users = users;
		this.maxScanBytes = maxScanBytes;
		this.caseWork = caseWork;
		this.caseTeam = caseTeam;
	}

	/**
	 * 事先告知 of facts, reasons, basis, the proposed penalty and the party's rights (行政处罚法(2021) art.44), after
	 * 法制审核 where required; opens the 5-working-day window to request a hearing. Whether the proposed penalty carries
	 * the hearing right (threshold rule {@code penalty.hearing.fine} as it stands on this day) and the window's last day
	 * are kept on the case: the 事先告知书 and 听证告知书 the party received are what later steps go by.
	 * @throws DomainException (422) when a required review is missing, or while a suspension of the decision clock is
	 * open ({@code notifiedOn}, rule {@code suspension-open}: resumed first); (409) unless 调查终结
	 * @throws InvalidValueException when the day is missing, malformed, before 调查终结 (立案 for cases concluded before
	 * the day was kept), the review or a 退回调查, or in the future
	 */
	@Transactional
	public void notifyParty(DataScope scope, long id, String notifiedOn) {
		notifyParty(scope, id, notifiedOn, null);
	}

	/**
	 * {@link #notifyParty(DataScope, long, String)} with the 事先告知书's service recorded (行政处罚法(2021) art.44, served
	 * by art.61's rules): the day served ({@code service.deliveredOn()}, API {@code servedOn}: not before the notice nor
	 * after today; for 公告送达 the day the notice was published, deemed served thirty days later, 民事诉讼法(2023)
	 * art.95 — {@code CaseClock.servedOn}), the method, consent and note checked as the decision's delivery checks them.
	 * The 陈述申辩/听证 window (5 working days, art.64, 85) then runs from the day served, on the working-day calendar.
	 * Without a service (null, or nothing given) the window runs from the notice's day, the notice handed over then.
	 * @throws InvalidValueException as {@link #notifyParty(DataScope, long, String)}, and {@code servedOn} (missing with a
	 * method, before the notice, in the future), {@code method}/{@code consent}/{@code note} as the delivery's
	 */
	@Transactional
	public void notifyParty(DataScope scope, long id, String notifiedOn, CaseExecution.Delivery service) {
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.NOTIFY.from(c.status());
		caseWork.requireNoOpenSuspension(id, "notifiedOn", "事先告知");
		if (c.reviewRequired() && c.reviewedOn() == null) {
			throw ruleBroken("notifiedOn", "before-review", "本案须经法制审核后才能事先告知（" + Provision.PENALTY_LEGAL_REVIEW + "；罚款达到审核标准或责令停业、吊销许可证件）");
		}
		Validation v = new Validation();
		v.required("notifiedOn", "告知日期", notifiedOn);
		LocalDate earliest = caseWork.notBeforeReturn(id,
				c.reviewedOn() != null ? c.reviewedOn() : c.concludedOn() != null ? c.concludedOn() : c.filedOn());
		LocalDate on = v.date("notifiedOn", "告知日期", notifiedOn, earliest, caseWork.today());
		boolean served = service != null && (!Text.isBlank(service.deliveredOn()) || !Text.isBlank(service.method())
				|| service.consent() != null || !Text.isBlank(service.note()));
		LocalDate servedOn = null;
		DeliveryMethod method = null;
		if (served) {
			v.required("servedOn", "事先告知书送达日期", service.deliveredOn());
			servedOn = v.date("servedOn", "事先告知书送达日期（不早于告知日期、不晚于今天）", service.deliveredOn(),
					on != null ? on : earliest, caseWork.today());
			method = CaseExecution.deliveryMethod(v, service);
		}
		v.throwIfInvalid();
		// 邮政行政执法监督办法 art.17: no act of the case dated inside a pause of its decision clock
		caseWork.requireOutsidePauses(id, "notifiedOn", "事先告知", on);
		CaseClock caseClock = caseWork.clock(c);
		CaseExecution.Served notice = served ? CaseExecution.Served.of(caseClock, method, servedOn) : null;
		String note = served && !Text.isBlank(service.note()) ? Text.line(service.note()) : null;
		// what the notice tells the party is fixed with it: the right to a hearing as the threshold stands today, and the
		// last day to state its case or request one (行政处罚法(2021) art.44, 63–64)
		boolean right = DecisionRules.hearingRight(c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(),
				caseWork.threshold(StatutoryRule.PENALTY_HEARING_FINE, c));
		// the window runs from the day the notice is served (art.44–45, 64): for 公告送达 the deemed day
		LocalDate due = caseClock.hearingRequestDue(notice != null ? notice.on() : on);
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("right", right);
		p.put("due", due);
		p.put("servedOn", notice == null ? null : notice.on());
		p.put("method", method == null ? null : method.name());
		p.put("note", note);
		p.put("publishedOn", notice == null ? null : notice.publishedOn());
		// the notice's 公告 period does not count towards the decision limit (邮政行政执法监督办法(2021) art.17): its days,
		// from the publication to the day before it is deemed served, are paused as they are known, not left to be
		// entered by hand (attack: a 公告 left the 决定期限 where it was although the page says 公告期间不计入)
		boolean publicNotice = notice != null && notice.publishedOn() != null;
		if (publicNotice) {
			caseWork.pauseForPublicNotice(id, notice.publishedOn(), notice.on());
		}
		p.put("decisionDue", publicNotice ? caseWork.decisionDue(c, c.extended()) : c.decisionDueOn());
		caseWork.move(c, to, ", notified_on = :on, hearing_right = :right, hearing_request_due = :due, notice_served_on = :servedOn,"
				+ " notice_delivery_method = :method, notice_delivery_note = :note, notice_published_on = :publishedOn,"
				+ " decision_due_on = :decisionDue", p);
		caseWork.record(c, "case.notify", "事先告知：拟" + c.proposedText() + (right ? "，告知听证权利" : "")
				+ (notice == null ? "" : "，" + CaseExecution.Served.described(method, note, notice.on(), notice.publishedOn())
						+ (notice.publishedOn() == null ? "，" + ChineseText.day(notice.on()) + "送达" : ""))
				+ "，陈述申辩" + (right ? "、申请听证" : "") + "期限至" + caseWork.messageDay(due)
				+ (publicNotice ? "；公告期间不计入办案期限，决定期限至" + caseWork.messageDay((LocalDate) p.get("decisionDue")) : ""));
		// after 退回调查 the new notices keep the earlier ones as their predecessors
		caseWork.issueAnew(id, CaseDocumentKind.PRIOR_NOTICE);
		if (right) {
			caseWork.issueAnew(id, CaseDocumentKind.HEARING_RIGHT_NOTICE);
		}
		// a public notice is told as published, with the day it is deemed served (not the notice's day as served)
		// told as served on the day it was: the day of service recorded (for a public notice the deemed day), else the
		// notice's day, the notice handed over then
		caseWork.tellPartyServed(c, PenaltyStepServed.Step.PRIOR_NOTICE, notice != null ? notice.on() : on,
				publicNotice ? notice.publishedOn() : null, due, right);
	}

	/**
	 * 陈述申辩 recorded (or the party's waiver), which lets the decision follow before the hearing window ends
	 * (行政处罚法(2021) art.45).
	 * @throws InvalidValueException (day before the notice or in the future; text blank or over 2000 characters)
	 * @throws org.youguan.kernel.AccessRefusedException (403, field {@code statement}) for a signed-in account that is
	 * not one of the case's investigators ({@link CaseTeam#requireInvestigator}) — asked after the state, before the fields
	 */
	@Transactional
	public void recordStatement(DataScope scope, long id, String statementOn, String typed) {
		String statement = Text.freeText(Text.lineBreaks(typed));
		CaseView c = caseWork.lock(scope, id);
		CaseStep.RECORD_STATEMENT.from(c.status());
		// the party's statement is heard and recorded by the case's investigators (art.42, 45), as its evidence is
		caseTeam.require(CaseTeam.TeamStep.STATEMENT, id);
		DecisionRules.statementNotWaived(c.statementWaivedOn());
		if (c.statementOn() != null) {
			// the party's own statement (on the portal, or one taken down before) is kept as given
			String message = "当事人已于" + ChineseText.day(c.statementOn()) + "陈述申辩，不能再次记录或覆盖（当事人的陈述申辩应如实保存，" + Provision.PENALTY_STATEMENT + "）";
			throw DomainException.illegalTransition("statement", "already-stated", message);
		}
		Validation v = new Validation();
		v.required("statementOn", "陈述申辩日期", statementOn);
		LocalDate on = v.date("statementOn", "陈述申辩日期", statementOn, c.notifiedOn(), caseWork.today());
		v.required("statement", "陈述申辩内容", statement).maxLength("statement", "陈述申辩内容", statement, 2000)
			.words("statement", "陈述申辩内容", statement);
		v.throwIfInvalid();
		if (DecisionRules.onlyWaives(statement)) {
			throw ruleBroken("statement", "use-waiver", "陈述申辩内容只是放弃陈述申辩的表示：当事人放弃陈述申辩须以其签字的书面声明"
					+ "登记（放弃陈述申辩）或由当事人在企业端确认，不能作为陈述申辩记录（" + Provision.cite(Provision.PENALTY_NOTICE, Provision.PENALTY_STATEMENT) + "）");
		}
		caseWork.move(c, c.status(), ", statement_on = :on, statement = :statement", Map.of("on", on, "statement", Text.strip(statement)));
		caseWork.record(c, "case.statement", "记录陈述申辩：" + Text.strip(statement));
	}

	/**
	 * 放弃听证 recorded by staff: the party explicitly gave up, in writing, the hearing its proposed penalty entitles it
	 * to (行政处罚法(2021) art.63–64), which lets the decision follow before the request window ends (once its statement
	 * was heard or waived too, art.62). A 陈述申辩 alone does not waive the hearing. The scan of the party's written
	 * waiver is kept with the case (like an evidence file: staff of the case's region read it).
	 * @param waivedOn the day the party's waiver was given (yyyy-MM-dd), not before the notice nor in the future
	 * @param scan the party's signed written waiver: PDF, JPEG or PNG, checked by content, at most
	 * {@code youguan.enforcement.max-evidence-bytes}
	 * @throws DomainException (422) when the notice gave no hearing right; (409) unless 已告知, or 听证 before the
	 * hearing is held (the request withdrawn: the case returns to 已告知, the scheduled hearing cancelled), or when the
	 * party already waived
	 * @return whether it withdrew a request made (撤回听证申请, audited {@code case.hearing-withdrawal}) rather than waived
	 * a hearing never requested (放弃听证, {@code case.hearing-waiver})
	 * @throws InvalidValueException naming {@code waivedOn} (missing, malformed, before the notice or in the future) or
	 * {@code file} (missing, too large, not a PDF or image)
	 */
	@Transactional
	public boolean waiveHearing(DataScope scope, long id, String waivedOn, UploadedFile scan) {
		CaseView c = caseWork.lock(scope, id);
		waiveInWriting(c, Waiver.HEARING, waivedOn, scan);
		return withdrawal(c, Waiver.HEARING);
	}

	/**
	 * 放弃听证 by the party itself on the enterprise portal, dated today: its confirmation there, audited as the
	 * enterprise user, is its written waiver (no scan). Otherwise as {@link #waiveHearing(DataScope, long, String,
	 * UploadedFile)}.
	 * @param scope the case's region (the caller has checked the case is the enterprise's own)
	 * @param confirmed whether the user ticked the confirmation; refused (400, {@code confirm}) only once the step is
	 * open
	 */
	@Transactional
	public void waiveHearingOnPortal(DataScope scope, long id, boolean confirmed) {
		waiveOnPortal(caseWork.lock(scope, id), Waiver.HEARING, confirmed);
	}

	/**
	 * 放弃陈述申辩 recorded by staff: the party explicitly gave up, in writing, its right to state its case
	 * (行政处罚法(2021) art.45, 62), which — with the hearing waived or not in question — lets the decision follow before
	 * the 5-working-day window ends. The scan of the party's written waiver is kept with the case.
	 * @param waivedOn the day the party's waiver was given, not before the notice nor in the future
	 * @param scan the party's signed written waiver: PDF, JPEG or PNG, checked by content
	 * @throws DomainException (409) unless 已告知 or 听证, or when the party already stated its case or waived it
	 * @throws InvalidValueException naming {@code waivedOn} or {@code file}
	 */
	@Transactional
	public void waiveStatement(DataScope scope, long id, String waivedOn, UploadedFile scan) {
		waiveInWriting(caseWork.lock(scope, id), Waiver.STATEMENT, waivedOn, scan);
	}

	/**
	 * 放弃陈述申辩 by the party itself on the enterprise portal, dated today: its confirmation there, audited as the
	 * enterprise user, is its written waiver (no scan). Otherwise as {@link #waiveStatement(DataScope, long, String,
	 * UploadedFile)}: the decision may then follow before the window ends (with the hearing waived or not in question).
	 * @param scope the case's region (the caller has checked the case is the enterprise's own and the window open)
	 * @param confirmed whether the user ticked the confirmation; refused (400, {@code confirm}) only once the step is
	 * open
	 */
	@Transactional
	public void waiveStatementOnPortal(DataScope scope, long id, boolean confirmed) {
		waiveOnPortal(caseWork.lock(scope, id), Waiver.STATEMENT, confirmed);
	}

	/**
	 * A right the party can waive in writing: what it is called, the columns of its day and scan, the audit action, the
	 * kind of the scan, and the checks of the step and its day.
	 */
	private enum Waiver {
		HEARING("听证", "hearing_waived_on", "hearing_waiver_attachment_id", "case.hearing-waiver", CaseDocuments.HEARING_WAIVER),
		STATEMENT("陈述申辩", "statement_waived_on", "statement_waiver_attachment_id", "case.statement-waiver",
				CaseDocuments.STATEMENT_WAIVER);

		final String what;

		final String dayColumn;

		final String scanColumn;

		final String action;

		final String scanKind;

		Waiver(String what, String dayColumn, String scanColumn, String action, String scanKind) {
			this.what = what;
			this.dayColumn = dayColumn;
			this.scanColumn = scanColumn;
			this.action = action;
			this.scanKind = scanKind;
		}
	}

	/**
	 * Whether giving up the hearing on {@code c} withdraws a request made (撤回听证申请: the case in its hearing, not yet
	 * held, 行政处罚法(2021) art.64) rather than waives a hearing never requested (放弃听证): each is told as what it is
	 * — audit action {@code case.hearing-withdrawal}, not {@code case.hearing-waiver} —, never one for the other.
	 */
	private static boolean withdrawal(CaseView c, Waiver waiver) {
		return waiver == Waiver.HEARING && c.status() == CaseStatus.HEARING;
	}

	/** What the party gave up, as its audit entry and messages tell it: 撤回…提出的听证申请 for a withdrawal. */
	private static String given(CaseView c, Waiver waiver) {
		return withdrawal(c, waiver) ? "撤回" + ChineseText.day(c.hearingRequestedOn()) + "提出的听证申请" : "明确放弃" + waiver.what;
	}

	/** The checks of {@code waiver} on {@code c}: thrown at once for the state, the day's errors added to {@code v}. */
	private LocalDate waiverDay(CaseView c, Waiver waiver, Validation v, String waivedOn) {
		return waiver == Waiver.HEARING ? waiverDay(c, v, waivedOn) : statementWaiverDay(c, v, waivedOn);
	}

	/** A waiver staff record with the scan of the party's signed written waiver, kept with the case. */
	private void waiveInWriting(CaseView c, Waiver waiver, String waivedOn, UploadedFile scan) {
		Validation v = new Validation();
		LocalDate on = waiverDay(c, waiver, v, waivedOn);
		String declared = withdrawal(c, waiver) ? "当事人撤回听证申请的书面声明" : "当事人放弃" + waiver.what + "的书面声明";
		v.require("file", scan != null, "required", declared + "扫描件不能为空");
		v.throwIfInvalid();
		Long attachment = documents.keepScan(c, waiver.scanKind, scan, declared, maxScanBytes);
		String given = given(c, waiver);
		String action = action(c, waiver);
		String moved = moveForWaiver(c, waiver, on, ", " + waiver.dayColumn + " = :on, " + waiver.scanColumn + " = :scan",
				Map.of("on", on, "scan", attachment));
		caseWork.record(c, action, "当事人书面" + given + "（" + ChineseText.day(on) + "，书面声明扫描件已存档）" + moved);
	}

	/**
	 * A waiver the party gives itself on the portal, dated today: its confirmation, audited as the user, is written.
	 * The step's state is judged first (409, 422), then the tick ({@code confirm}, rule {@code required}: 400).
	 */
	private void waiveOnPortal(CaseView c, Waiver waiver, boolean confirmed) {
		Validation v = new Validation();
		LocalDate on = waiverDay(c, waiver, v, caseWork.today().toString());
		boolean withdrawing = withdrawal(c, waiver);
		v.require("confirm", confirmed, "required", Wording.of(withdrawing ? "enforcement.refusal.confirmWithdrawal"
				: "enforcement.refusal.confirmWaiver." + waiver.name()), withdrawing ? "请确认撤回听证申请" : "请确认放弃" + waiver.what);
		v.throwIfInvalid();
		String given = given(c, waiver);
		String action = action(c, waiver);
		String moved = moveForWaiver(c, waiver, on, ", " + waiver.dayColumn + " = :on", Map.of("on", on));
		caseWork.record(c, action, "当事人在企业端" + given + "（" + ChineseText.day(on) + "）" + moved);
	}

	/** The audit action: {@code case.hearing-withdrawal} for a request withdrawn, else the waiver's own. */
	private static String action(CaseView c, Waiver waiver) {
		return withdrawal(c, waiver) ? "case.hearing-withdrawal" : waiver.action;
	}

	/**
	 * The checks of a statement waiver: the state (thrown at once); the party has neither stated its case nor waived it
	 * already (rules {@code statement-given}, {@code statement-waived} on {@code waivedOn}: a statement heard cannot be
	 * waived afterwards); the day (its errors added to {@code v}, null when it breaks a rule).
	 */
	private LocalDate statementWaiverDay(CaseView c, Validation v, String waivedOn) {
		CaseStep.RECORD_STATEMENT.from(c.status());
		statementNotGivenNorWaived(c);
		v.required("waivedOn", "放弃陈述申辩日期", waivedOn);
		return v.date("waivedOn", "放弃陈述申辩日期", waivedOn, c.notifiedOn(), caseWork.today());
	}

	/** The party has neither stated its case nor waived it (rules {@code statement-given}, {@code statement-waived}). */
	private static void statementNotGivenNorWaived(CaseView c) {
		if (c.statementOn() != null) {
			throw DecisionRules.partyRight("waivedOn", "statement-given", "当事人已于" + ChineseText.day(c.statementOn())
					+ "陈述申辩，不能再登记放弃陈述申辩（" + Provision.PENALTY_STATEMENT + "）");
		}
		if (c.statementWaivedOn() != null) {
			throw DecisionRules.partyRight("waivedOn", "statement-waived", "当事人已于" + ChineseText.day(c.statementWaivedOn())
					+ "明确放弃陈述申辩");
		}
	}

	/**
	 * The hearing is not waived or withdrawn already: 409 saying when, and — for a new request — that none can be made
	 * ({@code enforcement.refusal.hearing(Waived|Withdrawn)[.request]}, so the pages word it in the reader's language).
	 * @param requesting whether the step refused is a request for a hearing
	 */
	private static void hearingNotWaived(CaseView c, boolean requesting) {
		if (c.hearingWaivedOn() != null) {
			String key = "enforcement.refusal." + (c.hearingRequestedOn() != null ? "hearingWithdrawnOn" : "hearingWaivedOn")
					+ (requesting ? ".request" : "");
			throw DomainException.illegalTransition(Wording.of(key, c.hearingWaivedOn()),
					"当事人已于" + ChineseText.day(c.hearingWaivedOn()) + waived(c) + (requesting ? "，不能再申请听证" : ""));
		}
	}

	/** A step the party takes on the enterprise portal within the window of the 事先告知书. */
	public enum PartyStep {
		/** 申请听证. */
		REQUEST_HEARING,
		/** 放弃听证 (or 撤回听证申请). */
		WAIVE_HEARING,
		/** 放弃陈述申辩. */
		WAIVE_STATEMENT
	}

	/**
	 * The refusal a party step meets, judged on the case as the party last saw it (已告知 or 听证, its window open) when
	 * a decision has been made and not yet served — the decision is the bureau's until served (行政处罚法(2021) art.61),
	 * so the party reads what it would read had none been made: no hearing right (422), the hearing waived or
	 * withdrawn, the statement given or waived (409), each in the words of the step itself. Nothing is changed.
	 * @param scope the case's region (the caller has checked the case is the enterprise's own)
	 * @throws DomainException as the step at that state would; returns normally when the step would be taken then
	 */
	@Transactional(readOnly = true)
	public void refuseAsBeforeDecision(DataScope scope, long id, PartyStep step) {
		CaseView c = caseWork.inScope(scope, id);
		switch (step) {
			case REQUEST_HEARING -> {
				requireHearingRight(c, "requestedOn");
				hearingNotWaived(c, true);
			}
			case WAIVE_HEARING -> {
				requireHearingRight(c, "waivedOn");
				hearingNotWaived(c, false);
				notHeld(c);
			}
			case WAIVE_STATEMENT -> statementNotGivenNorWaived(c);
		}
	}

	/**
	 * The checks of a hearing waiver: the state, the right the notice gave, not waived twice (thrown at once); the day
	 * (its errors added to {@code v}, null when it breaks a rule).
	 */
	private LocalDate waiverDay(CaseView c, Validation v, String waivedOn) {
		CaseStep.WAIVE_HEARING.from(c.status());
		requireHearingRight(c, "waivedOn");
		hearingNotWaived(c, false);
		// a request is withdrawn before the hearing is held (art.64): once held, the party was heard
		notHeld(c);
		String label = withdrawal(c, Waiver.HEARING) ? "撤回听证申请日期" : "放弃听证日期";
		v.required("waivedOn", label, waivedOn);
		LocalDate from = c.hearingRequestedOn() != null ? c.hearingRequestedOn() : c.notifiedOn();
		return v.date("waivedOn", label, waivedOn, from, caseWork.today());
	}

	/**
	 * Moves the case for a waiver given on {@code on}, with {@code set} (the waiver's own columns): a hearing request
	 * withdrawn (听证 not yet held, 行政处罚法(2021) art.64) returns the case to 已告知 with the hearing waived — the
	 * scheduled hearing is cancelled (its notice's day, place and host cleared; the 听证通知书 stays on file), the days
	 * from the request to the withdrawal are kept as the hearing's pause of the decision limit (邮政行政执法监督办法(2021)
	 * art.17, as a hearing held keeps them) and the limit moves by them; any other waiver leaves the state as it is.
	 * @return the audit line's addition: the hearing cancelled, or empty
	 */
	private String moveForWaiver(CaseView c, Waiver waiver, LocalDate on, String set, Map<String, Object> params) {
		if (waiver != Waiver.HEARING || c.status() != CaseStatus.HEARING) {
			caseWork.move(c, c.status(), set, params);
			return "";
		}
		if (c.hearingPausedFrom() != null) {
			jdbc.sql("""
					INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason)
					VALUES (:id, 'HEARING', :from, :to, '听证期间（自申请至撤回听证申请）')""")
				.param("id", c.id()).param("from", c.hearingPausedFrom()).param("to", on).update();
		}
		Map<String, Object> p = new HashMap<>(params);
		p.put("due", caseWork.decisionDue(c, c.extended()));
		caseWork.move(c, CaseStatus.NOTIFIED, set + """
				, hearing_paused_from = NULL, hearing_notified_on = NULL, hearing_scheduled_on = NULL, hearing_place = NULL,
				  hearing_host = NULL, hearing_host_user_id = NULL, decision_due_on = :due""", p);
		String scheduled = c.hearingScheduledOn() == null ? "" : "，取消原定于" + ChineseText.day(c.hearingScheduledOn()) + "在" + c.hearingPlace() + "举行的听证";
		return scheduled + "；案件回到已告知，决定期限至"
				+ caseWork.messageDay((LocalDate) p.get("due"));
	}

	/** What the party did on its hearing waiver's day: 撤回听证申请 once it had requested one, else 明确放弃听证. */
	private static String waived(CaseView c) {
		return c.hearingRequestedOn() != null ? "撤回听证申请" : "明确放弃听证";
	}

	/** The notice gave the right to a hearing (art.63), else 422 naming {@code field}, rule {@code no-hearing-right}. */
	private void requireHearingRight(CaseView c, String field) {
		if (!caseWork.hearingRight(c)) {
			throw ruleBroken(field, "no-hearing-right", "拟作出的处罚（" + c.proposedPenalty().label() + "）不属于听证范围（" + Provision.PENALTY_HEARING_RIGHT + "）");
		}
	}

	/**
	 * 申请听证 within 5 working days of the notice (行政处罚法(2021) art.64, 85), for a penalty that carries the right
	 * (art.63: 较大数额罚款 at the configurable threshold, 停业整顿, 吊销许可证件). The hearing's period stops the decision
	 * clock from the request day (邮政行政执法监督办法(2021) art.17) when the request is recorded while the limit runs;
	 * recorded once the limit had passed, it is taken (the party's right stands) but stops no clock: an overdue case is
	 * not revived by a request entered late with an earlier day.
	 * @throws DomainException (422) when the proposed penalty carries no hearing right; (409) unless 已告知
	 * @throws InvalidValueException when the request is late, before the notice or in the future
	 */
	@Transactional
	public void requestHearing(DataScope scope, long id, String requestedOn) {
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.REQUEST_HEARING.from(c.status());
		requireHearingRight(c, "requestedOn");
		hearingNotWaived(c, true);
		LocalDate due = caseWork.replyDue(c);
		Validation v = new Validation();
		v.required("requestedOn", "申请听证日期", requestedOn);
		LocalDate on = v.date("requestedOn", "申请听证日期", requestedOn, c.notifiedOn(), caseWork.today());
		if (on != null) {
			v.require("requestedOn", !on.isAfter(due), "deadline", "申请听证已超过期限：应在事先告知书载明的期限内（至" + calendar.messageDay(due)
					+ "）提出（" + StatutoryRule.PENALTY_HEARING_REQUEST.basis() + "）");
		}
		v.throwIfInvalid();
		// entered once the limit had passed, the request (whatever its day) no longer stops the clock: the hearing goes
		// ahead, but an overdue case is not revived by a late entry (as a pause, DecisionLimit#suspend)
		LocalDate limit = caseWork.limitInForce(c, c.extended());
		boolean late = caseWork.today().isAfter(limit);
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("paused", late ? null : on);
		caseWork.move(c, to, ", hearing_requested_on = :on, hearing_paused_from = :paused", p);
		caseWork.record(c, "case.hearing-request", "当事人申请听证（" + ChineseText.day(on) + "）" + (late ? "；登记时办案期限已于"
				+ caseWork.messageDay(limit) + "届满，听证期间不再中止计时（" + Provision.ENFORCEMENT_CASE_LIMIT + "）" : ""));
	}

	/**
	 * A 听证通知 (行政处罚法(2021) art.64(二)(四)).
	 * @param noticeOn the day the party was told the hearing's time and place (not in the future)
	 * @param hearingOn the day the hearing is to be held: at least {@link StatutoryRule#PENALTY_HEARING_NOTICE} (7
	 * working days, art.85) after {@code noticeOn}
	 * @param place where it is to be held (required, up to 200 characters)
	 * @param host the staff account to host it (required): of the bureau handling the case (art.64(四): staff the
	 * deciding organ designates — not a superior's), never one of the case's investigators nor the author of the
	 * 调查终结报告
	 */
	public record HearingNotice(String noticeOn, String hearingOn, String place, Long host) {
	}

	/**
	 * A hearing held (行政处罚法(2021) art.64–65).
	 * @param noticeOn with {@code place} and {@code host}: the 听证通知 given on paper, for a hearing recorded after the
	 * fact on a case without a notice on the platform (both steps then in one, the notice naming the day held); blank
	 * once the notice was given here (a change of day, place or host is a new notice)
	 * @param hearingOn the day it was held: on or after the day the notice named, not in the future
	 * @param place see {@code noticeOn}
	 * @param host see {@code noticeOn}
	 * @param record what it heard for the 听证笔录 (up to 4000 characters), or blank
	 */
	public record HearingData(String noticeOn, String hearingOn, String place, Long host, String record) {
		/** The long free text (record) as stored, searched and compared: {@link Text#freeText}. */
		public HearingData {
			record = Text.freeText(record);
		}
	}

	/** A staff account that may host a case's hearing: its id, name and bureau. */
	public record HearingHost(long userId, String name, String bureau) {
	}

	/**
	 * 听证通知, issuing the 听证通知书 (served on the party, shown on its portal with the day and place): the hearing's
	 * day, place and host told the party at least 7 working days before the hearing (行政处罚法(2021) art.64(二), 85; rule
	 * {@link StatutoryRule#PENALTY_HEARING_NOTICE}); hosted by a staff member the bureau designates who did not
	 * investigate the case (art.64(四)). A new notice before the hearing is held reschedules it — again 7 working days
	 * ahead, not dated before the earlier one, which stays as the new 听证通知书's predecessor. The decision clock stays
	 * paused from the request until the hearing is held (邮政行政执法监督办法(2021) art.17).
	 * @throws InvalidValueException naming {@code noticeOn} (missing, malformed, before the request or an earlier notice,
	 * in the future), {@code hearingOn} (missing, malformed, or less than 7 working days after the notice: rule
	 * {@code deadline}; later than the product rule {@link StatutoryRule#PENALTY_HEARING_LATEST} allows, 30 working days
	 * after the notice by default: rule {@code hearing-latest}), {@code place} or {@code host} (missing, or no enabled staff account a hearing can be entrusted to: rule {@code bureau})
	 * @throws DomainException (422, field {@code host}, rules {@code host-not-handling-bureau} — staff of another bureau,
	 * a superior's too —, {@code host-is-investigator}, {@code host-is-author});
	 * (409) unless 听证 and not yet held
	 */
	@Transactional
	public void noticeHearing(DataScope scope, long id, HearingNotice data) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.NOTICE_HEARING.from(c.status());
		notHeld(c);
		Validation v = new Validation();
		Notice notice = notice(c, v, data, false);
		v.throwIfInvalid();
		giveNotice(c, notice);
		// the party is told of the day (and of a new one when rescheduled); a notice recorded after the hearing was held
		// (holdHearing) tells it nothing
		caseWork.tellParty(c, PenaltyStepServed.Step.HEARING_NOTICE, notice.on(), notice.hearingOn(), false);
	}

	/**
	 * 听证 held, issuing the 听证笔录 (行政处罚法(2021) art.64–65): on or after the day the 听证通知 named, where and by whom
	 * it named; the days from the request to the hearing do not count towards the decision limit (recorded as a
	 * HEARING pause, 邮政行政执法监督办法(2021) art.17), and a case heard needs 法制审核 after the hearing (art.58(二)).
	 * A case without a notice on the platform (a hearing noticed on paper, recorded after the fact) gives the notice's
	 * day, place and host with it: both steps are then taken in one, as {@link #noticeHearing} checks them.
	 * @throws InvalidValueException naming {@code hearingOn} (missing, malformed, before the day noticed, in the future)
	 * or {@code record} (too long); without a notice those of {@link #noticeHearing}
	 * @throws DomainException (409) unless 听证 and not yet held; (409, field {@code noticeOn}, rule
	 * {@code already-notified}) when a notice was given here and the request names another notice's day, place or host
	 */
	@Transactional
	public void holdHearing(DataScope scope, long id, HearingData data) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.HOLD_HEARING.from(c.status());
		notHeld(c);
		boolean noticed = c.hearingNotifiedOn() != null;
		if (noticed && !(Text.isBlank(data.noticeOn()) && Text.isBlank(data.place()) && data.host() == null)) {
			String message = "听证已于" + ChineseText.day(c.hearingNotifiedOn()) + "通知（" + ChineseText.day(c.hearingScheduledOn()) + "，" + c.hearingPlace()
					+ "，" + c.hearingHost() + "主持）：改期、变更地点或主持人须重新发出听证通知（" + Provision.PENALTY_HEARING_PROCEDURE + "）";
			throw DomainException.illegalTransition("noticeOn", "already-notified", message);
		}
		Validation v = new Validation();
		v.maxLength("record", "听证笔录", data.record(), 4000).words("record", "听证笔录", data.record());
		Notice notice = null;
		LocalDate held;
		if (noticed) {
			v.required("hearingOn", "听证日期", data.hearingOn());
			held = v.date("hearingOn", "听证日期", data.hearingOn(), c.hearingScheduledOn(), caseWork.today());
		}
		else {
			// noticed on paper and recorded after the fact: the notice named the day held
			notice = notice(c, v, new HearingNotice(data.noticeOn(), data.hearingOn(), data.place(), data.host()), true);
			held = notice == null ? null : notice.hearingOn();
		}
		v.throwIfInvalid();
		if (notice != null) {
			giveNotice(c, notice);
			c = caseWork.find(id);
		}
		if (c.hearingPausedFrom() != null) {
			jdbc.sql("""
					INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason)
					VALUES (:id, 'HEARING', :from, :to, '听证期间（自申请至举行）')""")
				.param("id", id).param("from", c.hearingPausedFrom()).param("to", held).update();
		}
		Map<String, Object> p = new HashMap<>();
		p.put("held", held);
		LocalDate due = caseWork.decisionDue(c, c.extended());
		p.put("due", due);
		p.put("record", Text.isBlank(data.record()) ? null : Text.strip(data.record()));
		caseWork.move(c, c.status(), """
				, hearing_on = :held, review_required = TRUE, reviewed_on = NULL, reviewed_by = NULL,
				  reviewed_by_user_id = NULL, decision_due_on = :due, hearing_record = :record""", p);
		caseWork.record(c, "case.hearing", "举行听证（" + ChineseText.day(held) + "，" + c.hearingPlace() + "，" + c.hearingHost() + "主持，"
				+ ChineseText.day(c.hearingNotifiedOn()) + "通知）；听证期间不计入办案期限，决定期限至" + caseWork.messageDay(due));
		// a second hearing (after 退回调查) keeps the earlier round's 听证笔录 as its predecessor: one record in force
		caseWork.issueAnew(id, CaseDocumentKind.HEARING_RECORD);
	}

	/** A hearing notice checked: its day, the hearing's day, place and host. */
	private record Notice(LocalDate on, LocalDate hearingOn, String place, HearingHost host) {
	}

	/** 409 (field {@code hearingOn}, rule {@code already-held}) once the hearing was held. */
	private static void notHeld(CaseView c) {
		if (c.hearingOn() != null) {
			String message = "听证已于" + ChineseText.day(c.hearingOn()) + "举行";
			throw DomainException.illegalTransition("hearingOn", "already-held", message);
		}
	}

	/**
	 * The checks of a hearing notice on {@code c}: the days, place and host (errors added to {@code v}; null when one
	 * breaks a rule); the host neither an investigator nor the report's author (422, thrown once the rest is valid).
	 * @param held whether the hearing was already held (recorded after the fact): its day then not in the future, and a
	 * notice too late for it is the notice's error (field {@code noticeOn}), else the scheduled day's ({@code hearingOn})
	 */
	private Notice notice(CaseView c, Validation v, HearingNotice data, boolean held) {
		v.required("noticeOn", "听证通知日期", data.noticeOn()).required("hearingOn", "听证日期", data.hearingOn());
		v.required("place", "听证地点", data.place()).line("place", "听证地点", data.place(), 200);
		v.require("host", data.host() != null, "required", "听证主持人不能为空：请指定非本案调查人员的工作人员主持听证（" + Provision.PENALTY_HEARING_PROCEDURE + "）");
		BureauView handling = caseTeam.handlingBureau(c.regionCode()).orElse(null);
		String handlingName = handling != null ? handling.name() : bureaus.nearestName(c.regionCode());
		Host named = data.host() == null ? null : hearingHost(data.host());
		HearingHost host = named == null ? null : named.shown();
		v.require("host", data.host() == null || host != null, "bureau", "听证主持人应为办案机关（" + handlingName
				+ "）指定的在岗工作人员（" + Provision.PENALTY_HEARING_PROCEDURE + "）");
		// a new notice (改期) is not dated before the one it replaces
		LocalDate after = c.hearingNotifiedOn() != null ? c.hearingNotifiedOn() : c.hearingRequestedOn();
		LocalDate on = v.date("noticeOn", "听证通知日期", data.noticeOn(), after, caseWork.today());
		LocalDate hearingOn = v.date("hearingOn", "听证日期", data.hearingOn(), after,
				held ? caseWork.today() : Validation.LATEST_RECORD);
		// the notice period and the latest day count from the notice: a notice day refused (in the future, before the
		// request or the notice it replaces) or a hearing day refused (range) is its own error, nothing is counted from it
		if (on != null && hearingOn != null && !v.hasError("noticeOn") && !v.hasError("hearingOn")) {
			LocalDate earliest = caseWork.clock(c).hearingEarliest(on);
			v.require(held ? "noticeOn" : "hearingOn", !hearingOn.isBefore(earliest), "deadline", "听证通知应在举行听证的"
					+ caseWork.threshold(StatutoryRule.PENALTY_HEARING_NOTICE, c).stripTrailingZeros().toPlainString()
					+ "个工作日前送达当事人：" + ChineseText.day(on) + "通知的，最早" + calendar.messageDay(earliest) + "举行听证，" + (held ? "请改期举行" : "请另定听证日期")
					+ "（" + Provision.cite(Provision.PENALTY_HEARING_PROCEDURE, Provision.PENALTY_WORKING_DAYS) + "）");
			if (!held) {
				// the law sets no latest day; a hearing years ahead would keep the case paused as long (product rule). A
				// new notice (改期) counts from the round's first one: notices given again and again cannot push the
				// hearing, and the paused decision clock, out without end
				LocalDate first = firstNotice(c);
				LocalDate latest = caseWork.clock(c).hearingLatest(first == null ? on : first);
				v.require("hearingOn", !hearingOn.isAfter(latest), "hearing-latest", "听证日期不得晚于" + calendar.messageDay(latest)
						+ "：按规则目录“"
						+ StatutoryRule.PENALTY_HEARING_LATEST.title() + "”，听证应在" + (first == null ? "通知后" : "首次听证通知（"
								+ ChineseText.day(first) + "）后")
						+ caseWork.threshold(StatutoryRule.PENALTY_HEARING_LATEST, c).stripTrailingZeros().toPlainString()
						+ "个工作日内举行" + (first == null ? "" : "，改期重新通知不重新起算") + "（本局可在规则目录中调整）");
				// a hearing is held on a working day (行政处罚法(2021) art.85 counts its notice period in working days)
				v.require("hearingOn", v.hasError("hearingOn") || caseWork.clock(c).isWorkingDay(hearingOn), "working-day",
						"听证日期" + ChineseText.day(hearingOn) + "不是工作日（休息日或法定节假日），请选择工作日");
			}
		}
		if (v.hasErrors()) {
			return null;
		}
		if (handling != null && named.bureauId() != handling.id()) {
			// art.64(四): the hearing is presided by staff the deciding organ designates — its own, not a superior's or
			// a neighbour's (the 听证通知书 and 听证笔录 are the handling bureau's, in its name). Neither the person nor
			// the bureau is named: an account id typed must not tell who works where outside the caller's scope
			throw DomainException.rule("host", "host-not-handling-bureau",
					Wording.of("enforcement.refusal.hostOtherBureau", handling.name()),
					"听证主持人应为办案机关（" + handling.name() + "）指定的本机关工作人员，上级或其他机关的人员不能主持本机关的听证（"
							+ Provision.PENALTY_HEARING_PROCEDURE + "：听证由行政机关指定的非本案调查人员主持）");
		}
		if (caseTeam.investigated(c.id(), host.userId(), host.name())) {
			throw ruleBroken("host", "host-is-investigator", "听证主持人不得是本案的调查人员：" + host.name()
					+ "参与了本案调查（" + Provision.PENALTY_HEARING_PROCEDURE + "：听证由行政机关指定的非本案调查人员主持）");
		}
		if (Long.valueOf(host.userId()).equals(caseTeam.reportAuthor(c.id()))) {
			throw ruleBroken("host", "host-is-author", "听证主持人不得是本案调查终结报告的制作人：" + host.name()
					+ "制作了本案的调查终结报告（" + Provision.PENALTY_HEARING_PROCEDURE + "：听证由非本案调查人员主持）");
		}
		return new Notice(on, hearingOn, Text.line(data.place()), host);
	}

	/** The day of the first 听证通知 of the case's current round, null before any (the round's later notices keep it). */
	private LocalDate firstNotice(CaseView c) {
		return jdbc.sql("SELECT hearing_first_notified_on FROM penalty_case WHERE id = :id").param("id", c.id())
			.query(LocalDate.class).optional().orElse(null);
	}

	/** Records the notice on the case with its audit entry and issues the 听证通知书 (the earlier one its predecessor). */
	private void giveNotice(CaseView c, Notice n) {
		boolean again = c.hearingNotifiedOn() != null;
		Map<String, Object> p = new HashMap<>();
		p.put("notice", n.on());
		p.put("scheduled", n.hearingOn());
		p.put("place", n.place());
		p.put("host", n.host().name());
		p.put("hostUser", n.host().userId());
		caseWork.move(c, c.status(), """
				, hearing_notified_on = :notice, hearing_first_notified_on = coalesce(hearing_first_notified_on, :notice),
				  hearing_scheduled_on = :scheduled, hearing_place = :place,
				  hearing_host = :host, hearing_host_user_id = :hostUser""", p);
		caseWork.record(c, again ? "case.hearing-rescheduled" : "case.hearing-notice", (again ? "听证改期：重新通知（原定"
				+ ChineseText.day(c.hearingScheduledOn()) + "，" + c.hearingPlace() + "）" : "听证通知") + "：" + ChineseText.day(n.on()) + "通知当事人于" + ChineseText.day(n.hearingOn())
				+ "在" + n.place() + "举行听证，" + n.host().name() + "主持");
		documents.issueAnew(c.id(), CaseDocumentKind.HEARING_NOTICE, again ? "听证改期，重新通知" : null);
	}

	/**
	 * 退回调查: the handling bureau's head sends a notified (or heard) case back to 调查取证 before the decision, with
	 * the reason — new facts or evidence from the 陈述申辩 or the hearing (行政处罚法(2021) art.45, 65), or a heavier
	 * penalty than notified in view, which needs a new notice (art.44). The notice round as it stood (notice, hearing
	 * right and window, statement, hearing request, notice and record, waivers) is kept with the return and cleared from
	 * the case, which is investigated, concluded (and reviewed) and notified again — the new 事先告知书 keeping the earlier
	 * one as its predecessor. The round's documents ({@link CaseDocuments#RETURNED_ROUND}) stay as issued, marked as of
	 * the round returned from: none is in force any more. A hearing requested and not held ends its pause of the decision clock on the return day
	 * (its days from the request do not count, 邮政行政执法监督办法(2021) art.17).
	 * @throws InvalidValueException naming {@code reason} (blank or over 500 characters)
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head}) unless the handling
	 * bureau's head; (409) unless 已告知 or 听证
	 */
	@Transactional
	public void returnToInvestigation(DataScope scope, long id, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.RETURN_TO_INVESTIGATION.from(c.status());
		caseWork.requireHandlingHead(c.handledIn(), "退回调查");
		new Validation().required("reason", "退回调查理由", reason).maxLength("reason", "退回调查理由", reason, 500)
			.throwIfInvalid();
		LocalDate today = caseWork.today();
		if (c.status() == CaseStatus.HEARING && c.hearingOn() == null && c.hearingPausedFrom() != null) {
			jdbc.sql("""
					INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason)
					VALUES (:id, 'HEARING', :from, :to, '听证期间（自申请至退回调查）')""")
				.param("id", id).param("from", c.hearingPausedFrom()).param("to", today).update();
		}
		long returnId = jdbc.sql("""
				INSERT INTO penalty_case_return (case_id, returned_on, from_status, reason, returned_by, returned_by_user_id,
				    earlier, created_at)
				SELECT id, :on, status, :reason, :by, :user, to_jsonb(c), :now FROM penalty_case c WHERE id = :id RETURNING id""")
			.param("on", today).param("reason", Text.strip(reason)).param("by", Actors.currentName()).param("user", CaseWork.actorId())
			.param("now", caseWork.now()).param("id", id).query(Long.class).single();
		// the round's documents stay as issued, no longer the case's in force
		documents.endRound(id, returnId);
		// a notice withdrawn by the return ends its 公告 pause today: the days after it are the new round's
		jdbc.sql("UPDATE penalty_case_suspension SET ended_on = :today WHERE case_id = :id AND kind = 'PUBLIC_NOTICE' AND ended_on > :today")
			.param("today", today).param("id", id).update();
		caseWork.move(c, to, """
				, notified_on = NULL, hearing_right = NULL, hearing_request_due = NULL, notice_served_on = NULL,
				  notice_delivery_method = NULL, notice_delivery_note = NULL, notice_published_on = NULL, statement_on = NULL,
				  statement = NULL, statement_waived_on = NULL, statement_waiver_attachment_id = NULL,
				  hearing_requested_on = NULL, hearing_paused_from = NULL, hearing_waived_on = NULL, hearing_waiver_attachment_id = NULL,
				  hearing_notified_on = NULL, hearing_first_notified_on = NULL, hearing_scheduled_on = NULL, hearing_on = NULL,
				  hearing_place = NULL,
				  hearing_host = NULL, hearing_host_user_id = NULL, hearing_record = NULL, decision_due_on = :due""",
				Map.of("due", caseWork.decisionDue(c, c.extended())));
		caseWork.record(c, "case.return-to-investigation", "退回调查取证（" + c.status().label() + "时，" + ChineseText.day(today) + "）："
				+ Text.strip(reason) + "；原事先告知（" + ChineseText.day(c.notifiedOn()) + "）及陈述申辩、听证情况已存档，须重新调查终结并重新告知");
	}

	/**
	 * The staff accounts that may host the hearing of a case in the caller's scope: enabled staff and heads of the bureau
	 * handling it ({@link CaseTeam#handlingBureau}) — the deciding organ designates its own people, a superior's staff
	 * host none of its hearings —, none of its investigators nor the author of its 调查终结报告 (行政处罚法(2021)
	 * art.64(四)).
	 */
	public List<HearingHost> hearingHosts(DataScope scope, long id) {
		CaseView c = caseWork.inScope(scope, id);
		List<HearingHost> hosts = new ArrayList<>();
		// the team and the report's author read once, not once per account asked about
		CaseTeam.Team team = caseTeam.of(id);
		Long author = caseTeam.reportAuthor(id);
		caseTeam.handlingBureau(c.handledIn()).ifPresent(b -> users.list(DataScope.all(),
				new Users.Filter(b.id(), null, UserKind.STAFF), PageQuery.of(null, 0, PageQuery.MAX_SIZE, "display_name", "asc"))
			.items().stream()
			.filter(u -> u.enabled() && mayHost(u) && !team.includes(u.id(), u.displayName())
					&& !Long.valueOf(u.id()).equals(author))
			.forEach(u -> hosts.add(new HearingHost(u.id(), u.displayName(), b.name()))));
		return hosts;
	}

	/**
	 * The host named, if an enabled staff account of a bureau that may be entrusted with a hearing ({@link #mayHost}),
	 * with its bureau's name — which {@link #notice} compares with the handling bureau's; empty for an unknown, disabled,
	 * enterprise or administrator's account.
	 */
	private Host hearingHost(long userId) {
		UserView u = users.find(DataScope.all(), userId).orElse(null);
		if (u == null || !u.enabled() || u.kind() != UserKind.STAFF || u.bureauId() == null || !mayHost(u)) {
			return null;
		}
		return bureaus.find(DataScope.all(), u.bureauId())
			.map(b -> new Host(new HearingHost(u.id(), u.displayName(), b.name()), b.id()))
			.orElse(null);
	}

	/** A host named: as shown, and the id of its bureau. */
	private record Host(HearingHost shown, long bureauId) {
	}

	/**
	 * Whether the account is one of the bureau's people a hearing can be entrusted to — a staff member or a head
	 * (处室工作人员, 局领导) — not an account that only administers the system or the bureau's users (art.64(四): a
	 * person the 行政机关 designates).
	 */
	private static boolean mayHost(UserView u) {
		return u.roles().contains(Role.STAFF) || u.roles().contains(Role.BUREAU_LEADER);
	}
}
