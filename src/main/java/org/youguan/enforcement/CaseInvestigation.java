package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.enforcement.PenaltyCases.Investigator;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;

import static org.youguan.enforcement.internal.CaseInput.confiscated;
import static org.youguan.enforcement.internal.CaseInput.fine;
import static org.youguan.enforcement.internal.CaseInput.parse;
import static org.youguan.enforcement.internal.CaseInput.penalty;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * 调查取证 of a filed penalty case (行政处罚法(2021) art.42, 54–58): naming the investigators, the 调查终结报告 with the
 * proposed penalty, and the 法制审核 of it. Each step is one transaction that locks the case, checks the step is allowed
 * from its state ({@link org.youguan.enforcement.internal.CaseStep}) and its own rules (all errors at once, each naming
 * its field), changes the case, writes its audit entry and issues its document.
 */
@Service
public class CaseInvestigation {

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final CaseTeam caseTeam;

	CaseInvestigation(JdbcClient jdbc, CaseWork caseWork, CaseTeam caseTeam) {
		this.jdbc = jdbc;
		this.caseWork = caseWork;
		this.caseTeam = caseTeam;
	}

	/** An investigator named for the case: name and 执法证号 as on the roster (检查人员名录库). */
	public record Member(String name, String certificateNumber) {
	}

	/**
	 * What the investigation concluded (案件调查终结报告) and the penalty it proposes.
	 * @param proposedPenalty WARNING, FINE, CONFISCATION, SUSPENSION or REVOCATION
	 * @param proposedFine the fine in yuan (required for FINE, and beside the heavier kinds where the article 并处 it)
	 * @param proposedConfiscated the 违法所得 to confiscate in yuan (required for CONFISCATION; only where the article
	 * provides it)
	 * @param serious whether the violation is serious (情节严重: the serious range applies, 集体讨论 required)
	 * @param mitigation LIGHTER (从轻) or REDUCED (减轻), or blank
	 * @param mitigationGround the ground of art.32 (ELIMINATED_HARM, COERCED, CONFESSED, COOPERATED, OTHER_PROVISION)
	 * @param proposedSuspensionDays the length of a proposed 责令停业整顿 in calendar days, counted from the day after the
	 * decision is delivered: required with SUSPENSION, absent otherwise, 1 to the rule {@code penalty.suspension-max}
	 * (行政处罚法(2021) art.44: the notice tells the party the penalty's content, its period included)
	 */
	public record Conclusion(String report, String proposedPenalty,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.FINE, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String proposedFine, Boolean serious,
			String mitigation, String mitigationGround, String mitigationReason, String concludedOn,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.CONFISCATED, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String proposedConfiscated,
			@JsonDeserialize(using = NumberText.class) String proposedSuspensionDays) {
		/** The long free text (report, mitigationReason) as stored, searched and compared: {@link Text#freeText}. */
		public Conclusion {
			report = Text.freeText(report);
			mitigationReason = Text.freeText(mitigationReason);
		}

		/** A conclusion without a confiscation. */
		public Conclusion(String report, String proposedPenalty, String proposedFine, Boolean serious, String mitigation,
				String mitigationGround, String mitigationReason, String concludedOn) {
			this(report, proposedPenalty, proposedFine, serious, mitigation, mitigationGround, mitigationReason, concludedOn,
					null, null);
		}

		/** A conclusion without a 责令停业整顿 (no period to propose). */
		public Conclusion(String report, String proposedPenalty, String proposedFine, Boolean serious, String mitigation,
				String mitigationGround, String mitigationReason, String concludedOn, String proposedConfiscated) {
			this(report, proposedPenalty, proposedFine, serious, mitigation, mitigationGround, mitigationReason, concludedOn,
					proposedConfiscated, null);
		}

		/** A conclusion entered on the day the investigation ends. */
		public Conclusion(String report, String proposedPenalty, String proposedFine, Boolean serious, String mitigation,
				String mitigationGround, String mitigationReason) {
			this(report, proposedPenalty, proposedFine, serious, mitigation, mitigationGround, mitigationReason, null);
		}

		/** Whether serious (情节严重); absent means not. */
		public boolean isSerious() {
			return Boolean.TRUE.equals(serious);
		}
	}

