package org.youguan.complaints.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint figures' roll-up ({@code complaint_rollup}): the counters of {@code ComplaintFigures.totals} added up
 * by month of receipt, region as filed and brand. Kept in the transaction that changes a complaint: its contribution is
 * taken out before the change ({@link #remove}) and added back after it ({@link #add}); row locks on the roll-up
 * serialise concurrent changes of one group, so the sums stay exact. {@link #rebuild} recounts everything (after a
 * bulk load that bypassed the procedure, e.g. the benchmark's generator).
 */
@Component
public class ComplaintRollup {

	/**
	 * A complaint's contribution (or a group's, summed), signed by {@code :sign}. The company satisfaction counters: a
	 * postal respondent's complaints for 对邮政普遍服务满意率, the others' (express and other delivery enterprises) for
	 * 对快递服务满意率 ({@code ComplaintFigures}).
	 */
	private static final String CONTRIBUTION = """
			SELECT date_trunc('month', c.received_on)::date, c.region_code, c.brand_id, c.brand_name,
			       sum(:sign),
			       sum(CASE WHEN c.transferred_on IS NOT NULL THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.status = 'REJECTED' THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.status = 'CLOSED' THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.status = 'WITHDRAWN' THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.valid_complaint THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.transferred_on <= c.transfer_due THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.replied_on IS NOT NULL THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.replied_on IS NOT NULL AND NOT c.reply_late THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.closed_on IS NOT NULL AND c.closed_on <= c.answer_due THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.satisfaction IS NOT NULL THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN :sign ELSE 0 END),
			       coalesce(sum(:sign * c.compensation_paid), 0),
			       sum(CASE WHEN c.respondent_type = 'POSTAL' AND c.company_satisfaction IS NOT NULL THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.respondent_type = 'POSTAL' AND c.company_satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.respondent_type IN ('EXPRESS', 'OTHER') AND c.company_satisfaction IS NOT NULL THEN :sign ELSE 0 END),
			       sum(CASE WHEN c.respondent_type IN ('EXPRESS', 'OTHER') AND c.company_satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN :sign ELSE 0 END)
			FROM complaint c""";

	private static final String UPSERT = """
			INSERT INTO complaint_rollup AS r (month, region_code, brand_id, brand_name, received, accepted, not_accepted,
			    closed, withdrawn, valid, transfer_on_time, replied, reply_on_time, answered_in_time, surveyed, satisfied,
			    compensation, postal_surveyed, postal_satisfied, express_surveyed, express_satisfied)
			%s %s GROUP BY 1, 2, 3, 4
			ON CONFLICT (month, region_code, brand_id, brand_name) DO UPDATE SET
			    received = r.received + EXCLUDED.received, accepted = r.accepted + EXCLUDED.accepted,
			    not_accepted = r.not_accepted + EXCLUDED.not_accepted, closed = r.closed + EXCLUDED.closed,
			    withdrawn = r.withdrawn + EXCLUDED.withdrawn, valid = r.valid + EXCLUDED.valid,
			    transfer_on_time = r.transfer_on_time + EXCLUDED.transfer_on_time, replied = r.replied + EXCLUDED.replied,
			    reply_on_time = r.reply_on_time + EXCLUDED.reply_on_time,
			    answered_in_time = r.answered_in_time + EXCLUDED.answered_in_time, surveyed = r.surveyed + EXCLUDED.surveyed,
			    satisfied = r.satisfied + EXCLUDED.satisfied, compensation = r.compensation + EXCLUDED.compensation,
			    postal_surveyed = r.postal_surveyed + EXCLUDED.postal_surveyed,
			    postal_satisfied = r.postal_satisfied + EXCLUDED.postal_satisfied,
			    express_surveyed = r.express_surveyed + EXCLUDED.express_surveyed,
			    express_satisfied = r.express_satisfied + EXCLUDED.express_satisfied""";

	private final JdbcClient jdbc;

	ComplaintRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a complaint's contribution as the database holds it now (after it was inserted or changed). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long complaintId) {
		apply(1, "WHERE c.id = :id", complaintId);
	}

	/** Takes a complaint's contribution out, as the database holds it now (before it is changed). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void remove(long complaintId) {
		apply(-1, "WHERE c.id = :id", complaintId);
	}

	/** Adds the contributions of complaints loaded in bulk, by number. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addNumbers(List<String> numbers) {
		if (!numbers.isEmpty()) {
			apply(1, "WHERE c.number = ANY(:id)", numbers.toArray(String[]::new));
		}
	}

	/** Recounts the whole roll-up from the complaint rows. */
	@Transactional
	public void rebuild() {
		jdbc.sql("DELETE FROM complaint_rollup").update();
		apply(1, "", 0L);
	}

	private void apply(int sign, String where, Object id) {
		jdbc.sql(UPSERT.formatted(CONTRIBUTION, where)).param("sign", sign).param("id", id).update();
	}
}
