package org.youguan.audit;

import java.time.LocalDate;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;

/**
 * Filters of the audit search: free text (summary, actor, object id), action, object type and a date range
 * (inclusive, China time).
 * @throws InvalidValueException (400, field {@code to}, rule {@code after-from}, {@link Validation#period}) when the range ends before it begins — a
 *         search that could find nothing, which would read as "no change in that time"
 */
public record AuditQuery(String text, String action, String objectType, LocalDate from, LocalDate to) {

	public AuditQuery {
		Validation.requirePeriod(from, to);
	}

	public static AuditQuery forObject(String objectType, Object objectId) {
		return new AuditQuery(String.valueOf(objectId), null, objectType, null, null);
	}
}
