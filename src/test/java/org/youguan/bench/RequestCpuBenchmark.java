package org.youguan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The application's CPU per request of the endpoints issue 12's HTTP benchmark misses, measured on one thread through
 * MockMvc (the security chain, the controller, the row mapping, Jackson or Thymeleaf — without Tomcat and without
 * PostgreSQL's own time): the calling thread's CPU time per request, which other processes on the machine barely move,
 * unlike throughput. For comparing a change with what it replaces (run both on one machine); the benchmark proper is
 * {@code http.HttpLoadBenchmark}.
 *
 * <p>
 * Run: {@code ./mvnw -o test -Dtest=RequestCpuBenchmark} ({@code -Dbench.cpu.requests=3000} measured after as many
 * warm-up requests per endpoint).
 */
@IntegrationTest
class RequestCpuBenchmark {

	@Autowired
	MockMvc mvc;

	record Measured(String name, RequestBuilder request) {
	}

	@Test
	void cpuPerRequest() throws Exception {
		int n = Integer.getInteger("bench.cpu.requests", 3000);
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		String token = "Bearer demo-sz-admin-token";
		List<Measured> all = List.of(new Measured("staff complaint queue page", get("/complaints").session(session)),
				new Measured("complaint API list, size 20", get("/api/v1/complaints").param("size", "20")
					.header("Authorization", token)),
				new Measured("outlet text search 菜鸟, size 20", get("/api/v1/outlets").param("q", "菜鸟")
					.param("size", "20")
					.header("Authorization", token)),
				new Measured("dashboard", get("/").session(session)));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		StringBuilder table = new StringBuilder("\n| request | CPU ms/req | wall ms/req |\n|---|---|---|\n");
		for (Measured m : all) {
			for (int i = 0; i < n; i++) {
				assertThat(mvc.perform(m.request()).andReturn().getResponse().getStatus()).as(m.name()).isEqualTo(200);
			}
			long cpu = threads.getCurrentThreadCpuTime();
			long wall = System.nanoTime();
			for (int i = 0; i < n; i++) {
				mvc.perform(m.request());
			}
			table.append("| %s | %.3f | %.3f |%n".formatted(m.name(), (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n,
					(System.nanoTime() - wall) / 1e6 / n));
		}
		System.out.println(table);
	}
}
