package org.youguan.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in policy ({@code youguan.security.*}).
 *
 * @param maxFailures consecutive failed passwords that lock an account (default 5)
 * @param lockPeriod how long the lock lasts (default 15 minutes)
 * @param tokenCacheTtl how long a node keeps the principal an API token authenticated before reading it again
 * (default 5 seconds): a token revoked or an account changed on another node stops working within this time; on the
 * same node at once
 */
@ConfigurationProperties("youguan.security")
record SecuritySettings(Integer maxFailures, Duration lockPeriod, Duration tokenCacheTtl) {

	SecuritySettings {
		maxFailures = maxFailures == null ? 5 : maxFailures;
		lockPeriod = lockPeriod == null ? Duration.ofMinutes(15) : lockPeriod;
		tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(5) : tokenCacheTtl;
	}
}
