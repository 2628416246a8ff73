package org.youguan.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelSink;
import org.youguan.safety.internal.ParcelTransport;
import org.youguan.safety.internal.kafka.EmbeddedKraftBroker;
import org.youguan.safety.internal.kafka.ParcelChunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17 scale-out: what the Kafka transport costs per chunk. Full 5,000-record chunks are uploaded by two threads
 * (two concurrent uploads), each {@code send} waiting for the brokers' acknowledgement as the ingestion API does,
 * (ordinary records, random 64-hex pseudonyms as the HMACs are) through an embedded KRaft broker (one broker on this machine, 8 partitions) to one node's listener container
 * (2 consumers) and a sink that does no work but stays idempotent (a set of chunk keys) — so the figure is the
 * transport alone: encoding, zstd, the broker, decoding. In the same run, the direct transport (one node: the upload
 * hands the chunk to the same sink) is the floor. Each after a 20-chunk warm-up.
 * Run: {@code ./mvnw -Pbench test -Dtest=KafkaTransportBenchmark}.
 */
class KafkaTransportBenchmark {

	static final int CHUNKS = 200;

	static final int WARM_UP = 20;

	static final int UPLOADERS = 2;

	@Test
	void chunksPerSecondThroughKafkaAgainstDirect() throws Exception {
		ParcelChunk template = realistic(ParcelChunks.chunk(301, "32", "bench", 0, 5_000));
		NoOpIdempotentSink sink = new NoOpIdempotentSink();
		try (EmbeddedKraftBroker broker = EmbeddedKraftBroker.start();
				ConfigurableApplicationContext node = new SpringApplicationBuilder(BenchNode.class)
					.web(WebApplicationType.NONE)
					.initializers(c -> c.getBeanFactory().registerSingleton("parcelSink", sink))
					.run("--spring.main.banner-mode=off", "--youguan.data-dir=target/test-data",
							"--youguan.safety.transport=kafka", "--youguan.safety.consumer-group=bench",
							"--youguan.safety.kafka.bootstrap-servers=" + broker.bootstrapServers(),
							"--youguan.safety.kafka.partitions=8", "--youguan.safety.kafka.replication=1",
							"--youguan.safety.kafka.concurrency=2")) {
			ParcelTransport kafka = node.getBean(ParcelTransport.class);
			ParcelTransport direct = sink::store;

			run(kafka, sink, template, "warm-kafka", WARM_UP);
			run(direct, sink, template, "warm-direct", WARM_UP);
			long[] viaKafka = run(kafka, sink, template, "kafka", CHUNKS);
			long[] directly = run(direct, sink, template, "direct", CHUNKS);

			long records = (long) CHUNKS * template.records().size();
			double kafkaPerSecond = CHUNKS * 1e9 / viaKafka[1];
			double directPerSecond = CHUNKS * 1e9 / directly[1];
			System.out.printf("%nBENCH kafka transport: %d chunks of %d records (%d records), %d uploaders%n"
					+ "  kafka:  all acknowledged in %d ms, all stored in %d ms = %.0f chunks/s = %.0f records/s%n"
					+ "  direct: all stored in %d ms = %.0f chunks/s = %.0f records/s%n"
					+ "  ratio direct / kafka: %.1f%n%n", CHUNKS, template.records().size(), records, UPLOADERS,
					viaKafka[0] / 1_000_000, viaKafka[1] / 1_000_000, kafkaPerSecond, kafkaPerSecond * template.records().size(),
					directly[1] / 1_000_000, directPerSecond, directPerSecond * template.records().size(),
					directPerSecond / kafkaPerSecond);
			assertThat(sink.keys).hasSize(2 * (WARM_UP + CHUNKS));
		}
	}

	/** The chunk with random pseudonyms, as HMACs are: they do not compress. */
	static ParcelChunk realistic(ParcelChunk chunk) {
		Random random = new Random(17);
		HexFormat hex = HexFormat.of();
		return new ParcelChunk(chunk.key(), chunk.enterpriseId(), chunk.province(), chunk.records().stream().map(r -> {
			byte[] hmac = new byte[32];
			random.nextBytes(hmac);
			return new ParcelRecord(r.enterpriseId(), r.waybillNumber(), r.acceptedAt(), r.senderIdType(),
					r.senderIdPseudonym() == null ? null : hex.formatHex(hmac), r.senderRegion(), r.recipientRegion(),
					r.itemCategory(), r.weightGrams(), r.realNameMethod(), r.inspected(), r.screened(),
					r.screeningMachineSerial(), r.outletFilingNumber(), r.courierId());
		}).toList());
	}

	/** Sends {@code count} chunks (new keys, the template's records) from the uploaders; nanos to acknowledged, stored. */
	static long[] run(ParcelTransport transport, NoOpIdempotentSink sink, ParcelChunk template, String label, int count)
			throws Exception {
		int before = sink.keys.size();
		ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
		try {
			long start = System.nanoTime();
			List<Future<?>> uploads = new ArrayList<>();
			for (int u = 0; u < UPLOADERS; u++) {
				int uploader = u;
				uploads.add(uploaders.submit(() -> {
					for (int i = uploader; i < count; i += UPLOADERS) {
						transport.send(new ParcelChunk(template.enterpriseId() + ":" + label + ":" + template.province()
								+ ":" + i, template.enterpriseId() + i % 16, template.province(), template.records()));
					}
				}));
			}
			for (Future<?> upload : uploads) {
				upload.get();
			}
			long acknowledged = System.nanoTime() - start;
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5))
				.until(() -> sink.keys.size() == before + count);
			return new long[] { acknowledged, System.nanoTime() - start };
		}
		finally {
			uploaders.shutdownNow();
		}
	}

	/** A node with only the Kafka transport configuration (package-private, hence found by name). */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "org.youguan.safety.internal.kafka", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = "org\\.youguan\\.safety\\.internal\\.kafka\\.KafkaTransportConfiguration"))
	static class BenchNode {
	}

	/** Stores nothing, but skips a key it has seen, as the real sink does. */
	static final class NoOpIdempotentSink implements ParcelSink {

		final Set<String> keys = ConcurrentHashMap.newKeySet();

		@Override
		public boolean store(ParcelChunk chunk) {
			return keys.add(chunk.key());
		}
	}
}
