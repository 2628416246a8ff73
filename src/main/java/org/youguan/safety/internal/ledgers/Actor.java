package org.youguan.safety.internal.ledgers;

import org.youguan.kernel.Actors;
import org.youguan.org.CurrentUser;

/** Who is recording a ledger change, as the ledgers keep it (the user's display name, else the sign-in name). */
final class Actor {

	private Actor() {
	}

	/** The signed-in user's display name (else sign-in name), or {@link Actors#SYSTEM} when no one is signed in. */
	static String name() {
		return Actors.signedIn().map(a -> a.getPrincipal() instanceof CurrentUser u ? u.displayName() : a.getName())
			.orElse(Actors.SYSTEM);
	}
}
