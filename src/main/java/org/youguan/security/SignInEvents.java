package org.youguan.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.youguan.audit.SignInLog;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

/**
 * Records every form sign-in, successful or not, and every sign-out in the sign-in log (登录日志, kept apart from the
 * audit trail of changes), and drives the account lock-out: a wrong password counts as {@link PasswordGuesses} counts
 * every one (the n-th consecutive from any address locks the account for the lock period, {@code account-max-failures};
 * the tighter limits per address are {@link SignInThrottle}'s). A sign-in to a disabled account is logged
 * {@link SignInLog.Result#DISABLED}: the answer is the one every failed sign-in gets, so it tells a guesser nothing
 * of the account.
 */
@Component
class SignInEvents {

	private final UserDirectory directory;

	private final SignInLog signIns;

	private final PasswordGuesses guesses;

	SignInEvents(UserDirectory directory, SignInLog signIns, PasswordGuesses guesses) {
		this.directory = directory;
		this.signIns = signIns;
		this.guesses = guesses;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
				|| !(event.getAuthentication().getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		guesses.rightPassword(user);
		signIns.recordKnown(user.getUsername(), user.id(), user.auditName(), user.regionCode(), SignInLog.Result.SUCCESS,
				null);
	}

	@EventListener
	void onSignOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
			signIns.recordKnown(user.getUsername(), user.id(), user.auditName(), user.regionCode(),
					SignInLog.Result.SIGN_OUT, null);
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String name = UserDirectory.typedName(event.getAuthentication().getPrincipal());
		var known = directory.principal(name);
		AuthenticationException failure = event.getException();
		if (known.isEmpty()) {
			signIns.recordUnknown(name, "用户名不存在");
			return;
		}
		CurrentUser user = known.get();
		if (failure instanceof BadCredentialsException) {
			guesses.wrongPassword(user, name, "密码错误");
		}
		else if (failure instanceof LockedException) {
			// a locked account is refused before its password is checked: no guess, so no failure the throttle counts
			signIns.recordKnown(name, user.id(), user.auditName(), user.regionCode(), SignInLog.Result.BLOCKED, "账号已锁定");
		}
		else if (failure instanceof DisabledException) {
			// refused before its password is checked: no guess at this account's password (neither its lock nor its
			// pause at the address counts it), but a guess from the address, which the address's limit counts
			signIns.recordKnown(name, user.id(), user.auditName(), user.regionCode(), SignInLog.Result.DISABLED, "账号已停用");
		}
		else {
			// the check itself failed (the database, say): logged, but no wrong password to count towards a lock
			signIns.recordKnown(name, user.id(), user.auditName(), user.regionCode(), SignInLog.Result.FAILURE,
					"系统未能完成验证");
		}
	}
}
