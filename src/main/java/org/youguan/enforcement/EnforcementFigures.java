package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;

/**
 * The enforcement figures of a period and region, as a bureau's report states them ("处罚企业2家，罚款8000元").
 */
@Service
public class EnforcementFigures {

	/**
	 * The period's figures (stable contract of {@code GET /api/v1/enforcement/figures}).
	 * @param leads leads received in the period (every source)
	 * @param casesFiled cases filed (立案) in the period, imported ones included; on-the-spot decisions (简易程序) are not
	 * filed cases and are not counted
	 * @param penalizedEnterprises distinct enterprises with a penalty decided in the period (不予处罚 not counted, nor a
	 * decision since revoked or confirmed invalid by 行政复议, 行政诉讼 or the bureau itself — it is no penalty any more)
	 * @param fineTotal fines decided in the period (¥), as changed by a 复议/诉讼 outcome, a revoked or invalid decision's
	 * not counted
	 * @param fineCollected fines paid in the period (¥, without 加处罚款) less the fines refunded in it, every refund's
	 * fine part (a fine lowered or removed by a 变更 after payment, {@code CaseExecution#refund}); a fine paid in instalments counts each
	 * instalment's amount in the period it was paid; nothing paid on a decision since revoked or confirmed invalid
	 * @param warnings decisions of 警告 in the period (a revoked or invalid one not counted)
	 * @param decisionsPublished decisions published in the period and not withdrawn
	 */
	public record Figures(long leads, long casesFiled, long penalizedEnterprises, BigDecimal fineTotal,
			BigDecimal fineCollected, long warnings, long decisionsPublished) {
	}

	private final JdbcClient jdbc;

	EnforcementFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of days {@code from} … {@code to} in the region {@code prefix} ("" for the whole country) and the
	 * caller's scope.
	 */
	public Figures figures(DataScope scope, String prefix, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		RegionPrefix region = RegionPrefix.of(prefix);
		String cases = "FROM penalty_case c WHERE " + region.predicate("c.region_code") + " AND "
				+ scope.regionPredicate("c.region_code");
		// a decision revoked or confirmed invalid (DecisionOutcomes) is no penalty: neither its enterprise, its fine nor
		// its warning counts, nor what was paid on it (to be refunded)
		String decided = cases + " AND c.decided_on BETWEEN :from AND :to AND c.penalty IS NOT NULL AND c.decision_annulled_on IS NULL";
		// a lead counts where it is handled (Leads.HANDLING_REGION_SQL), as it is seen and queued: one the city received
		// about a county's enterprise is the county's, not the city's own
		return jdbc.sql("SELECT (SELECT count(*) " + Leads.FROM_WITH_ENTERPRISE + " WHERE l.received_on BETWEEN :from AND :to"
				+ " AND " + region.predicate(Leads.HANDLING_REGION_SQL) + " AND " + scope.regionPredicate(Leads.HANDLING_REGION_SQL)
				+ ") AS leads,"
				+ " (SELECT count(*) " + cases + " AND c.filed_on BETWEEN :from AND :to AND c.procedure_kind <> 'SIMPLE') AS cases_filed,"
				+ " (SELECT count(DISTINCT c.enterprise_credit_code) " + decided + ") AS penalized_enterprises,"
				// fine holds 罚款 only (a confiscation's value is kept apart since V210): the fines 并处 with a heavier kind count
				+ " (SELECT coalesce(sum(c.fine), 0) " + decided + ") AS fine_total,"
				// a fine paid in instalments is collected instalment by instalment, each in the period it was paid
				// what was paid as the fine (paid less 加处罚款), which a later 变更 of the fine does not change
				+ " (SELECT coalesce(sum(coalesce(c.paid_amount - coalesce(c.surcharge, 0), c.fine)), 0) " + cases
				+ " AND c.paid_on BETWEEN :from AND :to"
				+ " AND c.payment_arrangement IS DISTINCT FROM 'INSTALMENTS' AND c.decision_annulled_on IS NULL)"
				// each instalment for what it paid as the fine: after a 变更 lowered the fine, less than its planned amount
				+ " + (SELECT coalesce(sum(coalesce(i.paid_amount - coalesce(i.surcharge, 0), i.amount)), 0)"
				+ " FROM penalty_case_instalment i JOIN penalty_case c ON c.id = i.case_id"
				+ " WHERE i.paid_on BETWEEN :from AND :to AND c.decision_annulled_on IS NULL AND " + region.predicate("c.region_code") + " AND "
				+ scope.regionPredicate("c.region_code") + ")"
				// less the fine refunded in the period (every refund, its 加处罚款 part apart): what a 变更 after payment
				// lowered or removed; an annulled decision's payments are not counted, nor are its refunds
				+ " - (SELECT coalesce(sum(r.amount - r.surcharge), 0) FROM penalty_case_refund r JOIN penalty_case c ON c.id = r.case_id"
				+ " WHERE r.refunded_on BETWEEN :from AND :to AND c.decision_annulled_on IS NULL AND " + region.predicate("c.region_code") + " AND "
				+ scope.regionPredicate("c.region_code") + ") AS fine_collected,"
				+ " (SELECT count(*) " + decided + " AND c.penalty = 'WARNING') AS warnings,"
				+ " (SELECT count(*) " + cases + " AND c.published_on BETWEEN :from AND :to"
				+ " AND c.publication_withdrawn_on IS NULL) AS decisions_published")
			.params(params)
			.query(Rows.of(Figures.class))
			.single();
	}
}
