package org.youguan.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Request counters in fixed one-minute windows, kept in PostgreSQL (table {@code rate_limit_window}) so that every
 * node of a cluster counts against the same total. A node does not write every request: it adds its hits to the shared
 * row in batches — at once while the window's remaining allowance is small (fewer than {@value #SLACK_SHARE} times
 * the hits it holds), otherwise at least once a second — and decides on the shared total it last read plus what it
 * holds. Near the limit every request is written, so the limit is exact there; far from it one write a second per
 * address replaces one per request (an office or a carrier-grade NAT behind one address queued on that one row).
 * Up to {@value #SLACK_SHARE} nodes together cannot overshoot the limit.
 * <p>
 * The window is the minute of the application clock; keep the nodes' clocks synchronised (NTP), a node a few seconds
 * off only shifts its window boundary by as much.
 */
@Component
class RateLimitWindows {

	private static final String ADD = """
			INSERT INTO rate_limit_window AS w (bucket, window_start, hits) VALUES (?, ?, ?)
			ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + EXCLUDED.hits
			RETURNING w.hits""";

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** Hits held unwritten stay below the remaining allowance divided by this. */
	static final int SLACK_SHARE = 8;

	/** Held hits are written at least this often. */
	private static final Duration MAX_HOLD = Duration.ofSeconds(1);

	/** Buckets kept in memory before windows that have ended are dropped. */
	private static final int MAX_BUCKETS = 10_000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	RateLimitWindows(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one request in the current minute's window of {@code bucket}.
	 *
	 * @param bucket what is limited and for whom, e.g. {@code public|203.0.113.7} (at most 100 characters)
	 * @param limit the requests allowed per window, which decides how many hits may be held before writing
	 * @return the requests counted in this window so far by the whole cluster as far as this node knows, this one
	 * included (exact whenever fewer than {@value #SLACK_SHARE} requests of the allowance remain)
	 * @throws org.springframework.dao.DataAccessException when the database cannot be reached
	 */
	int hit(String bucket, int limit) {
		String key = bucket.length() > 100 ? bucket.substring(0, 100) : bucket;
		Instant now = clock.instant();
		Instant window = windowStart(now);
		if (counters.size() > MAX_BUCKETS) {
			counters.values().removeIf(c -> c.window.isBefore(window));
		}
		Counter counter = counters.compute(key, (k, c) -> c == null || !c.window.equals(window) ? new Counter(window, now) : c);
		int delta;
		synchronized (counter) {
			counter.held++;
			int seen = counter.known + counter.held + counter.writing;
			boolean roomy = (long) counter.held * SLACK_SHARE < (long) limit - counter.known - counter.writing;
			if (roomy && now.isBefore(counter.lastWrite.plus(MAX_HOLD))) {
				return seen;
			}
			delta = counter.held;
			counter.held = 0;
			counter.writing += delta;
			counter.lastWrite = now;
		}
		Integer total = null;
		try {
			total = jdbc.queryForObject(ADD, Integer.class, key, OffsetDateTime.ofInstant(window, ZoneOffset.UTC), delta);
		}
		finally {
			synchronized (counter) {
				counter.writing -= delta;
				if (total != null) {
					counter.known = Math.max(counter.known, total);
				}
				else {
					counter.held += delta;
				}
			}
		}
		synchronized (counter) {
			return counter.known + counter.held + counter.writing;
		}
	}

	/**
	 * How long until the current window ends and every bucket's count starts again — what a request refused in this
	 * window is told to wait ({@code Retry-After}).
	 * @return the time left of the current minute by the application clock, at least one second
	 */
	Duration untilNextWindow() {
		Instant now = clock.instant();
		Duration left = Duration.between(now, windowStart(now).plus(WINDOW));
		return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
	}

	/** Forgets the windows that ended more than a minute ago; run by one node at a time. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	@SchedulerLock(name = "web.rate-limit-cleanup", lockAtLeastFor = "PT1M")
	public void forgetPastWindows() {
		Instant window = windowStart(clock.instant());
		counters.values().removeIf(c -> c.window.isBefore(window));
		jdbc.update("DELETE FROM rate_limit_window WHERE window_start < ?",
				OffsetDateTime.ofInstant(window.minus(WINDOW), ZoneOffset.UTC));
	}

	private static Instant windowStart(Instant now) {
		return Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW.toSeconds()));
	}

	/** One bucket's window as this node sees it: the shared total last read, hits held, hits being written. */
	private static final class Counter {

		final Instant window;

		Instant lastWrite;

		int known;

		int held;

		int writing;

		Counter(Instant window, Instant now) {
			this.window = window;
			this.lastWrite = now.minus(MAX_HOLD);
		}
	}
}
