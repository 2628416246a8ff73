package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;

/**
 * The shared rate-limit counter writes to PostgreSQL in batches far from the limit and on every request near it, and
 * never lets a window's total through the limit.
 */
@IntegrationTest
class RateLimitWindowsIntegrationTest {

	@Autowired
	RateLimitWindows windows;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void farFromTheLimitHitsAreWrittenOnceASecondNotPerRequest() {
		clock.set(LocalDateTime.of(2026, 11, 30, 10, 0, 5));
		String bucket = "test|" + UUID.randomUUID();
		List<Integer> counts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			counts.add(windows.hit(bucket, 100_000));
		}
		assertThat(counts).as("the node's count goes up by one per request").isEqualTo(
				IntStream.rangeClosed(1, 50).boxed().toList());
		assertThat(stored(bucket)).as("only the first hit of the second is written yet").isEqualTo(1);

		clock.advance(Duration.ofMillis(1_100));
		assertThat(windows.hit(bucket, 100_000)).isEqualTo(51);
		assertThat(stored(bucket)).as("a second later the held hits are written with this one").isEqualTo(51);
	}

	@Test
	void nearTheLimitEveryHitIsWrittenSoTheLimitIsExact() {
		clock.set(LocalDateTime.of(2026, 11, 30, 10, 1, 5));
		String bucket = "test|" + UUID.randomUUID();
		int limit = RateLimitWindows.SLACK_SHARE - 2;
		for (int i = 1; i <= limit; i++) {
			assertThat(windows.hit(bucket, limit)).isEqualTo(i);
			assertThat(stored(bucket)).as("hit %d of a limit of %d is written at once", i, limit).isEqualTo(i);
		}
		jdbc.sql("UPDATE rate_limit_window SET hits = hits + 5 WHERE bucket = :b").param("b", bucket).update();
		assertThat(windows.hit(bucket, limit)).as("another node's hits count at the next write").isEqualTo(limit + 6);
	}

	@Test
	void aNewMinuteStartsANewWindow() {
		clock.set(LocalDateTime.of(2026, 11, 30, 10, 2, 59));
		String bucket = "test|" + UUID.randomUUID();
		windows.hit(bucket, 3);
		windows.hit(bucket, 3);
		clock.advance(Duration.ofSeconds(2));
		assertThat(windows.hit(bucket, 3)).isEqualTo(1);
	}

	private int stored(String bucket) {
		return jdbc.sql("SELECT coalesce(sum(hits), 0) FROM rate_limit_window WHERE bucket = :b")
			.param("b", bucket)
			.query(Integer.class)
			.single();
	}
}
