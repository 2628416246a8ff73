package org.youguan.security;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.youguan.audit.SignInLog;
import org.youguan.org.SignInPauses;

/**
 * Which accounts the sign-in throttle pauses at some client address ({@code max-failures} wrong passwords from one
 * address within the lock period, since the account's last success there and its last 解除锁定; see
 * {@link PasswordGuesses#claim}), for the organisation module's 解除锁定, which lifts those pauses.
 */
@Component
class ThrottlePauses implements SignInPauses {

	private final SignInLog signIns;

	private final SecuritySettings settings;

	private final Clock clock;

	ThrottlePauses(SignInLog signIns, SecuritySettings settings, Clock clock) {
		this.signIns = signIns;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Set<Long> pausedAmong(Collection<Long> userIds) {
		return signIns.pausedAtSomeAddress(userIds, clock.instant().minus(settings.lockPeriod()), settings.maxFailures());
	}
}
