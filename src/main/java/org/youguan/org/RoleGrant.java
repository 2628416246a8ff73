package org.youguan.org;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One role held by a user (row of {@code user_role}).
 */
@Table("user_role")
record RoleGrant(Role role) {
}
