package org.youguan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.youguan.platform.ChinaTime;

/**
 * A clock tests move by hand. Reset to the real time before each test that moves it.
 */
public final class MutableClock extends Clock {

	private volatile Instant now = Instant.now();

	@Override
	public ZoneId getZone() {
		return ChinaTime.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

	public void set(LocalDateTime chinaTime) {
		now = chinaTime.atZone(ChinaTime.ZONE).toInstant();
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	public void reset() {
		now = Instant.now();
	}
}
