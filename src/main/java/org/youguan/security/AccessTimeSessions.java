package org.youguan.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

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
 *
 * <p>
 * Spring Session's request filter commits a session twice per request — when the response is committed and when the
 * filter ends — and the first commit forgets the session it read, so the second one read the session row again only to
 * learn the id it already knew (spring-session issue 1731): a second statement per page view. Within a request
 * ({@link #within}), a find of the id the request has just saved now answers that saved session; the mark ends with the
 * request, so the next request reads the stored row as before (a session ended meanwhile by sign-out or
 * {@link SessionTermination} is not found).
 */
final class AccessTimeSessions implements FindByIndexNameSessionRepository<Session> {

	private final FindByIndexNameSessionRepository<Session> sessions;

	private final Duration resolution;

	/**
	 * The request this thread serves ({@link #within}): element 0 is the session it has saved last; no holder outside a
	 * request.
	 */
	private final ThreadLocal<Session[]> request = new ThreadLocal<>();

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
		Session[] saved = request.get();
		if (saved != null) {
			saved[0] = session;
		}
	}

	/**
	 * The stored session of this id, or {@code null}; within a request, the session the request has just saved when it
	 * is the one asked for (read once, then from the store again).
	 */
	@Override
	public Session findById(String id) {
		Session[] saved = request.get();
		if (saved != null) {
			Session again = saved[0];
			saved[0] = null;
			if (again != null && again.getId().equals(id)) {
				return again;
			}
		}
		Session found = reading(() -> sessions.findById(id));
		return found == null ? null : new Touched(found, resolution);
	}

	/** Set while the request filter reads a session ({@link #reading}). */
	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	/**
	 * Runs a read of the session store marked as such for {@link #readsWithoutTransaction}.
	 *
	 * @param read the read
	 * @param <T> what it gives
	 * @return what it gives
	 */
	static <T> T reading(Supplier<T> read) {
		READING.set(Boolean.TRUE);
		try {
			return read.get();
		}
		finally {
			READING.remove();
		}
	}

	/**
	 * The session repository's transactions: a read marked by {@link #reading} — one {@code SELECT} of the session with
	 * its attributes, and the {@code DELETE} of a session found expired — runs without a transaction of its own (each
	 * statement commits by itself); everything else (saves, deletes, the lookups by principal, the cleanup) runs in
	 * {@code writes} as before.
	 *
	 * @param writes the transactions of everything but the marked reads (Spring Session's default: a new transaction)
	 * @return the operations to build the repository with
	 */
	static TransactionOperations readsWithoutTransaction(
			Supplier<TransactionOperations> writes) {
		return new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return READING.get() != null
						? TransactionOperations.withoutTransaction().execute(action)
						: writes.get().execute(action);
			}
		};
	}

	/**
	 * Serves one request: the session it saves may be found again until it ends.
	 *
	 * @param work the request filter's work
	 * @throws ServletException as the request's work raises it
	 * @throws IOException as the request's work raises it
	 */
	void within(Request work) throws ServletException, IOException {
		request.set(new Session[1]);
		try {
			work.run();
		}
		finally {
			request.remove();
		}
	}

	/** The work of the request filter for one request. */
	@FunctionalInterface
	interface Request {

		void run() throws ServletException, IOException;
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
