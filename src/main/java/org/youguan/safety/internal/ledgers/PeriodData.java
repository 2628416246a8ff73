package org.youguan.safety.internal.ledgers;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A 寄递安保期 as entered (text as typed; {@link SecurityPeriods#create} checks it): name, region code, first and last day
 * (YYYY-MM-DD), the rules 100 % 过机 and daily reporting, other rules as text. The region is {@code region}, or
 * {@code regionCode} as the list answers it.
 */
public record PeriodData(String name, @JsonAlias("regionCode") String region, String startsOn, String endsOn, Boolean fullScreening,
		Boolean dailyReporting, String otherRules) {
}
