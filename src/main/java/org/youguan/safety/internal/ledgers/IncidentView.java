package org.youguan.safety.internal.ledgers;

import java.time.Instant;
import java.time.LocalDate;

import org.youguan.kernel.Masking;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;

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

	/**
	 * The same incident as {@code audience} reads it: its report basis for that reader
	 * ({@link StatutoryRule#restatedFor}) — the enterprise never reads the catalogue's 地方实践（未确认）, kept in incidents
	 * recorded before bases were cited for their reader; the bureau reads it.
	 */
	IncidentView readBy(Audience audience) {
		return new IncidentView(id, enterpriseCreditCode, enterpriseName, outletId, outletName, regionCode, regionName,
				occurredAt, kind, level, description, reportDue,
				StatutoryRule.SAFETY_INCIDENT_REPORT.restatedFor(reportBasis, audience), reportedAt, followUp, closedOn,
				closureNote, reportLate);
	}

	/**
	 * The same incident with every ID and mobile number in its free text — description, follow-up, closure note —
	 * masked ({@link Masking#personalNumbersIn}), as lists, exports and the API show it; the incident's own page masks
	 * them too (its follow-up form sends the masked text back, {@link Masking#keptIfSentBackMasked}).
	 */
	public IncidentView masked() {
		return new IncidentView(id, enterpriseCreditCode, enterpriseName, outletId, outletName, regionCode, regionName,
				occurredAt, kind, level, Masking.personalNumbersIn(description), reportDue, reportBasis, reportedAt,
				Masking.personalNumbersIn(followUp), closedOn, Masking.personalNumbersIn(closureNote), reportLate);
	}
}
