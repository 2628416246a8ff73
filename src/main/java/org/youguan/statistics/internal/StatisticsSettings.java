package org.youguan.statistics.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Statistics settings ({@code youguan.statistics.*}).
 *
 * @param jumpThresholdPercent a value moving more than this (in %) against the previous period or the same period last
 * year needs an explanation from the reporter (default 50)
 * @param completeShare the share of expected units with an approved report (0–1) below which a period's figures are
 * marked 数据不完整 (default 0.95)
 */
@ConfigurationProperties("youguan.statistics")
public record StatisticsSettings(BigDecimal jumpThresholdPercent, Double completeShare) {

	public StatisticsSettings {
		jumpThresholdPercent = jumpThresholdPercent == null ? new BigDecimal("50") : jumpThresholdPercent;
		completeShare = completeShare == null ? 0.95 : completeShare;
		if (completeShare < 0 || completeShare > 1) {
			throw new IllegalArgumentException("youguan.statistics.complete-share 应在0至1之间：" + completeShare);
		}
	}
}
