package org.youguan.audit;

import java.time.OffsetDateTime;

/**
 * A recorded audit event as read back, with its place in the keyed chain once sealed.
 *
 * @param sealSeq the number of its seal in the audit chain, or null while it awaits sealing (a second or so)
 * @param mac the seal's MAC (hex; key id then HMAC-SHA256), or null while unsealed
 */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, Long actorUserId, Long bureauId,
		String regionCode, String action, String objectType, String objectId, String summary, String beforeState,
		String afterState, String clientAddress, Long sealSeq, String mac) {
}
