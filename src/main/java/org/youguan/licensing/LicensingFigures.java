package org.youguan.licensing;

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
 * The licensing figures of a period and region, as a bureau's report states them ("受理许可及分支机构初审100家次，现场核查企业
 * 42家，通过24家").
 */
@Service
public class LicensingFigures {

	/**
	 * The period's figures (stable contract of {@code GET /api/v1/licensing/figures}).
	 * @param received applications received in the period (imported ones included)
	 * @param preliminaryReviews 初审家次: each application reviewed in the period counts once, and once more for every
	 * branch it includes
	 * @param onSiteVerifications 现场核查: distinct enterprises verified on site in the period
	 * @param approved applications approved in the period
	 * @param refused applications refused in the period
	 * @param averageDecisionDays average calendar days from acceptance to the decision, less paused days, of the
	 * applications decided in the period (null when none)
	 */
	public record Figures(long received, long preliminaryReviews, long onSiteVerifications, long approved, long refused,
			BigDecimal averageDecisionDays) {
	}

	private final JdbcClient jdbc;

	LicensingFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of days {@code from} … {@code to} in the region {@code prefix} ("" for the whole country) and the
	 * caller's scope (the premises' region).
	 */
	public Figures figures(DataScope scope, String prefix, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		String base = "FROM licence_application a WHERE " + RegionPrefix.of(prefix).predicate("a.region_code") + " AND "
				+ scope.enterprisePredicate("a.applicant_credit_code", "a.region_code");
		String decided = base + " AND a.decided_on BETWEEN :from AND :to";
		return jdbc.sql("SELECT (SELECT count(*) " + base + " AND a.submitted_on BETWEEN :from AND :to) AS received,"
				+ " (SELECT coalesce(sum(1 + (SELECT count(*) FROM licence_application_branch b WHERE b.application_id = a.id)), 0) "
				+ base + " AND a.reviewed_on BETWEEN :from AND :to) AS preliminary_reviews,"
				+ " (SELECT count(DISTINCT a.applicant_credit_code) " + base + " AND a.verified_on BETWEEN :from AND :to) AS on_site_verifications,"
				+ " (SELECT count(*) " + decided + " AND a.decision = 'APPROVED') AS approved,"
				+ " (SELECT count(*) " + decided + " AND a.decision = 'REFUSED') AS refused,"
				+ " (SELECT round(avg(a.decided_on - a.accepted_on - (SELECT coalesce(sum(s.ended_on - s.started_on + 1), 0)"
				+ " FROM licence_application_suspension s WHERE s.application_id = a.id AND s.ended_on IS NOT NULL)), 1) "
				+ decided + " AND a.accepted_on IS NOT NULL) AS average_decision_days")
			.params(params)
			.query(Rows.of(Figures.class))
			.single();
	}
}