	/**
	 * 调查取证: names at least {@link StatutoryRule#INSPECTION_MIN_INSPECTORS} investigators, each on the roster with a
	 * certificate valid today, no certificate twice (行政处罚法(2021) art.42, 55), at least one of them a 处室工作人员 of
	 * the handling bureau with an account, who takes the team's steps on the platform ({@link CaseTeam#requireHandlingMember}).
	 * @throws InvalidValueException naming {@code investigators[i]} fields, or {@code investigators} (rule
	 * {@code handling-bureau}) for a team of none of the handling bureau's staff
	 * @throws DomainException (409) unless the case is 已立案
	 */
	@Transactional
	public void startInvestigation(DataScope scope, long id, List<Member> team) {
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.START_INVESTIGATION.from(c.status());
		Validation v = new Validation();
		List<Investigator> members = caseTeam.team(v, "investigators", team, c.regionCode(), scope);
		caseTeam.requireHandlingMember(v, "investigators", members, c.handledIn());
		v.throwIfInvalid();
		caseTeam.saveTeam(id, members);
		caseWork.move(c, to, "", Map.of());
		caseWork.record(c, "case.investigate", "开始调查取证，调查人员："
				+ String.join("、", members.stream().map(m -> m.name() + "（" + m.certificateNumber() + "）").toList()));
	}

	/**
	 * 更换调查人员: the handling bureau's head (行政机关负责人, 行政处罚法(2021) art.57) replaces the case's investigators by a
	 * new team, checked as {@link #startInvestigation} checks one (art.42, 55: two certified officers; one of the
	 * handling bureau's staff with an account) — the way out of a team nobody of the bureau can act for, and of a member
	 * who left. The case's reviewer (art.58) and the hearing host a 听证通知 named (art.64(四)) may not join it
	 * ({@link CaseTeam#requireNeutral}). One transaction: the team replaced and the audit entry
	 * naming the old team, the new one and the reason.
	 * @param reason why the team changes (required, ≤ 500 characters)
	 * @throws DomainException (409) unless the investigators' steps lie ahead (调查取证, 调查终结, 已告知, 听证); (422, field
	 * {@code head}, rule {@code not-handling-bureau-head}) for anyone but the handling bureau's head
	 * @throws InvalidValueException naming {@code investigators[i]} fields, {@code investigators} or {@code reason}
	 */
	@Transactional
	public void changeTeam(DataScope scope, long id, List<Member> team, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStep.CHANGE_TEAM.from(c.status());
		caseWork.requireHandlingHead(c.handledIn(), "更换调查人员");
		Validation v = new Validation();
		List<Investigator> members = caseTeam.team(v, "investigators", team, c.regionCode(), scope);
		caseTeam.requireHandlingMember(v, "investigators", members, c.handledIn());
		CaseTeam.requireNeutral(v, "investigators", members, c);
		v.required("reason", "更换理由", reason).maxLength("reason", "更换理由", reason, 500);
		v.throwIfInvalid();
		List<String> before = caseTeam.replaceTeam(id, members);
		caseWork.record(c, "case.team-change", "更换调查人员：原" + String.join("、", before) + "，现"
				+ String.join("、", members.stream().map(m -> m.name() + "（" + m.certificateNumber() + "）").toList())
				+ "；理由：" + Text.strip(reason));
	}

