package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.Days;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.enforcement.internal.Execution;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.InspectionRecords;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.StatusMove;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.BureauView;
import org.youguan.org.CurrentUser;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserKind;
import org.youguan.org.UserView;
import org.youguan.org.Users;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.FineRange;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

/**
 * The penalty procedure (行政处罚法(2021) ch.5; 邮政行政执法监督办法(2021) art.17): one method per step, each one
 * transaction that locks the case, checks the step is allowed from its state ({@link CaseStep}) and the step's own
 * rules (people, dates, amounts — all errors at once, each naming its field in Chinese), changes the case and writes
 * its audit entry; the decision publishes {@link PenaltyDecided}. The decision clock is kept on the case
 * ({@code decisionDueOn}) and recomputed by every step that moves it.
 */
@Service
public class PenaltyCases {

	/** The automatic series of ordinary decisions' 文号. */
	private static final String ORDINARY_SERIES = "行政处罚决定";

	/** The automatic series of on-the-spot decisions' 文号. */
	private static final String ON_THE_SPOT_SERIES = "当场处罚";

	/**
	 * The series of on-the-spot cases' own numbers: such a case is never filed (no 立案, 行政处罚法(2021) art.51–52), so
	 * it takes no number of the 立案 register {@code 处罚案件}, which would leave numbers there that no filing holds.
	 */
	private static final String ON_THE_SPOT_CASE_SERIES = "当场处罚案件";

	/** An investigator named for the case: name and 执法证号 as on the roster (检查人员名录库). */
	public record Member(String name, String certificateNumber) {
	}

	/** One investigator of a case. */
	public record Investigator(int position, Long inspectorId, Long userId, String name, String certificateNumber) {
	}

	/** A period excluded from the decision clock; {@code endedOn} null while it lasts. */
	public record Suspension(long id, SuspensionKind kind, LocalDate startedOn, LocalDate endedOn, String reason) {
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
	 */
	public record Conclusion(String report, String proposedPenalty,
			@JsonDeserialize(using = NumberText.class) String proposedFine, Boolean serious,
			String mitigation, String mitigationGround, String mitigationReason, String concludedOn,
			@JsonDeserialize(using = NumberText.class) String proposedConfiscated) {

		/** A conclusion without a confiscation. */
		public Conclusion(String report, String proposedPenalty, String proposedFine, Boolean serious, String mitigation,
				String mitigationGround, String mitigationReason, String concludedOn) {
			this(report, proposedPenalty, proposedFine, serious, mitigation, mitigationGround, mitigationReason, concludedOn,
					null);
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
	 * The decision (行政处罚决定书).
	 * @param decisionNumber the 文号, or blank to number it (行政处罚决定-地区-年份-序号)
	 * @param discussedOn the day of 集体讨论 (required for a serious case, art.57)
	 * @param discussionConclusion what they concluded (required with {@code discussedOn}, ≤ 2,000 characters)
	 * @param discussionParticipants the heads who took part in it, by name (at least the rule
	 * {@code penalty.discussion-min-participants}, 3 by default; required with {@code discussedOn})
	 * @param penalty the heaviest kind decided (WARNING, FINE, CONFISCATION, SUSPENSION, REVOCATION)
	 * @param fine the fine (罚款) in yuan: required for FINE and, where the article 并处 it, beside the heavier kinds
	 * @param confiscated the 违法所得 confiscated in yuan (required for CONFISCATION, allowed beside SUSPENSION or
	 * REVOCATION where the article provides it)
	 * @param suspensionFrom the first day of a 责令停业整顿 (required for SUSPENSION, not before the decision)
	 * @param suspensionUntil its last day (required for SUSPENSION)
	 * @param statementAdopted the review (复核) of the party's 陈述申辩: whether the facts, reasons or evidence it put
	 * forward were adopted (行政处罚法(2021) art.45; required when the party made a statement, refused without one)
	 * @param statementReview the reasons of that review (required with a statement, ≤ 2,000 characters), as the 决定书
	 * states them
	 */
	public record Decision(String decisionNumber, String decidedOn, String penalty,
			@JsonDeserialize(using = NumberText.class) String fine, String mitigation,
			String mitigationGround, String mitigationReason, String discussedOn, String discussionConclusion,
			List<String> discussionParticipants, @JsonDeserialize(using = NumberText.class) String confiscated,
			String suspensionFrom, String suspensionUntil, Boolean statementAdopted, String statementReview) {

		/** A decision where the party made no statement to review (waived, or none within the window). */
		public Decision(String decisionNumber, String decidedOn, String penalty, String fine, String mitigation,
				String mitigationGround, String mitigationReason, String discussedOn, String discussionConclusion,
				List<String> discussionParticipants, String confiscated, String suspensionFrom, String suspensionUntil) {
			this(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason, discussedOn,
					discussionConclusion, discussionParticipants, confiscated, suspensionFrom, suspensionUntil, null, null);
		}

		/** This decision with the review of the party's statement. */
		public Decision reviewingStatement(boolean adopted, String review) {
			return new Decision(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason,
					discussedOn, discussionConclusion, discussionParticipants, confiscated, suspensionFrom, suspensionUntil,
					adopted, review);
		}

		/** A decision of one part (no confiscation beside the fine, no 停业整顿). */
		public Decision(String decisionNumber, String decidedOn, String penalty, String fine, String mitigation,
				String mitigationGround, String mitigationReason, String discussedOn, String discussionConclusion,
				List<String> discussionParticipants) {
			this(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason, discussedOn,
					discussionConclusion, discussionParticipants, null, null, null);
		}

		/** A decision without 集体讨论 (a case not serious). */
		public Decision(String decisionNumber, String decidedOn, String penalty, String fine, String mitigation,
				String mitigationGround, String mitigationReason) {
			this(decisionNumber, decidedOn, penalty, fine, mitigation, mitigationGround, mitigationReason, null, null, null);
		}
	}

	/**
	 * The case's deadlines as of today, for its page and list. {@code paymentDue} is, once delivered, a fine's payment
	 * deadline in force (the next unpaid instalment's, once paid the last one's), or a confiscation's handover day when
	 * the decision imposes no fine; {@code surchargeToday} is a fine's 加处罚款 only (owed today on every overdue
	 * instalment, or paid) — never a confiscation's (art.72); {@code handoverDue} the last day to hand over what a
	 * delivered decision confiscates, beside the fine's own {@code paymentDue} when both were decided (并处).
	 */
	public record Deadlines(LocalDate decisionDue, long remainingDays, boolean suspended, LocalDate hearingRequestDue,
			LocalDate deliveryDue, LocalDate paymentDue, BigDecimal surchargeToday, LocalDate publicationDue,
			boolean hearingRight, FineRange fineRange, LocalDate handoverDue) {
	}

	/** A case with its people, pauses and deadlines, and a confiscation's handover once recorded (else null). */
	public record CaseDetail(CaseView penaltyCase, List<Investigator> investigators, List<Suspension> suspensions,
			Deadlines deadlines, Handover handover) {

		/**
		 * Whether a suspension is open (it may be ended: 恢复计时) — not the same as a stopped clock, which a pending
		 * hearing stops too ({@link Deadlines#suspended}) and which a suspension may still be added to.
		 */
		public boolean suspensionOpen() {
			return suspensions.stream().anyMatch(s -> s.endedOn() == null);
		}
	}

	/**
	 * 没收违法所得上缴 (行政处罚法(2021) art.74): the day it was handed over, the amount (¥), the receipt's number or a note
	 * (may be null when a scan was kept) and the scan of the receipt (an attachment of the case, or null).
	 */
	public record Handover(LocalDate handedOverOn, BigDecimal amount, String receipt, Long attachmentId) {
	}

	/** One case in the queue: remaining days before the decision limit (null once decided) and whether paused. */
	public record CaseSummary(long id, String number, String regionCode, String enterpriseName,
			String enterpriseCreditCode, ViolationType violationCode, CaseStatus status,
			LocalDate filedOn, LocalDate decisionDueOn, Long remainingDays, boolean suspended, String decisionNumber,
			Penalty penalty, BigDecimal fine, LocalDate publishedOn, boolean imported) {
	}

	static final Map<String, String> SORTS = Map.of("filed_on", "c.filed_on", "remaining", "remaining_days",
			"enterprise_name", "c.enterprise_name", "status", "c.status", "decided_on", "c.decided_on");

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final Inspectors inspectors;

	private final BusinessNumbers numbers;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Enterprises enterprises;

	private final Clock clock;

	private final CaseDocuments documents;

	private final Bureaus bureaus;

	private final Users users;

	private final long maxScanBytes;

	private final LocalDate importedBefore;

	PenaltyCases(JdbcClient jdbc, StatutoryRules rules, WorkingCalendar calendar, Inspectors inspectors,
			BusinessNumbers numbers, Enterprises enterprises, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, CaseDocuments documents, Bureaus bureaus, Users users,
			@Value("${youguan.enforcement.max-evidence-bytes:20971520}") long maxScanBytes,
			@Value("${youguan.enforcement.imported-before:}") String importedBefore) {
		this.maxScanBytes = maxScanBytes;
		this.importedBefore = Text.isBlank(importedBefore) ? null : LocalDate.parse(importedBefore.strip());
		this.documents = documents;
		this.bureaus = bureaus;
		this.users = users;
		this.enterprises = enterprises;
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.inspectors = inspectors;
		this.numbers = numbers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The case clock with the rule values that apply in {@code region}. */
	CaseClock clock(String region) {
		Map<StatutoryRule, BigDecimal> memo = new HashMap<>();
		return new CaseClock(Days.of(calendar), rule -> memo.computeIfAbsent(rule, r -> rules.value(r, region)));
	}

	/**
	 * The case clock of a case: the rule values where it is, but the payment period, 加处罚款 rate and remedies its
	 * decision fixed ({@link #fixTerms}) once it has one — a rule changed after the decision does not change them.
	 */
	CaseClock clock(CaseView c) {
		Map<StatutoryRule, BigDecimal> memo = new HashMap<>();
		return new CaseClock(Days.of(calendar), CaseClock.fixedBy(CaseClock.Terms.of(c),
				rule -> memo.computeIfAbsent(rule, r -> rules.value(r, c.regionCode()))));
	}

	/**
	 * Fixes on the decided case the terms its decision states as the catalogue gives them today where the case is: the
	 * days to pay a fine (行政处罚法(2021) art.67) — or, for a confiscation, to hand over what it takes
	 * ({@link StatutoryRule#PENALTY_CONFISCATION_HANDOVER}) —, the daily 加处罚款 rate (art.72; the total is capped at the
	 * fine, kept on the case), and the periods of 行政复议 (行政复议法(2023) art.20) and 行政诉讼 (行政诉讼法(2017) art.46).
	 */
	private void fixTerms(long id, String region) {
		jdbc.sql("""
				UPDATE penalty_case SET payment_days = :payment, handover_days = :handover,
				    surcharge_percent = :surcharge, review_days = :review, litigation_months = :litigation WHERE id = :id""")
			.param("payment", rules.intValue(StatutoryRule.PENALTY_PAYMENT, region))
			.param("handover", rules.intValue(StatutoryRule.PENALTY_CONFISCATION_HANDOVER, region))
			.param("surcharge", rules.value(StatutoryRule.PENALTY_LATE_SURCHARGE, region))
			.param("review", rules.intValue(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, region))
			.param("litigation", rules.intValue(StatutoryRule.REMEDY_LITIGATION, region))
			.param("id", id)
			.update();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The region a case filed from {@code lead} belongs to: the bureau that handles the lead. A case handed over by
	 * another postal bureau (source TRANSFER: 移送 sideways, 报请上级管辖 upwards, 指定管辖 downwards) stays with the
	 * bureau that received it — the lead's region, even when the enterprise lies inside it (a county handing a
	 * serious case up to its city must not get it back). Any other lead goes to the enterprise's own bureau when the
	 * enterprise lies inside the lead's region (属地管辖), otherwise it stays in the lead's.
	 */
	static String caseRegion(EnterpriseView enterprise, LeadView lead) {
		if (lead.source() == LeadSource.TRANSFER) {
			return lead.regionCode();
		}
		return DataScope.region(lead.regionCode()).containsRegion(enterprise.regionCode()) ? enterprise.regionCode()
				: lead.regionCode();
	}

	/**
	 * Creates the case of an approved lead (立案), numbered 处罚案件-地区-年份-序号, its clock started; it belongs to the
	 * bureau that handles the lead ({@link #caseRegion}), whose number and documents it carries.
	 */
	long file(EnterpriseView enterprise, LeadView lead, Officer head, LocalDate filedOn, boolean demo) {
		String region = caseRegion(enterprise, lead);
		requireHandlingHead(region, "批准立案");
		String number = numbers.next("处罚案件", region.length() > 6 ? region.substring(0, 6) : region, filedOn.getYear());
		LocalDate due = clock(region).decisionDue(filedOn, false, List.of(), filedOn);
		long id = jdbc.sql("""
				INSERT INTO penalty_case (number, lead_id, region_code, source, enterprise_credit_code, enterprise_name,
				    violation_code, violation_ended_on, facts, status, filed_on, filing_approved_by, decision_due_on, demo,
				    created_by, created_at, updated_at)
				VALUES (:number, :lead, :region, :source, :code, :name, :violation, :ended, :facts, 'FILED', :filed,
				    :head, :due, :demo, :by, :now, :now) RETURNING id""")
			.param("number", number)
			.param("lead", lead.id())
			.param("region", region)
			.param("source", lead.source().name())
			.param("code", enterprise.creditCode())
			.param("name", enterprise.legalName())
			.param("violation", lead.proposedViolation().name())
			.param("ended", lead.proposedEndedOn())
			.param("facts", lead.summary())
			.param("filed", filedOn)
			.param("head", head.name())
			.param("due", due)
			.param("demo", demo)
			.param("by", actor())
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("case.file", "penalty_case", id, "立案：" + number + "，" + enterprise.legalName() + "，"
				+ lead.proposedViolation().shortName() + "（" + head.name() + "批准；决定期限" + due + "）")
			.inRegion(region));
		issue(id, CaseDocumentKind.FILING_APPROVAL);
		return id;
	}

	/**
	 * 调查取证: names at least {@link StatutoryRule#INSPECTION_MIN_INSPECTORS} investigators, each on the roster with a
	 * certificate valid today, no certificate twice (行政处罚法(2021) art.42, 55).
	 * @throws InvalidValueException naming {@code investigators[i]} fields
	 * @throws DomainException (409) unless the case is 已立案
	 */
	@Transactional
	public void startInvestigation(DataScope scope, long id, List<Member> team) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.START_INVESTIGATION.from(c.status());
		Validation v = new Validation();
		List<Investigator> members = team(v, "investigators", team, c.regionCode(), scope);
		v.throwIfInvalid();
		saveTeam(id, members);
		move(c, to, "", Map.of());
		record(c, "case.investigate", "开始调查取证，调查人员："
				+ String.join("、", members.stream().map(m -> m.name() + "（" + m.certificateNumber() + "）").toList()));
	}

	/**
	 * The investigators named, checked: at least {@link StatutoryRule#INSPECTION_MIN_INSPECTORS}, each on the roster
	 * under that name with a certificate valid today, no certificate twice (errors on {@code <list>} and
	 * {@code <list>[i].name} / {@code .certificateNumber}, {@code list} being the request's name for them:
	 * {@code investigators}, or {@code team} on the spot), each of a bureau above the case's region or inside the
	 * caller's (rule {@code bureau}, as for an inspection team: {@link InspectionRecords.TeamBureaus}).
	 */
	private List<Investigator> team(Validation v, String list, List<Member> team, String region, DataScope scope) {
		InspectionRecords.TeamBureaus bureaus = new InspectionRecords.TeamBureaus(scope, region, false);
		int min = rules.intValue(StatutoryRule.INSPECTION_MIN_INSPECTORS, region);
		List<Investigator> members = new ArrayList<>();
		List<Member> given = team == null ? List.of() : team.stream().filter(m -> m != null
				&& (!Text.isBlank(m.name()) || !Text.isBlank(m.certificateNumber()))).toList();
		v.require(list, given.size() >= min, "min", "执法人员（" + list + "）不得少于" + min
				+ "人，并应出示执法证件（行政处罚法第42条、第55条）");
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			Member m = given.get(i);
			String field = list + "[" + i + "]";
			v.required(field + ".name", "调查人员姓名", m.name()).required(field + ".certificateNumber", "执法证号", m.certificateNumber());
			if (Text.isBlank(m.name()) || Text.isBlank(m.certificateNumber())) {
				continue;
			}
			String certificate = m.certificateNumber().strip();
			v.require(field + ".certificateNumber", seen.add(certificate), "unique", "执法证号重复：" + certificate);
			Optional<Inspector> known = inspectors.findByCertificate(certificate);
			if (known.isEmpty()) {
				v.require(field + ".certificateNumber", false, "roster", "执法证号不在检查人员名录库中：" + certificate);
				continue;
			}
			v.require(field + ".name", known.get().name().equals(m.name().strip()), "matches",
					"调查人员姓名与名录库中执法证号" + certificate + "的持证人（" + known.get().name() + "）不符");
			v.require(field + ".certificateNumber", known.get().validOn(today()), "valid",
					"执法证" + certificate + "已过有效期（至" + known.get().validUntil() + "）");
			v.require(field + ".certificateNumber", bureaus.allows(known.get()), "bureau",
					"执法人员" + known.get().name() + "（" + certificate + "）属于" + known.get().bureauName()
							+ "，不能办理本案：执法人员只能是" + bureaus.rule());
			members.add(new Investigator(i + 1, known.get().id(), known.get().userId(), m.name().strip(), certificate));
		}
		return members;
	}

	private void saveTeam(long id, List<Investigator> members) {
		for (Investigator m : members) {
			jdbc.sql("""
					INSERT INTO penalty_case_investigator (case_id, position, inspector_id, user_id, name, certificate_number)
					VALUES (:case, :pos, :inspector, :user, :name, :certificate)""")
				.param("case", id).param("pos", m.position()).param("inspector", m.inspectorId()).param("user", m.userId())
				.param("name", m.name()).param("certificate", m.certificateNumber()).update();
		}
	}

