package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.youguan.enforcement.internal.CaseInput.confiscated;
import static org.youguan.enforcement.internal.CaseInput.fine;
import static org.youguan.enforcement.internal.CaseInput.parse;
import static org.youguan.enforcement.internal.CaseInput.penalty;
import static org.youguan.enforcement.internal.CaseInput.requireReason;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * How an ordinary case ends (行政处罚法(2021) art.57, 59, 33; 管辖 art.22–27): the decision (行政处罚决定书, publishing
 * {@link PenaltyDecided}), 不予处罚, 撤案 and 移送 — head-only steps, each one transaction that locks the case, checks the
 * step from its state and its own rules (all errors at once, each naming its field), changes the case, writes its audit
 * entry and issues its document.
 */
@Service
public class CaseDecisions {

	/**
	 * The grounds of a 不予处罚 that find the violation committed — it happened and was the party's, only not punished —,
	 * so that a later violation of the same type is not a first one ({@link #requireFirstViolation}).
	 */
	static final Set<NoPenaltyGround> ESTABLISHED_GROUNDS = EnumSet.of(NoPenaltyGround.FIRST_MINOR,
			NoPenaltyGround.MINOR_CORRECTED);

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Bureaus bureaus;

	private final CaseWork caseWork;

	private final DecisionNumbers decisionNumbers;

	private final CaseTeam caseTeam;

	CaseDecisions(JdbcClient jdbc, StatutoryRules rules, ApplicationEventPublisher events, Clock clock, Bureaus bureaus,
			CaseWork caseWork, DecisionNumbers decisionNumbers, CaseTeam caseTeam) {
		this.caseTeam = caseTeam;
		this.jdbc = jdbc;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
		this.bureaus = bureaus;
		this.caseWork = caseWork;
		this.decisionNumbers = decisionNumbers;
	}

	/**
	 * The decision (行政处罚决定书).
	 * @param decisionNumber the 文号, or blank to number it (行政处罚决定-地区-年份-序号)
	 * @param discussedOn the day of 集体讨论 (required for a serious case, art.57)
	 * @param discussionConclusion what they concluded (required with {@code discussedOn}, ≤ 2,000 characters)
	 * @param discussionParticipants the heads who took part in it, by name (at least the rule
	 * {@code penalty.discussion-min-participants}, 3 by default; required with {@code discussedOn}); the handling
	 * bureau's heads — one named as a head of another bureau is refused (400, rule {@code other-bureau-head}, art.57
	 * para.2: the deciding organ's 负责人集体讨论)
	 * @param penalty the heaviest kind decided (WARNING, FINE, CONFISCATION, SUSPENSION, REVOCATION)
	 * @param fine the fine (罚款) in yuan: required for FINE and, where the article 并处 it, beside the heavier kinds
	 * @param confiscated the 违法所得 confiscated in yuan (required for CONFISCATION, allowed beside SUSPENSION or
	 * REVOCATION where the article provides it)
	 * @param suspensionDays the length of a 责令停业整顿 in calendar days, counted from the day after the decision is
	 * delivered (required for SUSPENSION; at most the days the 事先告知书 stated and the rule {@code penalty.suspension-max})
	 * @param statementAdopted the review (复核) of the party's 陈述申辩: whether the facts, reasons or evidence it put
	 * forward were adopted (行政处罚法(2021) art.45; required when the party made a statement, refused without one)
	 * @param statementReview the reasons of that review (required with a statement, ≤ 2,000 characters), as the 决定书
	 * states them
	 */
	public record Decision(String decisionNumber, String decidedOn, String penalty,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.FINE, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String fine, String mitigation,
			String mitigationGround, String mitigationReason, String discussedOn, String discussionConclusion,
			List<String> discussionParticipants, @JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.CONFISCATED, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String confiscated,
			@JsonDeserialize(using = NumberText.class) String suspensionDays, Boolean statementAdopted, String statementReview) {
		/**
		 * The long free text (mitigationReason, discussionConclusion, statementReview) as stored, searched and
		 * compared: {@link Text#freeText}.
		 */
		public Decision {
			mitigationReason = Text.freeText(mitigationReason);
			discussionConclusion = Text.freeText(discussionConclusion);
			statementReview = Text.freeText(statementReview);
		}

		/** A decision where the party made no statement to review (waived, or none within the window). */
		public Decision(String decisionNumber, String decidedOn, String penalty, String fine, String mitigation,
				String mitigationGround, String mitigationReason, String discussedOn, String discussionConclusion,
				List<String> discussionParticipants, String confiscated, String suspensionDays) {
			this(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason, discussedOn,
					discussionConclusion, discussionParticipants, confiscated, suspensionDays, null, null);
		}

		/** This decision with the review of the party's statement. */
		public Decision reviewingStatement(boolean adopted, String review) {
			return new Decision(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason,
					discussedOn, discussionConclusion, discussionParticipants, confiscated, suspensionDays,
					adopted, review);
		}

		/** A decision of one part (no confiscation beside the fine, no 停业整顿). */
		public Decision(String decisionNumber, String decidedOn, String penalty, String fine, String mitigation,
				String mitigationGround, String mitigationReason, String discussedOn, String discussionConclusion,
				List<String> discussionParticipants) {
			this(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason, discussedOn,
					discussionConclusion, discussionParticipants, null, null);
		}

		/** A decision without 集体讨论 (a case not serious). */
		public Decision(String decisionNumber, String decidedOn, String penalty, String fine, String mitigation,
				String mitigationGround, String mitigationReason) {
			this(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason, null, null, null);
		}
	}

