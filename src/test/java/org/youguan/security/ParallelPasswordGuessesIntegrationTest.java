package org.youguan.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
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
 * Attack: the sign-in throttle counted the failures logged, then the password was checked and its failure logged in
 * other transactions — a burst of wrong passwords sent at once all passed the count (none was logged yet) and all were
 * checked, past {@code max-failures} by the burst's size (and parallel failures of one account were lost to each
 * other's update, or failed the request). Each check now claims its place first, under the account's and the address's
 * locks: of a burst, at most the limit reaches the password check (fewer only when a check ends while the burst is
 * still being claimed), the rest are refused unchecked (BLOCKED), and every request is answered as a failed sign-in.
 */
@IntegrationTest
class ParallelPasswordGuessesIntegrationTest {

	static final String PASSWORD = "Kq8#vN3!wZp5";

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
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	String newUser() {
		String name = "pg" + UUID.randomUUID().toString().substring(0, 8);
		users.provision(new UserData(name, "并发测试", UserKind.STAFF, bureaus.findByRegion("320506").orElseThrow().id(), null,
				null, null, EnumSet.of(Role.STAFF)), PASSWORD, false, false);
		return name;
	}

	String signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
			.with(ClientAddress.from(address))).andReturn().getResponse().getRedirectedUrl();
	}

	/** Runs {@code n} requests at once (all released by one latch) and returns their outcomes in order. */
	static <T> List<T> atOnce(int n, IntFunction<Callable<T>> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Callable<T> r = request.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return r.call();
				}));
			}
			start.countDown();
			List<T> outcomes = new ArrayList<>();
			for (Future<T> f : futures) {
				outcomes.add(f.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	long logged(String result, String column, Object value) {
		return jdbc.sql("SELECT count(*) FROM signin_log WHERE result = :result AND " + column + " = :value")
			.param("result", result)
			.param("value", value)
			.query(Long.class)
			.single();
	}

	@Test
	void ofTwelveWrongPasswordsSentAtOnceFromOneAddressAtMostFiveAreChecked() throws Exception {
		String name = newUser();
		long id = directory.principal(name).orElseThrow().id();
		String address = ClientAddress.newAddress();
		List<String> outcomes = atOnce(12, i -> () -> signIn(name, "Wrong#2026a" + i, address));
		assertThat(outcomes).containsOnly("/login?error");
		long checked = logged("FAILURE", "user_id", id);
		assertThat(checked).as("passwords checked").isBetween(1L, 5L);
		assertThat(logged("BLOCKED", "user_id", id)).as("refused unchecked").isEqualTo(12 - checked);
		assertThat(signIn(name, PASSWORD, address)).as("the address is paused for the account").isEqualTo("/login?error");
		assertThat(signIn(name, PASSWORD, ClientAddress.newAddress())).isEqualTo("/");
	}

	/**
	 * 24 of the address's 30 wrong passwords under any names are logged already: of a burst of 12 more, at most 6 are
	 * checked.
	 */
	@Test
	void ofWrongPasswordsSentAtOnceFromOneAddressUnderManyNamesOnlyTheAddresssAllowanceIsChecked() throws Exception {
		String address = ClientAddress.newAddress();
		String prefix = "pq" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 24; i++) {
			jdbc.sql("""
					INSERT INTO signin_log (occurred_at, username, region_code, result, reason, client_address)
					VALUES (:at, :name, '0', 'FAILURE', '用户名不存在', :address)""")
				.param("at", OffsetDateTime.now(clock))
				.param("name", prefix + "***")
				.param("address", address)
				.update();
		}
		List<String> outcomes = atOnce(12, i -> () -> signIn(prefix + "." + i, "Wrong#2026a", address));
		assertThat(outcomes).containsOnly("/login?error");
		long checked = logged("FAILURE", "client_address", address) - 24;
		assertThat(checked).as("passwords checked").isBetween(1L, 6L);
		assertThat(logged("BLOCKED", "client_address", address)).isEqualTo(12 - checked);
	}

	/**
	 * 25 of the account's 30 consecutive wrong passwords are counted already: of a burst of 12 more from as many
	 * addresses, at most 5 are checked, and each one checked counts towards the lock.
	 */
	@Test
	void ofWrongPasswordsSentAtOnceFromManyAddressesOnlyTheAccountsAllowanceIsCheckedAndItLocks() throws Exception {
		String name = newUser();
		long id = directory.principal(name).orElseThrow().id();
		for (int i = 0; i < 25; i++) {
			tx.executeWithoutResult(s -> directory.recordFailedSignIn(name, 30, Duration.ofMinutes(15)));
		}
		assertThat(directory.principal(name).orElseThrow().isAccountNonLocked()).isTrue();
		List<String> outcomes = atOnce(12, i -> () -> signIn(name, "Wrong#2026a", ClientAddress.newAddress()));
		assertThat(outcomes).containsOnly("/login?error");
		long checked = logged("FAILURE", "user_id", id);
		assertThat(checked).as("passwords checked").isBetween(1L, 5L);
		assertThat(logged("BLOCKED", "user_id", id)).isEqualTo(12 - checked);
		assertThat(jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id").param("id", id).query(Integer.class)
			.single()).as("every failure counted towards the lock, none lost").isEqualTo(25 + (int) checked);
	}

	/** The current password typed again in a signed-in session is weighed by the same claims. */
	@Test
	void ofWrongCurrentPasswordsSentAtOnceAtMostFiveAreChecked() throws Exception {
		String name = newUser();
		long id = directory.principal(name).orElseThrow().id();
		String address = ClientAddress.newAddress();
		// a session each (signed in elsewhere): one session's attributes are not for parallel requests
		List<MockHttpSession> sessions = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			sessions.add(SignIn.session(mvc, name, PASSWORD));
		}
		List<Integer> statuses = atOnce(10, i -> () -> mvc.perform(post("/account/tokens").session(sessions.get(i)).with(csrf())
			.with(ClientAddress.from(address)).param("name", "并发" + i).param("currentPassword", "Wrong#2026zz" + i))
			.andReturn().getResponse().getStatus());
		long checked = logged("FAILURE", "user_id", id);
		assertThat(checked).as("passwords checked").isBetween(1L, 5L);
		assertThat(statuses).filteredOn(s -> s == 400).as("checked and wrong").hasSize((int) checked);
		assertThat(statuses).filteredOn(s -> s == 429).as("refused unchecked").hasSize(10 - (int) checked);
	}

	/**
	 * Attack: a sign-in's claim ({@link PasswordGuesses#claim}) waiting for its account's lock waited as long as the lock
	 * was held, its pool connection with it — a lock holder stuck (behind the account's row) and a stream of sign-ins to
	 * that account took every connection of the pool. The claim's transaction now sets {@code lock_timeout}
	 * ({@code youguan.security.claim-lock-timeout}, 2 s): the waiter gives up while the lock is still held, and the
	 * sign-in is answered as a pause is — the one failure message, logged BLOCKED unchecked, no failure counted.
	 */
	@Test
	void aSignInWaitingForItsAccountsLockGivesUpAndIsAnsweredAsAPause() throws Exception {
		String name = newUser();
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
			Future<String> signIn = pool.submit(() -> signIn(name, PASSWORD, address));
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
		assertThat(signIn(name, PASSWORD, address)).as("the lock let go, the same sign-in passes").isEqualTo("/");
	}
}
