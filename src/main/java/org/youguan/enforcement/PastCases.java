package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DecimalText;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.inspections.InspectionOrders;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.registry.EnterpriseView;
import org.youguan.rules.AppliedLaw;
import org.youguan.rules.FineRange;
import org.youguan.rules.Provision;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

import static org.youguan.enforcement.internal.CaseInput.checkParts;
import static org.youguan.enforcement.internal.CaseInput.nonZero;
import static org.youguan.enforcement.internal.CaseInput.parse;
import static org.youguan.enforcement.internal.CaseInput.plain;

/**
 * Past penalty cases brought with a bureau's history: a case recorded with its real dates, amounts and 文号
 * ({@link #importCase}), and the scans of its paper documents kept as the case's documents
 * ({@link #keepOriginalDocument}).
 */
@Service
public class PastCases {

	/**
	 * The sources a past case may come from (the import's contract), the one list the API's and the sheet's messages
	 * name: not {@link LeadSource#SAFETY}, a lead the platform's own alerts raise.
	 */
	public static final List<LeadSource> IMPORTED_SOURCES = List.of(LeadSource.INSPECTION, LeadSource.COMPLAINT,
			LeadSource.REPORT, LeadSource.TRANSFER);

	/** The receipt of an imported handover: the paper file holds it (its scan may be kept as an original document). */
	static final String IMPORTED_HANDOVER = "历史案件导入：上缴凭证见纸质案卷";

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final BusinessNumbers numbers;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CaseDocuments documents;

	private final long maxScanBytes;

	private final LocalDate importedBefore;

	private final CaseWork caseWork;

	private final DecisionNumbers decisionNumbers;

	private final InspectionOrders orders;

	PastCases(JdbcClient jdbc, StatutoryRules rules, BusinessNumbers numbers, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, CaseDocuments documents,
			@Value("${youguan.enforcement.max-evidence-bytes:20971520}") long maxScanBytes,
			@Value("${youguan.enforcement.imported-before:}") String importedBefore, CaseWork caseWork,
			DecisionNumbers decisionNumbers, InspectionOrders orders) {
		this.orders = orders;
		this.jdbc = jdbc;
		this.rules = rules;
		this.numbers = numbers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.documents = documents;
		this.maxScanBytes = maxScanBytes;
		this.importedBefore = Text.isBlank(importedBefore) ? null : LocalDate.parse(Text.strip(importedBefore));
		this.caseWork = caseWork;
		this.decisionNumbers = decisionNumbers;
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
	 * @param serious whether the case was found 情节严重 (null: not): the fine is judged against the serious range, else
	 * against the ordinary one; true is refused for a violation whose article sets nothing for serious cases (rule
	 * {@code no-serious-range}, {@code DecisionRules.seriousProvided})
	 * @param extended whether the head extended the decision limit (延长办案期限, 30 days more, once; null: not)
	 * @param suspended whether the decision clock stood still for a while (中止、听证等期间不计入; null: not): the
	 * decision is then not judged against the limit, whose paused days the import does not carry
	 * @param noPenaltyGround for a 不予处罚 (penalty NONE) the ground of 行政处罚法(2021) art.33 it rests on, a
	 * {@link NoPenaltyGround} name (MINOR_CORRECTED, FIRST_MINOR, NO_FAULT) or its label — required there (400 rule
	 * {@code required}/{@code one-of}), absent otherwise (rule {@code absent}): a 不予处罚 on a ground that finds the
	 * violation committed counts against a later 初次违法 as a live one does ({@code CaseDecisions#requireFirstViolation})
	 * @param mitigation 从轻 or 减轻 as the decision applied it (行政处罚法(2021) art.32): LIGHTER or REDUCED (the sheet takes
	 * the labels 从轻处罚, 减轻处罚), null for neither. A fine below the range's minimum is a 减轻 and is refused without it (400 on {@code fine},
	 * rule {@code range}, naming the range), as a live decision is ({@code DecisionRules#checkFine})
	 * @param mitigationGround the art.32 ground of the mitigation, a {@link Mitigation.Ground} name — required with
	 * {@code mitigation} (rule {@code required})
	 * @param mitigationReason why, as the decision states it (up to 500 characters) — required with {@code mitigation}
	 * @param deliveredOn the day the decision was served (送达, 行政处罚法(2021) art.61), optional: checked as a live
	 * delivery is — a decided case's only (rule {@code absent}), not before the decision nor after a payment or the
	 * closure (rule {@code order}), not in the future (rule {@code future}); with it the case's 送达期限 is met and its
	 * 缴款期限 runs from that day as a live one's, without it a case not yet carried out stays to be served
	 * @param orderNumber under an article punishing only "经责令改正拒不改正" (快递暂行条例(2025) art.56, PACKAGING), the
	 * 文号 of the 责令改正通知书 the case rests on — optional when the party has such an order on the platform (about the
	 * duty, its deadline passed before the filing day, turned into a lead: {@code CaseWork#requireUncorrectedOrder}).
	 * A number the platform holds is judged as that order (rule {@code uncorrected-order} when it is another party's,
	 * about another duty, or its term had not passed before the filing); a number it does not hold is the paper order
	 * of the case file, taken as the file records it (the platform cannot see its dates) and kept with the case. Absent
	 * under any other article (rule {@code absent}).
	 */
	public record ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn,
			String decidedOn, String decisionNumber, String penalty,
			@JsonDeserialize(using = DecimalText.class) @NumberText.Digits(label = CaseInput.FINE,
					integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) BigDecimal fine,
			String paidOn, String closedOn,
			@JsonDeserialize(using = DecimalText.class) @NumberText.Digits(label = CaseInput.CONFISCATED,
					integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) BigDecimal confiscated,
			String handedOverOn, Boolean serious, Boolean extended, Boolean suspended, String noPenaltyGround,
			String mitigation, String mitigationGround, String mitigationReason, String deliveredOn, String orderNumber) {

		/** A past case imported without naming a 责令改正通知书 (the party's order on the platform, if one is needed). */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn,
				BigDecimal confiscated, String handedOverOn, Boolean serious, Boolean extended, Boolean suspended,
				String noPenaltyGround, String mitigation, String mitigationGround, String mitigationReason,
				String deliveredOn) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					confiscated, handedOverOn, serious, extended, suspended, noPenaltyGround, mitigation, mitigationGround,
					mitigationReason, deliveredOn, null);
		}

		/** A past case imported without its day of service. */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn,
				BigDecimal confiscated, String handedOverOn, Boolean serious, Boolean extended, Boolean suspended,
				String noPenaltyGround, String mitigation, String mitigationGround, String mitigationReason) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					confiscated, handedOverOn, serious, extended, suspended, noPenaltyGround, mitigation, mitigationGround,
					mitigationReason, null);
		}

