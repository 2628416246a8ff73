package org.youguan.org;

/**
 * A new or reset account with its temporary password, shown once to the administrator.
 */
public record CreatedUser(long id, String username, String temporaryPassword) {
}
