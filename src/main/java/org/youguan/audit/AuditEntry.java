package org.youguan.audit;

/**
 * One change to record. {@code before} and {@code after} are serialised as JSON: pass only what may be shown to an
 * auditor (masked personal numbers, never password hashes).
 *
 * @param regionCode the region of the changed object, which decides which bureaus see the event; {@code null} uses the
 * actor's region
 */
public record AuditEntry(String action, String objectType, String objectId, String summary, Object before,
		Object after, String regionCode) {

	public static AuditEntry of(String action, String objectType, Object objectId, String summary) {
		return new AuditEntry(action, objectType, objectId == null ? null : objectId.toString(), summary, null, null,
				null);
	}

	public AuditEntry states(Object before, Object after) {
		return new AuditEntry(action, objectType, objectId, summary, before, after, regionCode);
	}

	public AuditEntry inRegion(String region) {
		return new AuditEntry(action, objectType, objectId, summary, before, after, region);
	}
}
