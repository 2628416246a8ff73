package org.youguan.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack: a sign-in's claim ({@link PasswordGuesses#claim}) waiting for its account's lock waited as long as the lock
 * was held, its pool connection with it — a lock holder stuck (behind the account's row) and a stream of sign-ins to
 * that account took every connection of the pool. The claim's transaction now sets {@code lock_timeout}
 * ({@code youguan.security.claim-lock-timeout}, 2 s): the waiter gives up, and the sign-in is answered as a pause is —
 * the one failure message, logged BLOCKED unchecked.
 */
@IntegrationTest
class PasswordCheckClaimLockTimeoutIntegrationTest {

	static final String PASSWORD = "Start#2026a";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aSignInWaitingForItsAccountsLockGivesUpAndIsAnsweredAsAPause() throws Exception {
		String name = "lt" + UUID.randomUUID().toString().substring(0, 8);
		users.provision(new UserData(name, "锁等待测试", UserKind.STAFF, bureaus.findByRegion("320506").orElseThrow().id(),
				null, null, null, EnumSet.of(Role.STAFF)), PASSWORD, false, false);
		long id = directory.principal(name).orElseThrow().id();
		String address = ClientAddress.newAddress();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		// the first transaction holds the account's lock, as a check stuck behind the account's row would
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
				lock.setString(1, "signin-check:account:" + id);
				lock.execute();
			}
			// the second, a sign-in with the right password, waits for it
			Future<String> signIn = pool.submit(() -> mvc.perform(post("/login").param("username", name)
				.param("password", PASSWORD).with(csrf()).with(ClientAddress.from(address)))
				.andReturn().getResponse().getRedirectedUrl());
			await().atMost(Duration.ofSeconds(30)).until(() -> signIn.isDone() || jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
					AND datname = current_database()""").query(Long.class).single() >= 1);
			// and gives up while the lock is still held: without lock_timeout it would wait for the holder's commit
			assertThat(signIn.get(30, TimeUnit.SECONDS)).isEqualTo("/login?error");
			assertThat(jdbc.sql("SELECT count(*) FROM signin_check_claim WHERE user_id = :id").param("id", id)
				.query(Long.class).single()).as("no claim left").isZero();
			holder.rollback();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT result, reason FROM signin_log WHERE user_id = :id").param("id", id)
			.query((rs, i) -> rs.getString("result") + " " + rs.getString("reason")).list())
			.containsExactly("BLOCKED " + PasswordGuesses.BUSY);
		assertThat(jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id").param("id", id).query(Integer.class)
			.single()).as("no failure counted").isZero();
		assertThat(mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf())
			.with(ClientAddress.from(address))).andReturn().getResponse().getRedirectedUrl())
			.as("the lock let go, the same sign-in passes").isEqualTo("/");
	}
}
