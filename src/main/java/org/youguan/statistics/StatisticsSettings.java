package org.youguan.statistics;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Statistics settings ({@code youguan.statistics.*}).
 *
 * @param jumpThresholdPercent a value moving more than this (in %) against the previous period or the same period last
 * year needs an explanation from the reporter (default 50)
 */
@ConfigurationProperties("youguan.statistics")
record StatisticsSettings(BigDecimal jumpThresholdPercent) {

	StatisticsSettings {
		jumpThresholdPercent = jumpThresholdPercent == null ? new BigDecimal("50") : jumpThresholdPercent;
	}
}
