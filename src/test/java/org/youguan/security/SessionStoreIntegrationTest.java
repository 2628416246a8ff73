package org.youguan.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.youguan.IntegrationTest;

/** Two requests of one session that add the same attribute at once both save: the later value wins, no error. */
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
}
