package org.youguan.safety.internal.alerts;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The anomaly rules' thresholds ({@code youguan.safety.alerts.*}). None is set by law: they are the bureau's
 * supervision choices (the examples), documented in README "Safety — rates and alerts" and shown on each
 * rule's page.
 *
 * @param enterprisesPerPseudonym rule (a): alert when one sender pseudonym ships through at least this many
 *        enterprises on one day (default 3)
 * @param parcelsPerPseudonym rule (b): alert when one sender pseudonym ships more than this many parcels on one day at
 *        one enterprise (default 50)
 * @param outletRealNameRate rule (d): alert when an outlet's daily real-name rate, in percent, is below this (default
 *        95)
 * @param outletMinSubject rule (d): only outlets with at least this many parcels subject to real-name that day
 *        (default 20: a handful of parcels makes no rate)
 */
@ConfigurationProperties("youguan.safety.alerts")
public record AlertSettings(Integer enterprisesPerPseudonym, Integer parcelsPerPseudonym, BigDecimal outletRealNameRate,
		Integer outletMinSubject) {

	public AlertSettings {
		enterprisesPerPseudonym = enterprisesPerPseudonym == null ? 3 : enterprisesPerPseudonym;
		parcelsPerPseudonym = parcelsPerPseudonym == null ? 50 : parcelsPerPseudonym;
		outletRealNameRate = outletRealNameRate == null ? new BigDecimal("95") : outletRealNameRate;
		outletMinSubject = outletMinSubject == null ? 20 : outletMinSubject;
	}

	/**
	 * The threshold of a rule as its page shows it, e.g. "≥ 3 家企业"; rule (f)'s lies in the rule catalogue, per region
	 * ({@link AlertDetection#threshold} states its values).
	 */
	public String describe(AlertRule rule) {
		return switch (rule) {
			case PSEUDONYM_ENTERPRISES -> "同一日 ≥ " + enterprisesPerPseudonym + " 家企业";
			case PSEUDONYM_VOLUME -> "同一日同一企业 > " + parcelsPerPseudonym + " 件";
			case COURIER_SELF -> "寄件人假名 = 收寄快递员假名（≥ 1 件）";
			case OUTLET_REAL_NAME -> "日实名率 < " + outletRealNameRate.stripTrailingZeros().toPlainString()
					+ "%（应实名 ≥ " + outletMinSubject + " 件）";
			case MACHINE_IDLE -> "工作日过机 0 件";
			case EXEMPT_SHARE -> "日豁免件占比 > 规则目录“豁免实名收寄件日占比预警阈值”（收寄 ≥ “豁免实名收寄件占比预警的最小日收寄件数”），各局可设";
		};
	}
}