	/**
	 * 决定 (行政处罚法(2021) art.57, 59): when the proposed penalty carries the hearing right as the notice told the
	 * party (art.63), after the 5-working-day request window unless the party explicitly waived the hearing
	 * ({@link #waiveHearing}; a 陈述申辩 is no waiver); and in every case after the same window unless the party has
	 * stated its case or explicitly waived its statement ({@link #waiveStatement}; a waiver of the hearing is no waiver
	 * of the statement, art.62); never before the statement or a waiver; after the hearing if one was requested; after 法制审核 where required (for the decided
	 * penalty, and after the hearing); after 集体讨论 for a serious case (art.57); never heavier than notified
	 * (art.44–45); the fine within the violation's range unless 减轻 (art.32). Numbers the decision when no 文号 is given
	 * and publishes {@link PenaltyDecided}.
	 * @return the decision's 文号
	 * @throws InvalidValueException naming each field that breaks a rule
	 * @throws DomainException (422) for a missing review or hearing, or while a suspension of the decision clock is open
	 * ({@code decidedOn}, rule {@code suspension-open}: resumed first, so no decided case carries an open pause); (409)
	 * unless 已告知 or 听证, or for a 文号 used in the region
	 */
	@Transactional
	public String decide(DataScope scope, long id, Decision data) {
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.DECIDE.from(c.status());
		caseWork.requireHandlingHead(c.regionCode(), "作出行政处罚决定");
		if (c.status() == CaseStatus.HEARING && c.hearingOn() == null) {
			throw ruleBroken("decidedOn", "before-hearing", "当事人已申请听证，听证举行后才能作出决定（" + Provision.PENALTY_HEARING_RIGHT + "）");
		}
		caseWork.requireNoOpenSuspension(id, "decidedOn", "作出处罚决定");
		Validation v = new Validation();
		v.required("decidedOn", "决定日期", data.decidedOn());
		LocalDate on = v.date("decidedOn", "决定日期", data.decidedOn(), c.notifiedOn(), caseWork.today());
		LocalDate window = caseWork.replyDue(c);
		if (on != null && c.status() == CaseStatus.NOTIFIED) {
			boolean hearingRight = caseWork.hearingRight(c);
			boolean statementHeard = c.statementOn() != null || c.statementWaivedOn() != null;
			LocalDate heard = Stream.of(c.statementOn(), c.statementWaivedOn(), c.hearingWaivedOn()).filter(Objects::nonNull)
				.max(Comparator.naturalOrder()).orElse(null);
			if (hearingRight && c.hearingWaivedOn() == null && !on.isAfter(window)) {
				v.require("decidedOn", false, "hearing-window", "当事人申请听证的期限至" + ChineseText.day(window)
						+ "（含当日），期限届满前不能作出决定（当事人明确放弃听证的除外；陈述申辩不等于放弃听证，" + Provision.cite(Provision.PENALTY_HEARING_RIGHT, Provision.PENALTY_HEARING_PROCEDURE) + "）");
			}
			else if (!statementHeard && !on.isAfter(window)) {
				// art.62: the party's 陈述申辩 heard, or waived — a waiver of the hearing is no waiver of the statement
				v.require("decidedOn", false, "statement-window", "陈述申辩期限至" + ChineseText.day(window)
						+ "届满前不能作出决定（当事人已陈述申辩或书面明确放弃陈述申辩的除外；放弃听证不等于放弃陈述申辩，" + Provision.PENALTY_NOT_HEARD + "）");
			}
			else if (heard != null && on.isBefore(heard)) {
				v.require("decidedOn", false, "order", "决定日期不能早于当事人陈述申辩、放弃陈述申辩或放弃听证的日期（" + ChineseText.day(heard) + "）");
			}
		}
		if (on != null && c.status() == CaseStatus.HEARING) {
			// a heard case: after the statement, the hearing and the legal review that follows it (art.58(二), 62, 65)
			Stream.of(c.statementOn(), c.statementWaivedOn()).filter(Objects::nonNull).max(Comparator.naturalOrder())
				.ifPresent(stated -> notBefore(v, on, stated, "order", "当事人陈述申辩或放弃陈述申辩的日期"));
			notBefore(v, on, c.hearingOn(), "before-hearing", "听证日期（" + Provision.PENALTY_AFTER_HEARING + "：听证结束后作出决定）");
		}
		if (on != null) {
			notBefore(v, on, c.reviewedOn(), "before-review", "法制审核日期（" + Provision.PENALTY_LEGAL_REVIEW + "）");
		}
		Penalty penalty = penalty(v, "penalty", "处罚种类", data.penalty());
		// a case proposed before the article's condition was checked is not decided without it either (快递暂行条例(2025) art.56)
		caseWork.requireUncorrectedOrder(v, "penalty", c.violationCode(), c.enterpriseCreditCode(),
				c.violationEndedOn() != null ? c.violationEndedOn() : c.filedOn(), on == null ? caseWork.today() : on);
		BigDecimal fine = fine(v, "fine", penalty, data.fine());
		BigDecimal confiscated = confiscated(v, "confiscated", penalty, data.confiscated(), c.violationCode().penalties());
		Mitigation mitigation = parse(v, "mitigation", "从轻/减轻", data.mitigation(), Mitigation.class, false);
		Mitigation.Ground ground = parse(v, "mitigationGround", Provision.PENALTY_MITIGATION + "情形", data.mitigationGround(), Mitigation.Ground.class, false);
		// printed on the 行政处罚决定书: no markup (kernel Validation#plainText)
		v.maxLength("mitigationReason", "理由", data.mitigationReason(), 500)
			.plainText("mitigationReason", "理由", data.mitigationReason());
		caseWork.combined(v, "penalty", "fine", "confiscated", c, penalty, fine, confiscated, c.serious(), mitigation, ground,
				data.mitigationReason());
		DecisionRules.notHeavier(v, c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(), penalty, fine, confiscated);
		Integer suspensionDays = DecisionRules.suspensionDays(v, "suspensionDays", penalty, data.suspensionDays(),
				caseWork.threshold(StatutoryRule.PENALTY_SUSPENSION_MAX, c), c.proposedSuspensionDays(), true);
		LocalDate discussed = v.date("discussedOn", "集体讨论日期", data.discussedOn(),
				c.concludedOn() != null ? c.concludedOn() : c.filedOn(), on == null ? caseWork.today() : on);
		if (c.serious()) {
			v.require("discussedOn", discussed != null, "required", "情节严重的案件须经负责人集体讨论决定（" + Provision.PENALTY_HEAD_DECIDES + "），请填写集体讨论日期");
		}
		String participants = discussion(v, data, discussed != null, c.regionCode());
		departsFromReview(v, c, discussed, penalty, fine, confiscated, suspensionDays, mitigation);
		String review = statementReview(v, c, data, mitigation);
		String typedNumber = Text.documentNumber(data.decisionNumber());
		v.maxLength("decisionNumber", "决定书文号", typedNumber, 60)
			.documentNumber("decisionNumber", "决定书文号", typedNumber)
			.documentYear("decisionNumber", "决定书文号", typedNumber, on);
		decisionNumbers.handTypedNumber(v, typedNumber, c.regionCode());
		v.throwIfInvalid();
		// 邮政行政执法监督办法 art.17: no act of the case dated inside a pause of its decision clock
		caseWork.requireOutsidePauses(id, "decidedOn", "作出处罚决定", on);
		if (discussed != null) {
			caseWork.requireOutsidePauses(id, "discussedOn", "集体讨论", discussed);
		}
		caseWork.revocationAuthority("penalty", c.regionCode(), c.enterpriseCreditCode(), penalty);
		boolean heard = c.hearingOn() != null;
		if (DecisionRules.reviewRequired(penalty, fine, confiscated, caseWork.threshold(StatutoryRule.PENALTY_LEGAL_REVIEW_FINE, c), heard)
				&& (c.reviewedOn() == null || heard && c.reviewedOn().isBefore(c.hearingOn()))) {
			throw ruleBroken("decidedOn", "before-review", "本案须经法制审核后才能作出决定（" + Provision.PENALTY_LEGAL_REVIEW + (heard ? "：经过听证程序的案件须在听证后审核" : "") + "）");
		}
		String number = typedNumber == null
				? decisionNumbers.nextOrdinary(c.regionCode(), on.getYear())
				: typedNumber;
		decisionNumbers.numberFree(number);
		Map<String, Object> p = new HashMap<>();
		p.put("number", number);
		p.put("on", on);
		// the instant decided, where the decision is signed today: its range is the one standing then (CaseWork#law)
		p.put("at", caseWork.decidedAt(on));
		p.put("penalty", penalty.name());
		p.put("fine", fine);
		p.put("confiscated", confiscated);
		p.put("suspensionDays", suspensionDays);
		p.put("decidedBy", CaseWork.actorId());
		p.put("decidedByName", CaseWork.actorName());
		p.put("mitigation", mitigation == null ? null : mitigation.name());
		p.put("ground", ground == null ? null : ground.name());
		p.put("reason", Text.blankToNull(data.mitigationReason()) == null ? null : Text.strip(data.mitigationReason()));
		p.put("discussed", discussed);
		p.put("participants", participants);
		p.put("conclusion", discussed == null ? null : Text.strip(data.discussionConclusion()));
		p.put("adopted", review == null ? null : data.statementAdopted());
		p.put("review", review);
		p.put("late", on.isAfter(c.decisionDueOn()));
		caseWork.move(c, to, """
				, decision_number = :number, decided_on = :on, decided_at = :at, penalty = :penalty, fine = :fine, confiscated = :confiscated,
				  suspension_days = :suspensionDays, suspension_from = NULL, suspension_until = NULL, decided_by_user_id = :decidedBy,
				  decided_by = :decidedByName, mitigation = :mitigation,
				  mitigation_ground = :ground, mitigation_reason = :reason, discussed_on = :discussed,
				  discussion_participants = :participants, discussion_conclusion = :conclusion,
				  statement_adopted = :adopted, statement_review = :review, decided_late = :late""", p);
		caseWork.fixTerms(id, c.regionCode());
		boolean late = on.isAfter(c.decisionDueOn());
		caseWork.record(c, "case.decide", "作出行政处罚决定" + number + "："
				+ penalty.describe(fine, confiscated, CaseDocuments.suspension(suspensionDays)) + (p.get("decidedByName") == null ? ""
						: "；决定人：" + p.get("decidedByName")) + (mitigation == null ? "" : "（" + mitigation.label() + "：" + ground.label() + "）")
				+ (late ? "；超过办案期限（" + ChineseText.day(c.decisionDueOn()) + "）" : ""));
		if (discussed != null) {
			caseWork.issue(id, CaseDocumentKind.DISCUSSION_RECORD);
		}
		caseWork.issue(id, CaseDocumentKind.DECISION);
		events.publishEvent(new PenaltyDecided(id, number, c.regionCode(), c.enterpriseCreditCode(), c.enterpriseName(),
				c.violationCode().name(), penalty, fine, confiscated, on, c.imported()));
		return number;
	}

