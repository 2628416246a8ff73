package org.youguan.safety.internal.kafka;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.youguan.IntegrationTest;
import org.youguan.TestDatabase;
import org.youguan.YouGuanApplication;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.safety.internal.ParcelBatchAnswer;
import org.youguan.safety.internal.ParcelIngest;
import org.youguan.safety.internal.SenderCountyFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The duplicate-waybill rule on the scale-out path: two full YouGuan nodes with the Kafka transport (one consumer group
 * on an embedded KRaft broker, each node consuming its share of the partitions into the real Parquet sink and
 * PostgreSQL rollups) take in, at the same moment, two batches of one enterprise that share 1,000 waybills — one
 * batch on each node. Every shared waybill is taken in by exactly one of them and refused as a duplicate by the other,
 * the rollups count every waybill once once the consumers are done, and a batch repeated on the other node answers its
 * first answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDuplicateWaybillsIntegrationTest {

	static final String ID = "11010519491231002X";

	EmbeddedKraftBroker broker;

	ConfigurableApplicationContext a;

	ConfigurableApplicationContext b;

	@BeforeAll
	void start() throws Exception {
		broker = EmbeddedKraftBroker.start();
		String run = UUID.randomUUID().toString().substring(0, 8);
		a = node("dup-a", run);
		b = node("dup-b", run);
		await().atMost(Duration.ofSeconds(60)).until(() -> assigned(a) > 0 && assigned(b) > 0 && assigned(a) + assigned(b) == 4);
	}

	@AfterAll
	void stop() throws Exception {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { b, a }) {
			if (node != null) {
				node.close();
			}
		}
		if (broker != null) {
			broker.close();
		}
	}

	ConfigurableApplicationContext node(String name, String run) {
		return new SpringApplicationBuilder(YouGuanApplication.class, IntegrationTest.Clocks.class).run("--server.port=0",
				"--youguan.node-name=" + name, "--youguan.db.url=" + TestDatabase.url("postgres"),
				"--youguan.db.user=postgres", "--youguan.db.password=" + TestDatabase.password(), "--youguan.demo=true",
				"--youguan.data-dir=target/test-data", "--spring.main.banner-mode=off", "--youguan.safety.transport=kafka",
				"--youguan.safety.consumer-group=youguan-dup-" + run,
				"--youguan.safety.kafka.bootstrap-servers=" + broker.bootstrapServers(),
				"--youguan.safety.kafka.topic=parcels-dup-" + run, "--youguan.safety.kafka.partitions=4",
				"--youguan.safety.kafka.replication=1", "--youguan.safety.kafka.send-timeout=PT10S",
				"--youguan.safety.chunk-records=500");
	}

	@SuppressWarnings("unchecked")
	static int assigned(ConfigurableApplicationContext node) {
		var container = (ConcurrentMessageListenerContainer<String, ?>) node.getBean("safetyParcelListenerContainer");
		return container.getAssignedPartitions().size();
	}

	@Test
	void twoNodesTakingInOverlappingBatchesAtOnceCountEachWaybillOnce() throws Exception {
		EnterpriseView shunfeng = a.getBean(Enterprises.class)
			.findByCreditCode(a.getBean(UserDirectory.class).principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		// sf.wz ships from Beijing too (rule region-scope): both nodes know its branch there
		SenderCountyFixture.branchIn(a, shunfeng.id(), "110105");
		SenderCountyFixture.branchIn(b, shunfeng.id(), "110105");
		long before = parcels(jdbc, shunfeng.id());
		Instant at = a.getBean(Clock.class).instant().minus(Duration.ofHours(2));
		String prefix = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "-";
		// batch one: waybills 0–2999, batch two: 2000–4999 (1,000 shared), in two provinces so both go to several
		// partitions
		String one = body(prefix, 0, 3000, at);
		String two = body(prefix, 2000, 5000, at);
		String batchOne = "kdup-1-" + prefix;
		String batchTwo = "kdup-2-" + prefix;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		ParcelBatchAnswer first;
		ParcelBatchAnswer second;
		try {
			Future<ParcelBatchAnswer> onA = pool.submit(() -> upload(a, shunfeng, batchOne, one));
			Future<ParcelBatchAnswer> onB = pool.submit(() -> upload(b, shunfeng, batchTwo, two));
			first = onA.get();
			second = onB.get();
		}
		finally {
			pool.shutdown();
		}
		assertThat(first.accepted() + second.accepted()).as("5,000 distinct waybills").isEqualTo(5_000);
		assertThat(first.rejected() + second.rejected()).as("the 1,000 shared ones, refused once").isEqualTo(1_000);
		assertThat(List.of(first, second)).flatMap(ParcelBatchAnswer::errors)
			.allSatisfy(e -> assertThat(e.code()).isEqualTo("duplicate"));
		// the consumers of both nodes store the chunks; the rollups count every waybill once
		await().atMost(Duration.ofSeconds(60)).until(() -> parcels(jdbc, shunfeng.id()) - before == 5_000);

		// each batch repeated on the other node: its first answer, nothing counted again
		assertThat(upload(b, shunfeng, batchOne, one)).isEqualTo(first);
		assertThat(upload(a, shunfeng, batchTwo, two)).isEqualTo(second);
		// and it stays so while the consumers would have stored a repeated chunk
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> parcels(jdbc, shunfeng.id()) - before == 5_000);
	}

	static ParcelBatchAnswer upload(ConfigurableApplicationContext node, EnterpriseView enterprise, String batch,
			String body) {
		return node.getBean(ParcelIngest.class)
			.ingest(enterprise, batch, ParcelIngest.Format.NDJSON,
					new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
			.answer();
	}

	static long parcels(JdbcClient jdbc, long enterprise) {
		return jdbc.sql("SELECT coalesce(sum(parcels), 0) FROM safety_parcel_hour WHERE enterprise_id = :e")
			.param("e", enterprise).query(Long.class).single();
	}

	static String body(String prefix, int from, int to, Instant at) {
		StringBuilder body = new StringBuilder();
		for (int i = from; i < to; i++) {
			body.append("{\"waybillNumber\":\"").append(prefix).append(i).append("\",\"acceptedAt\":\"")
				.append(at.plusSeconds(i)).append("\",\"senderIdType\":\"居民身份证\",\"senderIdNumber\":\"").append(ID)
				.append("\",\"senderRegion\":\"").append(i % 2 == 0 ? "320506" : "110105")
				.append("\",\"recipientRegion\":\"110105\",\"itemCategory\":\"服装\",\"weightGrams\":800,")
				.append("\"realNameMethod\":\"现场查验\",\"inspected\":true,\"screened\":false}\n");
		}
		return body.toString();
	}
}
