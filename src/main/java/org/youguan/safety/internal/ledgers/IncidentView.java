package org.youguan.safety.internal.ledgers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An incident (事故/突发事件) as lists and pages show it; {@code reportLate} when it was reported after its due time, or
 * is still unreported past it on the moment read.
 */
public record IncidentView(long id, String enterpriseCreditCode, String enterpriseName, Long outletId, String outletName,
		String regionCode, String regionName, Instant occurredAt, IncidentKind kind, IncidentLevel level,
		String description, Instant reportDue, String reportBasis, Instant reportedAt, String followUp,
		LocalDate closedOn, String closureNote, boolean reportLate) {

	public boolean open() {
		return closedOn == null;
	}
}