	/**
	 * 不予处罚 (行政处罚法(2021) art.33: minor and corrected in time, or a first minor violation, or no fault; 约谈 may
	 * follow) on its ground and with its reason; the case is finished. The 不予行政处罚决定书 is made and served on the
	 * party (art.57 with art.61: a decision not to penalise is a decision the party is given, citing the article it rests
	 * on — {@link NoPenaltyGround#cited}), beside the internal 结案报告; it is then served as a penalty decision is
	 * ({@link CaseExecution#deliver}: day, method, 送达回证), which tells the party on its portal.
	 * @param ground a {@link NoPenaltyGround} name (required)
	 * @throws InvalidValueException when the ground is missing or unknown ({@code ground}), or the reason is blank or
	 * over 500 characters ({@code reason})
	 * @throws DomainException (409) unless 调查终结, 已告知 or 听证; (422, {@code reason} rule {@code suspension-open})
	 * while a suspension of the decision clock is open; (409, {@code ground} rule {@code not-first-violation}) for
	 * FIRST_MINOR when a violation of the same type by the party was established by an earlier decision — a penalty or
	 * a 不予处罚 on an established violation ({@link #requireFirstViolation})
	 */
	@Transactional
	public void notPenalize(DataScope scope, long id, String ground, String reason) {
		notPenalize(scope, id, ground, reason, Discussion.NONE);
	}

