package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;

/** A 寄递安保期 as lists and pages show it; {@code active} when the day read lies within it. */
public record PeriodView(long id, String name, String regionCode, String regionName, LocalDate startsOn,
		LocalDate endsOn, boolean fullScreening, boolean dailyReporting, String otherRules, boolean active) {
}
