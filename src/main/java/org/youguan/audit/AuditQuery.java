package org.youguan.audit;

import java.time.LocalDate;

import org.youguan.kernel.InvalidValueException;

/**
 * Filters of the audit search: free text (summary, actor, object id), action, object type and a date range
 * (inclusive, China time).
 * @throws InvalidValueException (400, field {@code to}, rule {@code order}) when the range ends before it begins — a
 *         search that could find nothing, which would read as "no change in that time"
 */
public record AuditQuery(String text, String action, String objectType, LocalDate from, LocalDate to) {

	public AuditQuery {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidValueException("to", "order", "结束日期（to）" + to + "不能早于开始日期（from）" + from);
		}
	}

	public static AuditQuery forObject(String objectType, Object objectId) {
		return new AuditQuery(String.valueOf(objectId), null, objectType, null, null);
	}
}