	/**
	 * The heads' 集体讨论 (行政处罚法(2021) art.57 para.2) recorded with a 不予处罚: its day ({@code yyyy-MM-dd}), the heads
	 * who took part and its conclusion, all blank where there was none.
	 */
	public record Discussion(String discussedOn, List<String> participants, String conclusion) {

		/** No discussion. */
		public static final Discussion NONE = new Discussion(null, null, null);

		/** The conclusion as stored, searched and compared: {@link Text#freeText}. */
		public Discussion {
			conclusion = Text.freeText(conclusion);
		}
	}

	/**
	 * {@link #notPenalize(DataScope, long, String, String)} with the heads' 集体讨论: required (rule
	 * {@code departs-from-review} on {@code discussedOn}) where the case's penalty proposal passed 法制审核 — a 不予处罚
	 * then departs from the proposal reviewed as any other decision does ({@link DecisionRules#departures}, art.57
	 * para.2, art.58) — and checked as a decision's is: dated from the conclusion (and the review) to today, at least
	 * the catalogue's number of heads, the deciding head among them, with a conclusion. The discussion is kept on the
	 * case and its 集体讨论记录 issued.
	 * @throws InvalidValueException as the 4-argument form, and on {@code discussedOn}, {@code discussionParticipants},
	 *         {@code discussionConclusion}
	 */
	@Transactional
	public void notPenalize(DataScope scope, long id, String ground, String reason, Discussion discussion) {
		reason = Text.freeText(reason);
		Discussion d = discussion == null ? Discussion.NONE : discussion;
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.NOT_PENALIZE.from(c.status());
		caseWork.requireHandlingHead(c.regionCode(), "不予处罚决定");
		caseWork.requireNoOpenSuspension(id, "reason", "作出不予处罚决定");
		Validation v = new Validation();
		NoPenaltyGround g = parse(v, "ground", "不予处罚的法定情形", ground, NoPenaltyGround.class, true);
		v.required("reason", "不予处罚理由", reason).maxLength("reason", "不予处罚理由", reason, 500).words("reason", "不予处罚理由", reason);
		LocalDate discussed = v.date("discussedOn", "集体讨论日期", d.discussedOn(),
				c.concludedOn() != null ? c.concludedOn() : c.filedOn(), caseWork.today());
		String participants = discussion(v, d.participants(), d.conclusion(), discussed != null, c.regionCode());
		departsFromReview(v, c, discussed, null, null, null, null, null);
		v.throwIfInvalid();
		if (discussed != null) {
			caseWork.requireOutsidePauses(id, "discussedOn", "集体讨论", discussed);
		}
		if (g == NoPenaltyGround.FIRST_MINOR) {
			requireFirstViolation(c);
		}
		Map<String, Object> p = new HashMap<>();
		p.put("reason", Text.strip(reason));
		p.put("on", caseWork.today());
		p.put("ground", g.name());
		p.put("discussed", discussed);
		p.put("participants", participants);
		p.put("conclusion", discussed == null ? null : Text.strip(d.conclusion()));
		caseWork.move(c, to, ", closing_reason = :reason, closed_on = :on, no_penalty_ground = :ground, discussed_on = :discussed,"
				+ " discussion_participants = :participants, discussion_conclusion = :conclusion", p);
		// the 不予行政处罚决定书 names its 行政复议机关 as of today, kept for its reissues (V304)
		caseWork.fixReviewBody(id, c.regionCode());
		caseWork.record(c, "case.not-penalize", "不予处罚（" + g.label() + "）：" + Text.strip(reason));
		if (discussed != null) {
			caseWork.issue(id, CaseDocumentKind.DISCUSSION_RECORD);
		}
		caseWork.issue(id, CaseDocumentKind.NO_PENALTY_DECISION);
		// the 结案报告 follows the decision's service (送达, art.61), CaseExecution#deliver — not the decision
	}

