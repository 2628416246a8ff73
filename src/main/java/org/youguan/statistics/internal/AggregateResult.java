package org.youguan.statistics.internal;

import java.math.BigDecimal;

/**
 * An aggregate as the API answers it: the value over the months, the same months last year and the growth in percent;
 * {@code reportedUnits}/{@code expectedUnits} of the least complete month of the period, {@code complete} false when
 * that month or the same months last year lie below the completeness share, {@code caveat} then saying which
 * ("数据不完整：2026年10月已审核52/60家") and {@code growth} null — a growth from incomplete data is no number, as 不可比
 * in every export.
 */
public record AggregateResult(String indicator, String name, String region, String brand, String from, String to,
		BigDecimal value, BigDecimal previousYearValue, BigDecimal growth, String unit, int reportedUnits,
		int expectedUnits, boolean complete, String caveat) {
}
