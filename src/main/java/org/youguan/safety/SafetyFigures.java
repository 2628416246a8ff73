package org.youguan.safety;

import java.math.BigDecimal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.RegionPrefix;

/**
 * The safety figures of a region and period ({@code GET /api/v1/safety/figures}): parcels and the three rates from the
 * rollups ({@link SafetyRates}, formulas there and in README), and the screening machines in service (registry
 * facilities of kind 安检机 in the region today), and from the safety ledgers the screening contractors and the hazards
 * open and closed ({@link SafetyLedgers}). Rates are percentages with two decimals, as the other figures APIs
 * (universal, complaints) give their rates; null when the denominator is 0.
 */
@Service
public class SafetyFigures {

	/**
	 * @param parcels parcels accepted in the period (sender in the region)
	 * @param subjectParcels of them, subject to real-name (parcels − letters − agreement customers)
	 * @param realNameRate 实名率, percent, 2 decimals, or null
	 * @param inspectionRate 验视率, percent, or null
	 * @param screeningRate 过机率, percent, or null
	 * @param screeningMachines registered screening machines in service in the region (an enterprise: its own)
	 * @param screeningContractors third-party screening contractors (委托第三方安检企业) with a contract in force in the
	 *        period for a place in the region ({@link SafetyLedgers#figures}); null for an enterprise caller (the
	 *        ledgers are the bureau's)
	 * @param hazardsOpen 隐患 found in the period in the region and still open at its end; null for an enterprise
	 * @param hazardsClosed 隐患 in the region closed (销号) in the period; null for an enterprise
	 */
	public record Figures(long parcels, long subjectParcels, BigDecimal realNameRate, BigDecimal inspectionRate,
			BigDecimal screeningRate, long screeningMachines, Long screeningContractors, Long hazardsOpen,
			Long hazardsClosed) {
	}

	private final SafetyRates rates;

	private final JdbcClient jdbc;

	private final SafetyLedgers ledgers;

	SafetyFigures(SafetyRates rates, JdbcClient jdbc, SafetyLedgers ledgers) {
		this.rates = rates;
		this.jdbc = jdbc;
		this.ledgers = ledgers;
	}

	/**
	 * The figures of a region and period already checked against the caller's region ({@link FiguresQuery}); an
	 * enterprise's scope narrows them to its own parcels and machines.
	 */
	public Figures figures(DataScope scope, FiguresQuery q) {
		SafetyRates.Rates r = rates.total(scope, new SafetyRates.Query(q.region(), q.from(), q.to(), null));
		String own = scope.kind() == DataScope.Kind.ENTERPRISE
				? " AND m.enterprise_id = (SELECT e.id FROM enterprise_name e WHERE e.credit_code = :scopeEnterprise)"
				: " AND " + scope.regionPredicate("m.region_code");
		long machines = jdbc.sql("SELECT count(*) FROM screening_machine m WHERE m.status = 'IN_SERVICE' AND "
				+ RegionPrefix.of(q.region()).predicate("m.region_code") + own)
			.params(scope.params())
			.query(Long.class)
			.single();
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return new Figures(r.parcels(), r.subject(), r.realNameRate(), r.inspectionRate(), r.screeningRate(), machines,
					null, null, null);
		}
		LedgerFigures l = ledgers.figures(q.region(), q.from(), q.to());
		return new Figures(r.parcels(), r.subject(), r.realNameRate(), r.inspectionRate(), r.screeningRate(), machines,
				l.screeningContractors(), l.hazardsOpen(), l.hazardsClosed());
	}
}
