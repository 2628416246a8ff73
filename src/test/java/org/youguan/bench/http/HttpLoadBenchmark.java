package org.youguan.bench.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.typesafe.config.ConfigFactory;
import io.gatling.app.Gatling$;
import io.gatling.core.config.GatlingConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's HTTP load benchmark: the whole application on a random port (demo city, its own embedded PostgreSQL under
 * {@code target/bench-pg/http}), driven by Gatling in the same JVM, and measured in one run against a floor in the same
 * application context: {@link BareFloor}, one {@code JdbcClient} row without the security filter chain. For the floor
 * and each endpoint of {@link Endpoint#ALL}: the throughput of 16 concurrent users (closed model, as {@code wrk -c16})
 * and its share of the floor's, and the p99 response time at 100 requests/s offered (open model); then the heap used
 * after a full GC. Prints PASS/MISS per target (a missed target does not fail the test), and fails if any request
 * answered anything but 200 or did not answer.
 * <p>
 * Run: {@code ./mvnw -Pbench test -Dtest=HttpLoadBenchmark}. Options (system properties): {@code bench.http.endpoints}
 * (comma-separated keys of {@link Endpoint}, default all), {@code bench.http.seconds} (each measured phase, default 20),
 * {@code bench.http.warmUpSeconds} (the shortest warm-up of each endpoint alone, default 5),
 * {@code bench.http.warmUpAllSeconds} (the shortest warm-up of all endpoints in turn at the start, default 30),
 * {@code bench.http.warmUpMaxSeconds} (the longest of each warm-up, default 60: a warm-up's load goes on until the JIT
 * stops compiling under it, see {@link JitUnderLoad}), {@code bench.http.settleSeconds} (the longest wait for the JIT after a
 * warm-up, default 30, see {@link JitSettling}), {@code bench.http.users} (16), {@code bench.http.rate} (100). The floor
 * is measured after the first warm-ups and again, warmed up the same way, at the end; the ratios are shares of the
 * higher of the two. Gatling's
 * log ({@code simulation.log}) lands in {@code target/gatling/}. The public endpoints' per-address rate limit is lifted for the run (all
 * requests come from 127.0.0.1); everything else is the application as configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "youguan.public.requests-per-minute=2000000000")
@ContextConfiguration(initializers = HttpBenchDatabase.class)
@Import(BareFloor.class)
class HttpLoadBenchmark {

	static final double HEAP_TARGET_MIB = 512;

	/** Largest difference, as a share of the higher figure, at which the floor's start and end figures agree. */
	static final double FLOOR_AGREEMENT = 0.10;

	@LocalServerPort
	int port;

	@Test
	void throughputAndLatencyAgainstTheFloor() throws Exception {
		String base = "http://127.0.0.1:" + port;
		List<Endpoint> endpoints = Arrays.stream(System.getProperty("bench.http.endpoints",
				String.join(",", Endpoint.ALL.stream().map(Endpoint::key).toList())).split(","))
			.map(Endpoint::byKey)
			.toList();
		int users = Integer.getInteger("bench.http.users", 16);
		int seconds = Integer.getInteger("bench.http.seconds", 20);
		HttpLoadSimulation.Settings settings = new HttpLoadSimulation.Settings(base, signIn(base, users), endpoints, users,
				Integer.getInteger("bench.http.rate", 100), seconds, Integer.getInteger("bench.http.warmUpSeconds", 5),
				Integer.getInteger("bench.http.warmUpAllSeconds", 30), Integer.getInteger("bench.http.warmUpMaxSeconds", 60),
				Integer.getInteger("bench.http.settleSeconds", 30));
		for (Endpoint e : endpoints) {
			check(base, e, settings.sessions().get(0));
		}
		settings.toSystemProperties();

		Path results = Path.of("target/gatling").toAbsolutePath();
		configureGatling();
		long started = System.nanoTime();
		// no HTML report: it needs the Highcharts module, whose licence is not open source; the log is read below
		int status = Gatling$.MODULE$.fromArgs(new String[] { "-s", HttpLoadSimulation.class.getName(), "-rf",
				results.toString(), "-rd", "issue 12 HTTP load benchmark", "-nr" });
		double minutes = (System.nanoTime() - started) / 60e9;
		assertThat(status).as("Gatling's exit status").isZero();
		GatlingResults run = GatlingResults.readLatest(results);

		System.gc();
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		double heapMiB = heap.getUsed() / 1024.0 / 1024.0;

		long failed = report(run, settings, minutes, heapMiB, heap);
		assertThat(failed).as("requests that did not answer 200: %s", run.errors()).isZero();
	}

