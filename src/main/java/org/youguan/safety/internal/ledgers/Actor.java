package org.youguan.safety.internal.ledgers;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.youguan.org.CurrentUser;

/** Who is recording a ledger change, as the ledgers keep it (the user's display name, else the sign-in name). */
final class Actor {

	private Actor() {
	}

	static String name() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return "system";
		}
		return auth.getPrincipal() instanceof CurrentUser u ? u.displayName() : auth.getName();
	}
}
