package org.youguan.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in policy ({@code youguan.security.*}).
 *
 * @param maxFailures consecutive failed passwords that lock an account (default 5)
 * @param lockPeriod how long the lock lasts (default 15 minutes)
 */
@ConfigurationProperties("youguan.security")
record SecuritySettings(Integer maxFailures, Duration lockPeriod) {

	SecuritySettings {
		maxFailures = maxFailures == null ? 5 : maxFailures;
		lockPeriod = lockPeriod == null ? Duration.ofMinutes(15) : lockPeriod;
	}
}
