package org.youguan.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The password checks under way (table {@code signin_check_claim}, V289): a check claims a row before the password is
 * hashed and drops it when the check is over, so the sign-in limits ({@link PasswordGuesses}) count the checks still
 * running beside the failures already logged. Kept in PostgreSQL so every node of a cluster counts the same checks. A
 * row a stopped node left counts until the lock period is over ({@code since}) and is dropped as new ones are written.
 */
@Component
class PasswordChecks {

	/** The claims under way, as {@link PasswordGuesses#claim} weighs them beside the failures logged. */
	record UnderWay(long accountFromAddress, long fromAddress, long account) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	PasswordChecks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The checks under way claimed at or after {@code since}: of the account from the address, from the address under
	 * any name, of the account from any address.
	 * @param userId the account (null: none, or a name no account has)
	 * @param address the client address
	 */
	UnderWay underWay(Long userId, String address, Instant since) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE user_id = :user AND client_address = :address) AS account_address,
				       count(*) FILTER (WHERE client_address = :address) AS address,
				       count(*) FILTER (WHERE user_id = :user) AS account
				FROM signin_check_claim
				WHERE (client_address = :address OR user_id = :user) AND claimed_at >= :since""")
			.param("user", userId == null ? -1L : userId)
			.param("address", bounded(address))
			.param("since", Timestamp.from(since))
			.query((rs, i) -> new UnderWay(rs.getLong("account_address"), rs.getLong("address"), rs.getLong("account")))
			.single();
	}

	/**
	 * Claims a check now, in the caller's transaction (under its locks), dropping rows claimed before {@code stale}.
	 * @return the claim, for {@link #release}
	 */
	long claim(Long userId, String address, Instant stale) {
		jdbc.sql("DELETE FROM signin_check_claim WHERE claimed_at < :stale").param("stale", Timestamp.from(stale)).update();
		return jdbc.sql("""
				INSERT INTO signin_check_claim (user_id, client_address, claimed_at) VALUES (:user, :address, :at)
				RETURNING id""")
			.param("user", userId)
			.param("address", bounded(address))
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/** Drops a claim: its check is over (its failure, if it failed, is logged by now). Autocommitted. */
	void release(long claim) {
		jdbc.sql("DELETE FROM signin_check_claim WHERE id = :id").param("id", claim).update();
	}

	private static String bounded(String address) {
		String a = address == null ? "" : address;
		return a.length() > 64 ? a.substring(0, 64) : a;
	}
}
