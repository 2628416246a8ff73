package org.youguan.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.Group;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import scala.Function1;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads a finished Gatling run back from its {@code simulation.log} with Gatling's own reader (the one its HTML report
 * uses), so the benchmark prints the counts and percentiles the report would show. The benchmark writes no HTML report:
 * Gatling 3.16 draws it with its Highcharts module, whose licence is not open source, and writes no JSON statistics any
 * more. This reader is internal API of {@code gatling-charts} (Apache 2.0), pinned by {@code gatling.version}.
 */
final class GatlingResults {

	private final Path runDirectory;

	private final LogFileData data;

	private GatlingResults(Path runDirectory, LogFileData data) {
		this.runDirectory = runDirectory;
		this.data = data;
	}

	/** The newest run under {@code resultsDirectory}. */
	static GatlingResults readLatest(Path resultsDirectory) {
		Path run;
		try (Stream<Path> runs = Files.list(resultsDirectory)) {
			run = runs.filter(p -> Files.exists(p.resolve("simulation.log")))
				.max(Comparator.comparing(p -> p.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException("no Gatling run under " + resultsDirectory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LogFileData data = LogFileReader.apply(run.getFileName().toString(), resultsDirectory, GatlingConfiguration.load())
			.read();
		return new GatlingResults(run, data);
	}

	Path runDirectory() {
		return runDirectory;
	}

	/** Figures of one request name: all answers, failed answers, and response-time percentiles in ms. */
	record Figures(long count, long failed, int p50, int p95, int p99, int max) {
	}

	Optional<Figures> figures(String request) {
		Option<Group> anyGroup = Option.empty();
		Option<Status> anyStatus = Option.empty();
		Option<GeneralStats> all = data.requestGeneralStats(Option.apply(request), anyGroup, anyStatus);
		if (all.isEmpty()) {
			return Optional.empty();
		}
		GeneralStats stats = all.get();
		Option<Status> ko = Option.apply(KO$.MODULE$);
		Option<GeneralStats> failed = data.requestGeneralStats(Option.apply(request), anyGroup, ko);
		long failedCount = failed.isEmpty() ? 0 : failed.get().count();
		return Optional.of(new Figures(stats.count(), failedCount, percentile(stats, 50), percentile(stats, 95),
				percentile(stats, 99), stats.max()));
	}

	/** Gatling's error messages over the whole run with their counts ("status.find.is(200), but actually found 500"). */
	List<String> errors() {
		Option<String> anyRequest = Option.empty();
		Option<Group> anyGroup = Option.empty();
		return CollectionConverters.asJava(data.errors(anyRequest, anyGroup))
			.stream()
			.map(e -> e.count() + " × " + e.message())
			.toList();
	}

	private static int percentile(GeneralStats stats, double rank) {
		Function1<Object, Object> percentile = stats.percentile();
		return (Integer) percentile.apply(rank);
	}
}
