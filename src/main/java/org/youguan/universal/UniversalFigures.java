package org.youguan.universal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;

/**
 * The universal-service figures of a region and period ("对203个建制村进行了通邮情况现场监督检查，规范投递率100%").
 * The 机要通信 and 党报当日见报 figures come from the supervision records ({@link SupervisionFigures}); the approvals
 * from the post-office procedure ({@link PostOfficeApprovals}).
 */
@Service
public class UniversalFigures {

	/**
	 * @param villages 建制村 in the region (村委会 rows of the region list), as of today
	 * @param villagesDirectlyServed villages whose profile's mode is 直接通邮 (to the village committee), as of today
	 * @param villagesChecked different villages with at least one 通邮 check in the period
	 * @param standardDeliveryRate checks in the period found 规范 among all checks in the period, percent with one
	 *        decimal; null when there was no check
	 * @param postOfficeApprovals post-office closure/relocation approvals (邮政法 art.9) decided — approved or refused —
	 *        in the period in the region, past ones imported included
	 * @param confidentialChecks inspector-visits (人次) of the 机要通信 checks in the period: the inspectors of every
	 *        check, summed — not the number of checks. The name is the published API's (a contract keeps it);
	 *        {@link SupervisionFigures.Figures} calls this figure {@code confidentialVisits}, and its
	 *        {@code confidentialChecks} is the number of checks: the API documents of both say so
	 * @param partyPaperSameDayRate 党报当日见报 checks in the period found delivered the same day among all such
	 *        checks, percent with one decimal; null when there was no check
	 */
	public record Figures(long villages, long villagesDirectlyServed, long villagesChecked,
			BigDecimal standardDeliveryRate, long postOfficeApprovals, long confidentialChecks,
			BigDecimal partyPaperSameDayRate) {

		/** Villages with a profile whose mode is not 直接通邮, or without a profile. */
		public long villagesNotDirectlyServed() {
			return villages - villagesDirectlyServed;
		}
	}

	private final JdbcClient jdbc;

	private final Villages villages;

	private final PostOfficeApprovals approvals;

	private final SupervisionFigures supervision;

	UniversalFigures(JdbcClient jdbc, Villages villages, PostOfficeApprovals approvals, SupervisionFigures supervision) {
		this.jdbc = jdbc;
		this.villages = villages;
		this.approvals = approvals;
		this.supervision = supervision;
	}

	/** The figures of a region and period already checked against the caller's scope ({@link FiguresQuery}). */
	public Figures figures(FiguresQuery q) {
		return figures(q.region(), q.from(), q.to());
	}

	/**
	 * The figures of a region ({@code ""} for the country) and period (inclusive days).
	 * @throws InvalidValueException (field region) unless the region is 1–12 digits
	 */
	public Figures figures(String region, LocalDate from, LocalDate to) {
		RegionPrefix r = RegionPrefix.of(region);
		long all = villages.count(r.code());
		long direct = jdbc.sql("SELECT count(*) FROM village_profile p JOIN region_name v ON v.code = p.village_code WHERE "
				+ Villages.VILLAGE_COMMITTEE + " AND p.delivery_mode = 'DIRECT' AND " + r.predicate("p.village_code"))
			.query(Long.class)
			.single();
		record Checks(long villages, long checks, long standard) {
		}
		Checks checks = jdbc.sql("""
				SELECT count(DISTINCT c.village_code) AS villages, count(*) AS checks,
				    count(*) FILTER (WHERE c.standard_delivery) AS standard
				FROM village_check c WHERE c.checked_on BETWEEN :from AND :to""" + " AND " + r.predicate("c.village_code"))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Checks(rs.getLong("villages"), rs.getLong("checks"), rs.getLong("standard")))
			.single();
		BigDecimal rate = Percentages.rate(checks.standard(), checks.checks(), 1);
		SupervisionFigures.Figures records = supervision.figures(region, from, to);
		return new Figures(all, direct, checks.villages(), rate, approvals.decidedCount(r.code(), from, to),
				records.confidentialVisits(), records.partyPaperSameDayRate());
	}
}
