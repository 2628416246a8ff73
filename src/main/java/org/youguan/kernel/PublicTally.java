package org.youguan.kernel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one tally of what the public side does that a limit of the rule catalogue counts (table {@code public_tally},
 * V365): a public look-up that found nothing — a complaint's status by number and query code, an e-licence verified by
 * number and code — and a complaint filed through the public portal, each counted under a kind (the module's own
 * constant, e.g. {@code lookup-number}, {@code licence-address}) and a key (the number as typed and normalised, the
 * client address, a keyed hash — never a personal number). Kept in PostgreSQL so every node of a cluster counts against
 * the same total; rows older than {@link #KEPT} are dropped as new ones are written. A count and the row it allows are
 * made under the key's lock ({@link TransactionLocks}): parallel requests take the remaining allowance and no more.
 */
@Component
public class PublicTally {

	/** The window failed public look-ups are counted in: the catalogue's lookup limits are per hour. */
	public static final Duration LOOKUP_WINDOW = Duration.ofHours(1);

	/** The rule a refusal past a limit of failed look-ups names ({@link #lookupLimit}). */
	public static final String LOOKUP_LIMIT = "lookup-limit";

	/** How long a row is kept: past the longest window counted (a day). */
	static final Duration KEPT = Duration.ofDays(2);

	/** A key longer than this is counted under its first this many characters (the column's width). */
	static final int KEY_LENGTH = 100;

	/**
	 * One limit a step is counted against.
	 * @param kind what is counted (the module's constant, at most 40 characters)
	 * @param key whom it is counted for (longer than {@link #KEY_LENGTH} is cut, as written)
	 * @param limit how many may be counted in the window; at the limit nothing more is
	 */
	public record Limit(String kind, String key, int limit) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	PublicTally(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many times {@code kind} was counted for {@code key} since {@code since}. */
	public int since(String kind, String key, Instant since) {
		return jdbc.sql("SELECT count(*) FROM public_tally WHERE kind = :kind AND tally_key = :key AND counted_at >= :since")
			.param("kind", kind)
			.param("key", bounded(key))
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/** How many times {@code kind} was counted for {@code key} in the last {@link #LOOKUP_WINDOW}. */
	public int recent(String kind, String key) {
		return since(kind, key, clock.instant().minus(LOOKUP_WINDOW));
	}

	/**
	 * Waits for and holds, until the caller's transaction ends, the lock of {@code kind} for {@code key}: a count
	 * ({@link #since}) and the {@link #add} it allows, made under it, are not interleaved with another request's for the
	 * same key. Take the locks of one request always in the same order.
	 */
	public void lock(String kind, String key) {
		TransactionLocks.hold(jdbc, "public_tally:" + kind + ":" + bounded(key));
	}

	/**
	 * Counts once against every one of {@code limits} now, in a transaction of its own, when each has fewer than its
	 * limit counted in the last {@link #LOOKUP_WINDOW} — all or none, the counts and rows under the keys' locks (taken in
	 * the order given). For a step whose outcome is known only afterwards (a look-up): the rows are given back with
	 * {@link #giveBack} when the step did not need counting.
	 * @return the rows counted, in the order of {@code limits}; empty when any limit is reached (nothing counted)
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<List<Long>> reserve(Limit... limits) {
		Instant since = clock.instant().minus(LOOKUP_WINDOW);
		for (Limit l : limits) {
			lock(l.kind(), l.key());
		}
		for (Limit l : limits) {
			if (since(l.kind(), l.key(), since) >= l.limit()) {
				return Optional.empty();
			}
		}
		List<Long> rows = new ArrayList<>(limits.length);
		for (Limit l : limits) {
			rows.add(add(l.kind(), l.key()));
		}
		return Optional.of(rows);
	}

	/** Drops rows {@link #reserve} counted, in a transaction of its own (the step they were held for did not count). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void giveBack(Collection<Long> rows) {
		if (!rows.isEmpty()) {
			jdbc.sql("DELETE FROM public_tally WHERE id IN (:ids)").param("ids", rows).update();
		}
	}

	/**
	 * Counts {@code kind} once for {@code key} now, in the caller's transaction (a filing: not counted when it is
	 * refused), dropping rows older than {@link #KEPT}.
	 * @return the row counted
	 */
	public long add(String kind, String key) {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM public_tally WHERE counted_at < :before")
			.param("before", Timestamp.from(now.minus(KEPT)))
			.update();
		return jdbc.sql("INSERT INTO public_tally (kind, tally_key, counted_at) VALUES (:kind, :key, :at) RETURNING id")
			.param("kind", kind)
			.param("key", bounded(key))
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * How long until every limit of {@code limits} that is reached has a step free again: a limit of n with m ≥ n
	 * counted in the last {@link #LOOKUP_WINDOW} frees one when its (m − n + 1)-th oldest row leaves the window — the
	 * longest of these waits (a limit of 0 never frees: the whole window), zero when none is reached.
	 */
	public Duration retryAfter(Limit... limits) {
		Instant now = clock.instant();
		Instant since = now.minus(LOOKUP_WINDOW);
		Duration wait = Duration.ZERO;
		for (Limit l : limits) {
			int counted = since(l.kind(), l.key(), since);
			if (counted < l.limit()) {
				continue;
			}
			Duration until = jdbc.sql("SELECT counted_at FROM public_tally WHERE kind = :kind AND tally_key = :key"
					+ " AND counted_at >= :since ORDER BY counted_at OFFSET :skip LIMIT 1")
				.param("kind", l.kind())
				.param("key", bounded(l.key()))
				.param("since", Timestamp.from(since))
				.param("skip", counted - l.limit())
				.query(Rows.of(Instant.class))
				.optional()
				// never more than the window: the database rounds a counted time to the microsecond, which may put it a
				// fraction after now (3601 s said for a step just counted)
				.map(t -> Duration.between(now, t.plus(LOOKUP_WINDOW)))
				.map(d -> d.compareTo(LOOKUP_WINDOW) > 0 ? LOOKUP_WINDOW : d)
				.orElse(LOOKUP_WINDOW);
			wait = until.compareTo(wait) > 0 ? until : wait;
		}
		return wait;
	}

	/**
	 * The refusal of a public look-up past a limit of failed look-ups: 429 ({@link ErrorCode#TOO_MANY_REQUESTS}) on
	 * {@code field}, rule {@link #LOOKUP_LIMIT}, saying {@code message} (Chinese: which limit, how many an hour, when to
	 * try again; {@code wording} its sentence's key for the pages), with {@code Retry-After} the time until the window
	 * frees a look-up ({@link #retryAfter(Limit...)}).
	 */
	public static LimitReachedException lookupLimit(String field, Wording wording, String message, Duration retryAfter) {
		return new LimitReachedException(wording, message, List.of(new FieldError(field, LOOKUP_LIMIT, message)),
				retryAfter);
	}

	private static String bounded(String key) {
		String k = key == null ? "" : key;
		return k.length() > KEY_LENGTH ? k.substring(0, KEY_LENGTH) : k;
	}
}
