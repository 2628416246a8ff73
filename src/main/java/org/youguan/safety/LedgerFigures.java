package org.youguan.safety;

/**
 * The safety ledgers' part of the safety figures ({@code GET /api/v1/safety/figures}), for one region and period
 * (both days included); see {@link SafetyLedgers#figures} for the exact definitions.
 * @param screeningContractors third-party screening contractors (委托第三方安检企业, distinct credit codes) with a contract
 *        active on at least one day of the period, entrusted by an enterprise for a place in the region
 * @param hazardsOpen 隐患 found in the period (in the region) and still open at the period's last day
 * @param hazardsClosed 隐患 in the region closed (销号) in the period, whenever they were found
 */
public record LedgerFigures(long screeningContractors, long hazardsOpen, long hazardsClosed) {
}
