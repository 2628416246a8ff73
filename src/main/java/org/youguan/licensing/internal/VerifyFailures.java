package org.youguan.licensing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.TransactionLocks;

/**
 * Failed public verifications of an e-licence (table {@code licence_verify_failure}, V364), counted per licence number
 * as typed and normalised ({@link #NUMBER}) and per client address ({@link #ADDRESS}) in the last {@link #WINDOW}, for
 * the rule catalogue's limits {@code licence.verify-failures} and {@code licence.verify-failures-per-address} — the
 * failed-lookup limit the complaint status look-up keeps. Kept in PostgreSQL so every node of a cluster counts against
 * the same total; rows older than {@link #KEPT} are dropped as new ones are written.
 */
@Component
public class VerifyFailures {

	/** A failure keyed by the licence number as typed and normalised, whatever address asked. */
	public static final String NUMBER = "number";

	/** A failure keyed by the client address. */
	public static final String ADDRESS = "address";

	/** The window failures are counted in. */
	public static final Duration WINDOW = Duration.ofHours(1);

	static final Duration KEPT = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	VerifyFailures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many failures of {@code kind} were counted for {@code key} in the last {@link #WINDOW}. */
	public int recent(String kind, String key) {
		return jdbc.sql("""
				SELECT count(*) FROM licence_verify_failure WHERE kind = :kind AND tally_key = :key AND counted_at >= :since""")
			.param("kind", kind)
			.param("key", bounded(key))
			.param("since", Timestamp.from(clock.instant().minus(WINDOW)))
			.query(Integer.class)
			.single();
	}

	/**
	 * Counts one failure for licence number {@code number} and client address {@code address}, in a transaction of its
	 * own, when fewer than {@code perNumber} (resp. {@code perAddress}) were counted in the last {@link #WINDOW} — the
	 * counts and the rows under the keys' locks (number, then address), so parallel wrong guesses take the remaining
	 * allowance and no more.
	 * @return whether it was counted; false (nothing counted) when either limit is reached
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean count(String number, int perNumber, String address, int perAddress) {
		TransactionLocks.hold(jdbc, "licence_verify_failure:" + NUMBER + ":" + bounded(number));
		TransactionLocks.hold(jdbc, "licence_verify_failure:" + ADDRESS + ":" + bounded(address));
		if (recent(NUMBER, number) >= perNumber || recent(ADDRESS, address) >= perAddress) {
			return false;
		}
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM licence_verify_failure WHERE counted_at < :before")
			.param("before", Timestamp.from(now.minus(KEPT)))
			.update();
		for (String[] row : new String[][] { { NUMBER, number }, { ADDRESS, address } }) {
			jdbc.sql("INSERT INTO licence_verify_failure (kind, tally_key, counted_at) VALUES (:kind, :key, :at)")
				.param("kind", row[0])
				.param("key", bounded(row[1]))
				.param("at", Timestamp.from(now))
				.update();
		}
		return true;
	}

	private static String bounded(String key) {
		String k = key == null ? "" : key;
		return k.length() > 100 ? k.substring(0, 100) : k;
	}
}
