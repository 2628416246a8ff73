package org.youguan.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The application's CPU per request of the endpoints issue 12's HTTP benchmark misses, measured on one thread through
 * MockMvc (the security chain, the controller, the row mapping, Jackson or Thymeleaf — without Tomcat and without
 * PostgreSQL's own time): the calling thread's CPU time per request, which other processes on the machine barely move,
 * unlike throughput. For comparing a change with what it replaces (run both on one machine); the benchmark proper is
 * {@code http.HttpLoadBenchmark}. The requests go through a MockMvc without the test support's per-request work
 * ({@link #bare()}), so figures from before 2026-12-02 (branch {@code h/perf9}) are higher and not comparable.
 *
 * <p>
 * Run: {@code ./mvnw -o test -Dtest=RequestCpuBenchmark} ({@code -Dbench.cpu.requests=3000} measured after as many
 * warm-up requests per endpoint; {@code -Dbench.cpu.only=dashboard} measures only the endpoints whose name holds one of
 * the comma-separated words). Each measured phase prints its start and end instant, so that a flight recording of the
 * run ({@code -Pbench -Dbench.jvm.args=-XX:StartFlightRecording=…}) can be cut into the endpoints' phases.
 */
@IntegrationTest
// the public page answers beyond the anonymous per-minute limit, as in the HTTP benchmark
@TestPropertySource(properties = { "spring.test.mockmvc.print=none", "youguan.public.requests-per-minute=2000000000" })
class RequestCpuBenchmark {

	/**
	 * What MockMvc adds to a request that Tomcat does not, taken out of the measurement (issue 12, flight recording of
	 * this benchmark): Spring Boot formats every request and response, model included, for printing should the test
	 * fail (above: no printing); and MockMvc's response stream stores a body one synchronized byte at a time — 56 % of
	 * the complaint API's CPU here. The body goes to a stream that drops it, whole arrays at a time, as Tomcat's
	 * buffer takes them; what the application does to produce it (Jackson, Thymeleaf, the encoder) is still measured.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DroppedBodies {

		@Bean
		MockMvcBuilderCustomizer dropBodies() {
			return builder -> builder.addFilters(DroppedBodies::dropBody);
		}

		/** Passes the request on with a response whose body goes nowhere, whole arrays at a time. */
		static void dropBody(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {

				private final ServletOutputStream out = new ServletOutputStream() {

					@Override
					public void write(int b) {
					}

					@Override
					public void write(byte[] b, int off, int len) {
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
					}
				};

				private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));

				@Override
				public ServletOutputStream getOutputStream() {
					return out;
				}

				@Override
				public PrintWriter getWriter() {
					return writer;
				}
			});
		}
	}

	/**
	 * MockMvc as the application's servlet filters and dispatcher make it, and nothing of the test support (from
	 * 2026-12-02, branch {@code h/perf9}): the auto-configured MockMvc adds Spring Security's test context
	 * post-processor (a bean lookup by type per request), the test cookie jar ({@code SessionCookieJar}, a stream over
	 * the cookies per request) and Boot's buffered printing of every exchange — in a flight recording of 20,000
	 * requests 70 % of the complaint API's samples and about half of the queue page's. Sessions go as the
	 * {@code SESSION} cookie, as a browser sends them.
	 */
	private MockMvc bare() {
		var builder = MockMvcBuilders.webAppContextSetup(context);
		var boot = new SpringBootMockMvcBuilderCustomizer(context);
		boot.setPrint(MockMvcPrint.NONE);
		boot.customize(builder);
		return builder.addFilters(DroppedBodies::dropBody).build();
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	MockMvc mvc;

	record Measured(String name, RequestBuilder request) {
	}

	@Test
	void cpuPerRequest() throws Exception {
		int n = Integer.getInteger("bench.cpu.requests", 3000);
		MockMvc bare = bare();
		Cookie session = mvc
			.perform(post("/login").param("username", "sz.admin").param("password", SignIn.DEMO_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("signed in").isNotNull();
		String token = "Bearer demo-sz-admin-token";
		List<Measured> all = List.of(new Measured("staff complaint queue page", get("/complaints").cookie(session)),
				new Measured("complaint API list, size 20", get("/api/v1/complaints").param("size", "20")
					.header("Authorization", token)),
				new Measured("outlet text search 菜鸟, size 20", get("/api/v1/outlets").param("q", "菜鸟")
					.param("size", "20")
					.header("Authorization", token)),
				new Measured("dashboard", get("/").cookie(session)),
				new Measured("public lookup page 吴中区", get("/public/lookup").param("region", "320506")));
		List<String> only = List.of(System.getProperty("bench.cpu.only", "").split(","));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		StringBuilder table = new StringBuilder("\n| request | CPU ms/req | wall ms/req |\n|---|---|---|\n");
		for (Measured m : all) {
			if (!only.equals(List.of("")) && only.stream().noneMatch(m.name()::contains)) {
				continue;
			}
			for (int i = 0; i < n; i++) {
				assertThat(bare.perform(m.request()).andReturn().getResponse().getStatus()).as(m.name()).isEqualTo(200);
			}
			Instant start = Instant.now();
			long cpu = threads.getCurrentThreadCpuTime();
			long wall = System.nanoTime();
			for (int i = 0; i < n; i++) {
				bare.perform(m.request());
			}
			table.append("| %s | %.3f | %.3f |%n".formatted(m.name(), (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n,
					(System.nanoTime() - wall) / 1e6 / n));
			System.out.printf("phase %s %s %s%n", m.name().replace(' ', '_'), start, Instant.now());
		}
		System.out.println(table);
	}
}
