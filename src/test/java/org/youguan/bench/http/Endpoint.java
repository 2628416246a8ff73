package org.youguan.bench.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One measured request of {@link HttpLoadBenchmark}: what is asked, as whom, and issue 12's targets for it.
 *
 * @param key short name used for the Gatling request names and {@code -Dbench.http.endpoints}
 * @param label what the table calls it
 * @param path path and query string (already URL-encoded)
 * @param caller who asks: anonymous, a signed-in session (cookie) or an API token
 * @param minRatio the least share of the floor's throughput the target asks for ({@code 0} for the floor itself)
 * @param expect a regular expression the answer must contain, checked once before the load (so that no empty list
 *        or page is measured)
 */
record Endpoint(String key, String label, String path, Caller caller, double minRatio, String expect) {

	/** Issue 12: p99 below 100 ms at 100 requests/s offered, for every endpoint. */
	static final int P99_TARGET_MS = 100;

	/** The API token of the demo account {@code sz.admin} (苏州市邮政管理局 · 办公室). */
	static final String TOKEN = "demo-sz-admin-token";

	/** The signed-in pages are those of the same demo account. */
	static final String USER = "sz.admin";

	enum Caller {
		ANONYMOUS, SESSION, TOKEN
	}

	static final Endpoint FLOOR = new Endpoint("floor", "floor: one JdbcClient row, no security chain", BareFloor.PATH,
			Caller.ANONYMOUS, 0, "320506");

	/** The floor first, then the five requests issue 12 names (the public lookup both as API and as page). */
	static final List<Endpoint> ALL = List.of(FLOOR,
			new Endpoint("public-api", "public outlet lookup API (吴中区)", "/api/v1/public/outlets?region=320506",
					Caller.ANONYMOUS, 0.33, "\"items\":\\[\\{"),
			new Endpoint("public-page", "public lookup page (吴中区)", "/public/lookup?region=320506", Caller.ANONYMOUS,
					0.33, "class=\"list-group-item\">"),
			new Endpoint("complaint-page", "staff complaint queue page (HTML)", "/complaints", Caller.SESSION, 0.33,
					"href=\"/complaints/\\d+\""),
			new Endpoint("complaint-api", "complaint API list, size 20", "/api/v1/complaints?size=20", Caller.TOKEN, 0.33,
					"\"items\":\\[\\{"),
			new Endpoint("outlet-search", "outlet text search “菜鸟”, size 20",
					"/api/v1/outlets?q=" + URLEncoder.encode("菜鸟", StandardCharsets.UTF_8) + "&size=20", Caller.TOKEN,
					0.20, "\"items\":\\[\\{"),
			new Endpoint("dashboard", "dashboard (HTML)", "/", Caller.SESSION, 0.33, "id=\"count-reports\""));

	static Endpoint byKey(String key) {
		return ALL.stream()
			.filter(e -> e.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown endpoint " + key + "; known: "
					+ ALL.stream().map(Endpoint::key).toList()));
	}

	/** Gatling request name of the closed-model throughput phase. */
	String closedName() {
		return key + " closed";
	}

	/** Gatling request name of the open-model latency phase. */
	String openName() {
		return key + " open";
	}

	String warmUpName() {
		return key + " warm-up";
	}
}
