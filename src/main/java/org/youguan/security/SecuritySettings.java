package org.youguan.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in policy ({@code youguan.security.*}).
 *
 * @param maxFailures consecutive wrong passwords for one account from one client address that stop that address
 * signing in to the account for the lock period (default 5; {@link SignInThrottle})
 * @param accountMaxFailures consecutive wrong passwords for one account from all addresses that lock the account
 * (default 30; {@link SignInEvents})
 * @param addressMaxFailures failed sign-ins from one address under any names within the lock period that stop the
 * address signing in (default 30)
 * @param lockPeriod how long a lock or a stop lasts (default 15 minutes)
 * @param tokenCacheTtl how long a node keeps the principal an API token authenticated before reading it again
 * (default 5 seconds): a token revoked or an account changed on another node stops working within this time; on the
 * same node at once
 * @param tokenDefaultDays how long a new API token is valid when its form leaves the validity blank (default 90 days)
 * @param tokenMaxDays the longest validity a new API token may be given (default 365 days): no token lives for ever
 * @param claimLockTimeout how long a password check waits for the account's and the address's lock before its claim
 * ({@link PasswordGuesses#claim}) gives up and the password is refused unchecked, as during a pause (default 2
 * seconds): a burst of checks of one account, or a lock holder stuck behind the account's row, holds no pool
 * connection for longer
 */
@ConfigurationProperties("youguan.security")
record SecuritySettings(Integer maxFailures, Integer accountMaxFailures, Integer addressMaxFailures, Duration lockPeriod,
		Duration tokenCacheTtl, Integer tokenDefaultDays, Integer tokenMaxDays, Duration claimLockTimeout) {

	SecuritySettings {
		maxFailures = maxFailures == null ? 5 : maxFailures;
		accountMaxFailures = accountMaxFailures == null ? 30 : accountMaxFailures;
		addressMaxFailures = addressMaxFailures == null ? 30 : addressMaxFailures;
		lockPeriod = lockPeriod == null ? Duration.ofMinutes(15) : lockPeriod;
		tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(5) : tokenCacheTtl;
		tokenMaxDays = tokenMaxDays == null ? 365 : tokenMaxDays;
		tokenDefaultDays = tokenDefaultDays == null ? Math.min(90, tokenMaxDays) : Math.min(tokenDefaultDays, tokenMaxDays);
		claimLockTimeout = claimLockTimeout == null ? Duration.ofSeconds(2) : claimLockTimeout;
	}
}
