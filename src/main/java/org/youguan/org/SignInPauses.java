package org.youguan.org;

import java.util.Collection;
import java.util.Set;

/**
 * What the organisation module needs to know of the sign-in throttle without knowing the security module: which
 * accounts wrong passwords pause at some client address ({@code max-failures} from one address within the lock
 * period), so that an administrator's 解除锁定 is offered and accepted for them too — it lifts those pauses as well as
 * the account's lock. Implemented by the security module, which holds the limits.
 */
public interface SignInPauses {

	/**
	 * The accounts among {@code userIds} paused now at one client address or more.
	 *
	 * @param userIds account ids (none: an empty answer)
	 * @return the paused ones among them
	 */
	Set<Long> pausedAmong(Collection<Long> userIds);

	/** Whether the account is paused now at one client address or more ({@link #pausedAmong}). */
	default boolean pausedAnywhere(long userId) {
		return pausedAmong(Set.of(userId)).contains(userId);
	}
}
