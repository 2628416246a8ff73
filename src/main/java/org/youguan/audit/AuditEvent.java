package org.youguan.audit;

import java.time.OffsetDateTime;

/**
 * A recorded audit event as read back.
 */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, Long actorUserId, Long bureauId,
		String regionCode, String action, String objectType, String objectId, String summary, String beforeState,
		String afterState, String clientAddress, String prevHash, String hash) {
}
