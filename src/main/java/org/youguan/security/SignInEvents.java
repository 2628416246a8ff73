package org.youguan.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

/**
 * Audits every form sign-in, successful or not, and drives the lock-out: the n-th consecutive wrong password locks the
 * account for the lock period.
 */
@Component
class SignInEvents {

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	private final UserDirectory directory;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final SecuritySettings settings;

	SignInEvents(UserDirectory directory, AuditTrail audit, TransactionTemplate tx, SecuritySettings settings) {
		this.directory = directory;
		this.audit = audit;
		this.tx = tx;
		this.settings = settings;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
				|| !(event.getAuthentication().getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		tx.executeWithoutResult(s -> {
			directory.recordSuccessfulSignIn(user.getUsername());
			audit.recordAs(user.auditName(), user.id(), user.bureauId(), user.regionCode(),
					AuditEntry.of("signin.success", "User", user.id(), user.getUsername() + "登录成功"));
		});
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal());
		if (username.length() > 40) {
			username = username.substring(0, 40);
		}
		String name = username;
		var known = directory.principal(name);
		tx.executeWithoutResult(s -> {
			boolean lockedNow = event.getException() instanceof BadCredentialsException && known.isPresent()
					&& directory.recordFailedSignIn(name, settings.maxFailures(), settings.lockPeriod());
			String reason = switch (event.getException().getClass().getSimpleName()) {
				case "LockedException" -> "账号已锁定";
				case "DisabledException" -> "账号已停用";
				default -> known.isPresent() ? "密码错误" : "用户名不存在";
			};
			audit.recordAs(name, known.map(CurrentUser::id).orElse(null), known.map(CurrentUser::bureauId).orElse(null),
					known.map(CurrentUser::regionCode).orElse("0"),
					AuditEntry.of("signin.failure", "User", known.map(CurrentUser::id).orElse(null),
							name + "登录失败：" + reason + (lockedNow ? "，连续失败" + settings.maxFailures() + "次，账号锁定"
									+ settings.lockPeriod().toMinutes() + "分钟" : "")));
			if (lockedNow) {
				log.warn("Account {} locked after {} failed sign-ins", name, settings.maxFailures());
			}
		});
	}
}
