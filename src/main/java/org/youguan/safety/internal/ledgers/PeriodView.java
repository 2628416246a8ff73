package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.youguan.kernel.Masking;

/**
 * A 寄递安保期 as lists and pages show it; {@code active} when the day read lies within it and it is not cancelled;
 * {@code cancelledAt}, {@code cancelledBy}, {@code cancelReason} set once the bureau cancelled it; {@code declaredOn} the
 * day (China time) the period was declared, from which its days are owed a report (a day before is never missing nor
 * late), read with the period in the same query.
 */
public record PeriodView(long id, String name, String regionCode, String regionName, LocalDate startsOn,
		LocalDate endsOn, boolean fullScreening, boolean dailyReporting, String otherRules, boolean active,
		OffsetDateTime cancelledAt, String cancelledBy, String cancelReason, LocalDate declaredOn) {

	/**
	 * The same period with every ID and mobile number in its free text — name, other rules, cancel reason — masked
	 * ({@link Masking#personalNumbersIn}), as lists and the API list show it; the period's page reads it as recorded.
	 */
	public PeriodView masked() {
		return new PeriodView(id, Masking.personalNumbersIn(name), regionCode, regionName, startsOn, endsOn, fullScreening, dailyReporting,
				Masking.personalNumbersIn(otherRules), active, cancelledAt, cancelledBy, Masking.personalNumbersIn(cancelReason),
				declaredOn);
	}

	/** Whether the bureau cancelled the period. */
	public boolean cancelled() {
		return cancelledAt != null;
	}
}
