package org.youguan.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load of {@link HttpLoadBenchmark}, one Gatling run with phases one after another ({@code andThen}): a warm-up over
 * all endpoints in turn (so that the JIT has compiled the shared path before the floor is measured), then for each
 * endpoint a warm-up of its own, both kept running until the JIT stops compiling under their load
 * ({@link JitUnderLoad}), a wait until the JIT has compiled what the warm-ups queued ({@link JitSettling}),
 * its closed-model throughput phase (with the compilation time inside it printed) ({@code users}
 * concurrent users, each sending its next request as soon as the previous answered, for {@code seconds}) and its
 * open-model latency phase ({@code rate} new requests per second whatever the answers, for {@code seconds}); at the end
 * the floor's throughput once more, to show how much the machine drifted during the run. Every request must answer 200
 * (redirects are not followed, so a lost session shows as an error). Connections are kept alive and shared, as a
 * browser or a client library does. Settings come from system properties set by the benchmark ({@code bench.http.*}).
 */
public class HttpLoadSimulation extends Simulation {

	/** Name of the floor's second throughput phase at the end of the run. */
	static final String FLOOR_AGAIN = "floor again closed";

	public HttpLoadSimulation() {
		Settings settings = Settings.fromSystemProperties();
		List<Map<String, Object>> sessions = settings.sessions().stream().map(s -> Map.<String, Object>of("session", s)).toList();
		FeederBuilder<Object> feeder = listFeeder(sessions).circular();
		HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
			.shareConnections()
			.disableFollowRedirect()
			.disableWarmUp()
			.disableCaching()
			.disableUrlEncoding()
			.acceptEncodingHeader("gzip, deflate")
			.userAgentHeader("youguan-http-benchmark");

		List<PopulationBuilder> phases = new ArrayList<>();
		ChainBuilder warmAll = exec(settings.endpoints().stream().map(e -> exec(request(e, e.warmUpName()))).toList());
		phases.add(warmUp("all endpoints", warmAll, feeder, settings.users(), settings.warmUpAllSeconds(),
				settings.warmUpMaxSeconds()));
		phases.add(settle("the first endpoint", settings.settleSeconds()));
		for (Endpoint e : settings.endpoints()) {
			phases.add(warmUp(e.warmUpName() + " alone", request(e, e.warmUpName()), feeder, settings.users(),
					settings.warmUpSeconds(), settings.warmUpMaxSeconds()));
			phases.add(settle(e.closedName(), settings.settleSeconds()));
			JitUnderLoad.PhaseCompilation compilation = new JitUnderLoad.PhaseCompilation(e.closedName());
			phases.add(mark("start of " + e.closedName(), compilation::start));
			phases.add(closed(e.closedName(), request(e, e.closedName()), feeder, settings.users(), settings.seconds()));
			phases.add(mark("end of " + e.closedName(), compilation::end));
			phases.add(scenario(e.openName()).feed(feeder)
				.exec(request(e, e.openName()))
				.injectOpen(constantUsersPerSec(settings.rate()).during(Duration.ofSeconds(settings.seconds()))));
		}
		if (settings.endpoints().contains(Endpoint.FLOOR)) {
			phases.add(warmUp(FLOOR_AGAIN + " warm-up", request(Endpoint.FLOOR, FLOOR_AGAIN + " warm-up"), feeder,
					settings.users(), settings.warmUpSeconds(), settings.warmUpMaxSeconds()));
			phases.add(settle(FLOOR_AGAIN, settings.settleSeconds()));
			JitUnderLoad.PhaseCompilation compilation = new JitUnderLoad.PhaseCompilation(FLOOR_AGAIN);
			phases.add(mark("start of " + FLOOR_AGAIN, compilation::start));
			phases.add(closed(FLOOR_AGAIN, request(Endpoint.FLOOR, FLOOR_AGAIN), feeder, settings.users(),
					settings.seconds()));
			phases.add(mark("end of " + FLOOR_AGAIN, compilation::end));
		}
		PopulationBuilder run = phases.get(phases.size() - 1);
		for (int i = phases.size() - 2; i >= 0; i--) {
			run = phases.get(i).andThen(run);
		}
		setUp(run).protocols(protocol);
	}

	/**
	 * Closed model: {@code users} virtual users started at once, each sending the request again as soon as it answered,
	 * for {@code seconds} (like {@code wrk -c16}).
	 */
	private static PopulationBuilder closed(String name, ChainBuilder request, FeederBuilder<Object> feeder,
			int users, int seconds) {
		return scenario(name).feed(feeder)
			.during(Duration.ofSeconds(seconds))
			.on(exec(request))
			.injectOpen(atOnceUsers(users));
	}

