package org.youguan.security;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.SignInLog;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.LimitReachedException;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

/**
 * The one account of password guesses (GB/T 22239-2019 8.1.4.1 c, 登录失败处理): every password checked against an
 * account — at the sign-in form ({@link SignInThrottle}, {@link SignInEvents}) and when a signed-in user types their
 * current password again (creating an API token, changing the password) — is weighed by the same limits
 * ({@code youguan.security.*}, {@link SecuritySettings}) and a wrong one counts and is logged the same way; a session
 * left open is no way around them.
 * <ul>
 * <li>{@code max-failures} (5) wrong passwords for one account from one client address within the lock period, since
 * its last sign-in from there or its last 解除锁定, pause that address for that account;
 * <li>{@code address-max-failures} (30) wrong passwords from one address within the lock period, under any names
 * (known or not, disabled accounts' included), pause that address for every account;
 * <li>{@code account-max-failures} (30) consecutive wrong passwords from all addresses lock the account for the lock
 * period.
 * </ul>
 * A password refused unchecked during a pause or a lock is logged {@link SignInLog.Result#BLOCKED} and counts for
 * nothing: retrying neither extends a pause nor adds to the address's count. A sign-in to a disabled account is
 * logged {@link SignInLog.Result#DISABLED} and counts for the address only ({@code address-max-failures}).
 *
 * <p>Claim first, then check ({@link #claim}): a password is checked only after its check has claimed a place
 * ({@link PasswordChecks}) under a transaction lock of the account and of the address, and the limits count the checks
 * under way beside the failures logged — parallel wrong passwords (a burst of requests at once) cannot all pass a limit
 * they would pass one by one; at most {@code max-failures} of them reach the password check. The claim is dropped when
 * the check is over, its failure logged by then.
 */
@Component
class PasswordGuesses {

	private static final Logger log = LoggerFactory.getLogger(PasswordGuesses.class);

	/** The sign-in log's reason for a wrong current password typed in a signed-in session. */
	static final String WRONG_CURRENT_PASSWORD = "确认当前密码错误";

	/** PostgreSQL's SQLSTATE of a statement cancelled by {@code lock_timeout} (lock_not_available). */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/**
	 * The sign-in log's reason for a check refused because its claim waited {@code claim-lock-timeout} for the account's
	 * or the address's lock (other checks of them under way, or a lock holder stuck).
	 */
	static final String BUSY = "同一账号或地址的验证正在进行，等待超时，未验证";

	private final SignInLog signIns;

	private final UserDirectory directory;

	private final SecuritySettings settings;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final PasswordChecks checks;

	private final JdbcClient jdbc;

	PasswordGuesses(SignInLog signIns, UserDirectory directory, SecuritySettings settings, TransactionTemplate tx,
			Clock clock, PasswordChecks checks, JdbcClient jdbc) {
		this.signIns = signIns;
		this.directory = directory;
		this.settings = settings;
		this.tx = tx;
		this.clock = clock;
		this.checks = checks;
		this.jdbc = jdbc;
	}

	/**
	 * The outcome of {@link #claim}: the pause's reason when the password may not be checked, else the claim its check
	 * holds until {@link #release}.
	 */
	record Claim(String refusal, Long id, Duration retryAfter) {

		Claim(String refusal, Long id) {
			this(refusal, id, null);
		}

		Optional<String> pause() {
			return Optional.ofNullable(refusal);
		}
	}

	/** Why a password may not be checked now and how long until it may ({@code retryAfter}: until the pause lifts). */
	private record Pause(String reason, Duration retryAfter) {
	}

	/**
	 * Claims the check of a password for the account from this address, or refuses it: under a transaction lock of the
	 * account, then of the address, the failures logged and the checks under way are weighed ({@link #pause}) and, when
	 * the password may be checked, the check is counted as under way before the lock is let go. Release the claim
	 * ({@link #release}) once the check is over and its failure, if any, is logged.
	 *
	 * @param userId the account (null: none typed, or a name no account has)
	 * @param address the client address
	 * @return the refusal's reason for the sign-in log, or the claim; refused ({@link #BUSY}) when the locks were not
	 * had within {@code claim-lock-timeout} ({@code SET LOCAL lock_timeout}), answered as a pause is
	 */
	Claim claim(Long userId, String address) {
		try {
			return tx.execute(s -> {
				// a waiter gives up after claim-lock-timeout rather than hold its pool connection while the lock is held
				jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)")
					.param("timeout", settings.claimLockTimeout().toMillis() + "ms")
					.query(String.class)
					.single();
				// always the account first, then the address: two checks never wait on each other's locks crosswise
				if (userId != null) {
					TransactionLocks.hold(jdbc, accountLock(userId));
				}
				TransactionLocks.hold(jdbc, "signin-check:address:" + address);
				Optional<Pause> pause = pause(userId, address);
				return pause.isPresent() ? new Claim(pause.get().reason(), null, pause.get().retryAfter())
						: new Claim(null, checks.claim(userId, address, clock.instant().minus(settings.lockPeriod())));
			});
		}
		catch (DataAccessException ex) {
			if (!(ex.getMostSpecificCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
				throw ex;
			}
			log.warn("Password check refused unchecked: its claim waited {} for a lock", settings.claimLockTimeout());
			return new Claim(BUSY, null, shortWait());
		}
	}

