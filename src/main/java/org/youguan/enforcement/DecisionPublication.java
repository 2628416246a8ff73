package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.enforcement.internal.Execution;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.ViolationType;

import static org.youguan.enforcement.internal.CaseInput.requireReason;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * 双公示 of penalty decisions (行政处罚法(2021) art.48): publishing a decision on the public portal, personal data removed,
 * withdrawing it, and the decisions standing published in a region.
 */
@Service
public class DecisionPublication {

	private final JdbcClient jdbc;

	private final CaseDocuments documents;

	private final CaseWork caseWork;

	private final DecisionOutcomes outcomes;

	private final DecisionNumbers numbers;

	DecisionPublication(JdbcClient jdbc, CaseDocuments documents, CaseWork caseWork, DecisionOutcomes outcomes,
			DecisionNumbers numbers) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.documents = documents;
		this.caseWork = caseWork;
		this.outcomes = outcomes;
	}

	/**
	 * Whether the decision of {@code c} may be published as far as its service goes ({@link #publish} refuses it
	 * otherwise): an imported one (served on paper), or one served by today — a public notice's deemed day reached
	 * ({@link CaseClock#decisionServed}). The case page offers the form by it.
	 */
	public boolean servedForPublication(CaseView c) {
		return c.imported() || CaseClock.decisionServed(c.deliveredOn(), caseWork.today());
	}

	/**
	 * Publishes the decision (双公示) on the public portal, personal data removed (only the enterprise's name and credit
	 * code, the violation, basis, penalty and fine are shown); the publication period (7 working days by default) is
	 * recorded as met or late. An imported case is published only once the scan of its paper 行政处罚决定书 is kept
	 * ({@link PastCases#keepOriginalDocument}); a decision made on the platform only once it was delivered to the party
	 * (it takes effect on delivery, 行政处罚法(2021) art.61 — the portal hides it from the party until then, so the public
	 * must not read it first).
	 * @throws InvalidValueException when the day is before the delivery (or the decision) or in the future; rule
	 * {@code original-decision} (on {@code publishedOn}) for an imported case without the scan of its decision
	 * A publication withdrawn comes back only for a decision changed since ({@link DecisionOutcomes}), with its content
	 * as changed. What is published (文号, party, violation and basis, penalty, fine, confiscation, day decided) is kept
	 * with the publication: the public list shows it, not the case's later penalty, until withdrawn and published again
	 * (which keeps the content as then changed), one row per case.
	 * @throws DomainException (409) when already published or not decided; (409, field {@code publishedOn}) for a
	 * decision revoked or confirmed invalid (rule {@code decision-annulled}) or illegal ({@code confirmed-illegal}), and a
	 * withdrawn publication of a decision not changed since (rule {@code withdrawn}); (422) for a decision without penalty, for a
	 * party who is a natural person (rule {@code natural-person}), for a decision not yet delivered (rule
	 * {@code not-delivered}) and for one served by public notice whose deemed day is still ahead (rule
	 * {@code not-yet-served})
	 */
	@Transactional
	public void publish(DataScope scope, long id, String publishedOn) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.PUBLISH.from(c.status());
		if (c.published()) {
			throw DomainException.illegalTransition(Wording.of("enforcement.refusal.publishedAlready", c.publishedOn()),
					"处罚决定已于" + ChineseText.day(c.publishedOn()) + "公示");
		}
		Execution.requireInForce(c, "publishedOn", "公示");
		List<DecisionOutcomes.Recorded> recorded = outcomes.outcomes(id);
		if (DecisionOutcomes.latestResult(recorded).orElse(null) == DecisionOutcomes.Result.ILLEGAL) {
			throw refused("confirmed-illegal", "处罚决定已被确认违法，不能公示（" + Provision.PENALTY_PUBLICATION.formal() + "）");
		}
		boolean republish = c.publishedOn() != null;
		if (republish && !DecisionOutcomes.changedSince(recorded, c.publishedOn())) {
			// a withdrawn publication comes back only with the decision as changed (art.48): the same one is not shown again
			throw refused("withdrawn", "处罚决定的公示已于" + ChineseText.day(c.publicationWithdrawnOn())
					+ "撤回：只有经行政复议、行政诉讼或自行纠正变更后的处罚决定才能重新公示（" + Provision.PENALTY_PUBLICATION.formal() + "）");
		}
		if ("PERSON".equals(caseWork.procedure(id).partyKind())) {
			throw ruleBroken("publishedOn", "natural-person", "当事人为自然人的处罚决定不在门户网站公示（个人信息保护）");
		}
		if (!c.imported() && c.deliveredOn() == null) {
			// the decision is the party's before it is the public's: it takes effect on delivery (art.61); an imported
			// one was served on paper
			throw ruleBroken("publishedOn", "not-delivered", "处罚决定书送达当事人后方可公示（" + Provision.PENALTY_DELIVERY.formal() + "），请先登记送达");
		}
		if (!c.imported() && !CaseClock.decisionServed(c.deliveredOn(), caseWork.today())) {
			// 公告送达: published notice, deemed served only once its days have passed (民事诉讼法(2023) art.95)
			throw ruleBroken("publishedOn", "not-yet-served", "处罚决定书已公告送达，视为于" + caseWork.messageDay(c.deliveredOn())
					+ "送达：视为送达之日起方可公示（" + Provision.PENALTY_DELIVERY.formal() + "，" + Provision.SERVICE_BY_NOTICE.formal() + "）");
		}
		Validation v = new Validation();
		if (c.imported()) {
			// an imported decision has no procedure on the platform: the paper decision, scanned, is what is published
			v.require("publishedOn", documents.current(id, CaseDocumentKind.DECISION).filter(CaseDocuments.IssuedDocument::original)
				.isPresent(), "original-decision", "历史导入的案件须先上传行政处罚决定书原件扫描件，才能公示（双公示须有决定书为据）");
		}
		v.required("publishedOn", "公示日期", publishedOn);
		LocalDate on = v.date("publishedOn", "公示日期", publishedOn,
				c.deliveredOn() != null ? c.deliveredOn() : c.decidedOn(), caseWork.today());
		v.throwIfInvalid();
		Map<String, Object> p = Map.of("on", on, "basis", caseWork.law(c).formalBasis());
		if (republish) {
			// due counted from the change that allows it, as a first publication from its delivery
			LocalDate changed = caseWork.republicationStart(c);
			LocalDate due = changed == null ? null : caseWork.clock(c).publicationDue(changed);
			caseWork.move(c, c.status(), """
					, published_on = :on, publication_withdrawn_on = NULL, publication_withdrawal_reason = NULL,
					  publication_withdrawal_due_on = NULL""" + SNAPSHOT, p);
			caseWork.record(c, "case.publish", "重新公示变更后的处罚决定" + c.decisionNumber() + "（" + ChineseText.day(on) + "，"
					+ c.penalty().describe(c.fine(), c.confiscated()) + (due != null && on.isAfter(due) ? "，超过公示期限" + ChineseText.day(due) : "")
					+ "）");
			return;
		}
		LocalDate due = caseWork.clock(c).publicationDue(PenaltyCases.publicationStart(c));
		caseWork.move(c, c.status(), ", published_on = :on" + SNAPSHOT, p);
		caseWork.record(c, "case.publish", "公示处罚决定" + c.decisionNumber() + "（" + ChineseText.day(on) + (on.isAfter(due) ? "，超过公示期限" + ChineseText.day(due) : "") + "）");
	}

	/**
	 * The content published, kept with the publication as the case holds it when published: the public list shows it
	 * until the publication is withdrawn and published again, whatever a later 变更 does to the case (art.48).
	 */
	private static final String SNAPSHOT = """
			, publication_decision_number = decision_number, publication_enterprise_name = enterprise_name,
			  publication_credit_code = enterprise_credit_code, publication_violation_code = violation_code,
			  publication_basis = :basis, publication_penalty = penalty, publication_fine = fine,
			  publication_confiscated = confiscated, publication_decided_on = decided_on""";

	private static DomainException refused(String rule, String message) {
		return DomainException.illegalTransition("publishedOn", rule, message);
	}

	/**
	 * Withdraws a published decision that was changed, revoked or found unlawful, with the reason shown
	 * (行政处罚法(2021) art.48: within 3 days — working days, art.85 — of the outcome recorded by
	 * {@link DecisionOutcomes}, which sets the day; the audit entry says when it was late). A changed decision may then
	 * be published again ({@link #publish}) as changed.
	 * @throws InvalidValueException when the reason is blank or over 500 characters
	 * @throws DomainException (409) when the decision is not on the portal
	 */
	@Transactional
	public void withdrawPublication(DataScope scope, long id, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStep.WITHDRAW_PUBLICATION.from(c.status());
		if (!c.published()) {
			throw DomainException.illegalTransition("处罚决定未在公示中，无需撤回");
		}
		requireReason(reason, "撤回理由");
		LocalDate today = caseWork.today();
		LocalDate due = c.publicationWithdrawalDueOn();
		caseWork.move(c, c.status(), ", publication_withdrawn_on = :on, publication_withdrawal_reason = :reason",
				Map.of("on", today, "reason", Text.strip(reason)));
		caseWork.record(c, "case.withdraw-publication", "撤回公示的处罚决定" + c.decisionNumber() + "：" + Text.strip(reason)
				+ (due != null && today.isAfter(due) ? "（超过撤回期限" + ChineseText.day(due) + "）" : ""));
	}

	/**
	 * A published decision as the public portal shows it (双公示): no personal data — the enterprise's name and credit
	 * code, the violation and its basis, the penalty and fine, the days of decision and publication. {@code penalty}
	 * names every part of a 并处 (没收违法所得并处罚款); {@code fine} is the fine alone, {@code confiscated} the value
	 * confiscated (null when none); {@code bureau} the 处罚机关, the bureau that decided (the one handling the case's
	 * region).
	 */
	public record PublishedDecision(String decisionNumber, String enterprise, String creditCode, String violation,
			String basis, String penalty, BigDecimal fine, LocalDate decidedOn, LocalDate publishedOn, BigDecimal confiscated,
			String bureau) {
	}

	private record PublishedRow(String decisionNumber, String enterpriseName, String enterpriseCreditCode,
			ViolationType violationCode, String basis, Penalty penalty, BigDecimal fine, LocalDate decidedOn,
			LocalDate publishedOn, BigDecimal confiscated, String regionCode) {
	}

	/**
	 * The decisions published and not withdrawn in the region {@code prefix} ("" for the whole country), newest first,
	 * each as it was published ({@link #publish}: the content kept with the publication).
	 */
	public PageResult<PublishedDecision> published(String prefix, PageQuery page) {
		return Listing.from("FROM penalty_case c")
			// a decision revoked or confirmed invalid is no live decision from that day, its publication's withdrawal
			// (行政处罚法(2021) art.48, within 3 days) recorded or not
			.where("c.published_on IS NOT NULL AND c.publication_withdrawn_on IS NULL AND c.decision_annulled_on IS NULL AND "
					+ RegionPrefix.of(prefix).predicate("c.region_code"))
			.search(page, "c.publication_enterprise_name", "c.publication_credit_code", "c.publication_decision_number")
			.sorts(Map.of("decided_on", "c.publication_decided_on", "published_on", "c.published_on"), "published_on", true, "c.id")
			.page(jdbc, """
					SELECT c.publication_decision_number AS decision_number, c.publication_enterprise_name AS enterprise_name,
					       c.publication_credit_code AS enterprise_credit_code, c.publication_violation_code AS violation_code,
					       c.publication_basis AS basis, c.publication_penalty AS penalty, c.publication_fine AS fine,
					       c.publication_decided_on AS decided_on, c.published_on,
					       c.publication_confiscated AS confiscated, c.region_code""", page, Rows.of(PublishedRow.class))
			.map(r -> new PublishedDecision(r.decisionNumber(), r.enterpriseName(), r.enterpriseCreditCode(),
					r.violationCode().shortName(), r.basis(), r.penalty().labelWith(r.fine(), r.confiscated()),
					r.fine(), r.decidedOn(), r.publishedOn(), r.confiscated(),
					// the 处罚机关 that decided, by the 机关代字 of its 文号 — not whoever handles the region now
					numbers.decidedBy(r.decisionNumber(), r.regionCode())));
	}
}
