package org.youguan.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.youguan.org.UserAccessChanged;

/**
 * Ends every live session of an account whose access changed (disabled, password reset, roles or placement changed):
 * the next request of such a session is signed out. Runs after the change commits, in the same request, so the
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

	@TransactionalEventListener
	void on(UserAccessChanged changed) {
		var found = sessions.findByPrincipalName(changed.username()).keySet();
		found.forEach(sessions::deleteById);
		if (!found.isEmpty()) {
			log.info("Ended {} session(s) of user id {}: {}", found.size(), changed.userId(), changed.reason());
		}
	}
}
