package org.youguan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.SerializationUtils;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.CurrentUser;

/**
 * Two requests of one session that add the same attribute at once both save (the later value wins, no error), the
 * session row is rewritten for a moved access time only once a minute, and a page view within that minute runs no
 * statement for its session, while an idle session still expires; a security context is deserialised once per stored
 * form, each read getting a context of its own, and signing out still ends the session.
 */
@IntegrationTest
class SessionStoreIntegrationTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void twoCopiesOfASessionAddingTheSameAttributeBothSave() {
		SessionRepository repository = sessions;
		Session session = repository.createSession();
		repository.save(session);
		Session first = repository.findById(session.getId());
		Session second = repository.findById(session.getId());
		first.setAttribute("flash", "first");
		second.setAttribute("flash", "second");

		repository.save(first);
		repository.save(second);

		assertThat((String) ((Session) repository.findById(session.getId())).getAttribute("flash")).isEqualTo("second");
		repository.deleteById(session.getId());
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void theAccessTimeIsWrittenOncePerMinuteButAttributesAndTheTimeoutAtOnce() {
		SessionRepository repository = sessions;
		Session session = repository.createSession();
		Instant start = session.getLastAccessedTime();
		repository.save(session);

		Session again = repository.findById(session.getId());
		again.setLastAccessedTime(start.plusSeconds(20));
		again.setAttribute("flash", "saved");
		repository.save(again);
		assertThat(storedAccessTime(session.getId())).isEqualTo(start.toEpochMilli());
		assertThat((String) ((Session) repository.findById(session.getId())).getAttribute("flash")).isEqualTo("saved");

		Session later = repository.findById(session.getId());
		later.setLastAccessedTime(start.plusSeconds(61));
		repository.save(later);
		assertThat(storedAccessTime(session.getId())).isEqualTo(start.plusSeconds(61).toEpochMilli());

		Session shorter = repository.findById(session.getId());
		shorter.setLastAccessedTime(start.plusSeconds(62));
		shorter.setMaxInactiveInterval(Duration.ofMinutes(5));
		repository.save(shorter);
		assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
			.param("id", session.getId())
			.query(Integer.class)
			.single()).isEqualTo(300);
		repository.deleteById(session.getId());
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aPageViewOfASignedInUserRunsNoStatementForItsSession() throws Exception {
		MockHttpSession jar = SignIn.session(mvc, "sz.admin");
		String id = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = 'sz.admin' "
				+ "ORDER BY creation_time DESC LIMIT 1").query(String.class).single();
		// a value only an UPDATE of the row would put back: it shows whether the request saved the session
		jdbc.sql("UPDATE spring_session SET max_inactive_interval = 999 WHERE session_id = :id").param("id", id).update();

		mvc.perform(get("/complaints").session(jar)).andExpect(status().isOk());