		/** A past case decided without 从轻 or 减轻. */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn,
				BigDecimal confiscated, String handedOverOn, Boolean serious, Boolean extended, Boolean suspended,
				String noPenaltyGround) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					confiscated, handedOverOn, serious, extended, suspended, noPenaltyGround, null, null, null);
		}

		/** A past case decided with a penalty (or not decided): no ground of a 不予处罚. */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn,
				BigDecimal confiscated, String handedOverOn, Boolean serious, Boolean extended, Boolean suspended) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					confiscated, handedOverOn, serious, extended, suspended, null);
		}

		/** A past case neither serious nor extended nor suspended. */
		public ImportedCase(String enterpriseCreditCode, String violation, String source, String filedOn, String decidedOn,
				String decisionNumber, String penalty, BigDecimal fine, String paidOn, String closedOn,
				BigDecimal confiscated, String handedOverOn) {
			this(enterpriseCreditCode, violation, source, filedOn, decidedOn, decisionNumber, penalty, fine, paidOn, closedOn,
					confiscated, handedOverOn, null, null, null);
		}

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
	 * violation's article provides (or a lighter one, rule {@code not-provided}), a fine within the violation's maximum —
	 * and below its minimum only as a 减轻 with its ground and reason ({@code mitigation}, rule {@code range} on {@code fine}) —, a
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
	@Transactional
	public long importCase(DataScope scope, ImportedCase data) {
		Validation v = new Validation();
		LocalDate today = caseWork.today();
		EnterpriseView enterprise = caseWork.enterprise(v, scope, data.enterpriseCreditCode());
		ViolationType type = null;
		if (Text.isBlank(data.violation())) {
			v.require("violation", false, "required", "违法行为不能为空");
		}
		else {
			type = ViolationType.byCodeOrTitle(data.violation()).orElse(null);
			v.require("violation", type != null, "one-of", "违法行为应为违法行为目录中的代码或名称："
					+ Decimals.echo(data.violation()));
		}
		LeadSource source = importedSource(v, data.source());
		v.required("filedOn", "立案日期", data.filedOn());
		// a past case: filed and decided before the import (and before youguan.enforcement.imported-before, the day the
		// bureau began handling cases on the platform) — a case of today has its procedure on the platform
		LocalDate lastPastDay = importedBefore != null && importedBefore.isBefore(today) ? importedBefore.minusDays(1)
				: today.minusDays(1);
		String past = "（历史案件须在" + ChineseText.day(lastPastDay.plusDays(1)) + "之前立案和作出决定；此后的案件应在平台上办理）";
		Day filed = pastDay(v, "filedOn", "立案日期", data.filedOn(), today, null);
		if (filed != null) {
			v.require("filedOn", !filed.day().isAfter(lastPastDay), "imported-past", "立案日期不是历史日期" + past);
		}
		if (type != null && filed != null) {
			// no article punished the act on its day (the filing day standing for it: the sheet has no day the violation
			// ended, and the act was done by then) — never imported, nor published, under a later text's article
			v.require("violation", type.inForceOn(filed.day()), "not-in-force", type.notInForce(filed.day(), "立案日期"));
		}
		Day decided = pastDay(v, "decidedOn", "决定日期", data.decidedOn(), today, filed);
		if (decided != null) {
			v.require("decidedOn", !decided.day().isAfter(lastPastDay), "imported-past", "决定日期不是历史日期" + past);
		}
		Penalty penalty = parse(v, "penalty", "处罚种类", data.penalty(), Penalty.class, false);
		boolean decidedCase = !Text.isBlank(data.decidedOn());
		if (decidedCase) {
			v.required("decisionNumber", "决定书文号", data.decisionNumber());
			v.require("penalty", !Text.isBlank(data.penalty()), "required", "已作出决定的案件须填写处罚种类");
		}
		else {
			v.require("decisionNumber", Text.isBlank(data.decisionNumber()), "absent", "未作出决定（决定日期为空）的案件不填写决定书文号");
			v.require("penalty", Text.isBlank(data.penalty()), "absent", "未作出决定（决定日期为空）的案件不填写处罚种类");
		}
		String typedNumber = Text.documentNumber(data.decisionNumber());
		v.maxLength("decisionNumber", "决定书文号", typedNumber, 60)
			.documentNumber("decisionNumber", "决定书文号", typedNumber)
			.documentYear("decisionNumber", "决定书文号", typedNumber, Day.of(decided));
		decisionNumbers.handTypedNumber(v, typedNumber, enterprise == null ? null : importingRegion(scope, enterprise));
		// before 并处 was recorded, a confiscation's value came in fine: without confiscated it still means that
		boolean legacyConfiscation = penalty == Penalty.CONFISCATION && data.confiscated() == null;
		BigDecimal fine = legacyConfiscation ? null : nonZero(data.fine());
		BigDecimal confiscated = legacyConfiscation ? nonZero(data.fine()) : nonZero(data.confiscated());
		// one message an amount, the first rule it broke: the column's digits (1e15, 8000.004 name 12 integer digits
		// and 2 decimals), then the notation (1e5 is no amount as typed)
		v.fits("fine", "罚款金额", fine, 12, 2).money("fine", "罚款金额", fine);
		v.fits("confiscated", "没收违法所得金额", confiscated, 12, 2)
			.money("confiscated", "没收违法所得金额", confiscated);
		DecisionRules.amount(v, "fine", "罚款金额", data.fine(), penalty == Penalty.FINE, "处罚种类为罚款时，罚款金额须大于0");
		DecisionRules.amount(v, legacyConfiscation ? "fine" : "confiscated", "没收违法所得金额",
				legacyConfiscation ? data.fine() : data.confiscated(),
				penalty == Penalty.CONFISCATION && (type == null || DecisionRules.provides(type.penalties(), penalty)),
				"处罚种类为没收违法所得时，没收金额须大于0");
		// an unreadable kind is its own error: nothing is judged by it
		if (penalty == null && Text.isBlank(data.penalty()) || penalty != null && !penalty.heavierThan(Penalty.WARNING)) {
			v.require("fine", fine == null, "absent", "处罚种类为" + (penalty == null ? "空" : penalty.label()) + "时不填写罚款金额");
		}
		boolean serious = Boolean.TRUE.equals(data.serious());
		Mitigation mitigation = parse(v, "mitigation", "从轻/减轻", data.mitigation(), Mitigation.class, false);
		Mitigation.Ground mitigationGround = parse(v, "mitigationGround", Provision.PENALTY_MITIGATION + "情形",
				data.mitigationGround(), Mitigation.Ground.class, false);
		v.maxLength("mitigationReason", "理由", data.mitigationReason(), 500).words("mitigationReason", "理由", data.mitigationReason());
		if (fine != null && type != null && enterprise != null && !v.hasError("fine")) {
			// the range of the case's own 情节 (attack round 20: a 40000 fine was kept on an ordinary case whose range ends
			// at 10000); below its minimum only as a 减轻 (行政处罚法 art.32) the import carries with its ground
			// as it stood on the decision's day: a bureau's 裁量基准 changed since does not judge a past decision
			// and of the law the case applies (行政处罚法 art.37: the act's — the filing day's —, the decision's where lighter)
			FineRange own = applicable(type, serious, enterprise.regionCode(), filed, decided).range();
			// the range named as the catalogue has it: 情节一般/情节严重 only where the article sets a serious range
			// (PACKAGING has one range, whatever the sheet says of the case's 情节)
			String which = own.serious() ? "情节严重" : type.hasSeriousRange() ? "情节一般" : "";
			v.require("fine", fine.compareTo(own.max()) <= 0, "range", "罚款" + plain(fine) + "元超出该违法行为的法定上限（"
					+ which + plain(own.max()) + "元）"
					+ (own.serious() || !type.hasSeriousRange() ? "" : "；情节严重的案件请在“情节严重”一栏填写“是”"));
			DecisionRules.finedOnlyWhenSerious(v, "fine", type, fine, serious);
			if (fine.compareTo(own.max()) <= 0) {
				// below the minimum only as a 减轻 with its ground and reason, as on the platform (行政处罚法 art.32)
				DecisionRules.checkFine(v, "fine", own, fine, mitigation, mitigationGround, data.mitigationReason());
			}
		}
		else if (mitigation != null) {
			v.require("mitigationGround", mitigationGround != null, "required", mitigation.label() + "须选择" + Provision.PENALTY_MITIGATION + "规定的情形");
			v.require("mitigationReason", !Text.isBlank(data.mitigationReason()), "required", mitigation.label() + "须说明理由");
		}
		DecisionRules.seriousProvided(v, "serious", type, serious);
		if (type != null && penalty != null && penalty != Penalty.NONE) {
			DecisionRules.providedOrLighter(v, "penalty", type.penalties(), penalty);
			checkParts(v, "penalty", "fine", "confiscated", type.penalties(), penalty, fine, confiscated);
		}
		else if (penalty == null && Text.isBlank(data.penalty()) || penalty == Penalty.NONE) {
			v.require("confiscated", confiscated == null, "absent", "未作出处罚决定的案件不填写没收金额");
		}
		NoPenaltyGround ground = noPenaltyGround(v, data.noPenaltyGround(), penalty, data.penalty());
		// served as a live delivery is: a decision's, not before it, not in the future (行政处罚法(2021) art.61)
		Day delivered = pastDay(v, "deliveredOn", "送达日期", data.deliveredOn(), today, decided);
		if (!Text.isBlank(data.deliveredOn())) {
			v.require("deliveredOn", decidedCase, "absent", "未作出决定（决定日期为空）的案件不填写送达日期");
		}
		// paid once served: a live payment is recorded on a decision delivered
		LocalDate paid = Day.of(pastDay(v, "paidOn", "缴款日期", data.paidOn(), today, delivered != null ? delivered : decided));
		if (paid != null) {
			v.require("paidOn", fine != null, "absent", "只有处以罚款的决定才填写缴款日期");
		}
		// 没收违法所得 is carried out when handed over (上缴, art.74): its day, as the live handover records it
		LocalDate handed = Day.of(pastDay(v, "handedOverOn", "没收上缴日期", data.handedOverOn(), today,
				delivered != null ? delivered : decided));
		if (!Text.isBlank(data.handedOverOn())) {
			v.require("handedOverOn", confiscated != null || penalty == null && !Text.isBlank(data.penalty()), "absent",
					"只有没收违法所得的决定才填写没收上缴日期");
		}
		// 结案 after every date before it: the latest of them names the rule broken
		Day latest = Stream.of(paid == null ? null : new Day(paid, "缴款日期"), handed == null ? null : new Day(handed, "没收上缴日期"),
				delivered, decided, filed).filter(Objects::nonNull).max(Comparator.comparing(Day::day)).orElse(null);
		LocalDate closed = Day.of(pastDay(v, "closedOn", "结案日期", data.closedOn(), today, latest));
		if (closed != null) {
			v.require("closedOn", decidedCase, "order", "未作出决定的案件不能填写结案日期");
			v.require("closedOn", fine == null || !Text.isBlank(data.paidOn()), "unpaid", "罚款未缴纳（缴款日期为空）的案件不能结案");
			v.require("handedOverOn", confiscated == null || !Text.isBlank(data.handedOverOn()), "not-handed-over",
					"没收的违法所得未上缴（没收上缴日期为空）的案件不能结案：请填写没收上缴日期");
		}
		String restsOn = uncorrectedOrder(v, data.orderNumber(), type, enterprise, filed, today);
		v.throwIfInvalid();
		// 吊销 only by the issuing authority: the bureau importing its past decisions is the one that decided them
		caseWork.revocationAuthority("penalty", scope.regionPrefix() == null ? "" : scope.regionPrefix(), enterprise.creditCode(),
				penalty);
		String region = importingRegion(scope, enterprise);
		String number = decidedCase ? typedNumber : null;
		if (number != null) {
			decisionNumbers.numberFree(number);
		}
		// carried out once every executable part is: the fine paid, the confiscation handed over
		boolean executed = (fine != null || confiscated != null) && (fine == null || paid != null)
				&& (confiscated == null || handed != null);
		CaseStatus status = !decidedCase ? CaseStatus.FILED : penalty == Penalty.NONE ? CaseStatus.NOT_PENALIZED
				: closed != null ? CaseStatus.CLOSED : executed ? CaseStatus.EXECUTED
						: delivered != null ? CaseStatus.DELIVERED : CaseStatus.DECIDED;
		String caseNumber = numbers.next("处罚案件", region.length() > 6 ? region.substring(0, 6) : region,
				filed.day().getYear());
		Map<String, Object> p = new HashMap<>();
		p.put("number", caseNumber);
		p.put("region", region);
		p.put("source", source.name());
		p.put("code", enterprise.creditCode());
		p.put("name", enterprise.legalName());
		p.put("violation", type.name());
		p.put("status", status.name());
		p.put("filed", filed.day());
		// the limit as the rules stood when the case was filed, not as they stand today
		LocalDate due = caseWork.clockOn(region, filed.day()).decisionDue(filed.day(), Boolean.TRUE.equals(data.extended()), List.of(),
				filed.day());
		LocalDate late = lateAgainst(data, due, Day.of(decided));
		p.put("due", due);
		p.put("decisionNumber", number);
		p.put("decided", Day.of(decided));
		p.put("penalty", penalty == null || penalty == Penalty.NONE ? null : penalty.name());
		p.put("fine", fine);
		p.put("confiscated", confiscated);
		p.put("paid", paid);
		p.put("delivered", Day.of(delivered));
		p.put("paidAmount", paid == null ? null : fine);
		p.put("closed", closed != null ? closed : status == CaseStatus.NOT_PENALIZED ? Day.of(decided) : null);
		p.put("by", Actors.currentName());
		p.put("now", OffsetDateTime.now(clock));
		p.put("serious", serious);
		p.put("extended", Boolean.TRUE.equals(data.extended()));
		p.put("ground", ground == null ? null : ground.name());
		p.put("late", late != null);
		p.put("mitigation", mitigation == null ? null : mitigation.name());
		p.put("mitigationGround", mitigation == null || mitigationGround == null ? null : mitigationGround.name());
		p.put("mitigationReason", mitigation == null ? null : Text.blankToNull(Text.strip(data.mitigationReason())));
		p.put("order", restsOn);
		long id = jdbc.sql("""
				INSERT INTO penalty_case (number, region_code, source, enterprise_credit_code, enterprise_name, violation_code,
				    status, filed_on, decision_due_on, decision_number, decided_on, penalty, fine, confiscated, delivered_on,
				    paid_on, paid_amount, surcharge, closed_on, imported, created_by, created_at, updated_at, serious, extended,
				    no_penalty_ground, mitigation, mitigation_ground, mitigation_reason, decided_late, uncorrected_order_number)
				VALUES (:number, :region, :source, :code, :name, :violation, :status, :filed, :due, :decisionNumber,
				    :decided, :penalty, :fine, :confiscated, :delivered, :paid, :paidAmount, NULL, :closed, TRUE, :by, :now, :now,
				    :serious, :extended, :ground, :mitigation, :mitigationGround, :mitigationReason, :late, :order)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		if (decidedCase) {
			caseWork.fixTerms(id, region, Day.of(decided));
		}
		if (handed != null) {
			jdbc.sql("""
					INSERT INTO penalty_case_handover (case_id, handed_over_on, amount, receipt, recorded_by, recorded_at)
					VALUES (:id, :on, :amount, :receipt, :by, :now)""")
				.param("id", id).param("on", handed).param("amount", confiscated).param("receipt", IMPORTED_HANDOVER)
				.param("by", Actors.currentName()).param("now", OffsetDateTime.now(clock)).update();
		}
		audit.record(AuditEntry.of("case.import", "penalty_case", id, "导入历史处罚案件" + caseNumber + "：" + enterprise.legalName()
				+ "，" + type.shortName() + (restsOn == null ? "" : "（经责令改正拒不改正：" + restsOn + "）")
				+ (number == null ? "" : "，" + number + "，"
						+ CaseDocuments.penalty(penalty, fine, confiscated))
				+ (late == null ? "" : "；超过办案期限（" + ChineseText.day(late) + "）")
				+ (mitigation == null ? "" : "（" + mitigation.label() + "：" + (mitigationGround == null ? "" : mitigationGround.label()) + "）"))
			.inRegion(region));
		if (decidedCase && penalty != Penalty.NONE) {
			events.publishEvent(new PenaltyDecided(id, number, region, enterprise.creditCode(), enterprise.legalName(),
					type.name(), penalty, fine, confiscated, Day.of(decided), true));
		}
		return id;
	}

	/**
	 * The decision limit from 立案 (行政处罚法(2021) art.60, 邮政行政执法监督办法(2021) art.17; the rule catalogue's
	 * {@code penalty.decision}, plus {@code penalty.decision-extension} when {@code extended}) a past decision came after,
	 * or null when it came in time, the import says the clock was suspended (whose paused days it does not carry), or a
	 * date is missing. A late past decision is history as it happened: imported, never refused — a bureau's sheet of past
	 * cases holds late ones too — and marked "超过办案期限" on the case ({@link CaseView#decidedLate}: its page and the API)
	 * and in the audit entry as a late live decision is (attack round 20: a decision 248 days after 立案 was taken
	 * without a word).
	 */
	/**
	 * The region a past case is filed in: the importing bureau's (the caller's region, which holds the enterprise —
	 * {@link CaseWork#enterprise} refuses one outside it), since the bureau importing its past decisions is the one that
	 * decided them — as a live case belongs to the bureau handling it, not always the enterprise's own (a city's case is
	 * numbered, counted and decided on by the city: its head records 复议 and 诉讼 outcomes). Without a region (国家邮政局's
	 * scope, which no case region names) the enterprise's own region, as before.
	 */
	/**
	 * The 责令改正通知书 a past case under an article punishing only "经责令改正拒不改正" rests on (attack B3: the import
	 * skipped 快递暂行条例(2025) art.56), as {@link ImportedCase#orderNumber} states the rule: the number typed, judged as
	 * the platform's order where it holds one and taken as the paper order where not, or — none typed — the party's
	 * order on the platform ({@link CaseWork#requireUncorrectedOrder}, the filing day standing for the act's end as for
	 * {@code not-in-force}). Refusals go to {@code v}; nothing is judged when the type, party or filing day is unread.
	 * @return the order's 文号 kept with the case, or null (another article, or refused)
	 */
	private String uncorrectedOrder(Validation v, String typed, ViolationType type, EnterpriseView enterprise, Day filed,
			LocalDate today) {
		String number = Text.documentNumber(typed);
		String label = "责令改正通知书文号";
		if (type == null || !type.punishesOnlyUncorrected()) {
			v.require("orderNumber", number == null || type == null, "absent", Wording.of("enforcement.refusal.orderNumberAbsent"),
					"只有依据“经责令改正拒不改正”条款处罚的案件才填写" + label);
			return null;
		}
		if (enterprise == null || filed == null || v.hasError("violation")) {
			return null;
		}
		if (number == null) {
			caseWork.requireUncorrectedOrder(v, "orderNumber", type, enterprise.creditCode(), filed.day(), today);
			return orders.uncorrectedOrder(enterprise.creditCode(), type.correctionDuties(), filed.day(), today).orElse(null);
		}
		v.maxLength("orderNumber", label, number, 60).documentNumber("orderNumber", label, number);
		if (v.hasError("orderNumber")) {
			return null;
		}
		if (orders.onPlatform(number)) {
			boolean rests = orders.uncorrected(enterprise.creditCode(), type.correctionDuties(), filed.day(), today, number);
			v.require("orderNumber", rests, "uncorrected-order", Wording.of("enforcement.refusal.orderNotUncorrected", number,
					type.correctionDutiesText()), label + number + "不是本案当事人针对" + type.correctionDutiesText()
					+ "、整改期限在立案前已届满且逾期未整改或复查未整改的责令改正通知书，不能作为“经责令改正拒不改正”的依据");
			return rests ? number : null;
		}
		// a paper order the platform never held: the case file's, taken as recorded
		return number;
	}

	static String importingRegion(DataScope scope, EnterpriseView enterprise) {
		String own = scope.regionPrefix();
		return own != null && !own.isEmpty() && scope.containsRegion(enterprise.regionCode()) ? own : enterprise.regionCode();
	}

	private static LocalDate lateAgainst(ImportedCase data, LocalDate due, LocalDate decided) {
		if (due == null || decided == null || Boolean.TRUE.equals(data.suspended())) {
			return null;
		}
		return decided.isAfter(due) ? due : null;
	}

	/** The source of a past case, one of {@link #IMPORTED_SOURCES} (rule {@code required} or {@code one-of}), or null. */
	private static LeadSource importedSource(Validation v, String typed) {
		String label = "案件来源";
		if (Text.isBlank(typed)) {
			v.require("source", false, "required", label + "不能为空");
			return null;
		}
		LeadSource source = IMPORTED_SOURCES.stream().filter(s -> s.name().equalsIgnoreCase(Text.strip(typed))).findFirst()
			.orElse(null);
		v.require("source", source != null, "one-of", label + "应为" + String.join("、", IMPORTED_SOURCES.stream()
			.map(s -> s.name() + "（" + s.label() + "）").toList()) + "之一");
		return source;
	}

	/** A day of a past case with the name of its field, for the rules of the days after it. */
	private record Day(LocalDate day, String label) {

		static LocalDate of(Day d) {
			return d == null ? null : d.day();
		}
	}

	/**
	 * A day of a past case as typed (YYYY-MM-DD), each rule with its own message naming the field: not after today
	 * (rule {@code future}: 不得晚于今天), not before {@link Validation#EARLIEST_ACT} (rule {@code range}), not before
	 * the day the procedure puts before it (rule {@code order}: 决定 after 立案, 缴款 and 上缴 after 决定, 结案 after all
	 * of them). Null when blank or refused, so no day after it is judged by a day that is not one.
	 */
	/**
	 * The ground of an imported 不予处罚 (行政处罚法(2021) art.33): required with penalty NONE, by its name or label
	 * ({@link NoPenaltyGround}), absent with any other kind — an unreadable kind judges nothing.
	 */
	private static NoPenaltyGround noPenaltyGround(Validation v, String typed, Penalty penalty, String typedPenalty) {
		String listed = String.join("、", Arrays.stream(NoPenaltyGround.values()).map(g -> g.name() + "（" + g.label() + "）")
			.toList());
		if (penalty == Penalty.NONE) {
			v.require("noPenaltyGround", !Text.isBlank(typed), "required", "不予处罚的案件须填写不予处罚的法定情形，应为" + listed
					+ "之一：初次违法的认定依此计算");
		}
		else if (penalty != null || Text.isBlank(typedPenalty)) {
			v.require("noPenaltyGround", Text.isBlank(typed), "absent", "只有不予处罚的案件才填写不予处罚的法定情形");
			return null;
		}
		if (Text.isBlank(typed)) {
			return null;
		}
		String stripped = Text.strip(typed);
		Optional<NoPenaltyGround> ground = Arrays.stream(NoPenaltyGround.values())
			.filter(g -> g.name().equalsIgnoreCase(stripped) || g.label().equals(stripped)
					|| g.label().startsWith(stripped + "（"))
			.findFirst();
		v.require("noPenaltyGround", ground.isPresent(), "one-of", "不予处罚的法定情形应为" + listed + "之一："
				+ Decimals.echo(stripped));
		return ground.orElse(null);
	}

	private static Day pastDay(Validation v, String field, String label, String text, LocalDate today, Day earlier) {
		if (Text.isBlank(text)) {
			return null;
		}
		String named = label;
		LocalDate day;
		try {
			day = Validation.parseDate(text);
		}
		catch (DateTimeParseException ex) {
			v.require(field, false, "date", named + "应为日期（YYYY-MM-DD）");
			return null;
		}
		if (day.isAfter(today)) {
			v.require(field, false, "future", named + "不得晚于今天（" + ChineseText.day(today) + "）：" + ChineseText.day(day) + "尚未到来");
			return null;
		}
		if (day.isBefore(Validation.EARLIEST_ACT)) {
			v.require(field, false, "range", named + "不得早于" + ChineseText.day(Validation.EARLIEST_ACT));
			return null;
		}
		if (earlier != null && day.isBefore(earlier.day())) {
			v.require(field, false, "order", named + "不得早于" + earlier.label() + "（" + ChineseText.day(earlier.day()) + "）");
			return null;
		}
		return new Day(day, label);
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
		CaseView c = caseWork.lock(scope, id);
		if (!c.imported()) {
			throw DomainException.illegalTransition("只有历史导入的案件可以上传原始文书扫描件；在平台办理的案件由各环节生成文书");
		}
		Validation v = new Validation();
		CaseDocumentKind kind = parse(v, "kind", "文书种类", data.kind(), CaseDocumentKind.class, true);
		v.require("kind", kind == null || kind.numberType() != null || kind == CaseDocumentKind.DECISION, "one-of",
				"文书种类不能是当场行政处罚决定书");
		String number = Text.isBlank(data.number()) && kind == CaseDocumentKind.DECISION ? c.decisionNumber()
				: Text.documentNumber(data.number());
		v.require("number", number != null, "required", "文号不能为空")
			.maxLength("number", "文号", number, 60)
			.documentNumber("number", "文号", number);
		v.require("kind", kind != CaseDocumentKind.TRANSFER_LETTER, "one-of", "文书种类不能是案件移送书：导入的是已作出决定的历史案件");
		v.required("issuedOn", "文书日期", data.issuedOn());
		LocalDate on = kind == null ? null : originalDay(v, c, kind, data.issuedOn());
		v.documentYear("number", "文号", number, on);
		if (kind != null && kind.numberType() != null) {
			// the case's bureau's paper bears its own 机关代字 and the kind's characters (attack A2)
			decisionNumbers.ownNumber(v, "number", "文号", kind.numberType(), c.regionCode(), number);
		}
		if (kind != null && number != null) {
			numberOnRecord(v, c, kind, number);
		}
		v.require("file", scan != null, "required", "原始文书扫描件不能为空");
		v.throwIfInvalid();
		CaseDocuments.IssuedDocument d = documents.keepOriginal(c, kind, Text.strip(number), on, scan, maxScanBytes);
		caseWork.record(c, "case.original-document", "上传原始文书扫描件：" + kind.title() + "（" + d.number() + "，" + ChineseText.day(on) + "）");
		return d;
	}

	/**
	 * The 文号 a scanned paper bears, checked against the numbers on record: the 决定书 bears the case's decision number
	 * (rule {@code decision-number}); any other paper bears a number no other document holds — not another case's
	 * decision, not a document of another case or of another kind (rule {@code unique}: a 文号 names one document).
	 */
	private void numberOnRecord(Validation v, CaseView c, CaseDocumentKind kind, String number) {
		String own = Text.documentNumber(c.decisionNumber());
		if (kind == CaseDocumentKind.DECISION) {
			v.require("number", own == null || Text.identifierKey(own).equals(Text.identifierKey(Text.strip(number))), "decision-number",
					"行政处罚决定书的文号应为本案的决定文号（" + own + "）");
			return;
		}
		documents.holderOf(Text.strip(number), c.id(), kind).ifPresent(holder -> v.require("number", false, "unique",
				"文号" + Text.strip(number) + "已是" + holder + "的文号"));
	}

	/**
	 * The day a scanned paper document bears, checked against its place in the procedure as the imported case records
	 * it: papers of the procedure up to the decision (立案审批表 … 听证笔录, 集体讨论记录) between 立案 and the decision; the
	 * 决定书 on the decision's day; the 送达回证 and the 缴款批准书 after the decision; the 结案报告 only for a closed case,
	 * between the decision and 结案. Null (with the error) when it does not fit.
	 */
	private LocalDate originalDay(Validation v, CaseView c, CaseDocumentKind kind, String issuedOn) {
		String label = "文书日期";
		boolean afterDecision = kind == CaseDocumentKind.DECISION || kind == CaseDocumentKind.DELIVERY_RECEIPT
				|| kind == CaseDocumentKind.PAYMENT_APPROVAL || kind == CaseDocumentKind.CLOSING_REPORT;
		if (afterDecision && c.decidedOn() == null) {
			v.require("kind", false, "decided", "案件没有决定日期，不能上传" + kind.title());
			return null;
		}
		return switch (kind) {
			case DECISION -> {
				LocalDate on = v.date("issuedOn", label, issuedOn, c.filedOn(), caseWork.today());
				if (on != null && !on.equals(c.decidedOn())) {
					v.require("issuedOn", false, "decision-day", "行政处罚决定书的日期应为案件的决定日期（" + ChineseText.day(c.decidedOn()) + "）");
					yield null;
				}
				yield on;
			}
			case DELIVERY_RECEIPT, PAYMENT_APPROVAL -> v.date("issuedOn", label, issuedOn, c.decidedOn(), caseWork.today());
			case CLOSING_REPORT -> {
				v.require("kind", c.closedOn() != null, "closed", "案件尚未结案，不能上传结案报告");
				yield c.closedOn() == null ? null : v.date("issuedOn", label, issuedOn, c.decidedOn(), c.closedOn());
			}
			default -> v.date("issuedOn", label, issuedOn, c.filedOn(), c.decidedOn() == null ? caseWork.today() : c.decidedOn());
		};
	}

	/**
	 * The law an imported case applies ({@link StatutoryRules#applicable}): the act's, the filing day standing for it
	 * ({@link org.youguan.enforcement.internal.CaseLaw#actDay}: the import has no day the violation ended), the decision
	 * day's where lighter; as the values stood at the end of those days.
	 */
	private AppliedLaw applicable(ViolationType type, boolean serious, String region, Day filed, Day decided) {
		return rules.applicable(type, serious, region, Day.of(filed), Day.of(decided), null);
	}
}