	/**
	 * 调查终结: the report and the proposed penalty, the fine checked against the violation's range
	 * ({@link DecisionRules#checkFine}); 情节严重 only under an article that sets something for it (rule
	 * {@code no-serious-range} on {@code serious}, {@link DecisionRules#seriousProvided}); whether 法制审核 is required follows from the proposal
	 * ({@link DecisionRules#reviewRequired}). A new conclusion clears an earlier review. The day ({@code concludedOn},
	 * today when blank) dates the 调查终结报告: not before 立案 nor the last evidence collected, not in the future.
	 * @throws InvalidValueException naming each field that breaks a rule
	 * @throws DomainException (409) unless the case is 调查取证; (422, {@code concludedOn} rule {@code suspension-open})
	 * while a suspension of the decision clock is open — resumed first ({@link CaseWork#requireNoOpenSuspension}); (422,
	 * {@code concludedOn} rule {@code inside-suspension}) for a day inside a closed pause ({@link CaseWork#requireOutsidePauses})
	 * @throws AccessRefusedException (403, field {@code report}) for a signed-in account that is not one of the case's
	 * investigators ({@link CaseTeam#requireInvestigator}) — asked after the state, before the fields
	 */
	@Transactional
	public void concludeInvestigation(DataScope scope, long id, Conclusion data) {
		CaseView c = caseWork.lock(scope, id);
		CaseStatus to = CaseStep.CONCLUDE_INVESTIGATION.from(c.status());
		caseWork.requireNoOpenSuspension(id, "concludedOn", "调查终结");
		caseTeam.require(CaseTeam.TeamStep.CONCLUSION, id);
		Validation v = new Validation();
		v.required("report", "调查终结报告", data.report()).maxLength("report", "调查终结报告", data.report(), 4000);
		CaseInput.facts(v, "report", "调查终结报告", data.report());
		Penalty penalty = penalty(v, "proposedPenalty", "拟处罚种类", data.proposedPenalty());
		BigDecimal fine = fine(v, "proposedFine", penalty, data.proposedFine());
		BigDecimal confiscated = confiscated(v, "proposedConfiscated", penalty, data.proposedConfiscated(), c.violationCode().penalties());
		Integer suspensionDays = DecisionRules.suspensionDays(v, "proposedSuspensionDays", penalty, data.proposedSuspensionDays(),
				caseWork.threshold(StatutoryRule.PENALTY_SUSPENSION_MAX, c), null, false);
		Mitigation mitigation = parse(v, "mitigation", "从轻/减轻", data.mitigation(), Mitigation.class, false);
		Mitigation.Ground ground = parse(v, "mitigationGround", Provision.PENALTY_MITIGATION + "情形", data.mitigationGround(), Mitigation.Ground.class, false);
		v.maxLength("mitigationReason", "理由", data.mitigationReason(), 500);
		caseWork.combined(v, "proposedPenalty", "proposedFine", "proposedConfiscated", c, penalty, fine, confiscated, data.isSerious(),
				mitigation, ground, data.mitigationReason());
		DecisionRules.seriousProvided(v, "serious", c.violationCode(), data.isSerious());
		LocalDate lastEvidence = jdbc.sql("SELECT max(collected_on) FROM penalty_case_evidence WHERE case_id = :id")
			.param("id", id).query(Rows.of(LocalDate.class)).optional().orElse(null);
		// art.40, 54: no penalty without facts established by evidence — the report rests on the evidence list (a case
		// without any is withdrawn, 撤案, instead)
		v.require("evidence", lastEvidence != null, "no-evidence", "本案尚未登记任何证据，不能调查终结：请先登记证据（" + Provision.cite(Provision.PENALTY_FACTS, Provision.PENALTY_CASE_OPENING) + "），"
				+ "无证据证明违法事实的请撤案");
		LocalDate concludedOn = Text.isBlank(data.concludedOn()) ? caseWork.today()
				: v.date("concludedOn", "调查终结日期", data.concludedOn(),
						caseWork.notBeforeReturn(id, lastEvidence != null && lastEvidence.isAfter(c.filedOn()) ? lastEvidence
								: c.filedOn()), caseWork.today());
		v.throwIfInvalid();
		// 邮政行政执法监督办法 art.17: no act of the case dated inside a pause of its decision clock
		caseWork.requireOutsidePauses(id, "concludedOn", "调查终结", concludedOn);
		caseWork.revocationAuthority("proposedPenalty", c.regionCode(), c.enterpriseCreditCode(), penalty);
		boolean review = DecisionRules.reviewRequired(penalty, fine, confiscated,
				caseWork.threshold(StatutoryRule.PENALTY_LEGAL_REVIEW_FINE, c), false);
		Map<String, Object> p = new HashMap<>();
		p.put("report", Text.strip(data.report()));
		p.put("serious", data.isSerious());
		p.put("penalty", penalty.name());
		p.put("fine", fine);
		p.put("confiscated", confiscated);
		p.put("suspensionDays", suspensionDays);
		p.put("mitigation", mitigation == null ? null : mitigation.name());
		p.put("ground", ground == null ? null : ground.name());
		p.put("reason", Text.blankToNull(data.mitigationReason()) == null ? null : Text.strip(data.mitigationReason()));
		p.put("review", review);
		p.put("concluded", concludedOn);
		p.put("author", CaseWork.actorId());
		caseWork.move(c, to, """
				, concluded_on = :concluded, concluded_by_user_id = :author, investigation_report = :report, serious = :serious, proposed_penalty = :penalty, proposed_fine = :fine,
				  proposed_confiscated = :confiscated, proposed_suspension_days = :suspensionDays, mitigation = :mitigation, mitigation_ground = :ground, mitigation_reason = :reason,
				  review_required = :review, reviewed_on = NULL, reviewed_by = NULL, reviewed_by_user_id = NULL""", p);
		caseWork.record(c, "case.conclude", "调查终结，拟" + penalty.describe(fine, confiscated, CaseDocuments.suspension(suspensionDays))
				+ (data.isSerious() ? "（情节严重）" : "") + (review ? "；须法制审核" : ""));
		caseWork.issueAnew(id, CaseDocumentKind.INVESTIGATION_REPORT);
	}