	/** Ends a check {@link #claim} let through (nothing for a refused one): it no longer counts as under way. */
	void release(Claim claim) {
		if (claim != null && claim.id() != null) {
			checks.release(claim.id());
		}
	}

	/**
	 * Why a password for the account may not be checked from this address now, if it may not: the failures logged
	 * within the lock period and the checks under way ({@link PasswordChecks}) against {@code address-max-failures},
	 * {@code max-failures} and, for the account from all addresses, {@code account-max-failures}. Weighed under
	 * {@link #claim}'s locks.
	 *
	 * @param userId the account (null: none typed, or a name no account has)
	 * @param address the client address
	 * @return the pause's reason for the sign-in log and the time until it lifts (the failure that ends it ageing out
	 * of the lock period; a pause reached only with checks under way lifts when they end, {@link #shortWait}), or
	 * empty when the password may be checked
	 */
	private Optional<Pause> pause(Long userId, String address) {
		Instant now = clock.instant();
		Instant since = now.minus(settings.lockPeriod());
		SignInLog.RecentFailures failures = signIns.recentFailures(userId, address, since);
		PasswordChecks.UnderWay underWay = checks.underWay(userId, address, since);
		long minutes = settings.lockPeriod().toMinutes();
		long fromAddress = failures.fromAddress() + underWay.fromAddress();
		if (fromAddress >= settings.addressMaxFailures()) {
			return Optional.of(new Pause("该地址" + minutes + "分钟内登录失败" + failures.fromAddress() + "次"
					+ (underWay.fromAddress() > 0 ? "（另有" + underWay.fromAddress() + "次正在验证）" : "") + "，暂停该地址登录",
					until(signIns.nthNewestFailure(null, address, since, settings.addressMaxFailures()), now)));
		}
		if (failures.accountFromAddress() + underWay.accountFromAddress() >= settings.maxFailures()) {
			return Optional.of(new Pause("该地址连续失败" + settings.maxFailures() + "次"
					+ (underWay.accountFromAddress() > 0 ? "（含正在验证的" + underWay.accountFromAddress() + "次）" : "")
					+ "，暂停该账号从此地址登录" + minutes + "分钟",
					until(signIns.nthNewestFailure(userId, address, since, settings.maxFailures()), now)));
		}
		if (userId != null && underWay.account() > 0
				&& directory.failuresTowardsLock(userId) + underWay.account() >= settings.accountMaxFailures()) {
			return Optional.of(new Pause("账号连续失败次数连同正在验证的" + underWay.account() + "次已达" + settings.accountMaxFailures()
					+ "次，暂停验证", shortWait()));
		}
		return Optional.empty();
	}

	/**
	 * The time until the failure {@code ending} a pause ages out of the lock period; when it is not logged (the pause
	 * reached only with checks under way, which end within moments) a {@link #shortWait}.
	 */
	private Duration until(Optional<Instant> ending, Instant now) {
		return ending.map(t -> Duration.between(now, t.plus(settings.lockPeriod())))
			.filter(d -> !d.isNegative() && !d.isZero())
			.orElseGet(this::shortWait);
	}

	/**
	 * How long to wait for checks under way to end (a pause they alone make, or a claim that waited for their locks):
	 * {@code claim-lock-timeout}, at least a second.
	 */
	private Duration shortWait() {
		Duration d = settings.claimLockTimeout();
		return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
	}

	/**
	 * The 429 of a current password refused unchecked: the time left said in whole minutes (rounded up; seconds under a
	 * minute), the same as its {@code Retry-After} ({@link LimitReachedException}), keyed
	 * {@code refusal.currentPassword.paused*} / {@code refusal.currentPassword.busy}.
	 * @param busy whether the check's claim waited too long for its locks (other checks under way) rather than a pause
	 * @param wait the time until the pause or lock lifts
	 */
	static LimitReachedException paused(boolean busy, Duration wait) {
		long seconds = LimitReachedException.seconds(wait);
		Wording wording;
		String message;
		if (busy) {
			wording = Wording.of("refusal.currentPassword.busy", String.valueOf(seconds));
			message = "当前密码验证繁忙，请" + seconds + "秒后再试";
		}
		else if (seconds < 60) {
			wording = Wording.of("refusal.currentPassword.pausedSeconds", String.valueOf(seconds));
			message = "当前密码错误次数过多，已暂停验证，请" + seconds + "秒后再试";
		}
		else {
			long minutes = (seconds + 59) / 60;
			wording = Wording.of("refusal.currentPassword.pausedMinutes", String.valueOf(minutes));
			message = "当前密码错误次数过多，已暂停验证，请" + minutes + "分钟后再试";
		}
		return new LimitReachedException(wording, message, List.of(new FieldError("currentPassword", "paused", message)),
				Duration.ofSeconds(seconds));
	}

