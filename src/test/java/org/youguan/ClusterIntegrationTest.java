package org.youguan;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.youguan.calendar.CalendarYears;
import org.youguan.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes (two full application contexts, each with its own web server on a random port) on one
 * PostgreSQL, driven over real HTTP with one cookie jar, as a browser behind a load balancer would be: a sign-in on
 * one node holds on the other, a guarded scheduled job started on both at the same moment runs once, the public rate
 * limit counts requests to both nodes against one total, an import started on one node shows its progress and result
 * on the other, a calendar year loaded on one node is used by the other within its refresh interval, and a node
 * starting while another does its start-up work (loading the demo city on an empty database) waits for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIntegrationTest {

	static final int PUBLIC_LIMIT = 5;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	ConfigurableApplicationContext a;

	ConfigurableApplicationContext b;

	HttpClient browser;

	/** The start-up work's advisory lock (platform's StartupSeedingLock.KEY, "YouGuan1"). */
	static final long STARTUP_LOCK = 0x596f754775616e31L;

	boolean bWaitedForTheStartUpWorkOfAnotherNode;

	/**
	 * Node A starts; then, while a third party holds the start-up lock as a node loading the demo city would, node B
	 * starts and must wait for it before its own start-up work.
	 */
	@BeforeAll
	void startTwoNodes() throws Exception {
		a = node("node-a");
		ExecutorService starting = Executors.newSingleThreadExecutor();
		try (Connection otherNode = DriverManager.getConnection(TestDatabase.url("postgres"), "postgres", TestDatabase.password())) {
			advisory(otherNode, "pg_advisory_lock");
			Future<ConfigurableApplicationContext> startingB = starting.submit(() -> node("node-b"));
			await().atMost(Duration.ofSeconds(60)).until(() -> startingB.isDone() || waitingForStartupLock(otherNode));
			bWaitedForTheStartUpWorkOfAnotherNode = !startingB.isDone();
			advisory(otherNode, "pg_advisory_unlock");
			b = startingB.get(60, TimeUnit.SECONDS);
		}
		finally {
			starting.shutdownNow();
		}
	}

	static void advisory(Connection connection, String function) throws Exception {
		try (PreparedStatement call = connection.prepareStatement("SELECT " + function + "(?)")) {
			call.setLong(1, STARTUP_LOCK);
			call.executeQuery().close();
		}
	}

	static boolean waitingForStartupLock(Connection connection) throws Exception {
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
				AND classid = CAST(? AS oid) AND objid = CAST(? AS oid)""")) {
			query.setLong(1, STARTUP_LOCK >>> 32);
			query.setLong(2, STARTUP_LOCK & 0xffffffffL);
			try (var rs = query.executeQuery()) {
				return rs.next() && rs.getInt(1) > 0;
			}
		}
	}

	/** A browser with an empty cookie jar, shared by both nodes (cookies do not depend on the port). */
	@BeforeEach
	void openBrowser() {
		browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterAll
	void stopNodes() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	static ConfigurableApplicationContext node(String name) {
		// as command-line arguments, so that they win over application.properties
		return new SpringApplicationBuilder(YouGuanApplication.class, IntegrationTest.Clocks.class).run("--server.port=0", "--youguan.node-name=" + name,
				"--youguan.db.url=" + TestDatabase.url("postgres"), "--youguan.db.user=postgres", "--youguan.db.password=" + TestDatabase.password(),
				"--youguan.demo=true", "--youguan.data-dir=target/test-data", "--spring.main.banner-mode=off",
				"--youguan.public.requests-per-minute=" + PUBLIC_LIMIT,
				// behind a load balancer: the client is the X-Forwarded-For address sent by a trusted proxy (here the
				// loopback address the test connects from)
				"--server.forward-headers-strategy=native", "--youguan.calendar.refresh-interval=PT0.2S");
	}

	@Test
	void nodesStartingTogetherTakeTurnsForTheStartUpWork() {
		assertThat(bWaitedForTheStartUpWorkOfAnotherNode).as("node B waited for the start-up lock").isTrue();
		assertThat(jdbc(b).sql("""
				SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = CAST(:high AS oid)
				AND objid = CAST(:low AS oid)""").param("high", STARTUP_LOCK >>> 32).param("low", STARTUP_LOCK & 0xffffffffL)
			.query(Integer.class).single()).as("released once the nodes have started").isZero();
	}

	@Test
	void aSignInOnOneNodeHoldsOnTheOther() throws Exception {
		assertThat(get(b, "/api/v1/me").statusCode()).isEqualTo(401);
		signIn(a, "sys.admin");
		HttpResponse<String> me = get(b, "/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"sys.admin\"");
	}

	@Test
	void aGuardedJobStartedOnBothNodesAtTheSameMomentRunsOnce() throws Exception {
		// a date on which the work-plan clock finds nothing to change, so the run leaves the demo data alone
		clock(a).set(LocalDateTime.of(2030, 7, 1, 7, 0));
		clock(b).set(LocalDateTime.of(2030, 7, 1, 7, 0));
		jdbc(a).sql("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 second' WHERE name = 'workplans.clock'")
			.update();
		double ranBefore = runs(a, "ran") + runs(b, "ran");
		double skippedBefore = runs(a, "skipped") + runs(b, "skipped");
		Runnable onA = scheduledTask(a, "WorkPlanClock.run");
		Runnable onB = scheduledTask(b, "WorkPlanClock.run");

		CyclicBarrier sameMoment = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = nodes.submit(() -> {
				sameMoment.await();
				onA.run();
				return null;
			});
			Future<?> second = nodes.submit(() -> {
				sameMoment.await();
				onB.run();
				return null;
			});
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			nodes.shutdownNow();
			clock(a).reset();
			clock(b).reset();
		}

		assertThat(runs(a, "ran") + runs(b, "ran") - ranBefore).as("runs on the two nodes").isEqualTo(1);
		assertThat(runs(a, "skipped") + runs(b, "skipped") - skippedBefore).as("skipped runs").isEqualTo(1);
		String ranOn = runs(a, "ran") > 0 && runs(b, "ran") == 0 ? "node-a" : runs(b, "ran") > 0 && runs(a, "ran") == 0
				? "node-b" : null;
		assertThat(jdbc(a).sql("SELECT locked_by FROM shedlock WHERE name = 'workplans.clock'").query(String.class).single())
			.as("the lock row names the node that ran the job").isIn("node-a", "node-b").isEqualTo(ranOn);
	}

	@Test
	void thePublicRateLimitCountsRequestsToBothNodesAgainstOneTotal() throws Exception {
		LocalDateTime sameMinute = LocalDateTime.now().withSecond(20).withNano(0);
		clock(a).set(sameMinute);
		clock(b).set(sameMinute);
		String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		String otherClient = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		String lookup = "/api/v1/public/licences?query=" + URLEncoder.encode("顺丰", StandardCharsets.UTF_8);
		try {
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i <= PUBLIC_LIMIT; i++) {
				statuses.add(publicGet(i % 2 == 0 ? a : b, lookup, client).statusCode());
			}
			assertThat(statuses).as("alternating between the nodes, the limit holds for the total")
				.containsExactly(200, 200, 200, 200, 200, 429);
			assertThat(publicGet(b, lookup, client).statusCode()).isEqualTo(429);
			HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url(a, "/public/lookup")))
				.header("X-Forwarded-For", client).header("Accept", "text/html,application/xhtml+xml").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(429);
			assertThat(page.headers().firstValue("Content-Type").orElse("")).as("a page is refused with a page")
				.startsWith("text/html");
			// the window's real remainder (the clocks stand at second 20 of the minute), not a fixed minute
			assertThat(page.headers().firstValue("Retry-After")).hasValue("40");
			assertThat(page.body()).contains("查询过于频繁，请40秒后再试");
			assertThat(publicGet(a, lookup, otherClient).statusCode()).as("another client is not limited").isEqualTo(200);
			signIn(a, "wz.staff");
			assertThat(fragment(b, "/public/regions/search?field=regionCode&q=" + URLEncoder.encode("吴中", StandardCharsets.UTF_8), client)
				.statusCode()).as("a signed-in clerk behind the same office address is not counted (region picker)")
				.isEqualTo(200);
		}
		finally {
			clock(a).reset();
			clock(b).reset();
		}
	}

	@Test
	void anonymousPagesCreateNoSessionRow() throws Exception {
		long before = jdbc(a).sql("SELECT count(*) FROM spring_session").query(Long.class).single();
		HttpClient anonymous = HttpClient.newHttpClient();
		// the lookup of a county twice: its page is remembered after the first view (issue 12), and neither view stores
		// a session
		for (String page : List.of("/login", "/public/lookup", "/public/lookup?region=320506", "/public/lookup?region=320506",
				"/public/penalties", "/")) {
			// a client address of its own: the rate-limit test of this class spends the shared one's public quota
			HttpResponse<String> response = anonymous.send(HttpRequest.newBuilder(URI.create(url(a, page)))
				.header("X-Forwarded-For", "10.77.0." + ThreadLocalRandom.current().nextInt(1, 250))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith("SESSION="));
		}
		assertThat(jdbc(a).sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theSignInFormCarriesItsCsrfTokenInAnHttpOnlyCookie() throws Exception {
		HttpClient fresh = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
		HttpResponse<String> form = fresh.send(HttpRequest.newBuilder(URI.create(url(a, "/login"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN=") && c.contains("HttpOnly"));
		Matcher token = CSRF.matcher(form.body());
		assertThat(token.find()).isTrue();
		String credentials = "username=wz.staff&password=" + URLEncoder.encode(SignIn.DEMO_PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> forged = fresh.send(HttpRequest.newBuilder(URI.create(url(a, "/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(credentials))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).as("no token, no sign-in").isEqualTo(403);
		HttpResponse<String> signedIn = fresh.send(HttpRequest.newBuilder(URI.create(url(a, "/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(credentials + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	@Test
	void anImportStartedOnOneNodeShowsItsProgressAndResultOnTheOther() throws Exception {
		signIn(a, "sys.admin");
		String street = "650102990";
		jdbc(a).sql("""
				INSERT INTO region (code, name, parent_code, level) VALUES (:code, '集群测试街道', '650102', 'STREET')
				ON CONFLICT (code) DO NOTHING""").param("code", street).update();
		String id;
		// another transaction holds the row the import will write: the import stops mid-way, in its IMPORTING step
		try (Connection blocker = DriverManager.getConnection(TestDatabase.url("postgres"), "postgres", TestDatabase.password())) {
			blocker.setAutoCommit(false);
			try (PreparedStatement lock = blocker.prepareStatement("SELECT 1 FROM region WHERE code = ? FOR UPDATE")) {
				lock.setString(1, street);
				lock.executeQuery().close();
			}
			String csv = "code,name,areaCode\n" + street + ",集群测试街道（更名）,650102\n";
			HttpResponse<String> started = upload(a, "/admin/regions/import", "streets.csv", csv);
			assertThat(started.statusCode()).isEqualTo(302);
			String location = started.headers().firstValue("Location").orElseThrow();
			Matcher job = Pattern.compile("/admin/regions/import/([0-9a-f-]{36})$").matcher(location);
			assertThat(job.find()).as(location).isTrue();
			id = job.group(1);

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(fragment(b, "/admin/regions/import/" + id + "?fragment=1", null).body())
					.as("node B shows the step node A is in").contains("IMPORTING").doesNotContain("DONE"));
			assertThat(jdbc(b).sql("SELECT node FROM background_job WHERE id = :id").param("id", UUID.fromString(id))
				.query(String.class).single()).as("the job runs on the node that received the upload").isEqualTo("node-a");
			blocker.rollback();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(fragment(b, "/admin/regions/import/" + id + "?fragment=1", null).body())
				.contains("DONE").contains("已导入乡镇/街道1条"));
		assertThat(jdbc(b).sql("SELECT name FROM region WHERE code = :code").param("code", street).query(String.class)
			.single()).isEqualTo("集群测试街道（更名）");
	}

	@Test
	void aCalendarYearLoadedOnOneNodeIsUsedByTheOther() throws Exception {
		LocalDate friday = LocalDate.of(2099, 1, 2);
		LocalDate saturday = LocalDate.of(2099, 1, 3);
		WorkingCalendar onB = b.getBean(WorkingCalendar.class);
		assertThat(onB.isProvisional(friday)).isTrue();
		assertThat(onB.isWorkingDay(friday)).isTrue();
		String year = HolidayNotices.notice(2099, List.of(LocalDate.of(2099, 1, 1), friday), List.of(saturday));
		try {
			a.getBean(CalendarYears.class).load(year.getBytes(StandardCharsets.UTF_8), "集群测试", "sys.admin");
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(onB.isProvisional(friday)).isFalse();
				assertThat(onB.isWorkingDay(friday)).isFalse();
				assertThat(onB.isWorkingDay(saturday)).isTrue();
			});
		}
		finally {
			jdbc(a).sql("DELETE FROM calendar_day WHERE day >= '2099-01-01' AND day < '2100-01-01'").update();
			jdbc(a).sql("DELETE FROM calendar_year WHERE year = 2099").update();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onB.isProvisional(friday)).isTrue());
	}

	// --- helpers: the two nodes and a browser

	static JdbcClient jdbc(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class);
	}

	static MutableClock clock(ConfigurableApplicationContext node) {
		Clock clock = node.getBean(Clock.class);
		assertThat(clock).isInstanceOf(MutableClock.class);
		return (MutableClock) clock;
	}

	static double runs(ConfigurableApplicationContext node, String outcome) {
		Counter counter = node.getBean(MeterRegistry.class)
			.find("youguan.scheduled.jobs")
			.tags("job", "workplans.clock", "outcome", outcome)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	/** The runnable the node's scheduler calls for this method (through the lock, as on schedule). */
	static Runnable scheduledTask(ConfigurableApplicationContext node, String method) {
		List<String> seen = new ArrayList<>();
		for (ScheduledTaskHolder holder : node.getBeansOfType(ScheduledTaskHolder.class).values()) {
			for (ScheduledTask task : holder.getScheduledTasks()) {
				String name = task.getTask().toString();
				seen.add(name);
				if (name.endsWith("." + method)) {
					return task.getTask().getRunnable();
				}
			}
		}
		throw new AssertionError("no scheduled task " + method + " among " + seen);
	}

	String url(ConfigurableApplicationContext node, String path) {
		return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
	}

	HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url(node, path))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A fragment as htmx asks for it ({@code HX-Request}; a browser opening it directly is sent to its page). */
	HttpResponse<String> fragment(ConfigurableApplicationContext node, String path, String client) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(node, path))).header("HX-Request", "true");
		if (client != null) {
			request.header("X-Forwarded-For", client);
		}
		return browser.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> publicGet(ConfigurableApplicationContext node, String path, String client) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url(node, path))).header("X-Forwarded-For", client).GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	String csrf(ConfigurableApplicationContext node, String page) throws Exception {
		Matcher token = CSRF.matcher(get(node, page).body());
		assertThat(token.find()).as("CSRF token on " + page).isTrue();
		return token.group(1);
	}

	void signIn(ConfigurableApplicationContext node, String username) throws Exception {
		String form = "username=" + username + "&password=" + URLEncoder.encode(SignIn.DEMO_PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf(node, "/login"), StandardCharsets.UTF_8);
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url(node, "/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	HttpResponse<String> upload(ConfigurableApplicationContext node, String path, String fileName, String content)
			throws Exception {
		String boundary = "----cluster" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content.getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return browser.send(HttpRequest.newBuilder(URI.create(url(node, path)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", csrf(node, path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
