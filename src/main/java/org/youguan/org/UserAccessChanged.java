package org.youguan.org;

/**
 * Published when an account's access changes so that sessions signed in before the change must end: the account was
 * disabled, its password reset, or its roles, bureau, department or enterprise changed.
 *
 * @param userId the account
 * @param username its user name (the principal name sessions are indexed by)
 * @param reason what changed, in Chinese (for the log)
 */
public record UserAccessChanged(long userId, String username, String reason) {
}
