package org.youguan.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.WholeIn;
import org.youguan.org.CurrentUser;
import org.youguan.org.PasswordPolicy;
import org.youguan.org.UserDirectory;
import org.youguan.org.Users;

/**
 * The signed-in user's own account: change password (forced after an administrator set it) and personal API tokens.
 */
@Controller
class AccountController {

	private final Users users;

	private final UserDirectory directory;

	private final ApiTokens tokens;

	private final Clock clock;

	private final SessionTermination sessions;

	private final PasswordGuesses guesses;

	private final HttpSessionSecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	AccountController(Users users, UserDirectory directory, ApiTokens tokens, Clock clock, SessionTermination sessions,
			PasswordGuesses guesses) {
		this.users = users;
		this.directory = directory;
		this.tokens = tokens;
		this.clock = clock;
		this.sessions = sessions;
		this.guesses = guesses;
	}

	@GetMapping("/account/password")
	String initPasswordForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("forced", user.mustChangePassword());
		return "security/password";
	}

	/**
	 * Changes the user's own password. Refused: the form again in the refusal's 4xx (kernel.FormSteps) — 400 on
	 * {@code currentPassword} ({@code matches}) for a wrong current password, which counts as a failed sign-in of the
	 * account from this address, 429 ({@code paused}) unchecked while the account is locked or paused there
	 * ({@link PasswordGuesses#checkingCurrentPassword}).
	 */
	@PostMapping("/account/password")
	String processPasswordForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return FormSteps.run(model, response, redirect, () -> {
			if (!newPassword.equals(confirmPassword)) {
				throw new InvalidValueException("confirmPassword", "matches", PasswordPolicy.message("confirm"));
			}
			guesses.checkingCurrentPassword(user, request.getRemoteAddr(), () -> {
				users.changeOwnPassword(user, currentPassword, newPassword);
				return null;
			});
			// the account's other sessions end: whoever is signed in elsewhere, perhaps with the old password, is out
			var current = request.getSession(false);
			sessions.endOthers(user.id(), user.getUsername(), current == null ? null : current.getId());
			// and this one goes on under a new id: an id seen before the change (a shared screen, a log) is worth nothing
			if (current != null) {
				request.changeSessionId();
			}
			refreshPrincipal(user, request, response);
			return new PageSteps.Done("密码已修改", "/");
		}, () -> {
			model.addAttribute("forced", user.mustChangePassword());
			return "security/password";
		});
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		model.addAttribute("now", OffsetDateTime.now(clock));
		model.addAttribute("tokenDefaultDays", tokens.defaultDays());
		model.addAttribute("tokenMaxDays", tokens.maxDays());
		return "security/tokens";
	}

	/**
	 * Creates an API token after the user typed their current password again (a session left open or taken over mints
	 * no key that outlives it); reached only from a signed-in session, never with a token ({@link BearerTokenFilter}).
	 * Refused: the page again in the refusal's 4xx with the name and days as typed (kernel.FormSteps), 400 on
	 * {@code currentPassword} ({@code matches}) for a wrong password, which counts as a failed sign-in of the account
	 * from this address, 429 ({@code paused}) unchecked while the account is locked or paused there
	 * ({@link PasswordGuesses#checkingCurrentPassword}).
	 */
	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal CurrentUser user, @RequestParam String name,
			@RequestParam(required = false) @WholeIn(min = 1, max = 365) Integer validDays,
			@RequestParam(required = false) String currentPassword,
			RedirectAttributes redirect, Model model, HttpServletRequest request, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			var created = guesses.checkingCurrentPassword(user, request.getRemoteAddr(), () -> {
				users.confirmOwnPassword(user, currentPassword);
				return tokens.create(user, name, validDays);
			});
			redirect.addFlashAttribute("newToken", created.token());
			return new PageSteps.Done(null, "/account/tokens");
		}, () -> tokens(user, model));
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/account/tokens", "令牌已吊销", () -> tokens.revoke(user, id));
	}

	/**
	 * The session keeps the principal of the sign-in; after the password change it must no longer force the change.
	 * Saved under the session's new id ({@link HttpServletRequest#changeSessionId}).
	 */
	private void refreshPrincipal(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		directory.principal(user.id()).ifPresent(fresh -> {
			// the session is stored in the database: its principal keeps no password hash, as the sign-in's does not
			fresh.eraseCredentials();
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
			SecurityContextHolder.setContext(context);
			contextRepository.saveContext(context, request, response);
		});
	}
}
