package org.youguan.audit;

import java.time.LocalDate;

/**
 * Filters of the audit search: free text (summary, actor, object id), action, object type and a date range
 * (inclusive, China time).
 */
public record AuditQuery(String text, String action, String objectType, LocalDate from, LocalDate to) {

	public static AuditQuery forObject(String objectType, Object objectId) {
		return new AuditQuery(String.valueOf(objectId), null, objectType, null, null);
	}
}
