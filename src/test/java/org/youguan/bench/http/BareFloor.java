package org.youguan.bench.http;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of {@link HttpLoadBenchmark}: a bare endpoint in the same application context (same Tomcat, servlet filters,
 * pool and database) that reads one row with {@link JdbcClient} and answers it as JSON, with Spring Security's filter
 * chain switched off for its path. Test sources only, registered by the benchmark's own {@code @Import}: the application
 * never has this endpoint, and the other tests' component scans skip it (a {@code @TestConfiguration} and its nested
 * classes are excluded from scanning).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(BareFloor.FloorController.class)
class BareFloor {

	static final String PATH = "/bench/floor";

	/** No security filter chain at all for the floor: what a request costs without the application's own work. */
	@Bean
	WebSecurityCustomizer benchFloorOutsideSecurity() {
		return web -> web.ignoring().requestMatchers(PATH);
	}

	/** One row by primary key, mapped by hand. */
	record Region(String code, String name) {
	}

	@RestController
	static class FloorController {

		private final JdbcClient jdbc;

		FloorController(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping(PATH)
		Region floor() {
			return jdbc.sql("SELECT code, name FROM region WHERE code = ?")
				.param("320506")
				.query((rs, n) -> new Region(rs.getString(1), rs.getString(2)))
				.single();
		}
	}
}
