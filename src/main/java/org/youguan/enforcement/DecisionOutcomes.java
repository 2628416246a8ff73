package org.youguan.enforcement;

import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
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
import static org.youguan.enforcement.internal.CaseInput.plain;

/**
 * What becomes of a penalty decision after it was made: the outcome of 行政复议 (行政复议法(2023) art.63–68) or
 * 行政诉讼 (行政诉讼法(2017) art.69–78) against it, or the bureau's own correction (自行纠正, 行政处罚法(2021) art.75).
 * <ul>
 * <li>维持 (UPHELD) changes nothing.</li>
 * <li>变更 (CHANGED) records the penalty as changed — checked against the violation's article as the decision was
 * (range, parts, kind), never heavier than the decision (行政复议法(2023) art.63, 行政诉讼法(2017) art.77: no change to
 * the party's detriment) — and reissues the 行政处罚决定书 with it, its predecessor kept; payment and 加处罚款 then go by
 * the changed fine, and a withdrawn publication may be published again with the changed content.</li>
 * <li>撤销 (REVOKED) and 确认无效 (INVALID) end the decision ({@link CaseView#annulled()}): no payment, 加处罚款 or
 * handover is demanded any more, no step carries it out, and the figures count it as a decision made but not as a
 * penalty (neither its fine nor its enterprise).</li>
 * <li>确认违法 (ILLEGAL) leaves the decision in force but it may not stay published.</li>
 * </ul>
 * An outcome that leaves less owed than instalments paid settles the plan ({@link CaseExecution#settleInstalments});
 * one that leaves something to refund on a closed case reopens it ({@link CaseExecution#reopenForRefund}). A decision
 * served and then changed, revoked or declared invalid is told to the party ({@link PenaltyStepServed}: the changed fine
 * and the day to pay it, or that it is no longer executed — with what is to refund of what it paid).
 * Whenever a published decision is changed, revoked or confirmed illegal or invalid, its publication is to be
 * withdrawn within 3 days of the outcome (行政处罚法(2021) art.48; {@code penalty.publication-withdrawal}, working days
 * by art.85): the day is kept on the case, the inbox's queue shows it, {@link DecisionPublication#withdrawPublication}
 * withdraws it with the reason. Recording an outcome is the handling bureau's head's (it changes what the bureau
 * decided and served); one transaction with its audit entry. A 吊销许可证件 annulled, or changed to another penalty,
 * publishes {@link RevocationLifted}: the licences its delivery revoked are restored. A change, revocation or
 * confirmation of invalidity publishes {@link PenaltyDecisionRemedied} for the credit record.
 */
@Service
public class DecisionOutcomes {

	/** Attachment kind of the scan of the 复议决定书, 判决书 or 纠正决定 (an attachment of the case, staff only). */
	public static final String SCAN = "REMEDY_OUTCOME";

	/** Who decided the outcome. */
	public enum Kind {

