package org.youguan.complaints.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.TransactionLocks;

/**
 * What the public side of complaints did, counted per client address or filer phone (table
 * {@code complaint_public_tally}, V283) for the rule catalogue's limits: a status look-up that found nothing
 * ({@link #LOOKUP_FAILED_NUMBER} per complaint, {@code complaint.lookup-failures} an hour; {@link #LOOKUP_FAILED} per
 * address, {@code complaint.lookup-failures-per-address} an hour), a complaint filed through the public
 * portal ({@link #FILED_BY_PHONE} per filer phone index and client address, {@link #FILED_FROM} per address, {@code complaint.filings-per-*}
 * a day). Kept in PostgreSQL so every node of a cluster counts against the same total; rows older than
 * {@link #KEPT} are dropped as new ones are written.
 */
@Component
public class PublicTally {

	/** A status look-up whose number and query code (or phone) found nothing; keyed by client address. */
	public static final String LOOKUP_FAILED = "lookup-failed";

	/**
	 * A status look-up whose query code (or phone) was wrong or whose number names no complaint; keyed by the number as
	 * typed and normalised (an existing complaint's number as stored), whatever address asked
	 * ({@code complaint.lookup-failures} an hour).
	 */
	public static final String LOOKUP_FAILED_NUMBER = "lookup-number";

	/**
	 * A complaint filed through the public portal; keyed by a keyed hash (hex) of the filer phone's index and the client
	 * address, never the number: the phone is not verified, so it is counted per address it is typed from.
	 */
	public static final String FILED_BY_PHONE = "filed-phone";

	/** A complaint filed through the public portal; keyed by client address. */
	public static final String FILED_FROM = "filed-address";

	/** How long a row is kept: past the longest window counted (a day). */
	static final Duration KEPT = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	PublicTally(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * How many times {@code kind} was counted for {@code key} since {@code since}.
	 * @param key at most 100 characters (longer is cut, as written)
	 */
	public int since(String kind, String key, Instant since) {
		return jdbc.sql("""
				SELECT count(*) FROM complaint_public_tally WHERE kind = :kind AND tally_key = :key AND counted_at >= :since""")
			.param("kind", kind)
			.param("key", bounded(key))
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * Waits for and holds, until the caller's transaction ends, the lock of {@code kind} for {@code key}
	 * ({@link TransactionLocks}): a count ({@link #since}) and the {@link #add} it allows, made under it, are not
	 * interleaved with another request's for the same key — parallel requests cannot all pass a limit they would
	 * pass one by one. Take the locks of one request always in the same order (phone, then address).
	 */
	public void lock(String kind, String key) {
		TransactionLocks.hold(jdbc, "complaint_public_tally:" + kind + ":" + bounded(key));
	}

	/**
	 * Counts {@code kind} once for {@code key} now, in a transaction of its own, when fewer than {@code limit} were
	 * counted since {@code since} — the count and the row under {@link #lock}, so parallel requests take the remaining
	 * allowance and no more. For a step whose outcome is known only afterwards (a look-up): the row is given back with
	 * {@link #giveBack} when the step did not need counting.
	 * @return the row counted, or empty when the limit is reached (nothing counted)
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public OptionalLong reserve(String kind, String key, Instant since, int limit) {
		lock(kind, key);
		if (since(kind, key, since) >= limit) {
			return OptionalLong.empty();
		}
		add(kind, key);
		return OptionalLong.of(jdbc.sql("SELECT currval(pg_get_serial_sequence('complaint_public_tally', 'id'))")
			.query(Long.class)
			.single());
	}

	/** Drops a row {@link #reserve} counted, in a transaction of its own (the step it was held for did not count). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void giveBack(long row) {
		jdbc.sql("DELETE FROM complaint_public_tally WHERE id = :id").param("id", row).update();
	}

	/**
	 * Counts {@code kind} once for {@code key} now, in a transaction of its own: kept when the caller's step rolls back
	 * (a withdrawal with a wrong code is still a failed look-up).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void addApart(String kind, String key) {
		add(kind, key);
	}

	/**
	 * Counts {@code kind} once for {@code key} now, in the caller's transaction (a filing: not counted when it is
	 * refused), dropping rows older than {@link #KEPT}.
	 */
	public void add(String kind, String key) {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM complaint_public_tally WHERE counted_at < :before")
			.param("before", Timestamp.from(now.minus(KEPT)))
			.update();
		jdbc.sql("INSERT INTO complaint_public_tally (kind, tally_key, counted_at) VALUES (:kind, :key, :at)")
			.param("kind", kind)
			.param("key", bounded(key))
			.param("at", Timestamp.from(now))
			.update();
	}

	private static String bounded(String key) {
		String k = key == null ? "" : key;
		return k.length() > 100 ? k.substring(0, 100) : k;
	}
}