	/** The lock that orders the checks and the failure counts of one account. */
	private static String accountLock(long userId) {
		return "signin-check:account:" + userId;
	}

	/**
	 * Counts a wrong password for a known account (its lock after {@code account-max-failures}) and logs it as a
	 * failure from the current request's address, which the throttle weighs.
	 *
	 * @param typedName the name as typed (the account's user name for a signed-in user)
	 * @param reason the sign-in log's reason (密码错误, 确认当前密码错误)
	 */
	void wrongPassword(CurrentUser user, String typedName, String reason) {
		// under the account's lock: parallel failures of one account each count (none lost to a concurrent update)
		boolean lockedNow = Boolean.TRUE.equals(tx.execute(s -> {
			TransactionLocks.hold(jdbc, accountLock(user.id()));
			return directory.recordFailedSignIn(user.getUsername(), settings.accountMaxFailures(), settings.lockPeriod());
		}));
		signIns.recordKnown(typedName, user.id(), user.auditName(), user.regionCode(), SignInLog.Result.FAILURE,
				reason + (lockedNow ? "，连续失败" + settings.accountMaxFailures() + "次，账号锁定"
						+ settings.lockPeriod().toMinutes() + "分钟" : ""));
		if (lockedNow) {
			log.warn("Account {} locked after {} failed password checks", user.getUsername(), settings.accountMaxFailures());
		}
	}

	/**
	 * Records a right password for the account (its consecutive failures start again), under the account's lock as
	 * {@link #wrongPassword} counts a wrong one, so a success and a failure at once do not overwrite each other.
	 */
	void rightPassword(CurrentUser user) {
		tx.executeWithoutResult(s -> {
			TransactionLocks.hold(jdbc, accountLock(user.id()));
			directory.recordSuccessfulSignIn(user.getUsername());
		});
	}

	/**
	 * Runs a step that checks the signed-in user's current password ({@code currentPassword}) as the sign-in form's
	 * password is checked: refused unchecked while the account is locked or paused at this address (logged
	 * {@code BLOCKED}); a wrong password ({@code currentPassword}, {@code matches}) counts as a failed sign-in
	 * ({@link #wrongPassword}, reason {@value #WRONG_CURRENT_PASSWORD}) before the step's refusal goes on.
	 *
	 * @param user the signed-in user
	 * @param address the client address
	 * @param step the step, which throws {@link InvalidValueException} on {@code currentPassword} for a wrong password
	 * @return the step's result
	 * @throws LimitReachedException 429 on {@code currentPassword} ({@code paused}) while the account is locked or
	 * paused, or when the check's claim waited too long for its locks — saying the real time left (the lock's end, the
	 * failure that ends the pause ageing out of the lock period) in its words and its {@code Retry-After}
	 */
	<T> T checkingCurrentPassword(CurrentUser user, String address, Supplier<T> step) {
		// the lock as it stands now, not as the session's principal saw it at sign-in
		Optional<Instant> lockedUntil = directory.principal(user.id()).filter(u -> !u.isAccountNonLocked())
			.map(u -> directory.lockedUntil(user.id()).orElse(clock.instant().plus(settings.lockPeriod())));
		Claim claim = lockedUntil.isPresent() ? null : claim(user.id(), address);
		Optional<String> refusal = lockedUntil.isPresent() ? Optional.of("账号已锁定") : claim.pause();
		if (refusal.isPresent()) {
			signIns.recordKnown(user.getUsername(), user.id(), user.auditName(), user.regionCode(),
					SignInLog.Result.BLOCKED, "确认当前密码：" + refusal.get());
			Duration wait = lockedUntil.map(t -> Duration.between(clock.instant(), t))
				.orElseGet(() -> claim.retryAfter() == null ? shortWait() : claim.retryAfter());
			throw paused(BUSY.equals(refusal.get()), wait);
		}
		try {
			return step.get();
		}
		catch (InvalidValueException ex) {
			if (ex.fieldErrors().stream().anyMatch(e -> "currentPassword".equals(e.field()) && "matches".equals(e.rule()))) {
				wrongPassword(user, user.getUsername(), WRONG_CURRENT_PASSWORD);
			}
			throw ex;
		}
		finally {
			release(claim);
		}
	}
}
