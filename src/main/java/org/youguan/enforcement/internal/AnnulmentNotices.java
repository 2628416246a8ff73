package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.PenaltyStepServed;

/**
 * The repair of the annulment notices a party was never given: a decision served by public notice (公告送达) and
 * revoked or declared invalid while the notice ran was, before the party was told such an annulment at once
 * ({@link CaseWork#tellParty}), told nothing — its deemed day recorded only that it is not executed. At every start
 * (and on demand, {@link #tellUntold}) each annulled decision whose public notice is on record
 * ({@code delivery_published_on}) and not yet marked told ({@code penalty_case.annulment_told_on}, V359) is told as the
 * live path tells it: "…已于{day}经{remedy}，不再执行", under the same notification key (step, the annulment's day),
 * so a party told already is not told twice; the case is then marked. Idempotent: a second run finds every such
 * decision marked, and two nodes starting at once are ordered by the row's update (the second finds it marked).
 */
@Component
public class AnnulmentNotices {

	private static final Logger log = LoggerFactory.getLogger(AnnulmentNotices.class);

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final DecisionOutcomes outcomes;

	private final TransactionTemplate transactions;

	AnnulmentNotices(JdbcClient jdbc, CaseWork caseWork, DecisionOutcomes outcomes, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.caseWork = caseWork;
		this.outcomes = outcomes;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		List<Long> told = tellUntold();
		if (!told.isEmpty()) {
			log.info("Told {} annulled decision(s) served by public notice that were never told: cases {}", told.size(), told);
		}
	}

	/**
	 * Tells each party of an annulled decision served by public notice that has not been marked told, and marks it.
	 * @return the cases told now (empty when every one was marked)
	 */
	public List<Long> tellUntold() {
		List<Long> due = jdbc.sql("""
				SELECT id FROM penalty_case
				WHERE decision_annulled_on IS NOT NULL AND delivery_published_on IS NOT NULL AND annulment_told_on IS NULL
				  AND NOT imported AND enterprise_credit_code IS NOT NULL
				ORDER BY id""")
			.query(Long.class)
			.list();
		List<Long> told = new ArrayList<>();
		for (long id : due) {
			if (Boolean.TRUE.equals(transactions.execute(status -> tell(id)))) {
				told.add(id);
			}
		}
		return told;
	}

	/** Marks the case told and tells the party; false when another run marked it first. */
	private boolean tell(long id) {
		// the row lock is held until the transaction commits: a concurrent run waits, then finds the day set (0 rows)
		if (jdbc.sql("UPDATE penalty_case SET annulment_told_on = decision_annulled_on WHERE id = :id AND annulment_told_on IS NULL")
			.param("id", id).update() == 0) {
			return false;
		}
		CaseView c = caseWork.find(id);
		LocalDate annulledOn = c.decisionAnnulledOn();
		caseWork.tellParty(c, PenaltyStepServed.Step.DECISION_ANNULLED, annulledOn, null, false, remedy(id, annulledOn).orElse(null));
		return true;
	}

	/** Who annulled the decision and how, as the live notice says it ("行政复议撤销"): the last annulling outcome. */
	private Optional<String> remedy(long id, LocalDate annulledOn) {
		List<DecisionOutcomes.Recorded> annulling = outcomes.outcomes(id).stream()
			.filter(o -> o.result().annuls() && o.decidedOn().equals(annulledOn))
			.toList();
		return annulling.isEmpty() ? Optional.empty()
				: Optional.of(annulling.get(annulling.size() - 1).kind().label() + annulling.get(annulling.size() - 1).result().label());
	}
}