	/**
	 * 法制审核 (行政处罚法(2021) art.58) by staff of the bureau handling the case ({@link CaseWork#lock}: the opinion is
	 * that bureau's, a superior's staff read it and are refused, 403) who did not investigate it: agreed, the case may go on
	 * (to the notice, or after a hearing to the decision); not agreed, a case before its notice goes back to 调查取证
	 * (补充调查) with the opinion.
	 * @throws DomainException (422) when the reviewer investigated the case or the hearing has not been held; (409)
	 * unless 调查终结 or 听证, or when the case already passed its review (since the hearing, if one was held)
	 * @throws InvalidValueException when the conclusion ({@code agreed}) is missing or the opinion blank or over 2000
	 * characters — judged once the step is open and the reviewer may review (the state first, as on every step)
	 */
	@Transactional
	public void review(DataScope scope, long id, Officer reviewer, Boolean agreed, String opinion) {
		opinion = Text.freeText(opinion);
		// reviewed in the handling bureau (CaseWork#lock): the 法制审核意见书 is that bureau's, headed and signed by it
		CaseView c = caseWork.lock(scope, id);
		CaseStep.REVIEW.from(c.status());
		// the step first (its state, who may review), then the fields, as on every step of the procedure
		if (c.status() == CaseStatus.HEARING && c.hearingOn() == null) {
			throw ruleBroken("agreed", "before-hearing", "听证尚未举行：听证后再进行法制审核");
		}
		if (c.reviewedOn() != null && (c.hearingOn() == null || !c.reviewedOn().isBefore(c.hearingOn()))) {
			throw DomainException.illegalTransition(Wording.of("enforcement.refusal.reviewedTwice", c.reviewedOn(), c.reviewedBy()),
					"本案已于" + ChineseText.day(c.reviewedOn()) + "通过法制审核（" + c.reviewedBy()
					+ "），不能重复审核；意见书需要更正时请重新制作该文书");
		}
		if (caseTeam.investigated(id, reviewer.userId(), reviewer.name())) {
			throw ruleBroken("reviewer", "reviewer-is-investigator", "法制审核人员不得是本案的调查人员：" + reviewer.name() + "参与了本案调查（" + Provision.PENALTY_LEGAL_REVIEW + "）");
		}
		Long author = caseTeam.reportAuthor(id);
		if (author != null && author.equals(reviewer.userId())) {
			throw ruleBroken("reviewer", "reviewer-is-author", "法制审核人员不得是调查终结报告的制作人：" + reviewer.name()
					+ "制作了本案的调查终结报告（审核由调查人员以外的人员进行，" + Provision.PENALTY_LEGAL_REVIEW + "）");
		}
		// the outcome is never assumed: a review posted without it is no review passed
		new Validation().require("agreed", agreed != null, "required", "法制审核结论不能为空：请选择同意或不同意")
			.required("opinion", "法制审核意见", opinion)
			.maxLength("opinion", "法制审核意见", opinion, 2000).words("opinion", "法制审核意见", opinion).throwIfInvalid();
		Map<String, Object> p = new HashMap<>();
		p.put("opinion", Text.strip(opinion));
		if (agreed) {
			p.put("on", caseWork.today());
			p.put("by", reviewer.name());
			p.put("user", reviewer.userId());
			caseWork.move(c, c.status(), ", reviewed_on = :on, reviewed_by = :by, reviewed_by_user_id = :user, review_opinion = :opinion", p);
			caseWork.record(c, "case.review", "法制审核通过（" + reviewer.name() + "）：" + Text.strip(opinion));
		}
		else {
			CaseStatus to = c.status() == CaseStatus.INVESTIGATED ? CaseStatus.INVESTIGATING : c.status();
			caseWork.move(c, to, ", reviewed_on = NULL, reviewed_by = NULL, reviewed_by_user_id = NULL, review_opinion = :opinion", p);
			caseWork.record(c, "case.review-returned", "法制审核未通过（" + reviewer.name() + "）" + (to == CaseStatus.INVESTIGATING
					? "，退回补充调查" : "") + "：" + Text.strip(opinion));
		}
		caseWork.issue(id, CaseDocumentKind.REVIEW_OPINION);
	}
}
