package org.youguan.safety;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import org.youguan.safety.internal.ledgers.LedgerDemoData;

/**
 * The safety ledgers (安全监管台账) as other modules use them: the ledgers' figures for the safety figures API, and the
 * demo city's ledger rows. The ledgers themselves (隐患, screening contractors …) are the module's pages and APIs.
 */
@Service
public class SafetyLedgers {

	private final JdbcClient jdbc;

	private final LedgerDemoData demo;

	SafetyLedgers(JdbcClient jdbc, LedgerDemoData demo) {
		this.jdbc = jdbc;
		this.demo = demo;
	}

	/**
	 * The ledgers' figures of a region and period (both days included). Exactly:
	 * <ul>
	 * <li>{@code screeningContractors}: the distinct credit codes of screening contractors whose contract
	 * ({@code contract_from} … {@code contract_to}) overlaps {@code from} … {@code to}, entrusted for a place in the
	 * region (the enterprise's region, or the covered outlet's when the enterprise lies elsewhere);</li>
	 * <li>{@code hazardsOpen}: hazards in the region found on a day in {@code from} … {@code to} and not closed on or
	 * before {@code to} (open at the end of the period, as a report for that period would have shown them);</li>
	 * <li>{@code hazardsClosed}: hazards in the region closed on a day in {@code from} … {@code to}, whenever found.</li>
	 * </ul>
	 * The caller checks that the region is within the user's scope (kernel {@code FiguresQuery}).
	 * @param regionPrefix region code (1–12 digits), or {@code ""} / {@code "0"} for the whole country
	 * @throws InvalidValueException (field {@code region}) for a region that is not digits; (field {@code to}) when
	 *         {@code to} is before {@code from}
	 */
	public LedgerFigures figures(String regionPrefix, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidValueException("to", "range", "统计期间的结束日期不能早于开始日期");
		}
		String region = regionPrefix == null || Text.isBlank(regionPrefix) || Text.strip(regionPrefix).equals("0") ? ""
				: Text.strip(regionPrefix);
		RegionPrefix prefix = RegionPrefix.of(region);
		long contractors = jdbc.sql("""
				SELECT count(DISTINCT c.credit_code) FROM safety_contractor c
				WHERE c.contract_from <= :to AND c.contract_to >= :from AND (%s OR EXISTS (SELECT 1
				    FROM safety_contractor_outlet o WHERE o.contractor_id = c.id AND %s))"""
			.formatted(prefix.predicate("c.region_code"), prefix.predicate("o.region_code")))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		long open = jdbc.sql("SELECT count(*) FROM safety_hazard h WHERE " + prefix.predicate("h.region_code")
				+ " AND h.found_on BETWEEN :from AND :to AND (h.closed_on IS NULL OR h.closed_on > :to)")
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		long closed = jdbc.sql("SELECT count(*) FROM safety_hazard h WHERE " + prefix.predicate("h.region_code")
				+ " AND h.closed_on BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		return new LedgerFigures(contractors, open, closed);
	}

	/**
	 * Seeds the demo city's ledgers (hazards open, overdue and closed; screening contractors covering some outlets)
	 * through the ledgers' own services, once, inside the caller's transaction.
	 * @param city the demo city's code, e.g. {@code 3205}
	 * @param enterpriseCreditCode the demo enterprise account's enterprise (its own ledger rows show on its portal)
	 */
	public void seedDemo(String city, String enterpriseCreditCode) {
		demo.seed(city, enterpriseCreditCode);
	}
}
