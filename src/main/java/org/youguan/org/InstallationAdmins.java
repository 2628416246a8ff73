package org.youguan.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.youguan.kernel.InstallationAdmin;

/**
 * Whether a caller administers the installation as a whole ({@link InstallationAdmin#ONLY}): a 系统管理员 whose bureau
 * has no parent bureau. Also the navigation's say ({@link PageAccess}) on the pages of installation-wide objects, so a
 * county's 系统管理员 is not offered them.
 */
@Component("installationAdmins")
public class InstallationAdmins implements PageAccess, InstallationAdmin {

	/** Pages of installation-wide objects, shown in the menu to installation administrators only. */
	private static final java.util.List<String> PAGES = java.util.List.of("/admin/document-templates",
			"/admin/regions/import", "/admin/calendar/load");

	private final JdbcClient jdbc;

	InstallationAdmins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param auth the caller's authentication (method security's {@code authentication})
	 * @return true for a signed-in or token 系统管理员 of a bureau without a parent; false otherwise, also for no caller
	 */
	@Override
	public boolean holds(Authentication auth) {
		return auth != null && auth.getPrincipal() instanceof CurrentUser user && holds(user);
	}

	/** Whether {@code user} is a 系统管理员 of a top-level bureau, read from the bureau's current parent. */
	public boolean holds(CurrentUser user) {
		return user.systemAdmin() && topLevel(user);
	}

	@Override
	public boolean oversees(Authentication auth) {
		return auth != null && auth.getPrincipal() instanceof CurrentUser user
				&& (user.systemAdmin() || user.has(Role.BUREAU_LEADER)) && topLevel(user);
	}

	/** Whether the user's bureau has no parent (read now, so a re-parented bureau counts at once). */
	private boolean topLevel(CurrentUser user) {
		return user.bureauId() != null
				&& jdbc.sql("SELECT parent_id IS NULL FROM bureau WHERE id = :id").param("id", user.bureauId())
					.query(Boolean.class).optional().orElse(false);
	}

	@Override
	public boolean mayOpen(CurrentUser user, String path) {
		return PAGES.stream().noneMatch(path::startsWith) || holds(user);
	}
}
