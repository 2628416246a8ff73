package org.youguan.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.youguan.YouGuanApplication;

/**
 * Start-up time and heap after start, measured against a baseline taken in the same run on the same machine: a bare
 * Spring Boot application with no database and no web server. Run with {@code ./mvnw -Pbench test}; the figures are
 * recorded in docs/performance.md. The baseline has no auto-configuration at all. Each measured start is a warm start on an existing data directory (the embedded
 * database already initialised and the demo city loaded), which is what an operator sees after the first start.
 */
class StartupBenchmark {

	static final int RUNS = 3;

	@Configuration(proxyBeanMethods = false)
	static class Baseline {
	}

	@Test
	void startUpAndHeap() throws Exception {
		Path data = Files.createTempDirectory("youguan-bench");
		long first = start(() -> SpringApplication.run(YouGuanApplication.class, "--server.port=0",
				"--youguan.data-dir=" + data));
		double baseline = 0;
		double youguan = 0;
		long heap = 0;
		for (int i = 0; i < RUNS; i++) {
			baseline += start(() -> new SpringApplicationBuilder(Baseline.class)
				.web(WebApplicationType.NONE)
				.properties("spring.boot.enableautoconfiguration=false")
				.run());
			long[] heapAfter = { 0 };
			youguan += start(() -> {
				var ctx = SpringApplication.run(YouGuanApplication.class, "--server.port=0", "--youguan.data-dir=" + data);
				System.gc();
				heapAfter[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				return ctx;
			});
			heap = Math.max(heap, heapAfter[0]);
		}
		baseline /= RUNS;
		youguan /= RUNS;
		System.out.printf("%nBENCH startup first start (initdb + Flyway + demo city): %d ms%n", first);
		System.out.printf("BENCH startup warm: %.0f ms, baseline bare Spring Boot: %.0f ms, ratio %.1f%n", youguan,
				baseline, youguan / baseline);
		System.out.printf("BENCH heap used after start and GC: %.0f MiB%n%n", heap / 1024.0 / 1024.0);
	}

	interface Starter {

		ConfigurableApplicationContext run() throws Exception;

	}

	static long start(Starter starter) throws Exception {
		long t0 = System.nanoTime();
		ConfigurableApplicationContext ctx = starter.run();
		long ms = (System.nanoTime() - t0) / 1_000_000;
		ctx.close();
		return ms;
	}
}