	/**
	 * 调查终结: the report and the proposed penalty, the fine checked against the violation's range
	 * ({@link DecisionRules#checkFine}); whether 法制审核 is required follows from the proposal
	 * ({@link DecisionRules#reviewRequired}). A new conclusion clears an earlier review. The day ({@code concludedOn},
	 * today when blank) dates the 调查终结报告: not before 立案 nor the last evidence collected, not in the future.
	 * @throws InvalidValueException naming each field that breaks a rule
	 * @throws DomainException (409) unless the case is 调查取证
	 */
	@Transactional
	public void concludeInvestigation(DataScope scope, long id, Conclusion data) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.CONCLUDE_INVESTIGATION.from(c.status());
		Validation v = new Validation();
		v.required("report", "调查终结报告（report）", data.report()).maxLength("report", "调查终结报告（report）", data.report(), 4000);
		Penalty penalty = penalty(v, "proposedPenalty", "拟处罚种类", data.proposedPenalty());
		BigDecimal fine = fine(v, "proposedFine", penalty, data.proposedFine());
		BigDecimal confiscated = confiscated(v, "proposedConfiscated", penalty, data.proposedConfiscated());
		Mitigation mitigation = parse(v, "mitigation", "从轻/减轻", data.mitigation(), Mitigation.class, false);
		Mitigation.Ground ground = parse(v, "mitigationGround", "第32条情形", data.mitigationGround(), Mitigation.Ground.class, false);
		v.maxLength("mitigationReason", "理由", data.mitigationReason(), 500);
		combined(v, "proposedPenalty", "proposedFine", "proposedConfiscated", c, penalty, fine, confiscated, data.isSerious(),
				mitigation, ground, data.mitigationReason());
		LocalDate lastEvidence = jdbc.sql("SELECT max(collected_on) FROM penalty_case_evidence WHERE case_id = :id")
			.param("id", id).query(Rows.of(LocalDate.class)).optional().orElse(null);
		// art.40, 54: no penalty without facts established by evidence — the report rests on the evidence list (a case
		// without any is withdrawn, 撤案, instead)
		v.require("evidence", lastEvidence != null, "no-evidence", "本案尚未登记任何证据，不能调查终结：请先登记证据（行政处罚法第40条、第54条），"
				+ "无证据证明违法事实的请撤案");
		LocalDate concludedOn = Text.isBlank(data.concludedOn()) ? today()
				: v.date("concludedOn", "调查终结日期（concludedOn）", data.concludedOn(),
						lastEvidence != null && lastEvidence.isAfter(c.filedOn()) ? lastEvidence : c.filedOn(), today());
		v.throwIfInvalid();
		v.throwIfInvalid();
		revocationAuthority("proposedPenalty", c.regionCode(), penalty);
		boolean review = DecisionRules.reviewRequired(penalty, fine, confiscated,
				threshold(StatutoryRule.PENALTY_LEGAL_REVIEW_FINE, c), false);
		Map<String, Object> p = new HashMap<>();
		p.put("report", data.report().strip());
		p.put("serious", data.isSerious());
		p.put("penalty", penalty.name());
		p.put("fine", fine);
		p.put("confiscated", confiscated);
		p.put("mitigation", mitigation == null ? null : mitigation.name());
		p.put("ground", ground == null ? null : ground.name());
		p.put("reason", Text.blankToNull(data.mitigationReason()) == null ? null : data.mitigationReason().strip());
		p.put("review", review);
		p.put("concluded", concludedOn);
		p.put("author", actorId());
		move(c, to, """
				, concluded_on = :concluded, concluded_by_user_id = :author, investigation_report = :report, serious = :serious, proposed_penalty = :penalty, proposed_fine = :fine,
				  proposed_confiscated = :confiscated, mitigation = :mitigation, mitigation_ground = :ground, mitigation_reason = :reason,
				  review_required = :review, reviewed_on = NULL, reviewed_by = NULL, reviewed_by_user_id = NULL""", p);
		record(c, "case.conclude", "调查终结，拟" + CaseDocuments.penalty(penalty, fine, confiscated)
				+ (data.isSerious() ? "（情节严重）" : "") + (review ? "；须法制审核" : ""));
		issue(id, CaseDocumentKind.INVESTIGATION_REPORT);
	}

	/**
	 * 法制审核 (行政处罚法(2021) art.58) by someone who did not investigate the case: agreed, the case may go on
	 * (to the notice, or after a hearing to the decision); not agreed, a case before its notice goes back to 调查取证
	 * (补充调查) with the opinion.
	 * @throws DomainException (422) when the reviewer investigated the case or the hearing has not been held; (409)
	 * unless 调查终结 or 听证, or when the case already passed its review (since the hearing, if one was held)
	 * @throws InvalidValueException when the opinion is blank or over 2000 characters
	 */
	@Transactional
	public void review(DataScope scope, long id, Officer reviewer, Boolean agreed, String opinion) {
		CaseView c = lock(scope, id);
		CaseStep.REVIEW.from(c.status());
		// the outcome is never assumed: a review posted without it is no review passed
		new Validation().require("agreed", agreed != null, "required", "法制审核结论（agreed）不能为空：请选择同意或不同意").throwIfInvalid();
		if (c.status() == CaseStatus.HEARING && c.hearingOn() == null) {
			throw ruleBroken("agreed", "before-hearing", "听证尚未举行：听证后再进行法制审核");
		}
		if (c.reviewedOn() != null && (c.hearingOn() == null || !c.reviewedOn().isBefore(c.hearingOn()))) {
			throw DomainException.illegalTransition("本案已于" + c.reviewedOn() + "通过法制审核（" + c.reviewedBy()
					+ "），不能重复审核；意见书需要更正时请重新制作该文书");
		}
		if (investigated(id, reviewer.userId(), reviewer.name())) {
			throw ruleBroken("reviewer", "reviewer-is-investigator", "法制审核人员不得是本案的调查人员：" + reviewer.name() + "参与了本案调查（行政处罚法第58条）");
		}
		Long author = reportAuthor(id);
		if (author != null && author.equals(reviewer.userId())) {
			throw ruleBroken("reviewer", "reviewer-is-author", "法制审核人员不得是调查终结报告的制作人：" + reviewer.name()
					+ "制作了本案的调查终结报告（审核由调查人员以外的人员进行，行政处罚法第58条）");
		}
		new Validation().required("opinion", "法制审核意见（opinion）", opinion)
			.maxLength("opinion", "法制审核意见（opinion）", opinion, 2000).throwIfInvalid();
		Map<String, Object> p = new HashMap<>();
		p.put("opinion", opinion.strip());
		if (agreed) {
			p.put("on", today());
			p.put("by", reviewer.name());
			p.put("user", reviewer.userId());
			move(c, c.status(), ", reviewed_on = :on, reviewed_by = :by, reviewed_by_user_id = :user, review_opinion = :opinion", p);
			record(c, "case.review", "法制审核通过（" + reviewer.name() + "）：" + opinion.strip());
		}
		else {
			CaseStatus to = c.status() == CaseStatus.INVESTIGATED ? CaseStatus.INVESTIGATING : c.status();
			move(c, to, ", reviewed_on = NULL, reviewed_by = NULL, reviewed_by_user_id = NULL, review_opinion = :opinion", p);
			record(c, "case.review-returned", "法制审核未通过（" + reviewer.name() + "）" + (to == CaseStatus.INVESTIGATING
					? "，退回补充调查" : "") + "：" + opinion.strip());
		}
		issue(id, CaseDocumentKind.REVIEW_OPINION);
	}

