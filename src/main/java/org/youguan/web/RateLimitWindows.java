package org.youguan.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Request counters in fixed one-minute windows, kept in PostgreSQL (table {@code rate_limit_window}) so that every
 * node of a cluster counts against the same total: one upsert per request, a single round trip in autocommit.
 * The window is the minute of the application clock; keep the nodes' clocks synchronised (NTP), a node a few seconds
 * off only shifts its window boundary by as much.
 */
@Component
class RateLimitWindows {

	private static final String HIT = """
			INSERT INTO rate_limit_window AS w (bucket, window_start, hits) VALUES (?, ?, 1)
			ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + 1
			RETURNING w.hits""";

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RateLimitWindows(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one request in the current minute's window of {@code bucket}.
	 *
	 * @param bucket what is limited and for whom, e.g. {@code public|203.0.113.7} (at most 100 characters)
	 * @return the requests counted in this window so far, this one included
	 * @throws org.springframework.dao.DataAccessException when the database cannot be reached
	 */
	int hit(String bucket) {
		Integer hits = jdbc.queryForObject(HIT, Integer.class, bucket.length() > 100 ? bucket.substring(0, 100) : bucket,
				OffsetDateTime.ofInstant(windowStart(clock.instant()), ZoneOffset.UTC));
		return hits == null ? 0 : hits;
	}

	/** Forgets the windows that ended more than a minute ago; run by one node at a time. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	@SchedulerLock(name = "web.rate-limit-cleanup", lockAtLeastFor = "PT1M")
	public void forgetPastWindows() {
		jdbc.update("DELETE FROM rate_limit_window WHERE window_start < ?",
				OffsetDateTime.ofInstant(windowStart(clock.instant()).minus(WINDOW), ZoneOffset.UTC));
	}

	private static Instant windowStart(Instant now) {
		return Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW.toSeconds()));
	}
}
