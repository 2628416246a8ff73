package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.rules.ViolationType;

/**
 * 双公示 of penalty decisions on the public portal (行政处罚法(2021) art.48): every decision ever published in a region,
 * a withdrawn one still listed but only by its 文号 with the day and reason of its withdrawal — the information itself
 * (party, credit code, violation, penalty, fine, days) is withdrawn, and a search by the party no longer finds it. Only what the decision
 * discloses about the party as an organisation: its name and credit code, the violation and its basis, the penalty and
 * fine, the days of decision and publication — never the case's facts, statement, investigators, reviewers or the
 * mitigation's reasons (they may name persons). Each as it was published: the content kept with the publication
 * ({@code DecisionPublication#publish}), not a later 变更 of the case before the publication is withdrawn and made again.
 */
@Component
class PenaltyDisclosure {

	/**
	 * One published decision as the portal shows it; a withdrawn one carries only its 文号, region and withdrawal (the
	 * party, violation, penalty, fine and days are null).
	 * @param withdrawnOn the day the publication was withdrawn (art.48) — or, not yet withdrawn, the day its decision was
	 * revoked or confirmed invalid (the reason then {@link #ANNULLED}) —, or null while it stands
	 * @param withdrawalReason why it was withdrawn (the decision changed or revoked), or null; personal numbers masked
	 * @param confiscated the 没收违法所得 beside the fine (并处), or null
	 * @param bureau the 处罚机关, the bureau that decided — the one whose 机关代字 the 文号 bears ({@link DecisionNumbers#decidedBy})
	 */
	record PublicDecision(long id, String decisionNumber, String enterprise, String creditCode, String regionCode,
			String regionName, ViolationType violation, String basis, Penalty penalty, BigDecimal fine, LocalDate decidedOn,
			LocalDate publishedOn, LocalDate withdrawnOn, String withdrawalReason, BigDecimal confiscated, String bureau) {

		/** The penalty with every part and amount (没收违法所得人民币…元，并处罚款人民币…元); empty once withdrawn. */
		public String penaltyText() {
			return penalty == null ? "" : penalty.describe(fine, confiscated);
		}

		/** The reason is typed by staff and shown to anyone: an ID or phone number in it, a landline too, is masked. */
		PublicDecision {
			withdrawalReason = withdrawalReason == null ? null : Masking.telephonesIn(withdrawalReason);
		}

		/** This decision naming the bureau that made it. */
		PublicDecision decidedBy(String name) {
			return new PublicDecision(id, decisionNumber, enterprise, creditCode, regionCode, regionName, violation, basis,
					penalty, fine, decidedOn, publishedOn, withdrawnOn, withdrawalReason, confiscated, name);
		}

		/** Whether the publication was withdrawn. */
		public boolean withdrawn() {
			return withdrawnOn != null;
		}

		/**
		 * Whether the reason shown is the system's own — the decision revoked or confirmed invalid ({@link #ANNULLED}) —
		 * which the portal words by its key ({@code enforcement.public.annulled}) in the reader's language; a reason
		 * typed by staff is shown as typed (the public API keeps the Chinese either way).
		 */
		public boolean withdrawnAsAnnulled() {
			return ANNULLED.equals(withdrawalReason);
		}
	}

	/**
	 * A column shown only while the publication stands: a withdrawn one no longer names the party or its penalty, nor
	 * does one whose decision was revoked or confirmed invalid — from that day, its withdrawal (行政处罚法(2021) art.48,
	 * within 3 days) recorded or not: the public never reads an annulled decision as a live one.
	 */
	private static String standing(String column) {
		return "CASE WHEN c.publication_withdrawn_on IS NULL AND c.decision_annulled_on IS NULL THEN " + column + " END";
	}

	/** The words of a publication shown withdrawn because its decision was annulled, before its withdrawal is recorded. */
	static final String ANNULLED = "处罚决定已被撤销或确认无效";

	/**
	 * The sorts the public list offers, on what it shows: a withdrawn decision's hidden fine and days never order the
	 * list (its place among the others would tell them).
	 */
	static final Map<String, String> SORTS = Map.of("published_on", standing("c.published_on"), "decided_on",
			standing("c.publication_decided_on"), "fine", standing("c.publication_fine"));

	/** What was published (the content kept with the publication, {@code publication_*}), never the case's later values. */
	private static final String SELECT = "SELECT c.id, c.publication_decision_number AS decision_number, "
			+ standing("c.publication_enterprise_name") + " AS enterprise, "
			+ standing("c.publication_credit_code") + " AS credit_code, c.region_code, r.name AS region_name, "
			+ standing("c.publication_violation_code") + " AS violation, " + standing("c.publication_basis") + " AS basis, "
			+ standing("c.publication_penalty") + " AS penalty, "
			+ standing("c.publication_fine") + " AS fine, " + standing("c.publication_decided_on") + " AS decided_on, "
			+ standing("c.published_on") + " AS published_on, "
			+ "COALESCE(c.publication_withdrawn_on, c.decision_annulled_on) AS withdrawn_on, "
			+ "CASE WHEN c.publication_withdrawn_on IS NULL AND c.decision_annulled_on IS NOT NULL THEN '" + ANNULLED
			+ "' ELSE c.publication_withdrawal_reason END AS withdrawal_reason, " + standing("c.publication_confiscated") + " AS confiscated";

	private final JdbcClient jdbc;

	private final DecisionNumbers numbers;

	PenaltyDisclosure(JdbcClient jdbc, DecisionNumbers numbers) {
		this.jdbc = jdbc;
		this.numbers = numbers;
	}

	/**
	 * The 处罚机关 of a decision: the bureau that decided it, as the decision names it ({@link DecisionNumbers#decidedBy}:
	 * the bureau whose 机关代字 its 文号 bears), not the bureau handling the region now.
	 */
	private PublicDecision named(PublicDecision d) {
		return d.decidedBy(numbers.decidedBy(d.decisionNumber(), d.regionCode()));
	}

	/**
	 * The decisions published in the region {@code prefix} ("" for the whole country; checked digits), withdrawn ones
	 * included, newest publication first; searched by the party's name or credit code or the 文号.
	 */
	PageResult<PublicDecision> list(String prefix, PageQuery page) {
		return Listing.from("FROM penalty_case c")
			.where("c.published_on IS NOT NULL AND c.publication_penalty IS NOT NULL AND " + RegionPrefix.of(prefix).predicate("c.region_code"))
			.search(page, standing("c.publication_enterprise_name"), standing("c.publication_credit_code"),
					"c.publication_decision_number")
			.sorts(SORTS, "published_on", true, "c.id")
			.joinedToPage("LEFT JOIN region_name r ON r.code = c.region_code")
			.page(jdbc, SELECT, page, Rows.of(PublicDecision.class))
			.map(this::named);
	}

	/** One published decision (withdrawn or not); empty when the case does not exist or was never published. */
	Optional<PublicDecision> find(long id) {
		return jdbc.sql(SELECT + """
				 FROM penalty_case c LEFT JOIN region_name r ON r.code = c.region_code
				WHERE c.id = :id AND c.published_on IS NOT NULL AND c.publication_penalty IS NOT NULL""")
			.param("id", id)
			.query(Rows.of(PublicDecision.class))
			.optional()
			.map(this::named);
	}
}
