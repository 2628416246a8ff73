package org.youguan.org;

/**
 * A department as lists show it.
 */
public record DepartmentView(long id, long bureauId, String bureauName, String regionCode, String name, String duties,
		int sortOrder, boolean active, long users) {
}
