package org.youguan.org;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;

/**
 * What sign-in needs: the principal for a user name, and the record of successful and failed sign-ins that drives the
 * lock-out.
 */
@Service
public class UserDirectory {

	/** The longest user name (the {@code username} column; {@link Users} refuses longer ones). */
	public static final int MAX_USERNAME_LENGTH = 40;

	/**
	 * A name typed at sign-in as the directory knows names: without surrounding blanks and cut at
	 * {@link #MAX_USERNAME_LENGTH} (no account has a longer one; the sign-in log keeps no more).
	 *
	 * @param typed what was typed, may be null
	 * @return the name to look up and log, never null
	 */
	public static String typedName(Object typed) {
		String name = typed == null ? "" : normalName(String.valueOf(typed));
		return name.length() > MAX_USERNAME_LENGTH ? name.substring(0, MAX_USERNAME_LENGTH) : name;
	}

	/**
	 * A user name as accounts hold it: without surrounding blanks and in lower case (user names are lower-case letters,
	 * digits, dots, underscores and hyphens). One reading for creating an account and for signing in (attack 69 L12:
	 * "sz.test9 " was trimmed and taken while "SZ.Test9" was refused): "SZ.Test9 " names the account sz.test9 in both.
	 * @param name the name as typed, not null
	 * Only the ASCII capitals A–Z are folded: a letter of another script that lower-cases to an ASCII one (the Kelvin
	 * sign K) stays what it is, so it names no account and account creation refuses it.
	 * @return the name stripped ({@link Text#strip}), A–Z folded to a–z
	 */
	public static String normalName(String name) {
		String stripped = Text.strip(name);
		StringBuilder folded = new StringBuilder(stripped.length());
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
		}
		return folded.toString();
	}

	private final UserAccountRepository users;

	private final JdbcClient jdbc;

	private final Clock clock;

	UserDirectory(UserAccountRepository users, JdbcClient jdbc, Clock clock) {
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The account of this user name, read as {@link #normalName} reads it (any case, blanks around it ignored).
	 * @param username the name as typed or stored, not null
	 * @return the account's principal, empty when no account has the name
	 */
	public Optional<CurrentUser> principal(String username) {
		return users.findByUsername(normalName(username)).map(this::principal);
	}

	public Optional<CurrentUser> principal(long userId) {
		return users.findById(userId).map(this::principal);
	}

	private CurrentUser principal(UserAccount u) {
		record BureauInfo(String name, BureauLevel level) {
		}
		BureauInfo bureau = u.bureauId() == null ? null
				: jdbc.sql("SELECT name, level FROM bureau WHERE id = :id").param("id", u.bureauId())
					.query(Rows.of(BureauInfo.class)).single();
		String department = u.departmentId() == null ? null
				: jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", u.departmentId())
					.query(String.class).single();
		return new CurrentUser(u.id(), u.username(), u.displayName(), u.kind(), u.bureauId(),
				bureau == null ? null : bureau.name(), bureau == null ? null : bureau.level(), u.departmentId(),
				department, u.enterpriseCreditCode(), u.regionCode(), u.roleSet(), u.enabled(), u.lockedAt(clock.instant()),
				u.mustChangePassword(), u.demo(), u.passwordHash());
	}

	/** Records a failed password; returns whether the account is now locked. Unknown user names are ignored. */
	@Transactional
	public boolean recordFailedSignIn(String username, int maxFailures, Duration lockPeriod) {
		return users.findByUsername(normalName(username)).map(u -> {
			u.recordFailedSignIn(clock.instant(), maxFailures, lockPeriod);
			users.save(u);
			return u.lockedAt(clock.instant());
		}).orElse(false);
	}

	/**
	 * The consecutive wrong passwords that count towards the account's lock now (its lock after
	 * {@code account-max-failures}, {@link #recordFailedSignIn}): none once a lock has run out, as the next failure starts
	 * counting again; 0 for an unknown account.
	 * @param userId the account
	 */
	public int failuresTowardsLock(long userId) {
		return users.findById(userId).map(u -> u.failuresTowardsLock(clock.instant())).orElse(0);
	}

	/**
	 * Until when the account is locked after consecutive wrong passwords ({@code account-max-failures}), if it is locked
	 * now — what a refusal during the lock says to wait for.
	 * @param userId the account
	 * @return the end of the lock, empty when the account is not locked (or not there)
	 */
	public Optional<Instant> lockedUntil(long userId) {
		return users.findById(userId).map(UserAccount::lockedUntil).filter(t -> t.isAfter(clock.instant()));
	}

	@Transactional
	public void recordSuccessfulSignIn(String username) {
		users.findByUsername(normalName(username)).ifPresent(u -> {
			u.recordSuccessfulSignIn(clock.instant());
			users.save(u);
		});
	}

	public boolean anyUserExists() {
		return users.count() > 0;
	}
}
