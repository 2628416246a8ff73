package org.youguan.complaints.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.youguan.kernel.Actors;
import org.youguan.org.CurrentUser;

/** Who is acting, for the events that name them: the signed-in user, or "system" for a job. */
public record Actor(String name, Long userId) {

	public static Actor current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			return new Actor(user.displayName(), user.id());
		}
		return new Actor(Actors.SYSTEM, null);
	}
}