		assertThat(storedTimeout(id)).as("no UPDATE of the session row").isEqualTo(999);
		jdbc.sql("DELETE FROM spring_session WHERE session_id = :id").param("id", id).update();
	}

	/**
	 * Spring Session's filter commits a request's session twice and, at the second commit, finds it again: within a
	 * request that find answers the session just saved without reading the row; the next request reads the row, so a
	 * session deleted in between (sign-out, a disabled account) is gone for it.
	 */
	@Test
	void withinARequestTheSecondCommitFindsTheSavedSessionWithoutReadingItsRowAndTheNextRequestReadsIt()
			throws Exception {
		JdbcIndexedSessionRepository counted = Mockito.spy(sessions);
		var requestSessions = new AccessTimeSessions(counted, Duration.ofMillis(SessionStore.ACCESS_TIME_RESOLUTION_MS));
		Session created = requestSessions.createSession();
		requestSessions.save(created);
		String id = created.getId();
		Session[] seen = new Session[2];

		requestSessions.within(() -> {
			seen[0] = requestSessions.findById(id);
			requestSessions.save(seen[0]);
			seen[1] = requestSessions.findById(id);
			requestSessions.save(seen[1]);
		});

		Mockito.verify(counted, Mockito.times(1)).findById(id);
		assertThat(seen[1]).as("the saved session, not a second read").isSameAs(seen[0]);
		jdbc.sql("DELETE FROM spring_session WHERE session_id = :id").param("id", id).update();
		Session[] next = new Session[1];
		requestSessions.within(() -> next[0] = requestSessions.findById(id));
		assertThat(next[0]).as("the next request reads the row: the deleted session is gone").isNull();
		Mockito.verify(counted, Mockito.times(2)).findById(id);
		assertThat(requestSessions.findById(id)).as("outside a request, read every time").isNull();
	}

	@Autowired
	TransactionTemplate tx;

	/**
	 * The repository the application built runs the request filter's read of a session in no transaction, and every
	 * other call in a transaction of its own; the read still finds the session (and an expired one is gone: see the
	 * next test).
	 */
	@Test
	void theFiltersReadOfASessionRunsInNoTransactionAndEverythingElseInOne() {
		var ops = AccessTimeSessions.readsWithoutTransaction(() -> tx);
		boolean markedRead = AccessTimeSessions.reading(() -> ops.execute(s -> inTransaction()));
		boolean anythingElse = ops.execute(s -> inTransaction());
		assertThat(markedRead).as("a marked read").isFalse();
		assertThat(anythingElse).as("anything else").isTrue();

		var requestSessions = new AccessTimeSessions(sessions, Duration.ofMillis(SessionStore.ACCESS_TIME_RESOLUTION_MS));
		Session created = requestSessions.createSession();
		created.setAttribute("kept", "yes");
		requestSessions.save(created);
		assertThat((String) requestSessions.findById(created.getId()).getAttribute("kept")).isEqualTo("yes");
		// the application's repository was built with these operations: the read ran in none of its own
		Object built = ReflectionTestUtils.getField(sessions, "transactionOperations");
		assertThat(built).isNotInstanceOf(TransactionTemplate.class);
		boolean builtRead = AccessTimeSessions
			.reading(() -> ((TransactionOperations) built).execute(s -> inTransaction()));
		assertThat(builtRead).isFalse();
		sessions.deleteById(created.getId());
	}

	private static Boolean inTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive();
	}

	@Test
	void aRequestWithinAMinuteOfTheStoredAccessTimeWritesNothingAndALaterOneMovesTheExpiry() {
		// the repository the request filter uses: a touch within the resolution marks nothing changed
		SessionRepository<Session> requestSessions = new AccessTimeSessions(sessions,
				Duration.ofMillis(SessionStore.ACCESS_TIME_RESOLUTION_MS));
		Session session = requestSessions.createSession();
		Instant start = session.getLastAccessedTime();
		requestSessions.save(session);
		// a value only an UPDATE of the row would put back: it shows whether the save below ran one
		jdbc.sql("UPDATE spring_session SET max_inactive_interval = 999 WHERE session_id = :id")
			.param("id", session.getId())
			.update();

		Session soon = requestSessions.findById(session.getId());
		soon.setLastAccessedTime(start.plusSeconds(59));
		requestSessions.save(soon);
		assertThat(storedAccessTime(session.getId())).isEqualTo(start.toEpochMilli());
		assertThat(storedTimeout(session.getId())).as("no UPDATE ran").isEqualTo(999);

		Session flashed = requestSessions.findById(session.getId());
		flashed.setLastAccessedTime(start.plusSeconds(30));
		flashed.setAttribute("flash", "saved");
		requestSessions.save(flashed);
		assertThat((String) requestSessions.findById(session.getId()).getAttribute("flash")).isEqualTo("saved");

		Session later = requestSessions.findById(session.getId());
		later.setLastAccessedTime(start.plusSeconds(60));
		requestSessions.save(later);
		assertThat(storedAccessTime(session.getId())).isEqualTo(start.plusSeconds(60).toEpochMilli());
		assertThat(jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = :id")
			.param("id", session.getId())
			.query(Long.class)
			.single()).as("expiry moved with the access time")
			.isEqualTo(start.plusSeconds(60).plusSeconds(999).toEpochMilli());

		// idle for longer than its timeout since the stored access: gone, whatever touches came in between
		jdbc.sql("UPDATE spring_session SET last_access_time = :at, max_inactive_interval = 1800 WHERE session_id = :id")
			.param("at", Instant.now().minus(Duration.ofMinutes(31)).toEpochMilli())
			.param("id", session.getId())
			.update();
		assertThat(requestSessions.findById(session.getId())).as("expired session").isNull();
	}

	@Autowired
	SessionAttributeCodec codec;

	@Test
	void aSignedInContextIsReadFromItsStoredBytesOnceAndEachReadGetsAContextOfItsOwn() throws Exception {
		SignIn.session(mvc, "sz.admin");
		byte[] stored = jdbc.sql("""
				SELECT a.attribute_bytes FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id
				WHERE s.principal_name = 'sz.admin' AND a.attribute_name = 'SPRING_SECURITY_CONTEXT'
				ORDER BY s.creation_time DESC LIMIT 1""").query(byte[].class).single();

		SecurityContext first = (SecurityContext) codec.read(stored);
		SecurityContext second = (SecurityContext) codec.read(stored.clone());
		SecurityContext fresh = (SecurityContext) new SessionAttributeCodec(getClass().getClassLoader()).read(stored);

		assertThat(second).as("a context of its own").isNotSameAs(first);
		assertThat(second.getAuthentication().getName()).isEqualTo("sz.admin");
		assertThat(second.getAuthentication().getAuthorities().toString())
			.isEqualTo(fresh.getAuthentication().getAuthorities().toString());
		assertThat(((CurrentUser) second.getAuthentication().getPrincipal()).scope())
			.isEqualTo(((CurrentUser) fresh.getAuthentication().getPrincipal()).scope());
		// what sign-out does to the request's context
		first.setAuthentication(null);
		second.setAuthentication(null);
		assertThat(((SecurityContext) codec.read(stored)).getAuthentication().getName())
			.as("the remembered context is untouched by what a reader does to its copy")
			.isEqualTo("sz.admin");
		assertThat(codec.read(SerializationUtils.serialize("flash")))
			.as("other attributes are read as stored")
			.isEqualTo("flash");
	}

	@Test
	void signingOutEndsThatSessionAloneAfterItsContextWasRemembered() throws Exception {
		MockHttpSession one = SignIn.session(mvc, "sz.admin");
		MockHttpSession other = SignIn.session(mvc, "sz.admin");
		for (int i = 0; i < 2; i++) {
			mvc.perform(get("/complaints").session(one)).andExpect(status().isOk());
			mvc.perform(get("/complaints").session(other)).andExpect(status().isOk());
		}

		mvc.perform(post("/logout").session(one).with(csrf())).andExpect(status().is3xxRedirection());

		mvc.perform(get("/complaints").session(one))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", Matchers.containsString("/login")));
		mvc.perform(get("/complaints").session(other)).andExpect(status().isOk());
	}

	private int storedTimeout(String id) {
		return jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private long storedAccessTime(String id) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}
}
