package org.youguan.statistics;

import java.math.BigDecimal;

/**
 * An aggregate as the API answers it: the value over the months, the same months last year and the growth in percent.
 */
public record AggregateResult(String indicator, String name, String region, String brand, String from, String to,
		BigDecimal value, BigDecimal previousYearValue, BigDecimal growth, String unit) {
}