		/** 行政复议 (行政复议法(2023)). */
		REVIEW("行政复议"),
		/** 行政诉讼 (行政诉讼法(2017)). */
		LITIGATION("行政诉讼"),
		/** The bureau's own correction (自行纠正, 行政处罚法(2021) art.75). */
		SELF_CORRECTION("自行纠正");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}
	}

	/** What the outcome did to the decision. */
	public enum Result {

		/** 维持. */
		UPHELD("维持"),
		/** 变更. */
		CHANGED("变更"),
		/** 撤销. */
		REVOKED("撤销"),
		/** 确认违法. */
		ILLEGAL("确认违法"),
		/** 确认无效. */
		INVALID("确认无效");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}

		/** Whether the decision no longer applies (撤销, 确认无效). */
		public boolean annuls() {
			return this == REVOKED || this == INVALID;
		}
	}

	/**
	 * An outcome as the head records it: {@code kind} and {@code result} by name ({@link Kind}, {@link Result}), the
	 * {@code body} that decided it (复议机关, 人民法院, or the bureau) and the 文号 of its decision or judgment
	 * ({@code documentNumber}), the day ({@code decidedOn}), the {@code reason}; for 变更 the penalty as changed
	 * ({@code penalty}, {@code fine}, {@code confiscated} as at the decision).
	 */
	public record Outcome(String kind, String body, String documentNumber, String decidedOn, String result, String reason,
			String penalty, @JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.FINE, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String fine,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.CONFISCATED, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String confiscated) {
		/** The long free text (reason) as stored, searched and compared: {@link Text#freeText}. */
		public Outcome {
			reason = Text.freeText(reason);
		}
	}

	/**
	 * An outcome recorded: what it changed ({@code previous*} the penalty before a 变更), the scan kept (attachment id,
	 * or null) and the last day to withdraw the publication it required (null when none was published).
	 */
	public record Recorded(long id, Kind kind, String body, String documentNumber, LocalDate decidedOn, Result result,
			String reason, Penalty penalty, BigDecimal fine, BigDecimal confiscated, Penalty previousPenalty,
			BigDecimal previousFine, BigDecimal previousConfiscated, Long attachmentId, LocalDate withdrawalDueOn,
			String recordedBy) {

		/** The penalty as changed, every part, or "" for another result. */
		public String changedText() {
			return penalty == null ? "" : penalty.describe(fine, confiscated);
		}
	}

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final CaseDocuments documents;

	private final long maxScanBytes;

	private final CaseExecution execution;

	private final ApplicationEventPublisher events;

	DecisionOutcomes(JdbcClient jdbc, CaseWork caseWork, CaseDocuments documents,
			@Value("${youguan.enforcement.max-evidence-bytes:20971520}") long maxScanBytes, CaseExecution execution,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.caseWork = caseWork;
		this.documents = documents;
		this.maxScanBytes = maxScanBytes;
		this.execution = execution;
	}

	/**
	 * Records the outcome of 行政复议 or 行政诉讼 against the decision of the case, or the bureau's own correction, as the
	 * class says; the scan of the outcome's document is optional.
	 * @param scan a PDF or JPEG/PNG image of the 复议决定书 or 判决书, or null
	 * @throws InvalidValueException naming each field that breaks a rule ({@code kind}, {@code body},
	 * {@code documentNumber}, {@code decidedOn} — not before the decision nor in the future —, {@code result},
	 * {@code reason}, for 变更 {@code penalty}, {@code fine}, {@code confiscated}: required, within the article, rule
	 * {@code heavier} when heavier than the decision, {@code absent} when given for another result), {@code file}
	 * @throws DomainException (409) unless decided, delivered, executed or closed, and (field {@code result}, rule
	 * {@code decision-annulled}) once the decision was revoked or confirmed invalid; (field {@code kind}, rule
	 * {@code not-delivered}) for a 行政复议 or 行政诉讼 outcome while a platform decision is not yet delivered (已决定;
	 * an imported past case is not judged so); (field {@code kind}, rule {@code notice-pending}) for one while the
	 * decision's public notice runs (公告送达中, its deemed day ahead: the party's periods run from that day, 民事诉讼法(2023)
	 * art.95 — the bureau's own correction stays open); (422, field {@code head}, rule
	 * {@code not-handling-bureau-head}) for anyone but the handling bureau's head
	 */
	@Transactional
	public Recorded record(DataScope scope, long id, Outcome data, UploadedFile scan) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.RECORD_OUTCOME.from(c.status());
		if (c.annulled()) {
			String message = "处罚决定已于" + ChineseText.day(c.decisionAnnulledOn()) + "被撤销或确认无效，不能再登记复议、诉讼结果或纠正";
			throw DomainException.illegalTransition("result", "decision-annulled", message);
		}
		caseWork.requireHandlingHead(c.handledIn(), "登记行政复议、行政诉讼结果或自行纠正处罚决定");
		Validation v = new Validation();
		Kind kind = parse(v, "kind", "类别", data.kind(), Kind.class, true);
		if (kind != null && kind != Kind.SELF_CORRECTION && c.status() == CaseStatus.DECIDED && !c.imported()) {
			// 复议 and 诉讼 run from the day the party knew of the decision (行政复议法(2023) art.20, 行政诉讼法(2017)
			// art.46): a decision never delivered is one no party has yet challenged; the bureau may correct it itself.
			// A past case imported was served off the platform, its delivery not recorded: not judged here
			throw DomainException.illegalTransition("kind", "not-delivered", Wording.of("enforcement.refusal.outcomeBeforeDelivery", c.status(), kind),
					"处罚决定尚未送达（案件状态：" + c.status().label()
					+ "），当事人无从申请" + kind.label() + "，不能登记其结果；请先登记送达，决定有误的可以自行纠正");
		}
		LocalDate deemed = c.imported() ? null : c.deemedServedAfter(caseWork.today());
		if (kind != null && kind != Kind.SELF_CORRECTION && deemed != null) {
			// served by public notice, not yet deemed served (民事诉讼法(2023) art.95): the periods for 复议 and 诉讼 run
			// from the deemed day, as its decision says; until then no party's challenge is decided
			throw DomainException.illegalTransition("kind", "notice-pending", Wording.of("enforcement.refusal.outcomeBeforeDeemedService", c.deliveryPublishedOn(), caseWork.clock(c).publicNoticeDays(), c.shownStatus(caseWork.today()), StatutoryRule.PENALTY_PUBLIC_NOTICE_SERVICE.citations().get(0).formal(), kind),
					"处罚决定于" + ChineseText.day(c.deliveryPublishedOn())
					+ "公告送达，自公告之日起经过" + caseWork.clock(c).publicNoticeDays() + "日视为送达，案件状态为" + c.shownStatus(caseWork.today()) + "：视为送达之日起决定书方对当事人生效（"
					+ StatutoryRule.PENALTY_PUBLIC_NOTICE_SERVICE.citations().get(0).formal() + "），当事人申请" + kind.label()
					+ "的期限自视为送达之日起计算，视为送达前不能登记其结果；决定有误的可以自行纠正");
		}
		Result result = parse(v, "result", "结果", data.result(), Result.class, true);
		v.required("body", "作出机关", data.body()).line("body", "作出机关", data.body(), 200);
		v.required("documentNumber", "文书文号", data.documentNumber())
			.line("documentNumber", "文书文号", data.documentNumber(), 100)
			.documentNumber("documentNumber", "文书文号", data.documentNumber());
		v.required("decidedOn", "作出日期", data.decidedOn());
		LocalDate on = v.date("decidedOn", "作出日期", data.decidedOn(), c.decidedOn(), caseWork.today());
		v.required("reason", "理由", data.reason()).maxLength("reason", "理由", data.reason(), 500);
		Penalty penalty = null;
		BigDecimal fine = null;
		BigDecimal confiscated = null;
		if (result == Result.CHANGED) {
			penalty = penalty(v, "penalty", "变更后的处罚种类", data.penalty());
			fine = fine(v, "fine", penalty, data.fine());
			confiscated = confiscated(v, "confiscated", penalty, data.confiscated(), c.violationCode().penalties());
			if (penalty != null) {
				// as at the decision: the article's range and parts, the decision's own 从轻/减轻 grounds carried over
				caseWork.combined(v, "penalty", "fine", "confiscated", c, penalty, fine, confiscated, c.serious(),
						c.mitigation(), c.mitigationGround(), c.mitigationReason());
				notHeavier(v, c, penalty, fine, confiscated);
			}
		}
		else {
			for (String[] part : new String[][] { { "penalty", data.penalty() }, { "fine", data.fine() },
					{ "confiscated", data.confiscated() } }) {
				v.require(part[0], Text.isBlank(part[1]), "absent", "只有结果为变更时才填写变更后的处罚");
			}
		}
		v.throwIfInvalid();
		// the same 文书 recorded twice (a form sent again) would count a remedy twice: one outcome per document number,
		// compared as every identifier is (Text.identifierKey: case, spaces, dashes and underscores folded)
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM penalty_case_outcome WHERE case_id = :case"
				+ " AND " + Text.identifierKeySql("document_number") + " = :key)")
			.param("case", id)
			.param("key", Text.identifierKey(Text.documentNumber(Text.line(data.documentNumber()))))
			.query(Boolean.class)
			.single()) {
			throw DomainException.duplicate("documentNumber", Wording.of("enforcement.refusal.outcomeNumberTwice", Text.line(data.documentNumber())),
					"本案已登记文号为" + Text.line(data.documentNumber()) + "的结果文书");
		}
		if (penalty != null) {
			caseWork.revocationAuthority("penalty", c.regionCode(), c.enterpriseCreditCode(), penalty);
		}
		Long attachment = scan == null ? null : documents.keepScan(c, SCAN, scan, kind.label() + "结果文书", maxScanBytes);
		// art.48: a published decision changed, revoked or confirmed illegal or invalid is withdrawn within 3 days
		LocalDate withdrawalDue = c.published() && result != Result.UPHELD ? caseWork.clock(c).withdrawalDue(on) : null;
		long outcomeId = jdbc.sql("""
				INSERT INTO penalty_case_outcome (case_id, kind, body, document_number, decided_on, result, reason, penalty,
				    fine, confiscated, previous_penalty, previous_fine, previous_confiscated, attachment_id, withdrawal_due_on,
				    recorded_by, recorded_at)
				VALUES (:case, :kind, :body, :number, :on, :result, :reason, :penalty, :fine, :confiscated, :prevPenalty,
				    :prevFine, :prevConfiscated, :attachment, :due, :by, :now) RETURNING id""")
			.param("case", id).param("kind", kind.name()).param("body", Text.line(data.body()))
			// written as every 文号 is (Text.documentNumber): 〔2026〕 for a 复议决定书, （2026） for a court's 案号
			.param("number", Text.documentNumber(Text.line(data.documentNumber()))).param("on", on).param("result", result.name())
			.param("reason", Text.strip(data.reason())).param("penalty", penalty == null ? null : penalty.name())
			.param("fine", fine).param("confiscated", confiscated)
			.param("prevPenalty", penalty == null ? null : c.penalty().name())
			.param("prevFine", penalty == null ? null : c.fine()).param("prevConfiscated", penalty == null ? null : c.confiscated())
			.param("attachment", attachment).param("due", withdrawalDue).param("by", Actors.currentName()).param("now", caseWork.now())
			.query(Long.class).single();
		Map<String, Object> p = new HashMap<>();
		p.put("due", withdrawalDue);
		p.put("annulled", result.annuls() ? on : null);
		StringBuilder set = new StringBuilder(", publication_withdrawal_due_on = coalesce(:due, publication_withdrawal_due_on),"
				+ " decision_annulled_on = :annulled");
		if (penalty != null) {
			p.put("penalty", penalty.name());
			p.put("fine", fine);
			p.put("confiscated", confiscated);
			set.append(", penalty = :penalty, fine = :fine, confiscated = :confiscated");
			if (penalty != Penalty.SUSPENSION) {
				set.append(", suspension_from = NULL, suspension_until = NULL, suspension_days = NULL");
			}
		}
		caseWork.move(c, c.status(), set.toString(), p);
		caseWork.record(c, "case.remedy-outcome", kind.label() + "结果：" + Text.strip(data.body()) + Text.strip(data.documentNumber())
				+ "（" + ChineseText.day(on) + "）" + result.label() + "处罚决定" + c.decisionNumber()
				+ (penalty == null ? "" : "，变更为" + penalty.describe(fine, confiscated)) + "：" + Text.strip(data.reason())
				+ (withdrawalDue == null ? "" : "；最迟应于" + ChineseText.day(withdrawalDue) + "撤回公示（" + Provision.PENALTY_PUBLICATION + "）"));
		if (penalty != null) {
			reissueDecision(id, kind.label() + "变更（" + Text.strip(data.body()) + Text.strip(data.documentNumber()) + "）");
		}
		// a 吊销 annulled or changed to another penalty revokes no more: what its delivery revoked is restored by whoever
		// revoked it (the licensing module, hearing this after the commit)
		if (c.penalty() == Penalty.REVOCATION && (result.annuls() || penalty != null && penalty != Penalty.REVOCATION)) {
			events.publishEvent(new RevocationLifted(id, c.decisionNumber(), c.regionCode(), c.enterpriseCreditCode(),
					c.enterpriseName(), kind.label() + result.label() + (penalty == null ? "" : "为" + penalty.describe(fine, confiscated)),
					Text.identifier(Text.line(data.documentNumber())), on));
		}
		// the enterprise's credit record follows a change or revocation (快递业信用管理暂行办法(2017) art.17); 确认违法
		// leaves the decision in force
		if (result == Result.CHANGED || result.annuls()) {
			events.publishEvent(new PenaltyDecisionRemedied(id, c.decisionNumber(), c.regionCode(), c.enterpriseCreditCode(),
					c.enterpriseName(), result, kind.label() + result.label(),
					penalty == null ? null : penalty.describe(fine, confiscated),
					Text.identifier(Text.line(data.documentNumber())), on, outcomeId));
		}
		// less owed than the instalments paid: the plan is paid up as a payment would settle it; a closed case with
		// something now to refund is reopened to refund it
		execution.settleInstalments(caseWork.find(id));
		execution.reopenForRefund(caseWork.find(id), kind.label() + result.label());
		CaseView changed = caseWork.find(id);
		if (changed.deliveredOn() != null && (penalty != null || result.annuls())) {
			// the party holds the decision served: it is told of the reissued one, its fine and the day to pay it, or that
			// the decision revoked or declared invalid is no longer executed — with what is now refunded of what it paid
			// (one not yet served is told at its delivery, with the changed terms; a change of one served by public
			// notice whose deemed day is ahead is told on that day, DeemedServices — CaseWork holds it back until then —,
			// its annulment at once: the party reads the decision from the notice's publication on)
			caseWork.tellParty(changed, result.annuls() ? PenaltyStepServed.Step.DECISION_ANNULLED
					: PenaltyStepServed.Step.DECISION_CHANGED, on,
					result.annuls() ? null : execution.paymentDue(id).orElse(null), false, kind.label() + result.label());
			if (result.annuls()) {
				// told: the startup repair of untold annulments (internal.AnnulmentNotices) has nothing to tell
				jdbc.sql("UPDATE penalty_case SET annulment_told_on = :on WHERE id = :id").param("on", on).param("id", id).update();
			}
		}
		return outcomes(id).stream().filter(o -> o.id() == outcomeId).findFirst().orElseThrow();
	}

	/**
	 * The 决定书 filled again with the changed penalty, its predecessor kept (a scan of an imported paper decision stays
	 * as it is: the changed decision is the outcome's document).
	 */
	private void reissueDecision(long id, String reason) {
		documents.list(id).stream()
			.filter(d -> d.current() && !d.original()
					&& (d.kind() == CaseDocumentKind.DECISION || d.kind() == CaseDocumentKind.ON_THE_SPOT_DECISION))
			.findFirst()
			.ifPresent(d -> documents.reissue(id, d.id(), reason));
	}

	/** A change no heavier than the decision in kind, fine or confiscation (rule {@code heavier}). */
	private static void notHeavier(Validation v, CaseView c, Penalty penalty, BigDecimal fine, BigDecimal confiscated) {
		String why = "：行政复议、行政诉讼不得作出对当事人更为不利的变更（" + Provision.REVIEW_NO_DETRIMENT.formal() + "、" + Provision.LITIGATION_NO_DETRIMENT.formal() + "），"
				+ "加重须重新作出处罚决定";
		v.require("penalty", !penalty.heavierThan(c.penalty()), "heavier", "变更后的处罚种类（" + penalty.label() + "）重于原决定的（"
				+ c.penalty().label() + "）" + why);
		notAbove(v, "fine", "罚款", fine, c.fine(), why);
		notAbove(v, "confiscated", "没收违法所得", confiscated, c.confiscated(), why);
	}

	private static void notAbove(Validation v, String field, String label, BigDecimal changed, BigDecimal decided, String why) {
		if (changed != null) {
			v.require(field, decided != null && changed.compareTo(decided) <= 0, "heavier", "变更后的" + label + plain(changed) + "元"
					+ (decided == null ? "，原决定没有" + label : "高于原决定的" + plain(decided) + "元") + why);
		}
	}

	/** The outcomes recorded on a case, oldest first (no scope check: the caller has one). */
	public List<Recorded> outcomes(long caseId) {
		return jdbc.sql("""
				SELECT id, kind, body, document_number, decided_on, result, reason, penalty, fine, confiscated,
				       previous_penalty, previous_fine, previous_confiscated, attachment_id, withdrawal_due_on, recorded_by
				FROM penalty_case_outcome WHERE case_id = :id ORDER BY decided_on, id""")
			.param("id", caseId).query(Rows.of(Recorded.class)).list();
	}

	/** The outcomes of a case in the caller's scope, oldest first. */
	public List<Recorded> outcomes(DataScope scope, long caseId) {
		caseWork.inScope(scope, caseId);
		return outcomes(caseId);
	}

	/** The result of the last of {@code recorded} ({@link #outcomes}), or empty when there are none. */
	public static Optional<Result> latestResult(List<Recorded> recorded) {
		return recorded.isEmpty() ? Optional.empty() : Optional.of(recorded.get(recorded.size() - 1).result());
	}

	/**
	 * Whether the decision was changed (变更) by an outcome decided on or after {@code day} — a publication withdrawn
	 * comes back only with the decision as changed since it was last published (art.48), whatever outcomes followed
	 * the change (a court upholding the 复议's change).
	 *
	 * @param recorded the case's outcomes ({@link #outcomes})
	 * @param day the day the decision was last published
	 */
	public static boolean changedSince(List<Recorded> recorded, LocalDate day) {
		return recorded.stream().anyMatch(o -> o.result() == Result.CHANGED && !o.decidedOn().isBefore(day));
	}
}