	/**
	 * 初次违法 (行政处罚法(2021) art.33 para.1, second sentence): the ground FIRST_MINOR holds only for a party whose
	 * violation of the same type was never before established by a decision — of any bureau on the platform (imported
	 * past cases too) against the same credit code under the same {@link org.youguan.rules.ViolationType}, made on or
	 * before today and not revoked or confirmed invalid, whatever its outcome: a penalty, or a 不予处罚 on a ground that
	 * finds the violation committed ({@link #ESTABLISHED_GROUNDS}: FIRST_MINOR — an earlier first violation — and
	 * MINOR_CORRECTED). A 不予处罚 for NO_FAULT (art.33 para.2: no fault, no punishable violation) does not count, nor
	 * does a case withdrawn (撤案, the facts not established) or transferred; an imported 不予处罚 counts by the ground it
	 * was imported with (one imported before the import took the ground has none and is not counted). A party without a
	 * credit code is not matched (no key to match it by).
	 * @throws DomainException (409, field {@code ground}, rule {@code not-first-violation}) naming the latest such
	 * decision's 文号 (a 不予行政处罚决定书's own) and day, and how many there are
	 */
	private void requireFirstViolation(CaseView c) {
		if (c.enterpriseCreditCode() == null) {
			return;
		}
		List<Map<String, Object>> earlier = jdbc.sql("""
				SELECT number, decided_on, no_penalty_ground FROM (
				    SELECT c.id, c.decided_on, NULL AS no_penalty_ground, c.decision_number AS number
				    FROM penalty_case c
				    WHERE c.enterprise_credit_code = :code AND c.violation_code = :violation AND c.id <> :id
				      AND c.penalty IS NOT NULL AND c.decided_on <= :today AND c.decision_annulled_on IS NULL
				    UNION ALL
				    SELECT c.id, c.closed_on, c.no_penalty_ground,
				           -- an imported 不予处罚 has no document issued here: the 文号 it was imported with
				           coalesce((SELECT d.number FROM penalty_case_document d WHERE d.case_id = c.id
				                     AND d.kind = 'NO_PENALTY_DECISION' ORDER BY d.version DESC, d.id DESC LIMIT 1),
				                    c.decision_number)
				    FROM penalty_case c
				    WHERE c.enterprise_credit_code = :code AND c.violation_code = :violation AND c.id <> :id
				      AND c.status = 'NOT_PENALIZED' AND c.no_penalty_ground IN (:grounds) AND c.closed_on <= :today
				      AND c.decision_annulled_on IS NULL) earlier
				ORDER BY decided_on DESC, id DESC""")
			.param("code", c.enterpriseCreditCode()).param("violation", c.violationCode().name()).param("id", c.id())
			.param("today", caseWork.today()).param("grounds", ESTABLISHED_GROUNDS.stream().map(Enum::name).toList())
			.query().listOfRows();
		if (!earlier.isEmpty()) {
			Map<String, Object> last = earlier.get(0);
			// the day as a date, worded for the reader (2026年2月24日; the English bundle its own), never the driver's ISO text
			LocalDate lastOn = last.get("decided_on") instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) last.get("decided_on");
			String what = last.get("no_penalty_ground") == null ? "行政处罚决定"
					: "不予行政处罚决定（" + NoPenaltyGround.valueOf((String) last.get("no_penalty_ground")).label() + "）";
			throw DomainException.illegalTransition("ground", "not-first-violation", Wording.of("enforcement.refusal.notFirstViolation", earlier.size(), c.violationCode().shortName(), what, last.get("number"), lastOn),
					"当事人此前已有" + earlier.size()
					+ "次同类违法行为（" + c.violationCode().shortName() + "）经决定认定（最近一次：" + what + "，文号"
					+ last.get("number") + "，" + ChineseText.day(lastOn) + "），不属于初次违法，不能以“初次违法且危害后果轻微并及时改正”"
					+ "不予处罚（" + Provision.PENALTY_NONE_MINOR.formal() + "）");
		}
	}

	/**
	 * 撤案 before the decision (also once the party was notified or heard), with its reason.
	 * @throws InvalidValueException when the reason is blank, over 500 characters or holds no words (rule {@code words}:
	 * the 结案报告 prints it)
	 * @throws DomainException (409) once decided (or ended)
	 */
	@Transactional
	public void withdraw(DataScope scope, long id, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.WITHDRAW.from(c.status());
		caseWork.requireHandlingHead(c.regionCode(), "撤案");
		requireReason(reason, "撤案理由");
		caseWork.move(c, to, ", closing_reason = :reason, closed_on = :on", Map.of("reason", Text.strip(reason), "on", caseWork.today()));
		caseWork.record(c, "case.withdraw", "撤案：" + Text.strip(reason));
		caseWork.issue(id, CaseDocumentKind.CLOSING_REPORT);
	}

	/**
	 * The bureaus on the platform a case of {@code caseRegion} may be transferred to (移送): every bureau but the one
	 * handling it ({@link Bureaus#handling}) and those whose work it takes (a county's bureau with no 处室工作人员, whose
	 * lead would come back to the same staff) — what the transfer form offers, the same rule {@link #transfer} refuses
	 * the handling bureau by (attack 51: the form offered the bureau its own name).
	 */
	public List<BureauView> transferTargets(String caseRegion) {
		Optional<BureauView> handling = bureaus.handling(caseRegion);
		return bureaus.all(DataScope.all()).stream().filter(b -> !handledBy(b, handling)).toList();
	}

	/**
	 * Whether a case transferred to {@code bureau} would stay with {@code handling}, the bureau handling it now
	 * ({@link Bureaus#handling}): the bureau itself, or one whose records it takes.
	 */
	private boolean handledBy(BureauView bureau, Optional<BureauView> handling) {
		return handling.filter(h -> h.id() == bureau.id()
				|| bureaus.handling(bureau.regionCode()).filter(b -> b.id() == h.id()).isPresent()).isPresent();
	}

	/**
	 * 移送: hands the case to another authority (e.g. 公安机关, 市场监管部门) or to another postal bureau on the platform,
	 * with the reason (行政处罚法(2021) art.27 and the rules of 管辖); the case ends here (已移送) and the 案件移送书 is
	 * issued. A bureau on the platform receives the case as a lead (source TRANSFER) in its region. Before the decision
	 * (also once the party was notified or heard).
	 * @param bureauId the receiving bureau on the platform, or null
	 * @param authority the receiving authority's name when it is not a bureau on the platform
	 * @throws InvalidValueException naming {@code authority}, {@code bureauId} or {@code reason}; {@code authority}
	 * (rule {@code exactly-one}) when both a bureau and an authority are given
	 * @throws DomainException (409) once decided (or ended)
	 */
	@Transactional
	public void transfer(DataScope scope, long id, Long bureauId, String authority, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.TRANSFER.from(c.status());
		caseWork.requireHandlingHead(c.regionCode(), "移送案件");
		Validation v = new Validation();
		BureauView bureau = null;
		if (bureauId != null) {
			bureau = bureaus.find(DataScope.all(), bureauId).orElse(null);
			v.require("bureauId", bureau != null, "exists", "接收案件的邮政管理部门不存在：" + bureauId);
			if (bureau != null) {
				Optional<BureauView> handling = bureaus.handling(c.regionCode());
				String own = handling.map(BureauView::name).orElse(bureau.name());
				v.require("bureauId", !handledBy(bureau, handling), "other", "案件应移送其他邮政管理部门，不能移送本局（"
						+ own + "）" + (own.equals(bureau.name()) ? "" : "：" + bureau.name() + "的案件由本局办理"));
			}
		}
		else {
			v.required("authority", "接收案件的机关", authority);
		}
		// one receiver: a bureau on the platform or another authority by name, never both (the other would be dropped)
		v.require("authority", bureauId == null || Text.isBlank(authority), "exactly-one",
				"接收案件的邮政管理部门与其他机关只能填写一个：移送平台上的邮政管理部门时不填写其他机关名称");
		v.line("authority", "接收案件的机关", authority, 200);
		v.required("reason", "移送理由", reason).maxLength("reason", "移送理由", reason, 500)
			.plainText("reason", "移送理由", reason).words("reason", "移送理由", reason);
		v.throwIfInvalid();
		String target = bureau != null ? bureau.name() : Text.line(authority);
		caseWork.move(c, to,
				", transferred_to = :transferredTo, transferred_on = :on, closed_on = :on, closing_reason = :reason",
				Map.of("transferredTo", target, "on", caseWork.today(), "reason", Text.strip(reason)));
		if (bureau != null) {
			jdbc.sql("""
					INSERT INTO penalty_lead (region_code, source, source_ref, source_detail, enterprise_credit_code,
					    enterprise_name, summary, received_on, status, created_by, created_at)
					VALUES (:region, 'TRANSFER', :ref, :detail, :code, :name, :summary, :on, 'OPEN', :by, :now)
					ON CONFLICT (source_ref) DO NOTHING""")
				.param("region", bureau.regionCode()).param("ref", "transfer:" + id)
				.param("detail", "移送（原案号" + c.number() + "）").param("code", c.enterpriseCreditCode())
				.param("name", c.enterpriseName())
				.param("summary", "移送理由：" + Text.strip(reason) + (c.facts() == null ? "" : "\n案情：" + c.facts()))
				.param("on", caseWork.today()).param("by", Actors.currentName()).param("now", OffsetDateTime.now(clock)).update();
		}
		caseWork.record(c, "case.transfer", "移送" + target + "：" + Text.strip(reason));
		caseWork.issue(id, CaseDocumentKind.TRANSFER_LETTER);
	}

	/**
	 * The heads who took part in 集体讨论 (art.57), joined by 、, checked with its conclusion; null without a discussion
	 * (then neither may be given).
	 */
	/**
	 * A decision that departs from the penalty the 法制审核 agreed to — another kind, fine, value confiscated, period of
	 * 停业整顿 or 从轻/减轻 ({@link DecisionRules#departures}) — is not the decision reviewed (行政处罚法(2021) art.58): the
	 * heads take it 集体讨论 (art.57), on or after the review's day, or the case goes back to investigation and is reviewed
	 * again. A case never reviewed, or a decision as proposed, has nothing to compare; a 不予处罚 ({@code penalty} null)
	 * after a reviewed proposal departs from it ({@link DecisionRules#departures}). Records rule
	 * {@code departs-from-review} on {@code discussedOn}, or {@code before-review} for a discussion dated before the review.
	 */
	private static void departsFromReview(Validation v, CaseView c, LocalDate discussed, Penalty penalty, BigDecimal fine,
			BigDecimal confiscated, Integer suspensionDays, Mitigation mitigation) {
		// a 不予处罚 (penalty null, notPenalize) departs from a reviewed proposal as a whole; a decision whose kind did
		// not parse has its own error
		if (c.reviewedOn() == null || penalty == null && v.hasError("penalty")) {
			return;
		}
		List<String> changes = DecisionRules.departures(c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(),
				c.proposedSuspensionDays(), c.mitigation(), penalty, fine, confiscated, suspensionDays, mitigation);
		if (changes.isEmpty()) {
			return;
		}
		v.require("discussedOn", discussed != null, "departs-from-review", "处罚决定与" + ChineseText.day(c.reviewedOn()) + "法制审核同意的拟处罚意见不一致（"
				+ String.join("；", changes) + "）：须经负责人集体讨论决定（" + Provision.PENALTY_HEAD_DECIDES + "，请填写集体讨论日期、参加人员和结论），"
				+ "或退回调查、重新调查终结后重新进行法制审核（" + Provision.PENALTY_LEGAL_REVIEW + "）");
		if (discussed != null) {
			v.require("discussedOn", !discussed.isBefore(c.reviewedOn()), "before-review", "集体讨论日期不能早于法制审核日期" + ChineseText.day(c.reviewedOn())
					+ "：改变经审核的拟处罚意见须在审核之后集体讨论（" + Provision.cite(Provision.PENALTY_HEAD_DECIDES, Provision.PENALTY_LEGAL_REVIEW) + "）");
		}
	}

	private String discussion(Validation v, Decision data, boolean discussed, String region) {
		return discussion(v, data.discussionParticipants(), data.discussionConclusion(), discussed, region);
	}

	private String discussion(Validation v, List<String> participants, String conclusion, boolean discussed, String region) {
		List<String> names = participants == null ? List.of()
				: participants.stream().filter(n -> !Text.isBlank(n)).map(Text::name).toList();
		if (!discussed) {
			v.require("discussedOn", names.isEmpty() && Text.isBlank(conclusion), "required",
					"填写了集体讨论的参加人员或结论，请同时填写集体讨论日期");
			return null;
		}
		int min = rules.value(StatutoryRule.PENALTY_DISCUSSION_MIN_PARTICIPANTS, region).intValue();
		v.require("discussionParticipants", names.size() >= min, "min-size",
				"集体讨论的参加负责人至少" + min + "人（" + Provision.PENALTY_HEAD_DECIDES + "，本局规则）");
		// one person named twice in another width or spacing (蒋局长, 蒋 局长, 蒋局长 in full width) or in traditional
		// characters (蔣局長) is one participant: compared folded, traditional characters as simplified (HanVariants)
		List<String> keys = names.stream().map(CaseTeam::personKey).toList();
		v.require("discussionParticipants", keys.stream().distinct().count() == names.size(), "distinct",
				"集体讨论的参加负责人不能重复");
		// the participants are names as the record lists them; the one that can be checked is the deciding head's own:
		// a decision of 负责人集体讨论 is taken by the handling bureau's heads, the signed-in head among them (art.57)
		String decider = CaseWork.actorName();
		v.require("discussionParticipants", decider == null || keys.contains(CaseTeam.personKey(decider)), "decider-not-in-discussion",
				"集体讨论应由办案机关负责人参加，作出决定的负责人（" + decider + "）应列在参加人员之中（" + Provision.PENALTY_HEAD_DECIDES + "）");
		for (int i = 0; i < names.size(); i++) {
			v.maxLength("discussionParticipants[" + i + "]", "参加负责人姓名", names.get(i), 30)
				.name("discussionParticipants[" + i + "]", "参加负责人姓名", names.get(i))
				.personName("discussionParticipants[" + i + "]", "参加负责人姓名", names.get(i));
		}
		// the heads of the deciding organ (art.57 para.2): a superior's or a neighbour's head named is refused
		caseTeam.requireHandlingHeads(v, "discussionParticipants", names, region);
		// the 集体讨论记录 prints the conclusion: it holds words as every printed reason does ("。" or "1" concludes nothing)
		v.required("discussionConclusion", "集体讨论结论", conclusion)
			.maxLength("discussionConclusion", "集体讨论结论", conclusion, 2000)
			.words("discussionConclusion", "集体讨论结论", conclusion);
		return String.join("、", names);
	}

	/**
	 * 复核 of the party's 陈述申辩 (行政处罚法(2021) art.45: the bureau hears the party fully and reviews the facts,
	 * reasons and evidence it put forward, adopting those that hold): required with a statement — whether adopted and
	 * why —, refused without one (rule {@code no-statement}); the reasons, stripped, or null without a statement. A
	 * statement adopted with reasons that grant a 从轻 or 减轻处罚 the decision does not record (its {@code mitigation}, with
	 * the art.32 ground the 决定书 cites) is refused (rule {@code consistent}): the 决定书 would say the penalty was
	 * lightened while imposing it unlightened.
	 */
	/**
	 * Whether a review grants a 从轻 or 减轻 ({@code word}): "从轻处罚", "予以从轻", "依法减轻" — not when it refuses one
	 * ("不予从轻处罚", "不能从轻") nor where the word is no penalty's ("主动减轻违法行为危害后果", art.32's own ground).
	 */
	static boolean grants(String review, String word) {
		String kept = review.replaceAll("(不予|不能|不应|不宜|没有|不|未|无)(予以|依法)?" + word + "(处罚)?", "");
		return Pattern.compile("(予以|依法|酌情)" + word + "|" + word + "处罚").matcher(kept).find();
	}

	private static String statementReview(Validation v, CaseView c, Decision data, Mitigation mitigation) {
		if (c.statementOn() == null) {
			v.require("statementReview", data.statementAdopted() == null && Text.isBlank(data.statementReview()), "no-statement",
					"当事人没有陈述申辩，无需填写复核意见");
			return null;
		}
		v.require("statementAdopted", data.statementAdopted() != null, "required",
				"当事人已陈述申辩，请填写复核结论（是否采纳，" + Provision.PENALTY_STATEMENT + "）");
		v.required("statementReview", "陈述申辩复核意见（采纳或不予采纳的理由）", data.statementReview())
			.maxLength("statementReview", "陈述申辩复核意见", data.statementReview(), 2000)
			.words("statementReview", "陈述申辩复核意见", data.statementReview());
		if (Boolean.TRUE.equals(data.statementAdopted()) && !Text.isBlank(data.statementReview())) {
			for (Mitigation m : Mitigation.values()) {
				String word = m.label().substring(0, 2);
				v.require("statementReview", m == mitigation || !grants(data.statementReview(), word),
						"consistent", "复核意见采纳陈述申辩并" + m.label() + "，但本决定未选择“" + m.label()
								+ "”：请在“从轻/减轻”中选择并写明" + Provision.PENALTY_MITIGATION + "的情形和理由，或修改复核意见");
			}
		}
		return Text.isBlank(data.statementReview()) ? null : Text.strip(Text.lineBreaks(data.statementReview()));
	}

	/** A decision day before {@code step}'s day, the error on {@code decidedOn} with {@code rule}; a null step passes. */
	private static void notBefore(Validation v, LocalDate on, LocalDate step, String rule, String label) {
		if (step != null) {
			v.require("decidedOn", !on.isBefore(step), rule, "决定日期" + ChineseText.day(on) + "不能早于" + label + "（" + ChineseText.day(step) + "）");
		}
	}
}
