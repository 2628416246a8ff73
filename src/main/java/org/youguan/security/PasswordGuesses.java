package org.youguan.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.SignInLog;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
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
 */
@Component
class PasswordGuesses {

	private static final Logger log = LoggerFactory.getLogger(PasswordGuesses.class);

	/** The sign-in log's reason for a wrong current password typed in a signed-in session. */
	static final String WRONG_CURRENT_PASSWORD = "确认当前密码错误";

	private final SignInLog signIns;

	private final UserDirectory directory;

	private final SecuritySettings settings;

	private final TransactionTemplate tx;

	private final Clock clock;

	PasswordGuesses(SignInLog signIns, UserDirectory directory, SecuritySettings settings, TransactionTemplate tx,
			Clock clock) {
		this.signIns = signIns;
		this.directory = directory;
		this.settings = settings;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Why a password for the account may not be checked from this address now, if it may not.
	 *
	 * @param userId the account (null: none typed, or a name no account has)
	 * @param address the client address
	 * @return the pause's reason for the sign-in log, or empty when the password may be checked
	 */
	Optional<String> pause(Long userId, String address) {
		SignInLog.RecentFailures failures = signIns.recentFailures(userId, address,
				clock.instant().minus(settings.lockPeriod()));
		long minutes = settings.lockPeriod().toMinutes();
		if (failures.fromAddress() >= settings.addressMaxFailures()) {
			return Optional.of("该地址" + minutes + "分钟内登录失败" + failures.fromAddress() + "次，暂停该地址登录");
		}
		if (failures.accountFromAddress() >= settings.maxFailures()) {
			return Optional.of("该地址连续失败" + settings.maxFailures() + "次，暂停该账号从此地址登录" + minutes + "分钟");
		}
		return Optional.empty();
	}

	/**
	 * Counts a wrong password for a known account (its lock after {@code account-max-failures}) and logs it as a
	 * failure from the current request's address, which the throttle weighs.
	 *
	 * @param typedName the name as typed (the account's user name for a signed-in user)
	 * @param reason the sign-in log's reason (密码错误, 确认当前密码错误)
	 */
	void wrongPassword(CurrentUser user, String typedName, String reason) {
		boolean lockedNow = Boolean.TRUE.equals(tx.execute(s -> directory.recordFailedSignIn(user.getUsername(),
				settings.accountMaxFailures(), settings.lockPeriod())));
		signIns.recordKnown(typedName, user.id(), user.auditName(), user.regionCode(), SignInLog.Result.FAILURE,
				reason + (lockedNow ? "，连续失败" + settings.accountMaxFailures() + "次，账号锁定"
						+ settings.lockPeriod().toMinutes() + "分钟" : ""));
		if (lockedNow) {
			log.warn("Account {} locked after {} failed password checks", user.getUsername(), settings.accountMaxFailures());
		}
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
	 * @throws DomainException 429 on {@code currentPassword} ({@code paused}) while the account is locked or paused
	 */
	<T> T checkingCurrentPassword(CurrentUser user, String address, Supplier<T> step) {
		// the lock as it stands now, not as the session's principal saw it at sign-in
		Optional<String> refusal = directory.principal(user.id()).filter(u -> !u.isAccountNonLocked())
			.map(u -> "账号已锁定")
			.or(() -> pause(user.id(), address));
		if (refusal.isPresent()) {
			signIns.recordKnown(user.getUsername(), user.id(), user.auditName(), user.regionCode(),
					SignInLog.Result.BLOCKED, "确认当前密码：" + refusal.get());
			String message = "当前密码错误次数过多，已暂停验证，请" + settings.lockPeriod().toMinutes() + "分钟后再试";
			throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, message,
					List.of(new FieldError("currentPassword", "paused", message)));
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
	}
}