	/**
	 * Warm-up under load: {@code users} virtual users sending {@code requests} back to back, as in the measured phase,
	 * until the JIT has stopped compiling under that load ({@link JitUnderLoad}: a 5 s round adds less than 100 ms of
	 * compilation), at least {@code minSeconds} and at most {@code maxSeconds}.
	 */
	private static PopulationBuilder warmUp(String name, ChainBuilder requests, FeederBuilder<Object> feeder, int users,
			int minSeconds, int maxSeconds) {
		JitUnderLoad jit = new JitUnderLoad(name, minSeconds, maxSeconds);
		return scenario("warm-up, " + name).feed(feeder)
			.asLongAs(session -> jit.keepWarming())
			.on(requests)
			.injectOpen(atOnceUsers(users));
	}

	/** One virtual user, no request: runs {@code action} between two phases. */
	private static PopulationBuilder mark(String name, Runnable action) {
		return scenario("mark " + name).exec(session -> {
			action.run();
			return session;
		}).injectOpen(atOnceUsers(1));
	}

	/** One virtual user waiting, without requests, until the JIT has settled ({@link JitSettling}). */
	private static PopulationBuilder settle(String before, int maxSeconds) {
		JitSettling jit = new JitSettling(before, maxSeconds);
		return scenario("JIT settles before " + before)
			.exec(asLongAs(session -> jit.stillCompiling()).on(pause(Duration.ofSeconds(1))))
			.injectOpen(atOnceUsers(1));
	}

	/**
	 * One request of {@code e}. A signed-in page's session goes into the virtual user's cookie jar (Gatling keeps the
	 * cookies a response sets, such as the CSRF token's, and a hand-written {@code Cookie} header would be replaced by
	 * them: the session lost, a 302 to the sign-in page).
	 */
	private static ChainBuilder request(Endpoint e, String name) {
		HttpRequestActionBuilder request = http(name).get(e.path()).check(status().is(200));
		return switch (e.caller()) {
			case ANONYMOUS -> exec(request);
			case TOKEN -> exec(request.header("Authorization", "Bearer " + Endpoint.TOKEN).header("Accept", "application/json"));
			case SESSION -> exec(addCookie(Cookie("SESSION", "#{session}"))).exec(request.header("Accept", "text/html"));
		};
	}

	/** What the benchmark hands the simulation. */
	record Settings(String baseUrl, List<String> sessions, List<Endpoint> endpoints, int users, int rate, int seconds,
			int warmUpSeconds, int warmUpAllSeconds, int warmUpMaxSeconds, int settleSeconds) {

		static final String PREFIX = "bench.http.";

		static Settings fromSystemProperties() {
			return new Settings(System.getProperty(PREFIX + "baseUrl"),
					List.of(System.getProperty(PREFIX + "sessions").split(",")),
					List.of(System.getProperty(PREFIX + "endpoints").split(",")).stream().map(Endpoint::byKey).toList(),
					Integer.getInteger(PREFIX + "users"), Integer.getInteger(PREFIX + "rate"),
					Integer.getInteger(PREFIX + "seconds"), Integer.getInteger(PREFIX + "warmUpSeconds"),
					Integer.getInteger(PREFIX + "warmUpAllSeconds"), Integer.getInteger(PREFIX + "warmUpMaxSeconds"),
					Integer.getInteger(PREFIX + "settleSeconds"));
		}

		void toSystemProperties() {
			System.setProperty(PREFIX + "baseUrl", baseUrl);
			System.setProperty(PREFIX + "sessions", String.join(",", sessions));
			System.setProperty(PREFIX + "endpoints", String.join(",", endpoints.stream().map(Endpoint::key).toList()));
			System.setProperty(PREFIX + "users", Integer.toString(users));
			System.setProperty(PREFIX + "rate", Integer.toString(rate));
			System.setProperty(PREFIX + "seconds", Integer.toString(seconds));
			System.setProperty(PREFIX + "warmUpSeconds", Integer.toString(warmUpSeconds));
			System.setProperty(PREFIX + "warmUpAllSeconds", Integer.toString(warmUpAllSeconds));
			System.setProperty(PREFIX + "warmUpMaxSeconds", Integer.toString(warmUpMaxSeconds));
			System.setProperty(PREFIX + "settleSeconds", Integer.toString(settleSeconds));
		}
	}
}
