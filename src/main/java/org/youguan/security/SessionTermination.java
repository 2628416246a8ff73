package org.youguan.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.youguan.org.UserAccessChanged;

/**
 * Ends every live session of an account whose access changed (disabled, password reset, roles or placement changed):
 * the next request of such a session is signed out; and, when a user changes their own password, every session of
 * theirs but the one they changed it in ({@link #endOthers}). Runs after the change commits, in the same request, so the
 * administrator's answer comes back only once the sessions are gone. Sessions live in PostgreSQL (Spring Session JDBC),
 * so this holds on every node of a cluster.
 */
@Component
class SessionTermination {

	private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

	private final FindByIndexNameSessionRepository<?> sessions;

	SessionTermination(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every live session of the account but the one that asked (a user who changed their own password stays
	 * signed in there; a browser left signed in elsewhere, or by someone who knew the old password, is signed out).
	 *
	 * @param userId the account's id (logged)
	 * @param username the account's user name (the sessions' principal)
	 * @param keep the id of the session to keep, or null to keep none
	 * @return how many sessions were ended
	 */
	int endOthers(long userId, String username, String keep) {
		var others = sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep)).toList();
		others.forEach(sessions::deleteById);
		if (!others.isEmpty()) {
			log.info("Ended {} other session(s) of user id {}: own password changed", others.size(), userId);
		}
		return others.size();
	}

	@TransactionalEventListener
	void on(UserAccessChanged changed) {
		if (!changed.endsSessions()) {
			return;
		}
		var found = sessions.findByPrincipalName(changed.username()).keySet();
		found.forEach(sessions::deleteById);
		if (!found.isEmpty()) {
			log.info("Ended {} session(s) of user id {}: {}", found.size(), changed.userId(), changed.reason());
		}
	}
}
