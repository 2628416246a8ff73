package org.youguan.audit;

import java.time.OffsetDateTime;

import org.youguan.kernel.Actors;

/**
 * A recorded audit event as read back, with its place in the keyed chain once sealed.
 *
 * @param sealSeq the number of its seal in the audit chain, or null while it awaits sealing (a second or so)
 * @param mac the seal's MAC (hex; key id then HMAC-SHA256), or null while unsealed
 */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, Long actorUserId, Long bureauId,
		String regionCode, String action, String objectType, String objectId, String summary, String beforeState,
		String afterState, String clientAddress, Long sealSeq, String mac) {

	/** The actor stored for a change no one signed in made (a scheduled job, a module reacting to an event). */
	public static final String SYSTEM = Actors.SYSTEM;

	/**
	 * The actor as a Chinese page or export shows it ({@link Actors#shown}): {@value #SYSTEM} reads 系统; the stored
	 * value (and the API's {@code actor}) stays as recorded.
	 */
	public String actorName() {
		return Actors.shown(actor);
	}
}
