package org.youguan.platform;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 4 (duties): after some 240 pages the log said {@code MaximumAllowableTagsMeterFilter} — "Reached the maximum
 * number of 'uri' tags for 'http.server.requests'". The {@code uri} tag is the route's template (Spring MVC's best
 * matching pattern, {@code /workplans/tasks/{id}}; no pattern gives REDIRECTION, NOT_FOUND or UNKNOWN — never a raw
 * path), so the tags are bounded by the routes the application declares; but it declares several hundred, and Boot's
 * default cap is 100: from the 101st route visited, every further page went unmeasured. The cap is set from the routes
 * ({@code management.metrics.web.server.max-uri-tags}); this test keeps it above every route template the application
 * has, so adding routes past it fails here, not silently in production.
 */
@IntegrationTest
class RequestMetricsUriTagsIntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MeterRegistry registry;

	@Autowired
	MetricsProperties metrics;

	/** Every route template of the application's controllers (pages and API). */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> routes.addAll(info.getPatternValues()));
		return routes;
	}

	@Test
	void theUriTagCapHoldsEveryRouteTemplateWithRoomForStaticResourcesAndStatusTags() {
		Set<String> routes = routes();
		assertThat(routes).hasSizeGreaterThan(100);
		// static resources (/webjars/**, /css/**…) and the status tags (REDIRECTION, NOT_FOUND, UNKNOWN, root) besides
		assertThat(metrics.getWeb().getServer().getMaxUriTags()).isGreaterThanOrEqualTo(routes.size() + 20);
	}

	@Test
	void aRequestTimerOfEveryRouteIsRegisteredNotDeniedByTheTagFilter() {
		List<String> denied = routes().stream().filter(uri -> {
			Timer timer = Timer.builder("http.server.requests").tag("uri", uri).tag("method", "GET").tag("status", "200")
				.tag("outcome", "SUCCESS").tag("exception", "none").register(registry);
			timer.record(java.time.Duration.ofMillis(1));
			return registry.find("http.server.requests").tag("uri", uri).timer() == null;
		}).toList();
		assertThat(denied).as("routes whose request timer the uri tag cap denied").isEmpty();
	}
}
