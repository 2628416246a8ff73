package org.youguan.kernel;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who made a change, as the {@code created_by}/{@code updated_by}/{@code recorded_by} stamps keep it, and how a Chinese
 * page or export shows such a stamp. One rule for every module (the audit trail's actor reads the same way).
 */
public final class Actors {

	/**
	 * The stamp stored for a change no one signed in made (a scheduled job, a module reacting to an event, the demo
	 * data). Kept in English so existing rows and the API's values stay meaningful; pages show it as {@value #SHOWN}.
	 */
	public static final String SYSTEM = "system";

	/** How a page, export or document shows {@link #SYSTEM}. */
	public static final String SHOWN = "系统";

	private Actors() {
	}

	/** The signed-in account, if any (empty in a scheduled job, an event listener, the demo seeding). */
	public static Optional<Authentication> signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() ? Optional.of(auth) : Optional.empty();
	}

	/** The signed-in account's sign-in name for a stamp, or {@link #SYSTEM} when no one is signed in. */
	public static String currentName() {
		return signedIn().map(Authentication::getName).orElse(SYSTEM);
	}

	/**
	 * A stored stamp as a Chinese page, export or document shows it: {@link #SYSTEM} reads {@value #SHOWN}; any other
	 * value (a sign-in or display name) and null are returned unchanged.
	 */
	public static String shown(String stamp) {
		return SYSTEM.equals(stamp) ? SHOWN : stamp;
	}
}
