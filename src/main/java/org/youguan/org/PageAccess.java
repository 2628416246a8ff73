package org.youguan.org;

/**
 * A module's say on who may open its pages beyond their roles — a rule that depends on the user (the kind of the
 * enterprise an enterprise user belongs to, say), which the navigation asks before it shows an entry, so the menu holds
 * exactly what the user may open. The module's controllers enforce the same rule.
 */
public interface PageAccess {

	/**
	 * Whether {@code user} may open the page at {@code path} (context path removed).
	 * @return false only for a page of this module the user may not open; true for any other path
	 */
	boolean mayOpen(CurrentUser user, String path);
}
