package org.youguan.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store as Spring Session's request filter sees it: the JDBC repository, except that a request's touch of
 * the last-access time is passed on only when it moves the stored time by {@link SessionStore#ACCESS_TIME_RESOLUTION_MS}
 * or more (issue 12).
 *
 * <p>
 * Spring Session marks a session changed whenever its access time is set — on every request — and a changed session is
 * saved with an {@code UPDATE} of its row in a transaction of its own, even when {@link SessionStore}'s statement then
 * leaves the row as it was. A touch within the resolution now leaves the session unchanged, so a page view that changes
 * no attribute saves nothing: no transaction, no statement. Attributes, the id, the timeout and the principal are
 * written as before. The stored access time lags the real one by less than the resolution, exactly as with the
 * conditional statement alone, so an idle session expires at most that much earlier than its timeout says.
 */
final class AccessTimeSessions implements FindByIndexNameSessionRepository<Session> {

	private final FindByIndexNameSessionRepository<Session> sessions;

	private final Duration resolution;

	/**
	 * @param sessions the JDBC repository
	 * @param resolution how far the stored access time may lag the real one
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	AccessTimeSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Duration resolution) {
		this.sessions = (FindByIndexNameSessionRepository) sessions;
		this.resolution = resolution;
	}

	@Override
	public Session createSession() {
		return new Touched(sessions.createSession(), resolution);
	}

	@Override
	public void save(Session session) {
		sessions.save(session instanceof Touched touched ? touched.stored : session);
	}

	@Override
	public Session findById(String id) {
		Session found = sessions.findById(id);
		return found == null ? null : new Touched(found, resolution);
	}

	@Override
	public void deleteById(String id) {
		sessions.deleteById(id);
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Session> found = new LinkedHashMap<>();
		sessions.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Touched(s, resolution)));
		return found;
	}

	/** A session whose access time moves only by the resolution or more; everything else goes to the stored session. */
	private static final class Touched implements Session {

		private final Session stored;

		private final Duration resolution;

		Touched(Session stored, Duration resolution) {
			this.stored = stored;
			this.resolution = resolution;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(resolution) >= 0) {
				stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}
	}
}
