package org.youguan.org;

/**
 * Published when an account's access changes so that sessions signed in before the change must end: the account was
 * disabled, its password reset, or its roles, bureau, department or enterprise changed. A reset password, a password the
 * user changed themselves, a changed binding or a disabling also ends the account's API tokens (a token acts with the
 * rights and scope of its user, and was issued to the user as they were, under the password they had; enabling a
 * disabled account again brings none of its tokens back). A user's own password change ends the account's
 * other sessions but the one it was made in, which its page does ({@code endsSessions} false).
 *
 * @param userId the account
 * @param username its user name (the principal name sessions are indexed by)
 * @param reason what changed, in Chinese (for the log and the audit entries of revoked tokens)
 * @param regionCode the account's region after the change (where the audit entries of revoked tokens are recorded)
 * @param endsApiTokens whether the change revokes the account's API tokens (disabling, password reset or change,
 *        binding change)
 * @param endsSessions whether every live session of the account ends (all but a user's own password change)
 */
public record UserAccessChanged(long userId, String username, String reason, String regionCode,
		boolean endsApiTokens, boolean endsSessions) {
}
