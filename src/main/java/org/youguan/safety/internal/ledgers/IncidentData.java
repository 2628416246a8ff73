package org.youguan.safety.internal.ledgers;

/**
 * An incident as entered (checked by {@link Incidents#record}): the enterprise's credit code (an enterprise user's own
 * is taken instead), optional outlet id, when it occurred (ISO date-time, China time when no offset, e.g.
 * {@code 2026-11-20T14:30}), kind, level, description, and when it was reported if it already was.
 */
public record IncidentData(String enterpriseCreditCode, Long outletId, String occurredAt, String kind, String level,
		String description, String reportedAt) {
}
