package org.youguan.kernel;

import org.springframework.security.core.Authentication;

/**
 * Who acts on what the whole installation shares — document templates, the working-day calendar, the region register,
 * the brand and indicator catalogues, the audit chain's verification and checkpoints, the metrics: a 系统管理员 of the
 * top-level bureau (the one without a parent, whose region is the installation's — the national or provincial root),
 * never a 系统管理员 of a city or county, who manages their own region only (attack: a county's administrator replaced
 * every bureau's document templates). The expression is evaluated by method security at each request against the
 * bureau's current parent (bean {@code installationAdmins} in the org module), so moving an account or re-parenting its
 * bureau takes effect at once.
 */
public interface InstallationAdmin {

	/** {@code @PreAuthorize} expression: a 系统管理员 of a top-level bureau. */
	String ONLY = "hasRole('SYSTEM_ADMIN') and @installationAdmins.holds(authentication)";

	/**
	 * For modules below org (audit) that decide in code what an installation administrator sees more of.
	 * @param auth the caller, or null
	 * @return whether the caller is a 系统管理员 of a top-level bureau
	 */
	boolean holds(Authentication auth);

	/**
	 * Who reads the installation-wide part of the audit trail (the calendar, the catalogues, the national forms, the
	 * region register): the top-level bureau's 系统管理员, who make those changes, and its 局领导, who read every audit
	 * entry of the installation's region (what the calendar or a catalogue changes runs in every bureau below them) —
	 * not its 机构管理员 (departments and users only), nor anyone of a city or county.
	 * @param auth the caller, or null
	 * @return whether the caller is a 系统管理员 or 局领导 of a top-level bureau
	 */
	boolean oversees(Authentication auth);
}