	/** Prints the table (also as Markdown for docs/performance.md); returns the number of failed requests. */
	private static long report(GatlingResults run, HttpLoadSimulation.Settings settings, double minutes, double heapMiB,
			MemoryUsage heap) {
		int seconds = settings.seconds();
		long failed = 0;
		for (String name : allRequestNames(settings)) {
			failed += run.figures(name).map(GatlingResults.Figures::failed).orElse(0L);
		}
		boolean withFloor = settings.endpoints().contains(Endpoint.FLOOR);
		double floorFirst = withFloor ? rate(run, Endpoint.FLOOR.closedName(), seconds) : Double.NaN;
		double floorAgain = withFloor ? rate(run, HttpLoadSimulation.FLOOR_AGAIN, seconds) : Double.NaN;
		// the stronger of two warmed-up measurements (runs 1-9 used their mean, with the first one measured while the JIT
		// still compiled): every ratio is a share of the floor at its best in this run
		double floor = Math.max(floorFirst, floorAgain);

		StringBuilder md = new StringBuilder();
		md.append("| request | req/s (").append(settings.users()).append(" users) | ratio to floor | target | p99 at ")
			.append(settings.rate())
			.append(" req/s | target |\n|---|---|---|---|---|---|\n");
		System.out.printf(Locale.ROOT, "%nBENCH http: %d concurrent users for %d s per endpoint (closed), then %d req/s offered "
				+ "for %d s (open); %.1f min in Gatling; report %s%n", settings.users(), seconds, settings.rate(), seconds,
				minutes, run.runDirectory());
		System.out.printf(Locale.ROOT, "BENCH http floor: %.0f req/s at the start, %.0f req/s at the end of the run: floor = the "
				+ "higher, %.0f req/s (their mean, as runs 1-9 took it: %.0f req/s)%n", floorFirst, floorAgain, floor,
				(floorFirst + floorAgain) / 2);
		double floorGap = Math.abs(floorFirst - floorAgain) / floor;
		System.out.printf(Locale.ROOT, "BENCH http floor: start and end %s (they differ by %.0f %% of the higher)%n",
				floorGap <= FLOOR_AGREEMENT ? "agree" : "do not agree", floorGap * 100);
		System.out.printf(Locale.ROOT, "BENCH %-44s %8s %6s %7s %5s | %6s %6s %6s %7s %5s%n", "request", "req/s", "p50", "ratio",
				"", "p50", "p99", "max", "p99<", "");
		for (Endpoint e : settings.endpoints()) {
			GatlingResults.Figures closed = run.figures(e.closedName()).orElseThrow();
			GatlingResults.Figures open = run.figures(e.openName()).orElseThrow();
			double rps = closed.count() / (double) seconds;
			double ratio = rps / floor;
			boolean isFloor = e.equals(Endpoint.FLOOR);
			String ratioVerdict = isFloor || Double.isNaN(ratio) ? "" : ratio >= e.minRatio() ? "PASS" : "MISS";
			String p99Verdict = open.p99() < Endpoint.P99_TARGET_MS ? "PASS" : "MISS";
			System.out.printf(Locale.ROOT, "BENCH %-44s %8.0f %4d ms %6.0f%% %5s | %3d ms %3d ms %3d ms %4d ms %5s%n", e.label(),
					rps, closed.p50(), ratio * 100, ratioVerdict, open.p50(), open.p99(), open.max(),
					Endpoint.P99_TARGET_MS, p99Verdict);
			String rpsText = isFloor ? String.format(Locale.ROOT, "%,.0f at the start, %,.0f at the end (the higher is the floor)",
					floorFirst, floorAgain) : String.format(Locale.ROOT, "%,.0f", rps);
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d ms | < %d ms %s |%n", e.label(), rpsText,
					isFloor ? "1" : String.format(Locale.ROOT, "%.0f %%", ratio * 100),
					isFloor ? "—" : String.format(Locale.ROOT, "≥ %.0f %% %s", e.minRatio() * 100, ratioVerdict), open.p99(),
					Endpoint.P99_TARGET_MS, p99Verdict));
		}
		String heapVerdict = heapMiB < HEAP_TARGET_MIB ? "PASS" : "MISS";
		System.out.printf(Locale.ROOT, "BENCH heap used after the run and a full GC: %.0f MiB (committed %.0f MiB, max %.0f MiB), "
				+ "target < %.0f MiB %s%n", heapMiB, heap.getCommitted() / 1048576.0, heap.getMax() / 1048576.0,
				HEAP_TARGET_MIB, heapVerdict);
		md.append(String.format(Locale.ROOT, "| heap used after the run and a full GC | %.0f MiB | | < %.0f MiB %s | | |%n",
				heapMiB, HEAP_TARGET_MIB, heapVerdict));
		System.out.printf("BENCH failed requests: %d%n%nMarkdown (%s):%n%n%s%n", failed, LocalDate.now(), md);
		return failed;
	}

	private static double rate(GatlingResults run, String request, int seconds) {
		return run.figures(request).map(f -> f.count() / (double) seconds).orElse(Double.NaN);
	}

	private static List<String> allRequestNames(HttpLoadSimulation.Settings settings) {
		List<String> names = new ArrayList<>();
		for (Endpoint e : settings.endpoints()) {
			names.addAll(List.of(e.warmUpName(), e.closedName(), e.openName()));
		}
		names.add(HttpLoadSimulation.FLOOR_AGAIN + " warm-up");
		names.add(HttpLoadSimulation.FLOOR_AGAIN);
		return names;
	}

	/**
	 * No usage analytics sent out, no console summary every 5 s (the report and this table suffice), Java NIO. Gatling reads
	 * system properties over its defaults; refuse to run if the setting did not take.
	 */
	private static void configureGatling() {
		System.setProperty("gatling.data.enableAnalytics", "false");
		System.setProperty("gatling.data.writers.0", "file");
		// Java NIO: the build leaves out Netty's native transports (see pom.xml)
		System.setProperty("gatling.netty.useNativeTransport", "false");
		ConfigFactory.invalidateCaches();
		GatlingConfiguration configuration = GatlingConfiguration.load();
		assertThat(configuration.data().enableAnalytics()).as("Gatling's usage analytics switched off").isFalse();
	}

	/**
	 * Signs the demo staff account in through the login form {@code count} times: one session per concurrent user, as
	 * that many staff at their desks would have (sessions live in PostgreSQL). Returns the {@code SESSION} cookies.
	 */
	private static List<String> signIn(String base, int count) throws Exception {
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			CookieManager cookies = new CookieManager();
			HttpClient client = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
			assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
			String form = "username=" + Endpoint.USER + "&password="
					+ URLEncoder.encode(SignIn.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as("sign-in answer").isEqualTo(302);
			assertThat(login.headers().firstValue("Location").orElse("")).as("sign-in redirect").doesNotContain("error");
			sessions.add(cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("SESSION"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow());
		}
		return sessions;
	}

	/** Before the load: the endpoint answers 200 with what it should show, so no empty page or list is measured. */
	private static void check(String base, Endpoint e, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + e.path()));
		switch (e.caller()) {
			case TOKEN -> request.header("Authorization", "Bearer " + Endpoint.TOKEN);
			case SESSION -> request.header("Cookie", "SESSION=" + session);
			case ANONYMOUS -> {
			}
		}
		HttpResponse<String> answer = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("%s answers", e.path()).isEqualTo(200);
		assertThat(answer.body()).as("%s shows its content", e.path()).containsPattern(e.expect());
	}
}
