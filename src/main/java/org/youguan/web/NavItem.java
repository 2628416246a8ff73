package org.youguan.web;

import java.util.List;

/**
 * One entry of the navigation: a message key, a path and the roles that see it (empty: every signed-in user).
 */
public record NavItem(String key, String path, List<String> roles) {

	/** Whether the page at {@code currentPath} belongs to this entry (the entry's page or one below it). */
	public boolean contains(String currentPath) {
		return currentPath != null && (currentPath.equals(path) || currentPath.startsWith(path + "/"));
	}
}
