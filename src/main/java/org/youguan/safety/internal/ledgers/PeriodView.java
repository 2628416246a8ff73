package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A 寄递安保期 as lists and pages show it; {@code active} when the day read lies within it and it is not cancelled;
 * {@code cancelledAt}, {@code cancelledBy}, {@code cancelReason} set once the bureau cancelled it.
 */
public record PeriodView(long id, String name, String regionCode, String regionName, LocalDate startsOn,
		LocalDate endsOn, boolean fullScreening, boolean dailyReporting, String otherRules, boolean active,
		OffsetDateTime cancelledAt, String cancelledBy, String cancelReason) {

	/** Whether the bureau cancelled the period. */
	public boolean cancelled() {
		return cancelledAt != null;
	}
}