	/**
	 * 事先告知 of facts, reasons, basis, the proposed penalty and the party's rights (行政处罚法(2021) art.44), after
	 * 法制审核 where required; opens the 5-working-day window to request a hearing. Whether the proposed penalty carries
	 * the hearing right (threshold rule {@code penalty.hearing.fine} as it stands on this day) and the window's last day
	 * are kept on the case: the 事先告知书 and 听证告知书 the party received are what later steps go by.
	 * @throws DomainException (422) when a required review is missing; (409) unless 调查终结
	 * @throws InvalidValueException when the day is missing, malformed, before 调查终结 (立案 for cases concluded before
	 * the day was kept) or the review, or in the future
	 */
	@Transactional
	public void notifyParty(DataScope scope, long id, String notifiedOn) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.NOTIFY.from(c.status());
		if (c.reviewRequired() && c.reviewedOn() == null) {
			throw ruleBroken("notifiedOn", "before-review", "本案须经法制审核后才能事先告知（行政处罚法第58条；罚款达到审核标准或责令停业、吊销许可证件）");
		}
		Validation v = new Validation();
		v.required("notifiedOn", "告知日期（notifiedOn）", notifiedOn);
		LocalDate earliest = c.reviewedOn() != null ? c.reviewedOn() : c.concludedOn() != null ? c.concludedOn() : c.filedOn();
		LocalDate on = v.date("notifiedOn", "告知日期（notifiedOn）", notifiedOn, earliest, today());
		v.throwIfInvalid();
		// what the notice tells the party is fixed with it: the right to a hearing as the threshold stands today, and the
		// last day to state its case or request one (行政处罚法(2021) art.44, 63–64)
		boolean right = DecisionRules.hearingRight(c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(),
				threshold(StatutoryRule.PENALTY_HEARING_FINE, c));
		LocalDate due = clock(c).hearingRequestDue(on);
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("right", right);
		p.put("due", due);
		move(c, to, ", notified_on = :on, hearing_right = :right, hearing_request_due = :due", p);
		record(c, "case.notify", "事先告知：拟" + CaseDocuments.penalty(c.proposedPenalty(), c.proposedFine(),
				c.proposedConfiscated()) + (right ? "，告知听证权利" : "") + "，陈述申辩" + (right ? "、申请听证" : "")
				+ "期限至" + due);
		issue(id, CaseDocumentKind.PRIOR_NOTICE);
		if (right) {
			issue(id, CaseDocumentKind.HEARING_RIGHT_NOTICE);
		}
	}

	/**
	 * 陈述申辩 recorded (or the party's waiver), which lets the decision follow before the hearing window ends
	 * (行政处罚法(2021) art.45).
	 * @throws InvalidValueException (day before the notice or in the future; text blank or over 2000 characters)
	 */
	@Transactional
	public void recordStatement(DataScope scope, long id, String statementOn, String typed) {
		String statement = Text.lineBreaks(typed);
		CaseView c = lock(scope, id);
		CaseStep.RECORD_STATEMENT.from(c.status());
		DecisionRules.statementNotWaived(c.statementWaivedOn());
		if (c.statementOn() != null) {
			// the party's own statement (on the portal, or one taken down before) is kept as given
			String message = "当事人已于" + c.statementOn() + "陈述申辩，不能再次记录或覆盖（当事人的陈述申辩应如实保存，行政处罚法第45条）";
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, message,
					List.of(new FieldError("statement", "already-stated", message)));
		}
		Validation v = new Validation();
		v.required("statementOn", "陈述申辩日期（statementOn）", statementOn);
		LocalDate on = v.date("statementOn", "陈述申辩日期（statementOn）", statementOn, c.notifiedOn(), today());
		v.required("statement", "陈述申辩内容（statement）", statement).maxLength("statement", "陈述申辩内容（statement）", statement, 2000);
		v.throwIfInvalid();
		if (DecisionRules.onlyWaives(statement)) {
			throw ruleBroken("statement", "use-waiver", "陈述申辩内容（statement）只是放弃陈述申辩的表示：当事人放弃陈述申辩须以其签字的书面声明"
					+ "登记（放弃陈述申辩）或由当事人在企业端确认，不能作为陈述申辩记录（行政处罚法第44条、第45条）");
		}
		move(c, c.status(), ", statement_on = :on, statement = :statement", Map.of("on", on, "statement", statement.strip()));
		record(c, "case.statement", "记录陈述申辩：" + statement.strip());
	}

	/**
	 * 放弃听证 recorded by staff: the party explicitly gave up, in writing, the hearing its proposed penalty entitles it
	 * to (行政处罚法(2021) art.63–64), which lets the decision follow before the request window ends (once its statement
	 * was heard or waived too, art.62). A 陈述申辩 alone does not waive the hearing. The scan of the party's written
	 * waiver is kept with the case (like an evidence file: staff of the case's region read it).
	 * @param waivedOn the day the party's waiver was given (yyyy-MM-dd), not before the notice nor in the future
	 * @param scan the party's signed written waiver: PDF, JPEG or PNG, checked by content, at most
	 * {@code youguan.enforcement.max-evidence-bytes}
	 * @throws DomainException (422) when the notice gave no hearing right; (409) unless 已告知 without a hearing
	 * request, or when the party already waived
	 * @throws InvalidValueException naming {@code waivedOn} (missing, malformed, before the notice or in the future) or
	 * {@code file} (missing, too large, not a PDF or image)
	 */
	@Transactional
	public void waiveHearing(DataScope scope, long id, String waivedOn, UploadedFile scan) {
		waiveInWriting(lock(scope, id), Waiver.HEARING, waivedOn, scan);
	}

	/**
	 * 放弃听证 by the party itself on the enterprise portal, dated today: its confirmation there, audited as the
	 * enterprise user, is its written waiver (no scan). Otherwise as {@link #waiveHearing(DataScope, long, String,
	 * UploadedFile)}.
	 * @param scope the case's region (the caller has checked the case is the enterprise's own)
	 */
	@Transactional
	public void waiveHearingOnPortal(DataScope scope, long id) {
		waiveOnPortal(lock(scope, id), Waiver.HEARING);
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
		waiveInWriting(lock(scope, id), Waiver.STATEMENT, waivedOn, scan);
	}

	/**
	 * 放弃陈述申辩 by the party itself on the enterprise portal, dated today: its confirmation there, audited as the
	 * enterprise user, is its written waiver (no scan). Otherwise as {@link #waiveStatement(DataScope, long, String,
	 * UploadedFile)}: the decision may then follow before the window ends (with the hearing waived or not in question).
	 * @param scope the case's region (the caller has checked the case is the enterprise's own and the window open)
	 */
	@Transactional
	public void waiveStatementOnPortal(DataScope scope, long id) {
		waiveOnPortal(lock(scope, id), Waiver.STATEMENT);
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

	/** The checks of {@code waiver} on {@code c}: thrown at once for the state, the day's errors added to {@code v}. */
	private LocalDate waiverDay(CaseView c, Waiver waiver, Validation v, String waivedOn) {
		return waiver == Waiver.HEARING ? waiverDay(c, v, waivedOn) : statementWaiverDay(c, v, waivedOn);
	}

	/** A waiver staff record with the scan of the party's signed written waiver, kept with the case. */
	private void waiveInWriting(CaseView c, Waiver waiver, String waivedOn, UploadedFile scan) {
		Validation v = new Validation();
		LocalDate on = waiverDay(c, waiver, v, waivedOn);
		v.require("file", scan != null, "required", "当事人放弃" + waiver.what + "的书面声明扫描件（file）不能为空");
		v.throwIfInvalid();
		Long attachment = documents.keepScan(c, waiver.scanKind, scan, "当事人放弃" + waiver.what + "的书面声明", maxScanBytes);
		move(c, c.status(), ", " + waiver.dayColumn + " = :on, " + waiver.scanColumn + " = :scan",
				Map.of("on", on, "scan", attachment));
		record(c, waiver.action, "当事人书面明确放弃" + waiver.what + "（" + on + "，书面声明扫描件已存档）");
	}

	/** A waiver the party gives itself on the portal, dated today: its confirmation, audited as the user, is written. */
	private void waiveOnPortal(CaseView c, Waiver waiver) {
		Validation v = new Validation();
		LocalDate on = waiverDay(c, waiver, v, today().toString());
		v.throwIfInvalid();
		move(c, c.status(), ", " + waiver.dayColumn + " = :on", Map.of("on", on));
		record(c, waiver.action, "当事人在企业端明确放弃" + waiver.what + "（" + on + "）");
	}

	/**
	 * The checks of a statement waiver: the state (thrown at once); the party has neither stated its case nor waived it
	 * already (rules {@code statement-given}, {@code statement-waived} on {@code waivedOn}: a statement heard cannot be
	 * waived afterwards); the day (its errors added to {@code v}, null when it breaks a rule).
	 */
	private LocalDate statementWaiverDay(CaseView c, Validation v, String waivedOn) {
		CaseStep.RECORD_STATEMENT.from(c.status());
		if (c.statementOn() != null) {
			throw DecisionRules.partyRight("waivedOn", "statement-given", "当事人已于" + c.statementOn()
					+ "陈述申辩，不能再登记放弃陈述申辩（行政处罚法第45条）");
		}
		if (c.statementWaivedOn() != null) {
			throw DecisionRules.partyRight("waivedOn", "statement-waived", "当事人已于" + c.statementWaivedOn()
					+ "明确放弃陈述申辩");
		}
		v.required("waivedOn", "放弃陈述申辩日期（waivedOn）", waivedOn);
		return v.date("waivedOn", "放弃陈述申辩日期（waivedOn）", waivedOn, c.notifiedOn(), today());
	}

	/**
	 * The checks of a hearing waiver: the state, the right the notice gave, not waived twice (thrown at once); the day
	 * (its errors added to {@code v}, null when it breaks a rule).
	 */
	private LocalDate waiverDay(CaseView c, Validation v, String waivedOn) {
		CaseStep.WAIVE_HEARING.from(c.status());
		requireHearingRight(c, "waivedOn");
		if (c.hearingWaivedOn() != null) {
			throw DomainException.illegalTransition("当事人已于" + c.hearingWaivedOn() + "明确放弃听证");
		}
		v.required("waivedOn", "放弃听证日期（waivedOn）", waivedOn);
		return v.date("waivedOn", "放弃听证日期（waivedOn）", waivedOn, c.notifiedOn(), today());
	}

	/**
	 * Whether the proposed penalty carries the right to a hearing (art.63): once the party is notified, what the notice
	 * told it (kept on the case — a threshold {@code penalty.hearing.fine} changed afterwards does not take the right
	 * away, nor give one); before the notice, as the threshold stands now.
	 */
	private boolean hearingRight(CaseView c) {
		if (c.hearingRight() != null) {
			return c.hearingRight();
		}
		return DecisionRules.hearingRight(c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(),
				threshold(StatutoryRule.PENALTY_HEARING_FINE, c));
	}

	/**
	 * The last day to state its case or request a hearing, as the notice told the party (kept on the case; for cases
	 * notified before the day was kept, 5 working days from the notice, art.64, 85); null before the notice.
	 */
	private LocalDate replyDue(CaseView c) {
		if (c.notifiedOn() == null) {
			return null;
		}
		return c.hearingRequestDue() != null ? c.hearingRequestDue() : clock(c).hearingRequestDue(c.notifiedOn());
	}

	/** The notice gave the right to a hearing (art.63), else 422 naming {@code field}, rule {@code no-hearing-right}. */
	private void requireHearingRight(CaseView c, String field) {
		if (!hearingRight(c)) {
			throw ruleBroken(field, "no-hearing-right", "拟作出的处罚（" + c.proposedPenalty().label() + "）不属于听证范围（行政处罚法第63条）");
		}
	}

	/**
	 * 申请听证 within 5 working days of the notice (行政处罚法(2021) art.64, 85), for a penalty that carries the right
	 * (art.63: 较大数额罚款 at the configurable threshold, 停业整顿, 吊销许可证件).
	 * @throws DomainException (422) when the proposed penalty carries no hearing right; (409) unless 已告知
	 * @throws InvalidValueException when the request is late, before the notice or in the future
	 */
	@Transactional
	public void requestHearing(DataScope scope, long id, String requestedOn) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.REQUEST_HEARING.from(c.status());
		requireHearingRight(c, "requestedOn");
		if (c.hearingWaivedOn() != null) {
			throw DomainException.illegalTransition("当事人已于" + c.hearingWaivedOn() + "明确放弃听证，不能再申请听证");
		}
		LocalDate due = replyDue(c);
		Validation v = new Validation();
		v.required("requestedOn", "申请听证日期（requestedOn）", requestedOn);
		LocalDate on = v.date("requestedOn", "申请听证日期（requestedOn）", requestedOn, c.notifiedOn(), today());
		if (on != null) {
			v.require("requestedOn", !on.isAfter(due), "deadline", "申请听证已超过期限：应在告知后5个工作日内（至" + due
					+ "）提出（行政处罚法第64条、第85条）");
		}
		v.throwIfInvalid();
		move(c, to, ", hearing_requested_on = :on", Map.of("on", on));
		record(c, "case.hearing-request", "当事人申请听证（" + on + "）");
	}

	/**
	 * A hearing as recorded (行政处罚法(2021) art.64–65).
	 * @param noticeOn the day the party was told the hearing's time and place (at least 7 working days ahead)
	 * @param hearingOn the day it was held
	 * @param place where it was held (required, up to 200 characters)
	 * @param host the staff account that hosted it (required): of the bureau handling the case or one above it, never
	 * one of the case's investigators
	 * @param record what it heard for the 听证笔录 (up to 4000 characters), or blank
	 */
	public record HearingData(String noticeOn, String hearingOn, String place, Long host, String record) {
	}

	/** A staff account that may host a case's hearing: its id, name and bureau. */
	public record HearingHost(long userId, String name, String bureau) {
	}

	/**
	 * 听证 held, issuing the 听证通知书 and the 听证笔录: the party told the time and the place at least 7 working days
	 * ahead (行政处罚法(2021) art.64(二), 85); hosted by a staff member the bureau designates who did not investigate the
	 * case (art.64(四)); the days from the request to the hearing do not count towards the decision limit
	 * (邮政行政执法监督办法(2021) art.17), and a case heard needs 法制审核 after the hearing (art.58(二)).
	 * @throws InvalidValueException when the notice is late, a day is out of order or in the future, the place is missing
	 * or too long, the host missing or not a staff account of the handling bureau or one above it, or the record too long
	 * @throws DomainException (422, field {@code host}, rule {@code host-is-investigator}) when the host investigated the
	 * case; (409) unless 听证 and not yet held
	 */
	@Transactional
	public void holdHearing(DataScope scope, long id, HearingData data) {
		CaseView c = lock(scope, id);
		CaseStep.HOLD_HEARING.from(c.status());
		if (c.hearingOn() != null) {
			throw DomainException.illegalTransition("听证已于" + c.hearingOn() + "举行");
		}
		String noticeOn = data.noticeOn();
		String hearingOn = data.hearingOn();
		String record = data.record();
		Validation v = new Validation();
		v.required("noticeOn", "听证通知日期（noticeOn）", noticeOn).required("hearingOn", "听证日期（hearingOn）", hearingOn);
		v.maxLength("record", "听证笔录（record）", record, 4000);
		v.required("place", "听证地点（place）", data.place()).maxLength("place", "听证地点（place）", data.place(), 200);
		v.require("host", data.host() != null, "required", "听证主持人（host）不能为空：请指定非本案调查人员的工作人员主持听证（行政处罚法第64条）");
		HearingHost host = data.host() == null ? null : hearingHost(c, data.host());
		v.require("host", data.host() == null || host != null, "bureau", "听证主持人（host）应为办理本案的邮政管理部门"
				+ "（或其上级部门）的在岗工作人员");
		LocalDate notice = v.date("noticeOn", "听证通知日期（noticeOn）", noticeOn, c.hearingRequestedOn(), today());
		LocalDate held = v.date("hearingOn", "听证日期（hearingOn）", hearingOn, c.hearingRequestedOn(), today());
		if (notice != null && held != null) {
			LocalDate latest = clock(c).hearingNoticeLatest(held);
			v.require("noticeOn", !notice.isAfter(latest), "deadline", "听证通知应在举行听证的7个工作日前送达当事人（最迟" + latest
					+ "），请改期举行（行政处罚法第64条、第85条）");
		}
		v.throwIfInvalid();
		if (investigated(id, host.userId(), host.name())) {
			throw ruleBroken("host", "host-is-investigator", "听证主持人不得是本案的调查人员：" + host.name()
					+ "参与了本案调查（行政处罚法第64条：听证由行政机关指定的非本案调查人员主持）");
		}
		if (Long.valueOf(host.userId()).equals(reportAuthor(id))) {
			throw ruleBroken("host", "host-is-author", "听证主持人不得是本案调查终结报告的制作人：" + host.name()
					+ "制作了本案的调查终结报告（行政处罚法第64条：听证由非本案调查人员主持）");
		}
		jdbc.sql("""
				INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason)
				VALUES (:id, 'HEARING', :from, :to, '听证期间（自申请至举行）')""")
			.param("id", id).param("from", c.hearingRequestedOn()).param("to", held).update();
		Map<String, Object> p = new HashMap<>();
		p.put("notice", notice);
		p.put("held", held);
		p.put("due", decisionDue(c, c.extended()));
		p.put("record", Text.isBlank(record) ? null : record.strip());
		p.put("place", data.place().strip());
		p.put("host", host.name());
		p.put("hostUser", host.userId());
		move(c, c.status(), """
				, hearing_notified_on = :notice, hearing_on = :held, review_required = TRUE, reviewed_on = NULL,
				  reviewed_by = NULL, reviewed_by_user_id = NULL, decision_due_on = :due, hearing_record = :record,
				  hearing_place = :place, hearing_host = :host, hearing_host_user_id = :hostUser""", p);
		record(c, "case.hearing", "举行听证（" + held + "，" + data.place().strip() + "，" + host.name() + "主持，" + notice
				+ "通知）；听证期间不计入办案期限，决定期限至" + p.get("due"));
		issue(id, CaseDocumentKind.HEARING_NOTICE);
		issue(id, CaseDocumentKind.HEARING_RECORD);
	}

	/**
	 * The staff accounts that may host the hearing of a case in the caller's scope: enabled staff of the bureau handling
	 * it or of a bureau above it, none of its investigators (行政处罚法(2021) art.64(四)).
	 */
	public List<HearingHost> hearingHosts(DataScope scope, long id) {
		CaseView c = get(scope, id).penaltyCase();
		List<HearingHost> hosts = new ArrayList<>();
		String region = c.regionCode();
		// the handling bureau first, then the bureaus above it (village, street, county, city, province codes)
		for (int length : new int[] { 12, 9, 6, 4, 2 }) {
			if (length > region.length()) {
				continue;
			}
			bureaus.findByRegion(region.substring(0, length)).ifPresent(b -> users.list(DataScope.all(),
					new Users.Filter(b.id(), null, UserKind.STAFF), PageQuery.of(null, 0, PageQuery.MAX_SIZE, "display_name", "asc"))
				.items().stream()
				.filter(u -> u.enabled() && mayHost(u) && !investigated(id, u.id(), u.displayName())
						&& !Long.valueOf(u.id()).equals(reportAuthor(id)))
				.filter(u -> hosts.stream().noneMatch(h -> h.userId() == u.id()))
				.forEach(u -> hosts.add(new HearingHost(u.id(), u.displayName(), b.name()))));
		}
		return hosts;
	}

	/** The host named, if an enabled staff account of the bureau handling case {@code c} or of one above it. */
	private HearingHost hearingHost(CaseView c, long userId) {
		UserView u = users.find(DataScope.all(), userId).orElse(null);
		if (u == null || !u.enabled() || u.kind() != UserKind.STAFF || u.bureauId() == null || !mayHost(u)) {
			return null;
		}
		return bureaus.find(DataScope.all(), u.bureauId())
			.filter(b -> c.regionCode().startsWith(b.regionCode()))
			.map(b -> new HearingHost(u.id(), u.displayName(), b.name()))
			.orElse(null);
	}

	/**
	 * Whether a character of a name is a numeral of any script or form: decimal digits (ASCII, full-width, Arabic-Indic),
	 * letter numbers (Ⅳ) and other numbers (₂, ①) — a number typed into a name, never part of one. 一二三 are letters.
	 */
	private static boolean numeral(int c) {
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
	}

	/**
	 * Whether the account is one of the bureau's people a hearing can be entrusted to — a staff member or a head
	 * (处室工作人员, 局领导) — not an account that only administers the system or the bureau's users (art.64(四): a
	 * person the 行政机关 designates).
	 */
	private static boolean mayHost(UserView u) {
		return u.roles().contains(Role.STAFF) || u.roles().contains(Role.BUREAU_LEADER);
	}

	/** Whether the account or the name is among the case's investigators (by account, or by name for those without). */
	/** The user who wrote the case's 调查终结报告, or null (not concluded, or before the author was kept). */
	private Long reportAuthor(long caseId) {
		return jdbc.sql("SELECT concluded_by_user_id FROM penalty_case WHERE id = :id").param("id", caseId)
			.query(Long.class).optional().orElse(null);
	}

	private boolean investigated(long caseId, Long userId, String name) {
		return jdbc.sql("""
				SELECT count(*) FROM penalty_case_investigator
				WHERE case_id = :id AND (user_id = :user OR name = :name)""")
			.param("id", caseId).param("user", userId == null ? -1L : userId).param("name", name)
			.query(Long.class).single() > 0;
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
	 * @throws DomainException (422) for a missing review or hearing; (409) unless 已告知 or 听证, or for a 文号 used in the
	 * region
	 */
	@Transactional
	public String decide(DataScope scope, long id, Decision data) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.DECIDE.from(c.status());
		requireHandlingHead(c.regionCode(), "作出行政处罚决定");
		if (c.status() == CaseStatus.HEARING && c.hearingOn() == null) {
			throw ruleBroken("decidedOn", "before-hearing", "当事人已申请听证，听证举行后才能作出决定（行政处罚法第63条）");
		}
		Validation v = new Validation();
		v.required("decidedOn", "决定日期（decidedOn）", data.decidedOn());
		LocalDate on = v.date("decidedOn", "决定日期（decidedOn）", data.decidedOn(), c.notifiedOn(), today());
		LocalDate window = replyDue(c);
		if (on != null && c.status() == CaseStatus.NOTIFIED) {
			boolean hearingRight = hearingRight(c);
			boolean statementHeard = c.statementOn() != null || c.statementWaivedOn() != null;
			LocalDate heard = Stream.of(c.statementOn(), c.statementWaivedOn(), c.hearingWaivedOn()).filter(Objects::nonNull)
				.max(Comparator.naturalOrder()).orElse(null);
			if (hearingRight && c.hearingWaivedOn() == null && !on.isAfter(window)) {
				v.require("decidedOn", false, "hearing-window", "当事人有权在" + window
						+ "前申请听证，期限届满前不能作出决定（当事人明确放弃听证的除外；陈述申辩不等于放弃听证，行政处罚法第63条、第64条）");
			}
			else if (!statementHeard && !on.isAfter(window)) {
				// art.62: the party's 陈述申辩 heard, or waived — a waiver of the hearing is no waiver of the statement
				v.require("decidedOn", false, "statement-window", "陈述申辩期限至" + window
						+ "届满前不能作出决定（当事人已陈述申辩或书面明确放弃陈述申辩的除外；放弃听证不等于放弃陈述申辩，行政处罚法第62条）");
			}
			else if (heard != null && on.isBefore(heard)) {
				v.require("decidedOn", false, "order", "决定日期不能早于当事人陈述申辩、放弃陈述申辩或放弃听证的日期（" + heard + "）");
			}
		}
		if (on != null && c.status() == CaseStatus.HEARING) {
			// a heard case: after the statement, the hearing and the legal review that follows it (art.58(二), 62, 65)
			Stream.of(c.statementOn(), c.statementWaivedOn()).filter(Objects::nonNull).max(Comparator.naturalOrder())
				.ifPresent(stated -> notBefore(v, on, stated, "order", "当事人陈述申辩或放弃陈述申辩的日期"));
			notBefore(v, on, c.hearingOn(), "before-hearing", "听证日期（行政处罚法第65条：听证结束后作出决定）");
		}
		if (on != null) {
			notBefore(v, on, c.reviewedOn(), "before-review", "法制审核日期（行政处罚法第58条）");
		}
		Penalty penalty = penalty(v, "penalty", "处罚种类", data.penalty());
		BigDecimal fine = fine(v, "fine", penalty, data.fine());
		BigDecimal confiscated = confiscated(v, "confiscated", penalty, data.confiscated());
		Mitigation mitigation = parse(v, "mitigation", "从轻/减轻", data.mitigation(), Mitigation.class, false);
		Mitigation.Ground ground = parse(v, "mitigationGround", "第32条情形", data.mitigationGround(), Mitigation.Ground.class, false);
		v.maxLength("mitigationReason", "理由", data.mitigationReason(), 500);
		combined(v, "penalty", "fine", "confiscated", c, penalty, fine, confiscated, c.serious(), mitigation, ground,
				data.mitigationReason());
		DecisionRules.notHeavier(v, c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(), penalty, fine, confiscated);
		LocalDate[] period = suspensionPeriod(v, penalty, on, data.suspensionFrom(), data.suspensionUntil());
		LocalDate discussed = v.date("discussedOn", "集体讨论日期（discussedOn）", data.discussedOn(),
				c.concludedOn() != null ? c.concludedOn() : c.filedOn(), on == null ? today() : on);
		if (c.serious()) {
			v.require("discussedOn", discussed != null, "required", "情节严重的案件须经负责人集体讨论决定（行政处罚法第57条），请填写集体讨论日期");
		}
		String participants = discussion(v, data, discussed != null, c.regionCode());
		String review = statementReview(v, c, data);
		String typedNumber = Text.documentNumber(data.decisionNumber());
		v.maxLength("decisionNumber", "决定书文号（decisionNumber）", typedNumber, 60)
			.identifier("decisionNumber", "决定书文号（decisionNumber）", typedNumber)
			.documentYear("decisionNumber", "决定书文号（decisionNumber）", typedNumber, on);
		handTypedNumber(v, typedNumber);
		v.throwIfInvalid();
		revocationAuthority("penalty", c.regionCode(), penalty);
		boolean heard = c.hearingOn() != null;
		if (DecisionRules.reviewRequired(penalty, fine, confiscated, threshold(StatutoryRule.PENALTY_LEGAL_REVIEW_FINE, c), heard)
				&& (c.reviewedOn() == null || heard && c.reviewedOn().isBefore(c.hearingOn()))) {
			throw ruleBroken("decidedOn", "before-review", "本案须经法制审核后才能作出决定（行政处罚法第58条" + (heard ? "：经过听证程序的案件须在听证后审核" : "") + "）");
		}
		String number = typedNumber == null
				? numbers.nextFree(ORDINARY_SERIES, c.regionCode().length() > 6 ? c.regionCode().substring(0, 6) : c.regionCode(),
						on.getYear(), this::decisionNumberTaken)
				: typedNumber;
		numberFree(number);
		Map<String, Object> p = new HashMap<>();
		p.put("number", number);
		p.put("on", on);
		p.put("penalty", penalty.name());
		p.put("fine", fine);
		p.put("confiscated", confiscated);
		p.put("suspensionFrom", period[0]);
		p.put("suspensionUntil", period[1]);
		p.put("decidedBy", actorId());
		p.put("decidedByName", actorName());
		p.put("mitigation", mitigation == null ? null : mitigation.name());
		p.put("ground", ground == null ? null : ground.name());
		p.put("reason", Text.blankToNull(data.mitigationReason()) == null ? null : data.mitigationReason().strip());
		p.put("discussed", discussed);
		p.put("participants", participants);
		p.put("conclusion", discussed == null ? null : data.discussionConclusion().strip());
		p.put("adopted", review == null ? null : data.statementAdopted());
		p.put("review", review);
		move(c, to, """
				, decision_number = :number, decided_on = :on, penalty = :penalty, fine = :fine, confiscated = :confiscated,
				  suspension_from = :suspensionFrom, suspension_until = :suspensionUntil, decided_by_user_id = :decidedBy,
				  decided_by = :decidedByName, mitigation = :mitigation,
				  mitigation_ground = :ground, mitigation_reason = :reason, discussed_on = :discussed,
				  discussion_participants = :participants, discussion_conclusion = :conclusion,
				  statement_adopted = :adopted, statement_review = :review""", p);
		fixTerms(id, c.regionCode());
		boolean late = on.isAfter(c.decisionDueOn());
		record(c, "case.decide", "作出行政处罚决定" + number + "："
				+ penalty.describe(fine, confiscated, CaseDocuments.suspension(period[0], period[1])) + (p.get("decidedByName") == null ? ""
						: "；决定人：" + p.get("decidedByName")) + (mitigation == null ? "" : "（" + mitigation.label() + "：" + ground.label() + "）")
				+ (late ? "；超过办案期限（" + c.decisionDueOn() + "）" : ""));
		if (discussed != null) {
			issue(id, CaseDocumentKind.DISCUSSION_RECORD);
		}
		issue(id, CaseDocumentKind.DECISION);
		events.publishEvent(new PenaltyDecided(id, number, c.regionCode(), c.enterpriseCreditCode(), c.enterpriseName(),
				c.violationCode().name(), penalty, fine, confiscated, on, false));
		return number;
	}

	/**
	 * 不予处罚 (行政处罚法(2021) art.33: minor and corrected in time, or a first minor violation; 约谈 may follow) with
	 * its reason; the case is finished.
	 * @throws InvalidValueException when the reason is blank or over 500 characters
	 * @throws DomainException (409) unless 调查终结, 已告知 or 听证
	 */
	@Transactional
	public void notPenalize(DataScope scope, long id, String reason) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.NOT_PENALIZE.from(c.status());
		requireHandlingHead(c.regionCode(), "不予处罚决定");
		requireReason(reason, "不予处罚理由");
		move(c, to, ", closing_reason = :reason, closed_on = :on", Map.of("reason", reason.strip(), "on", today()));
		record(c, "case.not-penalize", "不予处罚：" + reason.strip());
		issue(id, CaseDocumentKind.CLOSING_REPORT);
	}

	/**
	 * 撤案 before the notice, with its reason.
	 * @throws InvalidValueException when the reason is blank or over 500 characters
	 * @throws DomainException (409) once the party has been notified
	 */
	@Transactional
	public void withdraw(DataScope scope, long id, String reason) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.WITHDRAW.from(c.status());
		requireHandlingHead(c.regionCode(), "撤案");
		requireReason(reason, "撤案理由");
		move(c, to, ", closing_reason = :reason, closed_on = :on", Map.of("reason", reason.strip(), "on", today()));
		record(c, "case.withdraw", "撤案：" + reason.strip());
		issue(id, CaseDocumentKind.CLOSING_REPORT);
	}

	/**
	 * 送达 of the decision (行政处罚法(2021) art.61: within 7 working days when not handed over on the spot; a late
	 * delivery is recorded as late); the 15-day payment period starts (a confiscation's handover period).
	 * @throws InvalidValueException when the day is before the decision or in the future
	 * @throws DomainException (409) unless 已决定
	 */
	@Transactional
	public void deliver(DataScope scope, long id, String deliveredOn) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.DELIVER.from(c.status());
		Validation v = new Validation();
		v.required("deliveredOn", "送达日期（deliveredOn）", deliveredOn);
		LocalDate on = v.date("deliveredOn", "送达日期（deliveredOn）", deliveredOn, c.decidedOn(), today());
		v.throwIfInvalid();
		CaseClock caseClock = clock(c);
		LocalDate due = caseClock.deliveryDue(c.decidedOn());
		move(c, to, ", delivered_on = :on", Map.of("on", on));
		record(c, "case.deliver", "送达处罚决定书（" + on + (on.isAfter(due) ? "，超过送达期限" + due : "") + "）"
				+ (Execution.fine(c) != null ? "，缴款期限至" + caseClock.paymentDue(on) : "")
				+ (Execution.confiscated(c) != null ? "，没收违法所得上缴期限至" + caseClock.handoverDue(on) : ""));
		issue(id, CaseDocumentKind.DELIVERY_RECEIPT);
	}

	/**
	 * 罚款缴纳 of a fine without instalments: {@link #pay(DataScope, long, String, String, String)} naming none.
	 */
	@Transactional
	public void pay(DataScope scope, long id, String paidOn, String amount) {
		pay(scope, id, paidOn, amount, null);
	}

	/**
	 * 罚款缴纳 (行政处罚法(2021) art.67): the amount paid must be the fine plus 加处罚款 of 3 % a day after the 15-day
	 * period, capped at the fine (art.72). With instalments (art.66) the payment names the instalment it pays
	 * ({@code instalment}, its 1-based position — required), which must be the next unpaid one: a repeated request (a
	 * double click, a client's retry) for an instalment already paid is refused instead of being booked as the next.
	 * @throws InvalidValueException when the day is before delivery or in the future, the amount is not what is due, or
	 * {@code instalment} is missing, not a number or not the next unpaid one (rule {@code not-next})
	 * @throws DomainException (422) when the decision has no fine; (409) unless 已送达, or when the instalment named was
	 * paid already (rule {@code already-paid})
	 */
	@Transactional
	public void pay(DataScope scope, long id, String paidOn, String amount, String instalment) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.PAY.from(c.status());
		if (Execution.fine(c) == null) {
			throw ruleBroken("amount", "no-fine", Execution.confiscated(c) != null
					? "该处罚决定没收违法所得，应登记上缴（handover），不是缴纳罚款"
					: "该处罚决定没有罚款，无需登记缴纳，可直接结案");
		}
		Validation v = new Validation();
		v.required("paidOn", "缴款日期（paidOn）", paidOn).required("amount", "缴款金额（amount）", amount);
		Procedure proc = procedure(id);
		PaymentDue payment = paymentDue(c, proc);
		if (payment.instalment() == null) {
			// no instalments approved: a position named would be booked against nothing
			v.require("instalment", Text.isBlank(instalment), "absent", "本案未批准分期缴纳，不填写期次（instalment）");
		}
		else {
			v.required("instalment", "期次（instalment）", instalment);
			Long named = v.whole("instalment", "期次（instalment）", instalment, 3);
			int next = payment.instalment().position();
			if (named != null && named != next) {
				boolean paidAlready = proc.instalments().stream().anyMatch(i -> i.position() == named && i.paidOn() != null);
				if (paidAlready) {
					String message = "第" + named + "期罚款已于" + proc.instalments().get(named.intValue() - 1).paidOn()
							+ "登记缴纳，不能重复登记；下一期为第" + next + "期";
					throw new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError("instalment", "already-paid", message)));
				}
				v.require("instalment", false, "not-next", "期次（instalment）应为下一期未缴纳的第" + next + "期");
			}
		}
		Instalment last = proc.instalments().stream().filter(i -> i.paidOn() != null).reduce((a, b) -> b).orElse(null);
		LocalDate on = v.date("paidOn", "缴款日期（paidOn）", paidOn, last != null ? last.paidOn() : c.deliveredOn(), today());
		BigDecimal paid = v.decimal("amount", "缴款金额（amount）", amount, 12, 2);
		v.money("amount", "缴款金额（amount）", paid);
		BigDecimal surcharge = null;
		if (on != null && paid != null) {
			CaseClock caseClock = clock(c);
			surcharge = caseClock.surcharge(payment.amount(), payment.due(), on);
			BigDecimal due = payment.amount().add(surcharge);
			String what = payment.instalment() == null ? "罚款" : "第" + payment.instalment().position() + "期罚款";
			v.require("amount", paid.compareTo(due) == 0, "amount", "应缴" + plain(due) + "元（" + what
					+ plain(payment.amount()) + "元" + (surcharge.signum() > 0 ? "＋加处罚款" + plain(surcharge)
							+ "元，每日3%且不超过罚款数额，行政处罚法第72条" : "") + "），登记的是" + plain(paid) + "元");
		}
		v.throwIfInvalid();
		if (payment.instalment() != null) {
			jdbc.sql("""
					UPDATE penalty_case_instalment SET paid_on = :on, paid_amount = :paid, surcharge = :surcharge
					WHERE case_id = :id AND position = :pos""")
				.param("on", on).param("paid", paid).param("surcharge", surcharge).param("id", id)
				.param("pos", payment.instalment().position()).update();
			boolean more = proc.instalments().stream().anyMatch(i -> i.paidOn() == null
					&& i.position() != payment.instalment().position());
			if (more) {
				move(c, c.status(), "", Map.of());
				record(c, "case.pay-instalment", "第" + payment.instalment().position() + "期罚款已缴纳" + plain(paid) + "元（" + on
						+ "）" + (surcharge.signum() > 0 ? "，含加处罚款" + plain(surcharge) + "元" : ""));
				return;
			}
			BigDecimal totalPaid = paid;
			BigDecimal totalSurcharge = surcharge;
			for (Instalment i : proc.instalments()) {
				if (i.paidOn() != null) {
					totalPaid = totalPaid.add(i.paidAmount());
					totalSurcharge = totalSurcharge.add(i.surcharge());
				}
			}
			paid = totalPaid;
			surcharge = totalSurcharge;
		}
		move(c, to, ", paid_on = :on, paid_amount = :amount, surcharge = :surcharge",
				Map.of("on", on, "amount", paid, "surcharge", surcharge));
		record(c, "case.pay", "罚款已缴纳" + plain(paid) + "元（" + on + "）"
				+ (surcharge.signum() > 0 ? "，含加处罚款" + plain(surcharge) + "元" : ""));
	}

	/**
	 * 结案 once every executable part of the decision is carried out: the fine paid (with its 加处罚款, or every
	 * instalment), what a confiscation takes handed over; a warning (停业整顿, 吊销) is carried out by its delivery.
	 * @throws DomainException (422, field {@code execution}, rule {@code not-executed}) naming what is still to carry
	 * out; (409) unless 已送达 or 已执行
	 */
	@Transactional
	public void close(DataScope scope, long id, String note) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.CLOSE.from(c.status());
		List<String> missing = Execution.outstanding(c, procedure(id).instalments(), handover(id).orElse(null));
		if (!missing.isEmpty()) {
			throw ruleBroken("execution", "not-executed", "处罚决定尚未执行完毕，不能结案：" + String.join("；", missing));
		}
		new Validation().maxLength("note", "结案说明（note）", note, 500).throwIfInvalid();
		Map<String, Object> p = new HashMap<>();
		p.put("on", today());
		p.put("note", Text.blankToNull(note) == null ? "执行完毕" : note.strip());
		move(c, to, ", closed_on = :on, closing_reason = :note", p);
		record(c, "case.close", "结案：" + p.get("note"));
		issue(id, CaseDocumentKind.CLOSING_REPORT);
	}

	/**
	 * 没收违法所得上缴 (行政处罚法(2021) art.74; period {@link StatutoryRule#PENALTY_CONFISCATION_HANDOVER} from delivery):
	 * the day, the amount — the confiscated amount the decision states ({@link Execution#confiscated}) — and the receipt:
	 * its number or a note ({@code receipt}) and/or its scan ({@code scan}, kept with the case as an attachment), at
	 * least one. A handover after its period is recorded as late (no 加处罚款: art.72 is for fines). The case becomes
	 * 已执行 unless a fine is still unpaid.
	 * @throws InvalidValueException naming {@code handedOverOn} (missing, before delivery, in the future), {@code amount}
	 * (missing, malformed, not the confiscated amount), {@code receipt} (both it and the scan missing, or too long) or
	 * {@code file}
	 * @throws DomainException (422) when the decision confiscates nothing; (409) unless 已送达 or 已执行, or when handed
	 * over already (field {@code handedOverOn}, rule {@code already-handed-over})
	 */
	@Transactional
	public void handOver(DataScope scope, long id, String handedOverOn, String amount, String receipt, UploadedFile scan) {
		CaseView c = lock(scope, id);
		CaseStep.HAND_OVER.from(c.status());
		BigDecimal confiscated = Execution.confiscated(c);
		if (confiscated == null) {
			throw ruleBroken("amount", "no-confiscation", "该处罚决定没有没收违法所得，无需登记上缴");
		}
		Optional<Handover> done = handover(id);
		if (done.isPresent()) {
			String message = "没收的违法所得已于" + done.get().handedOverOn() + "登记上缴，不能重复登记";
			throw new DomainException(ErrorCode.DUPLICATE, message,
					List.of(new FieldError("handedOverOn", "already-handed-over", message)));
		}
		Validation v = new Validation();
		v.required("handedOverOn", "上缴日期（handedOverOn）", handedOverOn).required("amount", "上缴金额（amount）", amount);
		LocalDate on = v.date("handedOverOn", "上缴日期（handedOverOn，不早于送达、不晚于今天）", handedOverOn, c.deliveredOn(),
				today());
		BigDecimal handed = v.decimal("amount", "上缴金额（amount）", amount, 12, 2);
		v.money("amount", "上缴金额（amount）", handed);
		if (handed != null) {
			v.require("amount", handed.compareTo(confiscated) == 0, "amount", "上缴金额应为处罚决定没收的违法所得" + plain(confiscated)
					+ "元，登记的是" + plain(handed) + "元");
		}
		v.require("receipt", !Text.isBlank(receipt) || scan != null, "required",
				"上缴凭证（receipt：缴款书号或说明）与凭证扫描件（file）至少填写一项");
		v.maxLength("receipt", "上缴凭证（receipt）", receipt, 500);
		v.throwIfInvalid();
		Long attachment = scan == null ? null
				: documents.keepScan(c, CaseDocuments.HANDOVER_RECEIPT, scan, "没收违法所得上缴凭证", maxScanBytes);
		jdbc.sql("""
				INSERT INTO penalty_case_handover (case_id, handed_over_on, amount, receipt, attachment_id, recorded_by,
				                                   recorded_at)
				VALUES (:id, :on, :amount, :receipt, :attachment, :by, :now)""")
			.param("id", id).param("on", on).param("amount", handed).param("receipt", Text.blankToNull(receipt) == null ? null
					: receipt.strip())
			.param("attachment", attachment).param("by", actor()).param("now", OffsetDateTime.now(clock)).update();
		boolean fineUnpaid = Execution.fine(c) != null && c.paidOn() == null;
		move(c, fineUnpaid ? c.status() : CaseStatus.EXECUTED, "", Map.of());
		LocalDate due = clock(c).handoverDue(c.deliveredOn());
		record(c, "case.handover", "没收的违法所得已上缴" + plain(handed) + "元（" + on + (on.isAfter(due) ? "，超过上缴期限" + due : "")
				+ (attachment != null ? "，凭证扫描件已存档" : "") + "）");
	}

	/** A confiscation's handover once recorded. */
	private Optional<Handover> handover(long id) {
		return jdbc.sql("""
				SELECT handed_over_on, amount, receipt, attachment_id FROM penalty_case_handover WHERE case_id = :id""")
			.param("id", id).query(Rows.of(Handover.class)).optional();
	}

	/**
	 * The last day to hand over what a delivered decision confiscates ({@link CaseClock#handoverDue}, the period the
	 * decision fixed, a last day on a rest day moved to the next working day).
	 * @return the day, or empty when the decision confiscates nothing, is not delivered, or was handed over
	 * @throws DomainException (404) when there is no such case
	 */
	public Optional<LocalDate> handoverDue(long caseId) {
		CaseView c = find(caseId);
		if (c.deliveredOn() == null || Execution.confiscated(c) == null || handover(caseId).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(clock(c).handoverDue(c.deliveredOn()));
	}

	/**
	 * Extends the decision limit once by 30 days with the bureau head's approval (邮政行政执法监督办法(2021) art.17).
	 * @throws DomainException (422) when already extended; (409) once decided
	 * @throws InvalidValueException when the reason is blank or over 500 characters
	 */
	@Transactional
	public void extend(DataScope scope, long id, Officer head, String reason) {
		CaseView c = lock(scope, id);
		CaseStep.EXTEND.from(c.status());
		requireHandlingHead(c.regionCode(), "延长办案期限");
		if (c.extended()) {
			throw ruleBroken("reason", "extended-once", "办案期限只能延长一次（邮政行政执法监督办法第17条），已于此前延长：" + c.extensionReason());
		}
		LocalDate limit = limitInForce(c, false);
		if (today().isAfter(limit)) {
			// 邮政行政执法监督办法 art.17: the extension is approved before the limit expires, not to cure a late case
			throw ruleBroken("decisionDueOn", "limit-passed", "办案期限已于" + limit + "届满，不能再批准延长（延长须在期限届满前批准，邮政行政执法监督办法第17条）");
		}
		requireReason(reason, "延长理由");
		LocalDate due = decisionDue(c, true);
		move(c, c.status(), ", extended = TRUE, extension_reason = :reason, extension_approved_by = :head, decision_due_on = :due",
				Map.of("reason", reason.strip(), "head", head.name(), "due", due));
		record(c, "case.extend", head.name() + "批准延长办案期限30日，决定期限至" + due + "：" + reason.strip());
	}

	/**
	 * The decision limit as it stands today: a pause still lasting (a hearing requested and not yet held among them)
	 * stops it; {@code extended} counts the extension in.
	 */
	private LocalDate limitInForce(CaseView c, boolean extended) {
		return clock(c.regionCode()).decisionDue(c.filedOn(), extended, pausesInForce(c), today());
	}

	/** Every pause of the case: its suspensions and a requested hearing still to be held (lasting to today). */
	private List<CaseClock.Pause> pausesInForce(CaseView c) {
		List<CaseClock.Pause> pauses = new ArrayList<>(suspensions(c.id()).stream()
			.map(s -> new CaseClock.Pause(s.startedOn(), s.endedOn())).toList());
		CaseClock.pausedSince(c, Optional.empty()).ifPresent(requested -> pauses.add(new CaseClock.Pause(requested, null)));
		return pauses;
	}

	/**
	 * Stops the decision clock for a suspension, public notice, testing or appraisal (邮政行政执法监督办法(2021)
	 * art.17) from {@code startedOn} until {@link #resume}. The pause must begin within the limit in force: a case
	 * already overdue is not revived by a pause backdated or started after its limit expired.
	 * @throws InvalidValueException (kind unknown, day before 立案 or in the future, reason blank; rule
	 * {@code limit-passed} on {@code startedOn} for a day after the limit in force)
	 * @throws DomainException (422) while another pause lasts; (409) once decided
	 */
	@Transactional
	public void suspend(DataScope scope, long id, String kind, String startedOn, String reason) {
		CaseView c = lock(scope, id);
		CaseStep.SUSPEND.from(c.status());
		if (ongoing(id).isPresent()) {
			throw ruleBroken("startedOn", "already-suspended", "案件计时已中止，请先恢复计时");
		}
		Validation v = new Validation();
		SuspensionKind k = parse(v, "kind", "中止类型", kind, SuspensionKind.class, true);
		v.required("startedOn", "中止日期（startedOn）", startedOn);
		LocalDate on = v.date("startedOn", "中止日期（startedOn）", startedOn, c.filedOn(), today());
		LocalDate lastPaused = suspensions(id).stream().map(s -> s.endedOn() != null ? s.endedOn() : s.startedOn())
			.max(Comparator.naturalOrder()).orElse(null);
		if (on != null && lastPaused != null) {
			// a day paused twice would stretch the limit twice (邮政行政执法监督办法 art.17 counts the days paused)
			v.require("startedOn", on.isAfter(lastPaused), "overlapping-suspension", "中止日期（startedOn）应晚于此前中止（或听证）期间的最后一日"
					+ lastPaused + "：同一期间不能重复中止计时");
		}
		if (on != null) {
			LocalDate limit = limitInForce(c, c.extended());
			v.require("startedOn", !on.isAfter(limit), "limit-passed", "办案期限已于" + limit + "届满，中止日期（startedOn）不能晚于"
					+ "期限届满之日：逾期的案件不能以中止计时补救（邮政行政执法监督办法第17条）");
		}
		v.required("reason", "中止理由（reason）", reason).maxLength("reason", "中止理由（reason）", reason, 500);
		v.throwIfInvalid();
		jdbc.sql("INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason) VALUES (:id, :kind, :on, :reason)")
			.param("id", id).param("kind", k.name()).param("on", on).param("reason", reason.strip()).update();
		move(c, c.status(), "", Map.of());
		record(c, "case.suspend", "中止计时（" + k.label() + "，自" + on + "）：" + reason.strip());
	}

	/**
	 * Restarts the decision clock; the paused days (both ends included) move the limit.
	 * @throws InvalidValueException when the day is before the pause began or in the future
	 * @throws DomainException (422) when the clock is not paused
	 */
	@Transactional
	public void resume(DataScope scope, long id, String endedOn) {
		CaseView c = lock(scope, id);
		CaseStep.RESUME.from(c.status());
		Suspension s = ongoing(id).orElseThrow(() -> ruleBroken("endedOn", "not-suspended", "案件计时未中止，无需恢复计时"));
		Validation v = new Validation();
		v.required("endedOn", "中止结束日期（endedOn）", endedOn);
		LocalDate on = v.date("endedOn", "中止结束日期（endedOn）", endedOn, s.startedOn(), today());
		v.throwIfInvalid();
		jdbc.sql("UPDATE penalty_case_suspension SET ended_on = :on WHERE id = :id").param("on", on).param("id", s.id()).update();
		LocalDate due = decisionDue(c, c.extended());
		move(c, c.status(), ", decision_due_on = :due", Map.of("due", due));
		record(c, "case.resume", "恢复计时（" + s.kind().label() + " " + s.startedOn() + "至" + on + "不计入），决定期限至" + due);
	}

	/**
	 * Counts again, after years of the holiday notice were loaded ({@code first}–{@code last}, as the calendar's
	 * {@code CalendarYearsLoaded} gives them), the stored days of the open cases that run into those years: the decision
	 * limit of a case not yet decided (90 days from 立案, 30 more once extended, pauses included — a limit ending on a
	 * day off moves to the next working day; 行政处罚法(2021) art.60, 85) and, while a notified case awaits the party's
	 * answer, the last day to state its case or request a hearing (5 working days, art.64, 85; the notice printed that
	 * day, so it only moves later, never earlier). A day computed on the provisional calendar (weekends and statutory
	 * holidays only) becomes the day under the notice, 调休 included. Decided cases keep their dates; an imported case
	 * still open goes on under the platform's clock and is counted too. Each moved date is audited ({@code case.recount}).
	 * @return how many cases had a date moved
	 */
	@Transactional
	public int recountDeadlines(LocalDate first, LocalDate last) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM penalty_case
				WHERE status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
				  AND filed_on <= :last AND greatest(decision_due_on, hearing_request_due) >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			CaseView c = find(id);
			LocalDate decision = decisionDue(c, c.extended());
			// the 事先告知书 printed its day: a recount may give the party more time, never less
			LocalDate request = c.status() == CaseStatus.NOTIFIED && c.notifiedOn() != null && c.hearingRequestDue() != null
					? Collections.max(List.of(c.hearingRequestDue(), clock(c).hearingRequestDue(c.notifiedOn())))
					: c.hearingRequestDue();
			if (Objects.equals(decision, c.decisionDueOn()) && Objects.equals(request, c.hearingRequestDue())) {
				continue;
			}
			Map<String, Object> p = new HashMap<>();
			p.put("decision", decision);
			p.put("request", request);
			move(c, c.status(), ", decision_due_on = :decision, hearing_request_due = :request", p);
			record(c, "case.recount", CalendarYearsLoaded.loaded(first, last) + "，" + String.join("，", Stream.of(
							Objects.equals(decision, c.decisionDueOn()) ? null : "决定期限由" + c.decisionDueOn() + "改为" + decision,
							Objects.equals(request, c.hearingRequestDue()) ? null
									: "陈述申辩（申请听证）期限由" + c.hearingRequestDue() + "改为" + request)
						.filter(Objects::nonNull).toList()));
			moved++;
		}
		return moved;
	}

	/**
	 * Publishes the decision (双公示) on the public portal, personal data removed (only the enterprise's name and credit
	 * code, the violation, basis, penalty and fine are shown); the publication period (7 working days by default) is
	 * recorded as met or late. An imported case is published only once the scan of its paper 行政处罚决定书 is kept
	 * ({@link #keepOriginalDocument}).
	 * @throws InvalidValueException when the day is before the decision or in the future; rule
	 * {@code original-decision} (on {@code publishedOn}) for an imported case without the scan of its decision
	 * @throws DomainException (409) when already published or not decided; (422) for a decision without penalty
	 */
	@Transactional
	public void publish(DataScope scope, long id, String publishedOn) {
		CaseView c = lock(scope, id);
		CaseStep.PUBLISH.from(c.status());
		if (c.publishedOn() != null) {
			throw DomainException.illegalTransition("处罚决定已于" + c.publishedOn() + "公示");
		}
		if ("PERSON".equals(procedure(id).partyKind())) {
			throw ruleBroken("publishedOn", "natural-person", "当事人为自然人的处罚决定不在门户网站公示（个人信息保护）");
		}
		Validation v = new Validation();
		if (c.imported()) {
			// an imported decision has no procedure on the platform: the paper decision, scanned, is what is published
			v.require("publishedOn", documents.current(id, CaseDocumentKind.DECISION).filter(CaseDocuments.IssuedDocument::original)
				.isPresent(), "original-decision", "历史导入的案件须先上传行政处罚决定书原件扫描件，才能公示（双公示须有决定书为据）");
		}
		v.required("publishedOn", "公示日期（publishedOn）", publishedOn);
		LocalDate on = v.date("publishedOn", "公示日期（publishedOn）", publishedOn, c.decidedOn(), today());
		v.throwIfInvalid();
		LocalDate due = clock(c).publicationDue(c.decidedOn());
		move(c, c.status(), ", published_on = :on", Map.of("on", on));
		record(c, "case.publish", "公示处罚决定" + c.decisionNumber() + "（" + on + (on.isAfter(due) ? "，超过公示期限" + due : "") + "）");
	}

	/**
	 * Withdraws a published decision that was changed, revoked or found unlawful, with the reason shown
	 * (行政处罚法(2021) art.48: within 3 working days).
	 * @throws InvalidValueException when the reason is blank or over 500 characters
	 * @throws DomainException (409) when the decision is not on the portal
	 */
	@Transactional
	public void withdrawPublication(DataScope scope, long id, String reason) {
		CaseView c = lock(scope, id);
		CaseStep.WITHDRAW_PUBLICATION.from(c.status());
		if (!c.published()) {
			throw DomainException.illegalTransition("处罚决定未在公示中，无需撤回");
		}
		requireReason(reason, "撤回理由");
		move(c, c.status(), ", publication_withdrawn_on = :on, publication_withdrawal_reason = :reason",
				Map.of("on", today(), "reason", reason.strip()));
		record(c, "case.withdraw-publication", "撤回公示的处罚决定" + c.decisionNumber() + "：" + reason.strip());
	}

	/**
	 * What an officer enters for a penalty decided on the spot (简易程序, 行政处罚法(2021) art.51–52).
	 * @param partyKind ORGANISATION (default: the enterprise by credit code) or PERSON (name only)
	 * @param regionCode where a person was penalised (for an organisation its registered region is used)
	 * @param penalty WARNING or FINE
	 * @param fine the fine in yuan (FINE only)
	 * @param team the officers present, with their certificates
	 */
	public record OnTheSpot(String partyKind, String enterpriseCreditCode, String personName, String regionCode,
			String violation, String facts, String place, String decidedOn, String penalty,
			@JsonDeserialize(using = NumberText.class) String fine, List<Member> team) {
	}

	/**
	 * 当场处罚 (简易程序): a warning, or a fine of at most {@code penalty.on-the-spot.person.max} (¥200) for a person or
	 * {@code penalty.on-the-spot.organisation.max} (¥3,000) for an organisation (行政处罚法(2021) art.51), within the
	 * violation's range, decided by at least two officers with their certificates, handed over on the spot and filed
	 * with the bureau now — within {@code penalty.on-the-spot.filing} working days of the decision (art.52; a later filing
	 * is recorded as late). The case is created decided and delivered, numbered {@code 当场处罚-<region>-<year>-<seq>};
	 * the 当场行政处罚决定书 is issued with it. One transaction with its audit entry.
	 * @return the case's id
	 * @throws InvalidValueException naming each field that breaks a rule (all at once)
	 */
	@Transactional
	public long decideOnTheSpot(DataScope scope, OnTheSpot data) {
		return decideOnTheSpot(scope, data, false);
	}

	/**
	 * As {@link #decideOnTheSpot(DataScope, OnTheSpot)}, the case marked as demo data when {@code demo} (the demo city).
	 */
	@Transactional
	public long decideOnTheSpot(DataScope scope, OnTheSpot data, boolean demo) {
		Validation v = new Validation();
		LocalDate today = today();
		boolean person = !Text.isBlank(data.partyKind()) && data.partyKind().strip().equalsIgnoreCase("PERSON");
		v.require("partyKind", Text.isBlank(data.partyKind()) || person
				|| data.partyKind().strip().equalsIgnoreCase("ORGANISATION"), "one-of", "当事人类型（partyKind）应为ORGANISATION或PERSON");
		EnterpriseView enterprise = null;
		String region = null;
		if (person) {
			v.required("personName", "当事人姓名（personName）", data.personName()).maxLength("personName", "当事人姓名（personName）",
					data.personName(), 50);
			// a name holds no digits: an ID or phone number typed into it would be printed in clear on the decision and
			// in every list, where numbers are masked
			v.require("personName", data.personName() == null || data.personName().codePoints().noneMatch(PenaltyCases::numeral),
					"no-digits", "当事人姓名（personName）只填姓名，不得含数字（证件号码、电话号码不在此填写）");
			v.required("regionCode", "处罚地区（regionCode）", data.regionCode());
			if (!Text.isBlank(data.regionCode())) {
				region = data.regionCode().strip();
				v.require("regionCode", region.matches("\\d{6}(\\d{3})?") && scope.containsRegion(region), "scope",
						"处罚地区（regionCode）应为您辖区内的6位或9位地区代码");
			}
		}
		else {
			enterprise = enterprise(v, scope, data.enterpriseCreditCode());
			region = enterprise == null ? null : enterprise.regionCode();
		}
		ViolationType type = null;
		if (Text.isBlank(data.violation())) {
			v.require("violation", false, "required", "违法行为（violation）不能为空");
		}
		else {
			type = ViolationType.byCodeOrTitle(data.violation()).orElse(null);
			v.require("violation", type != null, "one-of", "违法行为（violation）应为违法行为目录中的代码或名称");
		}
		v.required("facts", "违法事实（facts）", data.facts()).maxLength("facts", "违法事实（facts）", data.facts(), 2000);
		v.required("place", "处罚地点（place）", data.place()).maxLength("place", "处罚地点（place）", data.place(), 200);
		v.required("decidedOn", "处罚日期（decidedOn）", data.decidedOn());
		LocalDate on = v.date("decidedOn", "处罚日期（decidedOn）", data.decidedOn(), Validation.EARLIEST_RECORD, today);
		if (on != null) {
			LocalDate earliest = earliestOnTheSpotFiling(today, region == null ? "0" : region);
			v.require("decidedOn", !on.isBefore(earliest), "filing-window", "当场处罚决定应在作出后"
					+ rules.intValue(StatutoryRule.PENALTY_ON_THE_SPOT_FILING, region == null ? "0" : region) + "个工作日内报所属行政机关备案（"
					+ StatutoryRule.PENALTY_ON_THE_SPOT_FILING.basis() + "，期限的最后一个工作日当天仍可备案）：今天备案的，处罚日期不得早于" + earliest
					+ "（" + earliest + "当天作出的决定今天仍在期限内），" + earliest.minusDays(1) + "及以前作出的决定已过备案期限，请通过历史案件导入录入");
		}
		Penalty penalty = parse(v, "penalty", "处罚种类", data.penalty(), Penalty.class, true);
		if (penalty != null && penalty != Penalty.WARNING && penalty != Penalty.FINE) {
			v.require("penalty", false, "on-the-spot", "当场处罚只能是警告或罚款（行政处罚法第51条），其他处罚应适用普通程序");
			penalty = null;
		}
		if (type != null) {
			// no 减轻 on the spot: only a kind the article itself provides (art.51)
			DecisionRules.providedKind(v, "penalty", type.penalties(), penalty, null, null, null);
		}
		BigDecimal fine = penalty == null ? null : fine(v, "fine", penalty, data.fine());
		String lookup = region == null ? "0" : region;
		if (penalty == Penalty.FINE && fine != null) {
			StatutoryRule limitRule = person ? StatutoryRule.PENALTY_ON_THE_SPOT_PERSON_MAX
					: StatutoryRule.PENALTY_ON_THE_SPOT_ORGANISATION_MAX;
			BigDecimal limit = rules.value(limitRule, lookup);
			v.require("fine", fine.compareTo(limit) <= 0, "on-the-spot", "当场处罚对" + (person ? "公民" : "法人或者其他组织")
					+ "罚款不得超过" + plain(limit) + "元（" + limitRule.basis() + "），超过的应适用普通程序");
			if (type != null && fine.compareTo(limit) <= 0) {
				DecisionRules.checkFine(v, rules.fineRange(type, false, lookup), fine, null, null, null);
			}
		}
		List<Investigator> members = team(v, "team", data.team(), lookup, scope);
		v.throwIfInvalid();
		if (person && !type.personMayBeParty()) {
			// the catalogue's reading of whom the article addresses (ViolationType#personMayBeParty)
			throw ruleBroken("partyKind", "party-kind", "“" + type.title() + "”（" + type.basis()
					+ "）是企业承担的义务，当事人不能是自然人：请以企业为当事人（partyKind：ORGANISATION）");
		}
		String region6 = region.length() > 6 ? region.substring(0, 6) : region;
		String caseNumber = numbers.next(ON_THE_SPOT_CASE_SERIES, region6, today.getYear());
		String decisionNumber = numbers.nextFree(ON_THE_SPOT_SERIES, region6, on.getYear(), this::decisionNumberTaken);
		Map<String, Object> p = new HashMap<>();
		p.put("number", caseNumber);
		p.put("region", region);
		p.put("code", person ? null : enterprise.creditCode());
		p.put("name", person ? data.personName().strip() : enterprise.legalName());
		p.put("party", person ? "PERSON" : "ORGANISATION");
		p.put("violation", type.name());
		p.put("facts", data.facts().strip());
		p.put("place", data.place().strip());
		p.put("filed", today);
		p.put("on", on);
		p.put("decisionNumber", decisionNumber);
		p.put("penalty", penalty.name());
		p.put("fine", fine);
		p.put("demo", demo);
		p.put("by", actor());
		p.put("now", OffsetDateTime.now(clock));
		long id = jdbc.sql("""
				INSERT INTO penalty_case (number, region_code, source, enterprise_credit_code, enterprise_name, party_kind,
				    procedure_kind, violation_code, violation_ended_on, facts, on_spot_place, status, filed_on, decision_due_on,
				    proposed_penalty, proposed_fine, decision_number, decided_on, penalty, fine, delivered_on, demo, created_by,
				    created_at, updated_at)
				VALUES (:number, :region, 'INSPECTION', :code, :name, :party, 'SIMPLE', :violation, :on, :facts, :place,
				    'DELIVERED', :filed, :on, :penalty, :fine, :decisionNumber, :on, :penalty, :fine, :on, :demo, :by, :now,
				    :now)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		saveTeam(id, members);
		fixTerms(id, region);
		LocalDate filingDue = clock(region).due(StatutoryRule.PENALTY_ON_THE_SPOT_FILING, on);
		audit.record(AuditEntry.of("case.on-the-spot", "penalty_case", id, caseNumber + "：当场处罚" + decisionNumber + "，"
				+ p.get("name") + "，" + type.shortName() + "，" + penalty.label() + (fine == null ? "" : plain(fine) + "元")
				+ "（" + on + "，" + data.place().strip() + "）" + (today.isAfter(filingDue) ? "；超过备案期限" + filingDue : ""))
			.inRegion(region));
		issue(id, CaseDocumentKind.ON_THE_SPOT_DECISION);
		if (!person) {
			events.publishEvent(new PenaltyDecided(id, decisionNumber, region, enterprise.creditCode(), enterprise.legalName(),
					type.name(), penalty, fine, on, false));
		}
		return id;
	}

	/**
	 * The earliest day an on-the-spot decision recorded {@code today} may carry: the filing period
	 * ({@code penalty.on-the-spot.filing}, working days, 行政处罚法(2021) art.52) counted from it still runs today. An
	 * older decision is no longer on time for the on-the-spot record (it would be numbered, counted and surcharged as
	 * if new) and belongs to the import of past cases.
	 */
	private LocalDate earliestOnTheSpotFiling(LocalDate today, String region) {
		LocalDate earliest = today;
		while (!rules.deadline(StatutoryRule.PENALTY_ON_THE_SPOT_FILING, earliest.minusDays(1), region).isBefore(today)) {
			earliest = earliest.minusDays(1);
		}
		return earliest;
	}

	/**
	 * 移送: hands the case to another authority (e.g. 公安机关, 市场监管部门) or to another postal bureau on the platform,
	 * with the reason (行政处罚法(2021) art.27 and the rules of 管辖); the case ends here (已移送) and the 案件移送书 is
	 * issued. A bureau on the platform receives the case as a lead (source TRANSFER) in its region. Before the notice.
	 * @param bureauId the receiving bureau on the platform, or null
	 * @param authority the receiving authority's name when it is not a bureau on the platform
	 * @throws InvalidValueException naming {@code authority}, {@code bureauId} or {@code reason}
	 * @throws DomainException (409) once the party has been notified
	 */
	@Transactional
	public void transfer(DataScope scope, long id, Long bureauId, String authority, String reason) {
		CaseView c = lock(scope, id);
		CaseStatus to = CaseStep.TRANSFER.from(c.status());
		requireHandlingHead(c.regionCode(), "移送案件");
		Validation v = new Validation();
		BureauView bureau = null;
		if (bureauId != null) {
			bureau = bureaus.find(DataScope.all(), bureauId).orElse(null);
			v.require("bureauId", bureau != null, "exists", "接收案件的邮政管理部门（bureauId）不存在：" + bureauId);
			if (bureau != null) {
				String own = c.regionCode().length() > 6 ? c.regionCode().substring(0, 6) : c.regionCode();
				v.require("bureauId", !bureau.regionCode().equals(own), "other", "案件应移送其他邮政管理部门，不能移送本局（"
						+ bureau.name() + "）");
			}
		}
		else {
			v.required("authority", "接收案件的机关（authority）", authority);
		}
		v.maxLength("authority", "接收案件的机关（authority）", authority, 200);
		v.required("reason", "移送理由（reason）", reason).maxLength("reason", "移送理由（reason）", reason, 500);
		v.throwIfInvalid();
		String target = bureau != null ? bureau.name() : authority.strip();
		move(c, to, ", transferred_to = :to, transferred_on = :on, closed_on = :on, closing_reason = :reason",
				Map.of("to", target, "on", today(), "reason", reason.strip()));
		if (bureau != null) {
			jdbc.sql("""
					INSERT INTO penalty_lead (region_code, source, source_ref, source_detail, enterprise_credit_code,
					    enterprise_name, summary, received_on, status, created_by, created_at)
					VALUES (:region, 'TRANSFER', :ref, :detail, :code, :name, :summary, :on, 'OPEN', :by, :now)
					ON CONFLICT (source_ref) DO NOTHING""")
				.param("region", bureau.regionCode()).param("ref", "transfer:" + id)
				.param("detail", "移送（原案号" + c.number() + "）").param("code", c.enterpriseCreditCode())
				.param("name", c.enterpriseName())
				.param("summary", "移送理由：" + reason.strip() + (c.facts() == null ? "" : "\n案情：" + c.facts()))
				.param("on", today()).param("by", actor()).param("now", OffsetDateTime.now(clock)).update();
		}
		record(c, "case.transfer", "移送" + target + "：" + reason.strip());
		issue(id, CaseDocumentKind.TRANSFER_LETTER);
	}

	/** One instalment of a fine paid in instalments; paid ones carry the day, amount and 加处罚款. */
	public record Instalment(int position, LocalDate dueOn, BigDecimal amount, LocalDate paidOn, BigDecimal paidAmount,
			BigDecimal surcharge) {
	}

	/** An instalment as entered: the day it is due and its amount (¥). */
	public record InstalmentTerm(String dueOn, @JsonDeserialize(using = NumberText.class) String amount) {
	}

	/**
	 * 延期或分期缴纳罚款 as the party asked (行政处罚法(2021) art.66).
	 * @param kind DEFERRAL (one later deadline) or INSTALMENTS
	 * @param appliedOn the day the party applied in writing (required; the application is judged timely on it, not on
	 * the day the head approves)
	 * @param deferredUntil the new deadline (DEFERRAL)
	 * @param instalments the instalments (INSTALMENTS: at least two, in date order, summing to the fine)
	 */
	public record PaymentTerms(String kind, String appliedOn, String deferredUntil, String reason,
			List<InstalmentTerm> instalments) {
	}

	/**
	 * How a case runs beyond its main record: the procedure (GENERAL, SIMPLE), the party (ORGANISATION, PERSON), the
	 * place of an on-the-spot decision, the hearing's record, the transfer, and an approved deferral or instalments with
	 * the day the party applied ({@code paymentAppliedOn}, null for arrangements approved before V209 kept it).
	 */
	public record Procedure(String procedureKind, String partyKind, String onSpotPlace, String hearingRecord,
			String transferredTo, LocalDate transferredOn, String paymentArrangement, LocalDate paymentDeferredUntil,
			String paymentArrangementReason, String paymentArrangedBy, LocalDate paymentAppliedOn,
			List<Instalment> instalments) {

		/** Whether decided on the spot (简易程序). */
		public boolean simple() {
			return "SIMPLE".equals(procedureKind);
		}

		/** The position of the next instalment to pay, or null (no instalments, or all paid). */
		public Integer nextInstalment() {
			return instalments.stream().filter(i -> i.paidOn() == null).map(Instalment::position).findFirst().orElse(null);
		}
	}

	/**
	 * Approves, on the party's request, a deferral or instalments of a delivered, unpaid fine (行政处罚法(2021) art.66),
	 * once per case, by the bureau head: the payment deadline becomes the deferred day, or each instalment's day, and
	 * 加处罚款 runs from it (3 % a day of what is late, capped at it, art.72). The application must have been made within
	 * the payment period — judged on the day the party applied ({@code appliedOn}, kept on the case), so an application
	 * made in time may be approved after the period ended, and a late one is refused whenever it is entered. Issues the
	 * 延期（分期）缴纳罚款批准书.
	 * @throws InvalidValueException naming {@code appliedOn} (missing, in the future, before delivery), {@code kind},
	 * {@code deferredUntil}, {@code instalments[i].dueOn}, {@code instalments[i].amount}, {@code instalments} or
	 * {@code reason}; (422) {@code appliedOn} with rule {@code after-due} when applied after the payment deadline
	 * @throws DomainException (409) unless delivered; (422) without a fine, or when already arranged
	 */
	@Transactional
	public void arrangePayment(DataScope scope, long id, Officer head, PaymentTerms terms) {
		CaseView c = lock(scope, id);
		CaseStep.ARRANGE_PAYMENT.from(c.status());
		requireHandlingHead(c.regionCode(), "批准延期（分期）缴纳罚款");
		if (Execution.fine(c) == null) {
			throw ruleBroken("kind", "no-fine", "该处罚决定没有罚款，无需延期或分期缴纳");
		}
		if (procedure(id).paymentArrangement() != null) {
			throw ruleBroken("kind", "already-arranged", "本案已批准延期（分期）缴纳罚款，不能再次批准");
		}
		CaseClock caseClock = clock(c);
		LocalDate originalDue = caseClock.paymentDue(c.deliveredOn());
		Validation v = new Validation();
		v.required("appliedOn", "申请日期（appliedOn）", terms.appliedOn());
		LocalDate appliedOn = v.date("appliedOn", "申请日期（appliedOn，不早于送达、不晚于今天）", terms.appliedOn(),
				c.deliveredOn(), today());
		if (appliedOn != null && appliedOn.isAfter(originalDue) && !appliedOn.isAfter(today())) {
			// art.66: the party applies while the fine is due; granted on a late application, a deferral would wipe out
			// the 加处罚款 already owed (art.72). Judged on the day it applied, not the day the head decides.
			throw ruleBroken("appliedOn", "after-due", "当事人于" + appliedOn + "申请，缴款期限已于" + originalDue
					+ "届满，逾期申请不能批准延期或分期缴纳罚款（当事人应在缴款期限内申请，行政处罚法第66条；已发生的加处罚款依第72条照常计算）");
		}
		// the longest deferral bounds a day the head chooses: counted unmoved, never pushed past a rest day
		LocalDate latestDue = caseClock.deferralLimit(originalDue);
		String kind = Text.isBlank(terms.kind()) ? null : terms.kind().strip().toUpperCase(Locale.ROOT);
		v.require("kind", "DEFERRAL".equals(kind) || "INSTALMENTS".equals(kind), "one-of",
				"缴纳方式（kind）应为DEFERRAL（延期）或INSTALMENTS（分期）");
		v.required("reason", "申请理由（reason）", terms.reason()).maxLength("reason", "申请理由（reason）", terms.reason(), 500);
		LocalDate deferred = null;
		List<Instalment> parts = new ArrayList<>();
		// each kind states only its own terms: a deferral's instalments, or instalments' deferred day, would be approved
		// as the head never saw them
		List<InstalmentTerm> typed = terms.instalments() == null ? List.of() : terms.instalments().stream()
			.filter(t -> t != null && (!Text.isBlank(t.dueOn()) || !Text.isBlank(t.amount()))).toList();
		if ("DEFERRAL".equals(kind)) {
			v.require("instalments", typed.isEmpty(), "absent", "延期缴纳不填写分期（instalments）：分期缴纳请选择INSTALMENTS");
		}
		else if ("INSTALMENTS".equals(kind)) {
			v.require("deferredUntil", Text.isBlank(terms.deferredUntil()), "absent",
					"分期缴纳不填写延期至（deferredUntil）：各期的缴纳期限填写在instalments中");
		}
		if ("DEFERRAL".equals(kind)) {
			v.required("deferredUntil", "延期至（deferredUntil）", terms.deferredUntil());
			// after the original deadline, and not before the day of approval: a day already past would make the party
			// owe 加处罚款 for days before it was told of the deferral (instalment days are held to the same)
			LocalDate earliest = originalDue.plusDays(1).isAfter(today()) ? originalDue.plusDays(1) : today();
			deferred = v.date("deferredUntil", "延期至（deferredUntil，晚于原缴款期限" + originalDue + "且不早于今天）",
					terms.deferredUntil(), earliest, latestDue);
			workingDay(v, caseClock, "deferredUntil", "延期至（deferredUntil）", deferred);
		}
		else if ("INSTALMENTS".equals(kind)) {
			List<InstalmentTerm> given = typed;
			v.require("instalments", given.size() >= 2, "min", "分期缴纳（instalments）至少分2期");
			LocalDate previous = today().minusDays(1);
			BigDecimal sum = BigDecimal.ZERO;
			for (int i = 0; i < given.size(); i++) {
				String f = "instalments[" + i + "]";
				v.required(f + ".dueOn", "第" + (i + 1) + "期缴纳期限", given.get(i).dueOn())
					.required(f + ".amount", "第" + (i + 1) + "期金额", given.get(i).amount());
				LocalDate due = v.date(f + ".dueOn", "第" + (i + 1) + "期缴纳期限（应晚于上一期）", given.get(i).dueOn(),
						previous.plusDays(1), latestDue);
				workingDay(v, caseClock, f + ".dueOn", "第" + (i + 1) + "期缴纳期限", due);
				BigDecimal amount = v.decimal(f + ".amount", "第" + (i + 1) + "期金额", given.get(i).amount(), 12, 2);
				v.money(f + ".amount", "第" + (i + 1) + "期金额", amount);
				if (amount != null) {
					v.require(f + ".amount", amount.signum() > 0, "positive", "第" + (i + 1) + "期金额应大于0");
					sum = sum.add(amount);
				}
				if (due != null) {
					previous = due;
				}
				parts.add(new Instalment(i + 1, due, amount, null, null, null));
			}
			if (given.size() >= 2) {
				v.require("instalments", sum.compareTo(c.fine()) == 0, "sum", "各期金额合计" + plain(sum) + "元，应等于罚款"
						+ plain(c.fine()) + "元");
			}
		}
		v.throwIfInvalid();
		for (Instalment i : parts) {
			jdbc.sql("INSERT INTO penalty_case_instalment (case_id, position, due_on, amount) VALUES (:id, :pos, :due, :amount)")
				.param("id", id).param("pos", i.position()).param("due", i.dueOn()).param("amount", i.amount()).update();
		}
		Map<String, Object> p = new HashMap<>();
		p.put("kind", kind);
		p.put("until", deferred);
		p.put("reason", terms.reason().strip());
		p.put("head", head.name());
		p.put("applied", appliedOn);
		move(c, c.status(), """
				, payment_arrangement = :kind, payment_deferred_until = :until, payment_arrangement_reason = :reason,
				  payment_arranged_by = :head, payment_applied_on = :applied""", p);
		record(c, "case.payment-arrangement", head.name() + "批准当事人" + appliedOn + "的申请，" + ("DEFERRAL".equals(kind)
				? "延期缴纳罚款至" + deferred : "分期缴纳罚款（" + parts.size() + "期，末期" + parts.get(parts.size() - 1).dueOn() + "）")
				+ "：" + terms.reason().strip());
		issue(id, CaseDocumentKind.PAYMENT_APPROVAL);
	}

	/**
	 * Every day a payment arrangement carries (the deferred day, each instalment's day) must be a working day of the
	 * calendar (rule {@code rest-day}): the payment deadline in force is always a working day — the 15 days of art.67
	 * move past a rest day (DOMAIN: a calendar-day deadline ending on a day off moves to the next working day) — so a day
	 * the head approves is refused rather than silently moved, and the 批准书 states the day that is in force. A day
	 * already refused (out of range) is not judged again.
	 */
	private static void workingDay(Validation v, CaseClock caseClock, String field, String label, LocalDate day) {
		boolean refusedAlready = v.errors().stream().anyMatch(e -> e.field().equals(field));
		if (day != null && !refusedAlready) {
			v.require(field, caseClock.isWorkingDay(day), "rest-day", label + day + "是休息日（周末或法定节假日），批准的缴款期限应为"
					+ "工作日（其后第一个工作日为" + caseClock.onOrNextWorkingDay(day) + "）");
		}
	}

	/** How the case runs beyond its main record (procedure, party, hearing record, transfer, payment terms). */
	public Procedure procedure(DataScope scope, long id) {
		get(scope, id);
		return procedure(id);
	}

	private Procedure procedure(long id) {
		record Row(String procedureKind, String partyKind, String onSpotPlace, String hearingRecord, String transferredTo,
				LocalDate transferredOn, String paymentArrangement, LocalDate paymentDeferredUntil,
				String paymentArrangementReason, String paymentArrangedBy, LocalDate paymentAppliedOn) {
		}
		Row r = jdbc.sql("""
				SELECT procedure_kind, party_kind, on_spot_place, hearing_record, transferred_to, transferred_on,
				       payment_arrangement, payment_deferred_until, payment_arrangement_reason, payment_arranged_by,
				       payment_applied_on
				FROM penalty_case WHERE id = :id""").param("id", id).query(Rows.of(Row.class)).single();
		List<Instalment> instalments = jdbc.sql("""
				SELECT position, due_on, amount, paid_on, paid_amount, surcharge FROM penalty_case_instalment
				WHERE case_id = :id ORDER BY position""").param("id", id).query(Rows.of(Instalment.class)).list();
		return new Procedure(r.procedureKind(), r.partyKind(), r.onSpotPlace(), r.hearingRecord(), r.transferredTo(),
				r.transferredOn(), r.paymentArrangement(), r.paymentDeferredUntil(), r.paymentArrangementReason(),
				r.paymentArrangedBy(), r.paymentAppliedOn(), instalments);
	}

	/**
	 * The payment deadline in force for a fine delivered and not yet paid — the approved deferral's day, the next unpaid
	 * instalment's (行政处罚法(2021) art.66), or the catalogue's period from delivery ({@link StatutoryRule#PENALTY_PAYMENT},
	 * art.67, a last day falling on a rest day moved to the next working day) — the same day the case page shows.
	 * @param caseId the case's id
	 * @return the day, or empty when the case imposes no fine, is not delivered, or is paid
	 * @throws DomainException (404) when there is no such case
	 */
	public Optional<LocalDate> paymentDue(long caseId) {
		CaseView c = find(caseId);
		if (c.paidOn() != null) {
			return Optional.empty();
		}
		return Optional.ofNullable(paymentDue(c, procedure(caseId))).map(PaymentDue::due);
	}

	/**
	 * The last day to pay the whole fine: the deferral's day or the last instalment's where the head approved one,
	 * otherwise the decision's days from delivery.
	 */
	private LocalDate finalPaymentDue(CaseView c, Procedure proc) {
		if ("INSTALMENTS".equals(proc.paymentArrangement()) && !proc.instalments().isEmpty()) {
			return proc.instalments().get(proc.instalments().size() - 1).dueOn();
		}
		if ("DEFERRAL".equals(proc.paymentArrangement()) && proc.paymentDeferredUntil() != null) {
			return proc.paymentDeferredUntil();
		}
		return clock(c).paymentDue(c.deliveredOn());
	}

	/**
	 * The 加处罚款 of a paid fine: the instalments' own, each against its day; otherwise the whole fine against the
	 * deadline in force ({@link #finalPaymentDue}) — nothing when a deferral was paid by its day.
	 */
	private BigDecimal paidSurcharge(CaseView c, Procedure proc) {
		if ("INSTALMENTS".equals(proc.paymentArrangement()) && !proc.instalments().isEmpty()) {
			return proc.instalments().stream().map(Instalment::surcharge).filter(Objects::nonNull)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		return clock(c).surcharge(c.fine(), finalPaymentDue(c, proc), c.paidOn());
	}

	/**
	 * The 加处罚款 an unpaid fine owes on {@code today}: with instalments, each unpaid instalment's on its own amount from
	 * its own day (art.72: on what is overdue, each capped at its amount, so the whole never above the fine); otherwise
	 * the whole fine's from the deadline in force.
	 */
	private BigDecimal owedSurcharge(CaseView c, Procedure proc, LocalDate today) {
		CaseClock caseClock = clock(c);
		if ("INSTALMENTS".equals(proc.paymentArrangement()) && !proc.instalments().isEmpty()) {
			return proc.instalments().stream().filter(i -> i.paidOn() == null)
				.map(i -> caseClock.surcharge(i.amount(), i.dueOn(), today))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		return caseClock.surcharge(c.fine(), finalPaymentDue(c, proc), today);
	}

	/** The payment deadline in force and the amount it covers: a deferral's day, the next instalment's, or 15 days. */
	private record PaymentDue(LocalDate due, BigDecimal amount, Instalment instalment) {
	}

	/** The fine's payment due (null when the decision imposes no fine — a confiscation is handed over, not paid late). */
	private PaymentDue paymentDue(CaseView c, Procedure proc) {
		if (c.deliveredOn() == null || Execution.fine(c) == null) {
			return null;
		}
		if ("INSTALMENTS".equals(proc.paymentArrangement())) {
			return proc.instalments().stream().filter(i -> i.paidOn() == null).findFirst()
				.map(i -> new PaymentDue(i.dueOn(), i.amount(), i))
				.orElse(null);
		}
		if ("DEFERRAL".equals(proc.paymentArrangement())) {
			return new PaymentDue(proc.paymentDeferredUntil(), c.fine(), null);
		}
		return new PaymentDue(clock(c).paymentDue(c.deliveredOn()), c.fine(), null);
	}

	/**
	 * A past case brought with a bureau's history (stable contract of {@code POST /api/v1/enforcement/cases/imported}).
	 * @param violation a catalogue code or its name
	 * @param source INSPECTION, COMPLAINT, REPORT or TRANSFER
	 * @param penalty WARNING, FINE, CONFISCATION, SUSPENSION, REVOCATION or NONE (required once decided)
	 * @param fine the fine in yuan (required for FINE; beside a heavier kind the fine the decision 并处). For
	 * CONFISCATION without {@code confiscated}, the value confiscated (the contract's meaning before 并处 was recorded)
	 * @param confiscated the 违法所得 confiscated in yuan (optional; only where the violation's article provides it)
	 * @param handedOverOn the day what the decision confiscated was handed over (上缴), null when not yet; a closed case
	 * that confiscates needs it
	 */
	public record ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn,
			String decidedOn, String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn,
			BigDecimal confiscated, String handedOverOn) {

		/** A past case without a confiscation beside its fine. */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					null, null);
		}

		/** A past case whose confiscation, if any, is not handed over yet. */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn, BigDecimal confiscated) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					confiscated, null);
		}
	}

	/**
	 * Records a past case with its real dates, amounts and 文号, validated like a case on the platform where the
	 * history allows (enterprise registered in the caller's region, violation in the catalogue, dates in order and not
	 * in the future, filed and decided before the import day — and before {@code youguan.enforcement.imported-before},
	 * the day the bureau began handling cases on the platform, when set (rule {@code imported-past}: a case of today
	 * has no procedure behind it); a source of the contract (INSPECTION, COMPLAINT, REPORT, TRANSFER), a penalty kind the
	 * violation's article provides (or a lighter one, rule {@code not-provided}), a fine within the violation's maximum, a
	 * 文号 unused nationally, no closure of an unpaid fine nor of a confiscation not handed over — rule
	 * {@code not-handed-over} on {@code handedOverOn} —, and the decision rules a live decision applies to the parts
	 * ({@link #checkParts}: 并处 — rule {@code combined-required} on {@code fine} —, 没收 only where provided, 吊销 only
	 * by the issuing authority — 422 rule {@code revocation-authority} on {@code penalty}, judged by the importing bureau))
	 * and marked imported; its state follows from the dates (立案 → 已决定 → 已执行 → 已结案, or 不予处罚). A decided
	 * case publishes {@link PenaltyDecided} (imported).
	 * @return the case's id
	 * @throws InvalidValueException naming each field that breaks a rule
	 * @throws DomainException (409) when the 文号 is already used in the region
	 */
	/** The sources a past case may come from (the import's contract): not {@link LeadSource#SAFETY}. */
	static final Set<LeadSource> IMPORTED_SOURCES = EnumSet.of(LeadSource.INSPECTION, LeadSource.COMPLAINT, LeadSource.REPORT,
			LeadSource.TRANSFER);

	/** The receipt of an imported handover: the paper file holds it (its scan may be kept as an original document). */
	static final String IMPORTED_HANDOVER = "历史案件导入：上缴凭证见纸质案卷";

	@Transactional
	public long importCase(DataScope scope, ImportedCase data) {
		Validation v = new Validation();
		LocalDate today = today();
		EnterpriseView enterprise = enterprise(v, scope, data.enterpriseCreditCode());
		ViolationType type = null;
		if (Text.isBlank(data.violation())) {
			v.require("violation", false, "required", "违法行为（violation）不能为空");
		}
		else {
			type = ViolationType.byCodeOrTitle(data.violation()).orElse(null);
			v.require("violation", type != null, "one-of", "违法行为（violation）应为违法行为目录中的代码或名称：" + data.violation());
		}
		LeadSource source = parse(v, "source", "线索来源", data.source(), LeadSource.class, true);
		// the contract's sources of a past case: SAFETY is a lead raised by the platform's own alerts, never a past case's
		v.require("source", source == null || IMPORTED_SOURCES.contains(source), "one-of",
				"线索来源（source）应为INSPECTION、COMPLAINT、REPORT或TRANSFER之一");
		v.required("filedOn", "立案日期（filedOn）", data.filedOn());
		// a past case: filed and decided before the import (and before youguan.enforcement.imported-before, the day the
		// bureau began handling cases on the platform) — a case of today has its procedure on the platform
		LocalDate lastPastDay = importedBefore != null && importedBefore.isBefore(today) ? importedBefore.minusDays(1)
				: today.minusDays(1);
		String past = "（历史案件须在" + lastPastDay.plusDays(1) + "之前立案和作出决定；此后的案件应在平台上办理）";
		LocalDate filed = v.date("filedOn", "立案日期（filedOn）", data.filedOn(), Validation.EARLIEST_RECORD, today);
		if (filed != null) {
			v.require("filedOn", !filed.isAfter(lastPastDay), "imported-past", "立案日期（filedOn）不是历史日期" + past);
		}
		LocalDate decided = v.date("decidedOn", "决定日期（decidedOn）", data.decidedOn(), filed == null ? Validation.EARLIEST_RECORD : filed, today);
		if (decided != null) {
			v.require("decidedOn", !decided.isAfter(lastPastDay), "imported-past", "决定日期（decidedOn）不是历史日期" + past);
		}
		Penalty penalty = parse(v, "penalty", "处罚种类", data.penalty(), Penalty.class, false);
		boolean decidedCase = !Text.isBlank(data.decidedOn());
		if (decidedCase) {
			v.required("decisionNumber", "决定书文号（decisionNumber）", data.decisionNumber());
			v.require("penalty", !Text.isBlank(data.penalty()), "required", "已作出决定的案件须填写处罚种类（penalty）");
		}
		else {
			v.require("decisionNumber", Text.isBlank(data.decisionNumber()), "absent", "未作出决定（decidedOn为空）的案件不填写决定书文号");
			v.require("penalty", Text.isBlank(data.penalty()), "absent", "未作出决定（decidedOn为空）的案件不填写处罚种类");
		}
		String typedNumber = Text.documentNumber(data.decisionNumber());
		v.maxLength("decisionNumber", "决定书文号（decisionNumber）", typedNumber, 60)
			.identifier("decisionNumber", "决定书文号（decisionNumber）", typedNumber)
			.documentYear("decisionNumber", "决定书文号（decisionNumber）", typedNumber, decided);
		handTypedNumber(v, typedNumber);
		// before 并处 was recorded, a confiscation's value came in fine: without confiscated it still means that
		boolean legacyConfiscation = penalty == Penalty.CONFISCATION && data.confiscated() == null;
		BigDecimal fine = legacyConfiscation ? null : nonZero(data.fine());
		BigDecimal confiscated = legacyConfiscation ? nonZero(data.fine()) : nonZero(data.confiscated());
		v.money("fine", "罚款金额（fine）", fine).fits("fine", "罚款金额（fine）", fine, 12, 2);
		v.money("confiscated", "没收违法所得金额（confiscated）", confiscated)
			.fits("confiscated", "没收违法所得金额（confiscated）", confiscated, 12, 2);
		DecisionRules.amount(v, "fine", "罚款金额", data.fine(), penalty == Penalty.FINE, "处罚种类为罚款时，罚款金额（fine）须大于0");
		DecisionRules.amount(v, legacyConfiscation ? "fine" : "confiscated", "没收违法所得金额",
				legacyConfiscation ? data.fine() : data.confiscated(), penalty == Penalty.CONFISCATION,
				"处罚种类为没收违法所得时，没收金额（confiscated）须大于0");
		// an unreadable kind is its own error: nothing is judged by it
		if (penalty == null && Text.isBlank(data.penalty()) || penalty != null && !penalty.heavierThan(Penalty.WARNING)) {
			v.require("fine", fine == null, "absent", "处罚种类为" + (penalty == null ? "空" : penalty.label()) + "时不填写罚款金额（fine）");
		}
		if (fine != null && type != null && enterprise != null) {
			FineRange widest = rules.fineRange(type, true, enterprise.regionCode());
			v.require("fine", fine.compareTo(widest.max()) <= 0, "range", "罚款" + plain(fine) + "元超出该违法行为的法定上限（"
					+ widest.max().stripTrailingZeros().toPlainString() + "元）");
		}
		if (type != null && penalty != null && penalty != Penalty.NONE) {
			DecisionRules.providedOrLighter(v, "penalty", type.penalties(), penalty);
			checkParts(v, "penalty", "fine", "confiscated", type.penalties(), penalty, fine, confiscated);
		}
		else if (penalty == null && Text.isBlank(data.penalty()) || penalty == Penalty.NONE) {
			v.require("confiscated", confiscated == null, "absent", "未作出处罚决定的案件不填写没收金额（confiscated）");
		}
		LocalDate paid = v.date("paidOn", "缴款日期（paidOn）", data.paidOn(), decided == null ? Validation.EARLIEST_RECORD : decided, today);
		if (paid != null) {
			v.require("paidOn", fine != null, "absent", "只有处以罚款的决定才填写缴款日期（paidOn）");
		}
		// 没收违法所得 is carried out when handed over (上缴, art.74): its day, as the live handover records it
		LocalDate handed = v.date("handedOverOn", "没收上缴日期（handedOverOn）", data.handedOverOn(),
				decided == null ? Validation.EARLIEST_RECORD : decided, today);
		if (!Text.isBlank(data.handedOverOn())) {
			v.require("handedOverOn", confiscated != null || penalty == null && !Text.isBlank(data.penalty()), "absent",
					"只有没收违法所得的决定才填写没收上缴日期（handedOverOn）");
		}
		LocalDate latest = Stream.of(paid, handed, decided, filed).filter(Objects::nonNull).max(Comparator.naturalOrder())
			.orElse(null);
		LocalDate closed = v.date("closedOn", "结案日期（closedOn）", data.closedOn(), latest == null ? Validation.EARLIEST_RECORD : latest, today);
		if (closed != null) {
			v.require("closedOn", decidedCase, "order", "未作出决定的案件不能填写结案日期（closedOn）");
			v.require("closedOn", fine == null || !Text.isBlank(data.paidOn()), "unpaid", "罚款未缴纳（paidOn为空）的案件不能结案");
			v.require("handedOverOn", confiscated == null || !Text.isBlank(data.handedOverOn()), "not-handed-over",
					"没收的违法所得未上缴（handedOverOn为空）的案件不能结案：请填写没收上缴日期");
		}
		v.throwIfInvalid();
		// 吊销 only by the issuing authority: the bureau importing its past decisions is the one that decided them
		revocationAuthority("penalty", scope.regionPrefix() == null ? "" : scope.regionPrefix(), penalty);
		String region = enterprise.regionCode();
		String number = decidedCase ? typedNumber : null;
		if (number != null) {
			numberFree(number);
		}
		// carried out once every executable part is: the fine paid, the confiscation handed over
		boolean executed = (fine != null || confiscated != null) && (fine == null || paid != null)
				&& (confiscated == null || handed != null);
		CaseStatus status = !decidedCase ? CaseStatus.FILED : penalty == Penalty.NONE ? CaseStatus.NOT_PENALIZED
				: closed != null ? CaseStatus.CLOSED : executed ? CaseStatus.EXECUTED : CaseStatus.DECIDED;
		String caseNumber = numbers.next("处罚案件", region.length() > 6 ? region.substring(0, 6) : region, filed.getYear());
		Map<String, Object> p = new HashMap<>();
		p.put("number", caseNumber);
		p.put("region", region);
		p.put("source", source.name());
		p.put("code", enterprise.creditCode());
		p.put("name", enterprise.legalName());
		p.put("violation", type.name());
		p.put("status", status.name());
		p.put("filed", filed);
		p.put("due", clock(region).decisionDue(filed, false, List.of(), filed));
		p.put("decisionNumber", number);
		p.put("decided", decided);
		p.put("penalty", penalty == null || penalty == Penalty.NONE ? null : penalty.name());
		p.put("fine", fine);
		p.put("confiscated", confiscated);
		p.put("paid", paid);
		p.put("paidAmount", paid == null ? null : fine);
		p.put("closed", closed != null ? closed : status == CaseStatus.NOT_PENALIZED ? decided : null);
		p.put("by", actor());
		p.put("now", OffsetDateTime.now(clock));
		long id = jdbc.sql("""
				INSERT INTO penalty_case (number, region_code, source, enterprise_credit_code, enterprise_name, violation_code,
				    status, filed_on, decision_due_on, decision_number, decided_on, penalty, fine, confiscated, delivered_on,
				    paid_on, paid_amount, surcharge, closed_on, imported, created_by, created_at, updated_at)
				VALUES (:number, :region, :source, :code, :name, :violation, :status, :filed, :due, :decisionNumber,
				    :decided, :penalty, :fine, :confiscated, NULL, :paid, :paidAmount, NULL, :closed, TRUE, :by, :now, :now)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		if (decidedCase) {
			fixTerms(id, region);
		}
		if (handed != null) {
			jdbc.sql("""
					INSERT INTO penalty_case_handover (case_id, handed_over_on, amount, receipt, recorded_by, recorded_at)
					VALUES (:id, :on, :amount, :receipt, :by, :now)""")
				.param("id", id).param("on", handed).param("amount", confiscated).param("receipt", IMPORTED_HANDOVER)
				.param("by", actor()).param("now", OffsetDateTime.now(clock)).update();
		}
		audit.record(AuditEntry.of("case.import", "penalty_case", id, "导入历史处罚案件" + caseNumber + "：" + enterprise.legalName()
				+ "，" + type.shortName() + (number == null ? "" : "，" + number + "，"
						+ CaseDocuments.penalty(penalty, fine, confiscated))).inRegion(region));
		if (decidedCase && penalty != Penalty.NONE) {
			events.publishEvent(new PenaltyDecided(id, number, region, enterprise.creditCode(), enterprise.legalName(),
					type.name(), penalty, fine, confiscated, decided, true));
		}
		return id;
	}

	/**
	 * A published decision as the public portal shows it (双公示): no personal data — the enterprise's name and credit
	 * code, the violation and its basis, the penalty and fine, the days of decision and publication. {@code penalty}
	 * names every part of a 并处 (没收违法所得并处罚款); {@code fine} is the fine alone, {@code confiscated} the value
	 * confiscated (null when none).
	 */
	public record PublishedDecision(String decisionNumber, String enterprise, String creditCode, String violation,
			String basis, String penalty, BigDecimal fine, LocalDate decidedOn, LocalDate publishedOn, BigDecimal confiscated) {
	}

	private record PublishedRow(String decisionNumber, String enterpriseName, String enterpriseCreditCode,
			ViolationType violationCode, Penalty penalty, BigDecimal fine, LocalDate decidedOn, LocalDate publishedOn,
			BigDecimal confiscated) {
	}

	/**
	 * The decisions published and not withdrawn in the region {@code prefix} ("" for the whole country), newest first.
	 */
	public PageResult<PublishedDecision> published(String prefix, PageQuery page) {
		return Listing.from("FROM penalty_case c")
			.where("c.published_on IS NOT NULL AND c.publication_withdrawn_on IS NULL AND "
					+ RegionPrefix.of(prefix).predicate("c.region_code"))
			.search(page, "c.enterprise_name", "c.enterprise_credit_code", "c.decision_number")
			.sorts(Map.of("decided_on", "c.decided_on", "published_on", "c.published_on"), "published_on", true, "c.id")
			.page(jdbc, """
					SELECT c.decision_number, c.enterprise_name, c.enterprise_credit_code, c.violation_code, c.penalty,
					       c.fine, c.decided_on, c.published_on, c.confiscated""", page, Rows.of(PublishedRow.class))
			.map(r -> new PublishedDecision(r.decisionNumber(), r.enterpriseName(), r.enterpriseCreditCode(),
					r.violationCode().shortName(), r.violationCode().basis(), r.penalty().labelWith(r.fine(), r.confiscated()),
					r.fine(), r.decidedOn(), r.publishedOn(), r.confiscated()));
	}

	/** A case in the caller's scope with its investigators, pauses and deadlines as of today. */
	public CaseDetail get(DataScope scope, long id) {
		CaseView c = find(id);
		scope.requireRegion(c.regionCode(), "处罚案件", id);
		List<Investigator> team = jdbc.sql("""
				SELECT position, inspector_id, user_id, name, certificate_number FROM penalty_case_investigator
				WHERE case_id = :id ORDER BY position""").param("id", id).query(Rows.of(Investigator.class)).list();
		List<Suspension> pauses = suspensions(id);
		return new CaseDetail(c, team, pauses, deadlines(c, pauses), handover(id).orElse(null));
	}

	/**
	 * A page of the case queue in the caller's scope, optionally only open cases (before the decision) and only those of
	 * one status — with each case's remaining days before the decision limit (a paused case counts as of the day its
	 * pause began).
	 * @param status the status the cases are in, or null for any
	 */
	public PageResult<CaseSummary> list(DataScope scope, boolean openOnly, CaseStatus status, PageQuery page) {
		return new StoppedCaseDays(jdbc, this::clock).fill(Listing.from("FROM penalty_case c LEFT JOIN penalty_case_suspension s ON s.case_id = c.id AND s.ended_on IS NULL")
			.scope(scope, "c.region_code")
			.where(openOnly ? "c.status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')" : "TRUE")
			.where(status != null, "c.status = :status", "status", status == null ? "" : status.name())
			.search(page, "c.number", "c.enterprise_name", "c.enterprise_credit_code", "c.decision_number")
			.bind("today", today())
			.sorts(SORTS, "filed_on", true, "c.id")
			.page(jdbc, """
					SELECT c.id, c.number, c.region_code, c.enterprise_name, c.enterprise_credit_code, c.violation_code,
					       c.status, c.filed_on, c.decision_due_on,
					       CASE WHEN c.status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
					            THEN\s""" + CaseClock.REMAINING_DAYS_SQL + """
					             END AS remaining_days,
					       NOT\s""" + CaseClock.RUNNING_SQL + """
					        AS suspended, c.decision_number, c.penalty, c.fine, c.published_on, c.imported""",
					page, Rows.of(CaseSummary.class)), today());
	}

	private Deadlines deadlines(CaseView c, List<Suspension> pauses) {
		CaseClock caseClock = clock(c);
		LocalDate today = today();
		// a stopped clock keeps the days left when it stopped (every pause counted, shared days once)
		boolean stopped = CaseClock.stops(CaseClock.pausedSince(c,
				pauses.stream().filter(s -> s.endedOn() == null).findFirst().map(Suspension::startedOn)), c.decisionDueOn());
		long remaining = stopped ? caseClock.daysLeftWhileStopped(c.filedOn(), c.extended(), pausesInForce(c), today)
				: CaseClock.remaining(c.decisionDueOn(), today);
		LocalDate paymentDue = null;
		BigDecimal surcharge = null;
		if (c.deliveredOn() != null && Execution.fine(c) == null && Execution.confiscated(c) != null) {
			// handed over within its own period; no 加处罚款, which art.72 provides for fines only
			paymentDue = caseClock.handoverDue(c.deliveredOn());
		}
		else if (c.deliveredOn() != null && Execution.fine(c) != null) {
			Procedure proc = procedure(c.id());
			PaymentDue payment = c.paidOn() != null ? null : paymentDue(c, proc);
			paymentDue = payment != null ? payment.due() : finalPaymentDue(c, proc);
			surcharge = c.paidOn() != null ? paidSurcharge(c, proc) : owedSurcharge(c, proc, today);
		}
		return new Deadlines(c.decisionDueOn(), remaining, stopped,
				replyDue(c),
				c.decidedOn() == null ? null : caseClock.deliveryDue(c.decidedOn()), paymentDue, surcharge,
				c.decidedOn() == null ? null : caseClock.publicationDue(c.decidedOn()),
				hearingRight(c),
				rules.fineRange(c.violationCode(), c.serious(), c.regionCode()),
				c.deliveredOn() == null || Execution.confiscated(c) == null ? null : caseClock.handoverDue(c.deliveredOn()));
	}

	private LocalDate decisionDue(CaseView c, boolean extended) {
		List<CaseClock.Pause> pauses = suspensions(c.id()).stream()
			.filter(s -> s.endedOn() != null)
			.map(s -> new CaseClock.Pause(s.startedOn(), s.endedOn()))
			.toList();
		return clock(c).decisionDue(c.filedOn(), extended, pauses, today());
	}

	private List<Suspension> suspensions(long id) {
		return jdbc.sql("SELECT id, kind, started_on, ended_on, reason FROM penalty_case_suspension WHERE case_id = :id ORDER BY started_on, id")
			.param("id", id).query(Rows.of(Suspension.class)).list();
	}

	private Optional<Suspension> ongoing(long id) {
		return suspensions(id).stream().filter(s -> s.endedOn() == null).findFirst();
	}

	/** Issues a document of the step just taken, filled from the case as it now stands (same transaction). */
	private void issue(long id, CaseDocumentKind kind) {
		documents.issue(id, kind, null, Map.of());
	}

	/** The documents of a case in the caller's scope, as issued (reissues after their predecessors). */
	public List<CaseDocuments.IssuedDocument> documents(DataScope scope, long id) {
		get(scope, id);
		return documents.list(id);
	}

	/**
	 * Issues a document again (corrected), filled from the case as it now stands, with the same 文号 and the next
	 * version; the predecessor is kept and marked replaced. One transaction with its audit entry.
	 * @throws DomainException not-found outside the caller's scope or for another case's document; (409) when that
	 * version was already replaced
	 * @throws InvalidValueException (field {@code reason}) when the reason is blank or over 500 characters
	 */
	@Transactional
	public CaseDocuments.IssuedDocument reissueDocument(DataScope scope, long id, long documentId, String reason) {
		CaseView c = lock(scope, id);
		CaseDocuments.IssuedDocument d = documents.reissue(id, documentId, reason);
		record(c, "case.document-reissue", "重新制作" + d.title() + "（" + d.number() + "，第" + d.version() + "版）："
				+ reason.strip());
		return d;
	}

	/**
	 * The paper document of an imported case, as the scan's form gives it.
	 * @param kind the document's kind: FILING_APPROVAL, INVESTIGATION_REPORT, REVIEW_OPINION, PRIOR_NOTICE,
	 * HEARING_RIGHT_NOTICE, HEARING_NOTICE, HEARING_RECORD, DISCUSSION_RECORD, DECISION, DELIVERY_RECEIPT,
	 * CLOSING_REPORT, TRANSFER_LETTER or PAYMENT_APPROVAL
	 * @param number the 文号 it bears (a decision: blank for the case's decision number)
	 * @param issuedOn the day it bears, YYYY-MM-DD
	 */
	public record OriginalDocument(String kind, String number, String issuedOn) {
	}

	/**
	 * Keeps the scan of a paper document of a case imported from before the platform (its 行政处罚决定书, 送达回证 …) as the
	 * case's document of that kind: listed and served like an issued one (a party's kind is the enterprise's to read on
	 * its portal), never filled again from a template. One transaction with its audit entry.
	 * @param scan a PDF or JPEG/PNG image, checked by content, at most {@code youguan.enforcement.max-evidence-bytes}
	 * @throws DomainException not-found outside the caller's scope; (409) for a case handled on the platform (its steps
	 * issue the documents) or when it already holds that kind
	 * @throws InvalidValueException naming {@code kind}, {@code number}, {@code issuedOn} or {@code file}
	 */
	@Transactional
	public CaseDocuments.IssuedDocument keepOriginalDocument(DataScope scope, long id, OriginalDocument data,
			UploadedFile scan) {
		CaseView c = lock(scope, id);
		if (!c.imported()) {
			throw DomainException.illegalTransition("只有历史导入的案件可以上传原始文书扫描件；在平台办理的案件由各环节生成文书");
		}
		Validation v = new Validation();
		CaseDocumentKind kind = parse(v, "kind", "文书种类", data.kind(), CaseDocumentKind.class, true);
		v.require("kind", kind == null || kind.numberType() != null || kind == CaseDocumentKind.DECISION, "one-of",
				"文书种类（kind）不能是当场行政处罚决定书");
		String number = Text.isBlank(data.number()) && kind == CaseDocumentKind.DECISION ? c.decisionNumber()
				: Text.documentNumber(data.number());
		v.require("number", number != null, "required", "文号（number）不能为空")
			.maxLength("number", "文号（number）", number, 60)
			.identifier("number", "文号（number）", number);
		v.require("kind", kind != CaseDocumentKind.TRANSFER_LETTER, "one-of", "文书种类（kind）不能是案件移送书：导入的是已作出决定的历史案件");
		v.required("issuedOn", "文书日期（issuedOn）", data.issuedOn());
		LocalDate on = kind == null ? null : originalDay(v, c, kind, data.issuedOn());
		v.documentYear("number", "文号（number）", number, on);
		v.require("file", scan != null, "required", "原始文书扫描件（file）不能为空");
		v.throwIfInvalid();
		CaseDocuments.IssuedDocument d = documents.keepOriginal(c, kind, number.strip(), on, scan, maxScanBytes);
		record(c, "case.original-document", "上传原始文书扫描件：" + kind.title() + "（" + d.number() + "，" + on + "）");
		return d;
	}

	/**
	 * The day a scanned paper document bears, checked against its place in the procedure as the imported case records
	 * it: papers of the procedure up to the decision (立案审批表 … 听证笔录, 集体讨论记录) between 立案 and the decision; the
	 * 决定书 on the decision's day; the 送达回证 and the 缴款批准书 after the decision; the 结案报告 only for a closed case,
	 * between the decision and 结案. Null (with the error) when it does not fit.
	 */
	private LocalDate originalDay(Validation v, CaseView c, CaseDocumentKind kind, String issuedOn) {
		String label = "文书日期（issuedOn）";
		boolean afterDecision = kind == CaseDocumentKind.DECISION || kind == CaseDocumentKind.DELIVERY_RECEIPT
				|| kind == CaseDocumentKind.PAYMENT_APPROVAL || kind == CaseDocumentKind.CLOSING_REPORT;
		if (afterDecision && c.decidedOn() == null) {
			v.require("kind", false, "decided", "案件没有决定日期，不能上传" + kind.title());
			return null;
		}
		return switch (kind) {
			case DECISION -> {
				LocalDate on = v.date("issuedOn", label, issuedOn, c.filedOn(), today());
				if (on != null && !on.equals(c.decidedOn())) {
					v.require("issuedOn", false, "decision-day", "行政处罚决定书的日期应为案件的决定日期（" + c.decidedOn() + "）");
					yield null;
				}
				yield on;
			}
			case DELIVERY_RECEIPT, PAYMENT_APPROVAL -> v.date("issuedOn", label, issuedOn, c.decidedOn(), today());
			case CLOSING_REPORT -> {
				v.require("kind", c.closedOn() != null, "closed", "案件尚未结案，不能上传结案报告");
				yield c.closedOn() == null ? null : v.date("issuedOn", label, issuedOn, c.decidedOn(), c.closedOn());
			}
			default -> v.date("issuedOn", label, issuedOn, c.filedOn(), c.decidedOn() == null ? today() : c.decidedOn());
		};
	}

	/**
	 * The heads who took part in 集体讨论 (art.57), joined by 、, checked with its conclusion; null without a discussion
	 * (then neither may be given).
	 */
	private String discussion(Validation v, Decision data, boolean discussed, String region) {
		List<String> names = data.discussionParticipants() == null ? List.of()
				: data.discussionParticipants().stream().filter(n -> !Text.isBlank(n)).map(String::strip).toList();
		if (!discussed) {
			v.require("discussedOn", names.isEmpty() && Text.isBlank(data.discussionConclusion()), "required",
					"填写了集体讨论的参加人员或结论，请同时填写集体讨论日期（discussedOn）");
			return null;
		}
		int min = rules.value(StatutoryRule.PENALTY_DISCUSSION_MIN_PARTICIPANTS, region).intValue();
		v.require("discussionParticipants", names.size() >= min, "min-size",
				"集体讨论的参加负责人（discussionParticipants）至少" + min + "人（行政处罚法第57条，本局规则）");
		v.require("discussionParticipants", names.stream().distinct().count() == names.size(), "distinct",
				"集体讨论的参加负责人（discussionParticipants）不能重复");
		// the participants are names as the record lists them; the one that can be checked is the deciding head's own:
		// a decision of 负责人集体讨论 is taken by the handling bureau's heads, the signed-in head among them (art.57)
		String decider = actorName();
		v.require("discussionParticipants", decider == null || names.contains(decider), "decider-not-in-discussion",
				"集体讨论应由办案机关负责人参加，作出决定的负责人（" + decider + "）应列在参加人员（discussionParticipants）之中（行政处罚法第57条）");
		for (int i = 0; i < names.size(); i++) {
			v.maxLength("discussionParticipants[" + i + "]", "参加负责人姓名", names.get(i), 30);
		}
		v.required("discussionConclusion", "集体讨论结论（discussionConclusion）", data.discussionConclusion())
			.maxLength("discussionConclusion", "集体讨论结论（discussionConclusion）", data.discussionConclusion(), 2000);
		return String.join("、", names);
	}

	/**
	 * 复核 of the party's 陈述申辩 (行政处罚法(2021) art.45: the bureau hears the party fully and reviews the facts,
	 * reasons and evidence it put forward, adopting those that hold): required with a statement — whether adopted and
	 * why —, refused without one (rule {@code no-statement}); the reasons, stripped, or null without a statement.
	 */
	private static String statementReview(Validation v, CaseView c, Decision data) {
		if (c.statementOn() == null) {
			v.require("statementReview", data.statementAdopted() == null && Text.isBlank(data.statementReview()), "no-statement",
					"当事人没有陈述申辩，无需填写复核意见（statementAdopted、statementReview）");
			return null;
		}
		v.require("statementAdopted", data.statementAdopted() != null, "required",
				"当事人已陈述申辩，请填写复核结论（statementAdopted：是否采纳，行政处罚法第45条）");
		v.required("statementReview", "陈述申辩复核意见（statementReview：采纳或不予采纳的理由）", data.statementReview())
			.maxLength("statementReview", "陈述申辩复核意见（statementReview）", data.statementReview(), 2000);
		return Text.isBlank(data.statementReview()) ? null : Text.lineBreaks(data.statementReview()).strip();
	}

	private BigDecimal threshold(StatutoryRule rule, CaseView c) {
		return rules.value(rule, c.regionCode());
	}

	private CaseView find(long id) {
		return jdbc.sql("SELECT * FROM penalty_case WHERE id = :id")
			.param("id", id)
			.query(Rows.of(CaseView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("处罚案件", id));
	}

	private CaseView lock(DataScope scope, long id) {
		jdbc.sql("SELECT id FROM penalty_case WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		CaseView c = find(id);
		scope.requireRegion(c.regionCode(), "处罚案件", id);
		return c;
	}

	/** Moves the case to {@code to} (the same state for a step that records something) with the extra SET clause. */
	private void move(CaseView c, CaseStatus to, String set, Map<String, ?> params) {
		StatusMove.move(jdbc, clock, "penalty_case", c.id(), c.status(), to, set, params, "案件");
	}

	private void record(CaseView c, String action, String summary) {
		audit.record(AuditEntry.of(action, "penalty_case", c.id(), c.number() + "：" + summary).inRegion(c.regionCode()));
	}

	private EnterpriseView enterprise(Validation v, DataScope scope, String creditCode) {
		if (Text.isBlank(creditCode)) {
			v.require("enterpriseCreditCode", false, "required", "当事人统一社会信用代码（enterpriseCreditCode）不能为空");
			return null;
		}
		String code = v.check("enterpriseCreditCode", () -> CreditCode.of(creditCode).value());
		if (code == null) {
			return null;
		}
		EnterpriseView e = enterprises.findByCreditCode(code).filter(x -> scope.containsRegion(x.regionCode())).orElse(null);
		v.require("enterpriseCreditCode", e != null, "exists", "当事人（enterpriseCreditCode）不在您辖区的企业名录中：" + code);
		return e;
	}

	/** A 422 naming the field and rule of the law the step breaks. */
	private static DomainException ruleBroken(String field, String rule, String message) {
		return DecisionRules.ruleBroken(field, rule, message);
	}

	/**
	 * A 文号 names one decision nationally: the automatic ones carry their region, and a hand-typed or imported one may
	 * not repeat a decision of any region (a 409 naming {@code decisionNumber}, rule {@code unique}).
	 */
	private void numberFree(String number) {
		if (decisionNumberTaken(number)) {
			throw DomainException.duplicate("decisionNumber", "决定书文号（decisionNumber）已被使用：" + number + "（文号在全国范围内不得重复）");
		}
	}

	/** Whether a decision already carries {@code number} (in any region: the series are per bureau, not per unit). */
	private boolean decisionNumberTaken(String number) {
		return jdbc.sql("SELECT count(*) FROM penalty_case WHERE decision_number = :n").param("n", number).query(Long.class)
			.single() > 0;
	}

	/**
	 * A 文号 typed by hand must not be one the automatic series (ordinary or on-the-spot decisions) is still to issue:
	 * it would take the series' number before its turn (rule {@code automatic-number}).
	 */
	private void handTypedNumber(Validation v, String number) {
		if (!Text.isBlank(number)) {
			v.require("decisionNumber", !numbers.notYetIssued(ORDINARY_SERIES, number)
					&& !numbers.notYetIssued(ON_THE_SPOT_SERIES, number), "automatic-number", "决定书文号（decisionNumber）" + number.strip()
					+ "是系统尚未发出的自动编号：请留空由系统编号，或填写纸质决定书上的文号");
		}
	}

	/** A decision day before {@code step}'s day, the error on {@code decidedOn} with {@code rule}; a null step passes. */
	private static void notBefore(Validation v, LocalDate on, LocalDate step, String rule, String label) {
		if (step != null) {
			v.require("decidedOn", !on.isBefore(step), rule, "决定日期（decidedOn）" + on + "不能早于" + label + "（" + step + "）");
		}
	}

	private static void requireReason(String reason, String label) {
		new Validation().required("reason", label + "（reason）", reason).maxLength("reason", label + "（reason）", reason, 500)
			.throwIfInvalid();
	}

	private static Penalty penalty(Validation v, String field, String label, String text) {
		Penalty p = parse(v, field, label, text, Penalty.class, true);
		if (p == Penalty.NONE) {
			v.require(field, false, "one-of", label + "不能为NONE：不予处罚请使用“不予处罚”");
			return null;
		}
		return p;
	}

	private static BigDecimal fine(Validation v, String field, Penalty penalty, String text) {
		BigDecimal fine = v.decimal(field, "罚款金额（" + field + "）", text, 12, 2);
		v.money(field, "罚款金额（" + field + "）", fine);
		DecisionRules.amount(v, field, "罚款金额", fine, penalty == Penalty.FINE, "处罚种类为罚款时，罚款金额（" + field + "）须大于0");
		if (penalty == Penalty.WARNING && fine != null && fine.signum() != 0) {
			// the heavier kinds carry the fine their article 并处 (DecisionRules.combinedFine); a warning none
			v.require(field, false, "absent", "处罚种类为" + penalty.label() + "时不填写罚款金额（" + field + "）");
			return null;
		}
		return fine != null && fine.signum() == 0 ? null : fine;
	}

	/**
	 * 没收违法所得 states the value confiscated (元), apart from any fine: the notice and the decision name it, the
	 * hearing right and the legal review follow from it (行政处罚法(2021) art.58, 63), and the decision may not exceed
	 * what was notified (art.45). Required (rule {@code required} on {@code field}) for CONFISCATION; null when 0 or absent.
	 */
	private static BigDecimal confiscated(Validation v, String field, Penalty penalty, String text) {
		BigDecimal amount = v.decimal(field, "没收违法所得金额（" + field + "）", text, 12, 2);
		v.money(field, "没收违法所得金额（" + field + "）", amount);
		DecisionRules.amount(v, field, "没收违法所得金额", amount, penalty == Penalty.CONFISCATION, "处罚种类为没收违法所得时，须填写没收的违法所得金额（"
				+ field + "，元）：告知书和决定书须载明，并据以确定听证权利和法制审核");
		return amount != null && amount.signum() == 0 ? null : amount;
	}

	/**
	 * The parts of a proposed or decided penalty against the violation's article: the fine within its range (减轻 below
	 * it with art.32's ground and reason), the fine the article 并处 beside a heavier kind, a confiscation only where the
	 * article provides it and named as the kind, the kind one the article provides, 停业整顿 and 吊销 only when serious.
	 */
	private void combined(Validation v, String penaltyField, String fineField, String confiscatedField, CaseView c,
			Penalty penalty, BigDecimal fine, BigDecimal confiscated, boolean serious, Mitigation mitigation,
			Mitigation.Ground ground, String reason) {
		Set<String> provided = c.violationCode().penalties();
		if (fine != null) {
			DecisionRules.checkFine(v, fineField, rules.fineRange(c.violationCode(), serious, c.regionCode()), fine, mitigation,
					ground, reason);
		}
		checkParts(v, penaltyField, fineField, confiscatedField, provided, penalty, fine, confiscated);
		DecisionRules.providedKind(v, penaltyField, provided, penalty, mitigation, ground, reason);
		DecisionRules.seriousOnly(v, penaltyField, penalty, serious);
	}

	/**
	 * The parts of a penalty against what the violation's article provides, the one check of a decision on the platform
	 * and of an imported past one: the fine the article 并处 beside a heavier kind (rule {@code combined-required} on
	 * {@code fineField}), a confiscation only where provided and named as the kind ({@code not-provided},
	 * {@code heaviest}).
	 */
	private static void checkParts(Validation v, String penaltyField, String fineField, String confiscatedField,
			Set<String> provided, Penalty penalty, BigDecimal fine, BigDecimal confiscated) {
		DecisionRules.combinedFine(v, fineField, provided, penalty, fine);
		DecisionRules.confiscation(v, penaltyField, confiscatedField, provided, penalty, confiscated);
	}

	/**
	 * The period of a 责令停业整顿 (its first and last day): required with SUSPENSION (rule {@code required} on
	 * {@code suspensionFrom}/{@code suspensionUntil}), from the decision's day on, the last day not before the first
	 * (rule {@code order}); absent with any other kind (rule {@code absent}).
	 * @return the two days, null where absent or invalid
	 */
	private static LocalDate[] suspensionPeriod(Validation v, Penalty penalty, LocalDate decidedOn, String from,
			String until) {
		if (penalty != Penalty.SUSPENSION) {
			v.require("suspensionFrom", penalty == null || Text.isBlank(from) && Text.isBlank(until), "absent",
					"只有责令停业整顿才填写停业整顿期间（suspensionFrom、suspensionUntil）");
			return new LocalDate[2];
		}
		v.required("suspensionFrom", "停业整顿起始日（suspensionFrom）", from)
			.required("suspensionUntil", "停业整顿截止日（suspensionUntil）", until);
		LocalDate first = v.date("suspensionFrom", "停业整顿起始日（suspensionFrom）", from,
				decidedOn == null ? LocalDate.of(2000, 1, 1) : decidedOn, LocalDate.of(2999, 12, 31));
		LocalDate last = v.date("suspensionUntil", "停业整顿截止日（suspensionUntil）", until,
				first == null ? LocalDate.of(2000, 1, 1) : first, LocalDate.of(2999, 12, 31));
		return new LocalDate[] { first, last };
	}

	/**
	 * 吊销快递业务经营许可证 only by the authority that issued it (行政许可法(2019) art.70; 邮政法(2015) art.52: the
	 * provincial bureau for a licence within the province, the State Post Bureau for an inter-province or international
	 * one): a city or county bureau's case may not decide or propose it — 422 naming {@code field}, rule
	 * {@code revocation-authority}; it refers the case to the provincial bureau.
	 * @param deciderRegion the region of the bureau deciding (a case's region; the importing bureau's for a past case)
	 */
	private static void revocationAuthority(String field, String deciderRegion, Penalty penalty) {
		if (penalty == Penalty.REVOCATION && deciderRegion.length() > 2) {
			throw ruleBroken(field, "revocation-authority", "吊销快递业务经营许可证由发证机关决定（省内经营的为省级邮政管理局，跨省或国际经营的为"
					+ "国家邮政局，邮政法第52条）：本案由市、县级邮政管理部门办理，不能" + (field.startsWith("proposed") ? "拟" : "")
					+ "吊销许可证，请移送有权机关");
		}
	}

	static <E extends Enum<E>> E parse(Validation v, String field, String label, String text, Class<E> type,
			boolean required) {
		if (Text.isBlank(text)) {
			v.require(field, !required, "required", label + "（" + field + "）不能为空");
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			List<String> names = new ArrayList<>();
			for (E e : type.getEnumConstants()) {
				names.add(e.name());
			}
			v.require(field, false, "one-of", label + "（" + field + "）应为" + String.join("、", names) + "之一");
			return null;
		}
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

	private static BigDecimal nonZero(BigDecimal amount) {
		return amount == null || amount.signum() == 0 ? null : amount;
	}

	/** The signed-in staff account taking the step, or null (a system job, the demo). */
	private static Long actorId() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u.id() : null;
	}

	private static String actor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	/** The signed-in staff member's name, or null (a system job, the demo). */
	private static String actorName() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u.displayName() : null;
	}

	/**
	 * A head-only step (立案, 决定, 不予处罚, 撤案, 移送, extension, deferral or instalments) is taken by 行政机关负责人
	 * (行政处罚法(2021) art.57) of the bureau handling the case — its own head: a signed-in account with the 局领导 role
	 * whose bureau's region is the case's. A superior bureau's head oversees the county's cases but does not decide for
	 * it (the 决定书 and 批准书 name the handling bureau's head as 本局负责人). A step run without a signed-in account (a
	 * system job, the demo data) is not checked.
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head})
	 */
	void requireHandlingHead(String caseRegion, String step) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser u) || headsHandlingBureau(u, caseRegion)) {
			return;
		}
		String handling = handlingBureau(caseRegion).map(BureauView::name).orElse(caseRegion);
		throw ruleBroken("head", "not-handling-bureau-head", step + "须由办案机关（" + handling + "）的负责人作出（行政处罚法第57条）："
				+ u.displayName() + "不是" + handling + "的局领导" + (u.has(Role.BUREAU_LEADER) ? "，上级或其他机关的负责人不能代为作出" : ""));
	}

	/**
	 * Whether {@code u} is a head (局领导) of the bureau handling a case of {@code caseRegion}, who alone takes its
	 * head-only steps (the case page offers their forms to no one else).
	 */
	public boolean headsHandlingBureau(CurrentUser u, String caseRegion) {
		return u.has(Role.BUREAU_LEADER) && u.kind() == UserKind.STAFF && handlingBureau(caseRegion)
			.filter(b -> Long.valueOf(b.id()).equals(u.bureauId())).isPresent();
	}

	/** The bureau handling a case of this region: the one whose region is the longest prefix of it. */
	private Optional<BureauView> handlingBureau(String region) {
		for (int length : new int[] { 12, 9, 6, 4, 2 }) {
			if (length <= region.length()) {
				Optional<BureauView> b = bureaus.findByRegion(region.substring(0, length));
				if (b.isPresent()) {
					return b;
				}
			}
		}
		return Optional.empty();
	}
}
