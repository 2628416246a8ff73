package org.youguan.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.SignInLog;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

/**
 * Records every form sign-in, successful or not, and every sign-out in the sign-in log (登录日志, kept apart from the
 * audit trail of changes), and drives the account lock-out: the n-th consecutive wrong password from any address locks
 * the account for the lock period ({@code account-max-failures}; the tighter limit per address is
 * {@link SignInThrottle}'s).
 */
@Component
class SignInEvents {

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	private final UserDirectory directory;

	private final SignInLog signIns;

	private final TransactionTemplate tx;

	private final SecuritySettings settings;

	SignInEvents(UserDirectory directory, SignInLog signIns, TransactionTemplate tx, SecuritySettings settings) {
		this.directory = directory;
		this.signIns = signIns;
		this.tx = tx;
		this.settings = settings;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
				|| !(event.getAuthentication().getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		tx.executeWithoutResult(s -> directory.recordSuccessfulSignIn(user.getUsername()));
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
		boolean lockedNow = Boolean.TRUE.equals(tx.execute(s -> event.getException() instanceof BadCredentialsException
				&& known.isPresent() && directory.recordFailedSignIn(name, settings.accountMaxFailures(), settings.lockPeriod())));
		String reason = switch (event.getException().getClass().getSimpleName()) {
			case "LockedException" -> "账号已锁定";
			case "DisabledException" -> "账号已停用";
			default -> known.isPresent() ? "密码错误" : "用户名不存在";
		};
		if (known.isEmpty()) {
			signIns.recordUnknown(name, reason);
			return;
		}
		CurrentUser user = known.get();
		// a locked account is refused before its password is checked: no guess, so no failure the throttle counts
		SignInLog.Result result = event.getException() instanceof LockedException ? SignInLog.Result.BLOCKED
				: SignInLog.Result.FAILURE;
		signIns.recordKnown(name, user.id(), user.auditName(), user.regionCode(), result,
				reason + (lockedNow ? "，连续失败" + settings.accountMaxFailures() + "次，账号锁定" + settings.lockPeriod().toMinutes()
						+ "分钟" : ""));
		if (lockedNow) {
			log.warn("Account {} locked after {} failed sign-ins", name, settings.accountMaxFailures());
		}
	}
}
