package org.youguan.safety.internal.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.youguan.TestDatabase;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelSink;
import org.youguan.safety.internal.ParcelTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out path end to end: an embedded KRaft Kafka broker, two YouGuan "nodes" (two application contexts with the
 * Kafka transport configuration, in one consumer group) and a sink that stores idempotently in real PostgreSQL
 * ({@link IdempotentPostgresTestSink}). A stream of chunks from several enterprises and provinces is consumed by both;
 * one node is lost mid-stream — it stored a chunk and never acknowledged it, and stops polling — and the totals in
 * PostgreSQL must still equal what was sent: nothing lost, nothing counted twice. Also: a chunk sent again is skipped,
 * an unreadable message goes to the dead-letter topic without blocking its partition or reaching the log, and a full
 * 5,000-record chunk travels intact.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaScaleOutIntegrationTest {

	static final String DATABASE = "safety_kafka_test";

	static final long[] ENTERPRISES = { 101, 102, 103, 104, 105, 106 };

	static final String[] PROVINCES = { "32", "33", "44" };

	static final int CHUNKS_PER_STREAM = 8;

	static final String CLEAR_ID = "110101199003078515";

	static EmbeddedKraftBroker broker;

	static HikariDataSource dataSource;

	static JdbcClient jdbc;

	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	final List<NodeSink> sinks = new ArrayList<>();

	String topic;

	String group;

	@BeforeAll
	static void startBrokerAndDatabase() throws Exception {
		broker = EmbeddedKraftBroker.start();
		try (Connection admin = DriverManager.getConnection(TestDatabase.url("postgres"), "postgres", TestDatabase.password());
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			sql.execute("CREATE DATABASE " + DATABASE);
		}
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(TestDatabase.url(DATABASE));
		dataSource.setUsername("postgres");
		dataSource.setPassword(TestDatabase.password());
		dataSource.setMaximumPoolSize(6);
		// the rollup tables only (V150 and the daily grain V170): the other safety migrations need other modules' tables
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/safety").target("150").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		try (var in = KafkaScaleOutIntegrationTest.class.getResourceAsStream("/db/migration/safety/V170__safety_parcel_day.sql")) {
			jdbc.sql(new String(in.readAllBytes(), StandardCharsets.UTF_8)).update();
		}
	}

	@AfterAll
	static void stopBrokerAndDatabase() throws Exception {
		if (dataSource != null) {
			dataSource.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@AfterEach
	void stopNodes() {
		sinks.forEach(NodeSink::release);
		nodes.forEach(ConfigurableApplicationContext::close);
		jdbc.sql("TRUNCATE safety_parcel_chunk, safety_parcel_hour, safety_parcel_day").update();
	}

	@Test
	void aNodeLostMidStreamLosesNothingAndCountsNothingTwice(CapturedOutput output) throws Exception {
		NodeSink a = node("node-a", 5);
		NodeSink b = node("node-b", Integer.MAX_VALUE);
		await().atMost(Duration.ofSeconds(30)).until(() -> assigned(0) > 0 && assigned(1) > 0 && assigned(0) + assigned(1) == 8);
		ParcelTransport upload = nodes.get(1).getBean(ParcelTransport.class);

		Map<String, Long> sent = new HashMap<>();
		List<ParcelChunk> chunks = new ArrayList<>();
		String poisonedStream = "33:" + ENTERPRISES[2];
		ParcelChunk afterPoison = null;
		for (int seq = 0; seq < CHUNKS_PER_STREAM; seq++) {
			for (long enterprise : ENTERPRISES) {
				for (String province : PROVINCES) {
					ParcelChunk chunk = ParcelChunks.chunk(enterprise, province, "batch-" + enterprise, seq,
							5 + (int) ((enterprise * 7 + seq * 13) % 30));
					upload.send(chunk);
					chunks.add(chunk);
					sent.merge(province + ":" + enterprise, (long) chunk.records().size(), Long::sum);
					if (seq == 3 && KafkaParcelTransport.messageKey(chunk).equals(poisonedStream)) {
						// an unreadable message in the middle of one enterprise's stream, the next chunk right behind it
						sendRaw(poisonedStream, ("{\"senderIdNumber\":\"" + CLEAR_ID + "\"}").getBytes(StandardCharsets.UTF_8));
					}
					if (seq == 4 && KafkaParcelTransport.messageKey(chunk).equals(poisonedStream)) {
						afterPoison = chunk;
					}
				}
			}
		}

		await().atMost(Duration.ofSeconds(40)).until(() -> storedChunks() == chunks.size());
		assertThat(a.lost).as("node A was lost mid-stream").isTrue();
		assertThat(a.stores).as("node A stored chunks (alone or in groups) five times before it was lost").hasValue(5);
		List<String> storedNeverAcknowledged = a.storedNotAcknowledged;
		assertThat(storedNeverAcknowledged).isNotEmpty();
		// the chunks node A stored in its last store but never acknowledged came to node B again and were skipped there
		await().atMost(Duration.ofSeconds(10)).until(() -> b.skipped.containsAll(storedNeverAcknowledged));
		assertThat(b.stored).as("node B took over node A's partitions").hasSize(chunks.size() - a.stored.size())
			.doesNotContainAnyElementsOf(a.stored);
		assertThat(totalsPerStream()).isEqualTo(sent);

		// the health indicator sees the brokers and, once the group committed everything, no lag
		KafkaTransportHealth health = nodes.get(1).getBean(KafkaTransportHealth.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(0).equals(health.health().getDetails().get("lag")));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(health.health().getDetails()).containsEntry("brokers", 1).containsEntry("consumerGroup", group);

		// a batch sent again (the enterprise retrying after a 503): its chunks are delivered and skipped
		List<ParcelChunk> again = chunks.subList(0, 3);
		again.forEach(upload::send);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> b.skipped.containsAll(again.stream().map(ParcelChunk::key).toList()));
		assertThat(storedChunks()).isEqualTo(chunks.size());
		assertThat(totalsPerStream()).isEqualTo(sent);

		// the unreadable message went to the dead-letter topic once, as it was; its stream went on; the log has its
		// position, never its content
		assertThat(afterPoison).isNotNull();
		assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_chunk WHERE chunk_key = :key")
			.param("key", afterPoison.key()).query(Integer.class).single()).isEqualTo(1);
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters();
		assertThat(deadLetters).hasSize(1);
		assertThat(deadLetters.get(0).key()).isEqualTo(poisonedStream);
		assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).contains(CLEAR_ID);
		assertThat(output.getAll()).contains("sent to dead-letter topic " + topic + "-dlt: not a parcel chunk (wrong magic)")
			.doesNotContain(CLEAR_ID);
	}

	@Test
	void aPollsChunksOfOneBatchAreStoredInGroupsAndAGroupFailingOnOneChunkStoresTheOthers() throws Exception {
		NodeSink only = node("node-a", Integer.MAX_VALUE, true);
		await().atMost(Duration.ofSeconds(30)).until(() -> assigned(0) == 8);
		ParcelTransport upload = nodes.get(0).getBean(ParcelTransport.class);
		// one enterprise's batch in one province: one partition, in order; the sink held shut so that they pile up
		List<ParcelChunk> chunks = new ArrayList<>();
		for (int seq = 0; seq < 14; seq++) {
			chunks.add(ParcelChunks.chunk(301, "32", "batch-301", seq, 3 + seq));
		}
		ParcelChunk bad = chunks.get(4);
		only.failing = bad.key();
		chunks.forEach(upload::send);
		only.open();

		// every chunk but the failing one stored once, in groups of at most youguan.safety.chunks-per-file (10)
		await().atMost(Duration.ofSeconds(40)).until(() -> storedChunks() == chunks.size() - 1);
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters();
		assertThat(deadLetters).as("the failing chunk alone, once, after its retries").hasSize(1);
		assertThat(new ParcelChunkCodec().deserialize(topic, deadLetters.get(0).value()).key()).isEqualTo(bad.key());
		assertThat(only.stored).hasSize(chunks.size() - 1).doesNotContain(bad.key());
		assertThat(only.groups).as("chunks stored in one call").anyMatch(n -> n > 1).allMatch(n -> n <= 10);
		assertThat(jdbc.sql("SELECT sum(parcels) FROM safety_parcel_hour WHERE enterprise_id = 301").query(Long.class)
			.single()).isEqualTo(chunks.stream().filter(c -> c != bad).mapToLong(c -> c.records().size()).sum());
		// the group offsets were committed: nothing is delivered again
		KafkaTransportHealth health = nodes.get(0).getBean(KafkaTransportHealth.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(0).equals(health.health().getDetails().get("lag")));
		assertThat(only.skipped).isEmpty();
	}

	@Test
	void aFullChunkOfFiveThousandRecordsArrivesIntact() {
		NodeSink only = node("node-a", Integer.MAX_VALUE);
		ParcelChunk full = ParcelChunks.fullChunk(201, "32");

		nodes.get(0).getBean(ParcelTransport.class).send(full);

		// stored, not merely received: the rollups are read only after the sink's transaction committed
		await().atMost(Duration.ofSeconds(30)).until(() -> only.stored.contains(full.key()));
		assertThat(only.received.get(full.key())).isEqualTo(full);
		assertThat(jdbc.sql("SELECT sum(parcels) FROM safety_parcel_hour WHERE enterprise_id = 201")
			.query(Long.class).single()).isEqualTo(5_000L);
	}

	/** Starts a node (an application context with the Kafka transport) whose sink is lost after {@code loseAfter} stores. */
	NodeSink node(String name, int loseAfter) {
		return node(name, loseAfter, false);
	}

	/** As {@link #node(String, int)}, the sink held shut until {@link NodeSink#open} when {@code shut}. */
	NodeSink node(String name, int loseAfter, boolean shut) {
		if (topic == null) {
			String run = UUID.randomUUID().toString().substring(0, 8);
			topic = "parcels-" + run;
			group = "youguan-" + run;
		}
		NodeSink sink = new NodeSink(new IdempotentPostgresTestSink(dataSource), loseAfter, shut);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Node.class)
			.web(WebApplicationType.NONE)
			.initializers(c -> c.getBeanFactory().registerSingleton("parcelSink", sink))
			.run("--spring.main.banner-mode=off", "--youguan.data-dir=target/test-data", "--youguan.node-name=" + name,
					"--youguan.safety.transport=kafka", "--youguan.safety.consumer-group=" + group,
					"--youguan.safety.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"--youguan.safety.kafka.topic=" + topic, "--youguan.safety.kafka.partitions=8",
					"--youguan.safety.kafka.replication=1", "--youguan.safety.kafka.send-timeout=PT10S",
					// a node that stops polling for 3 s is out of the group (production: the 5-minute default)
					"--youguan.safety.kafka.properties.max.poll.interval.ms=3000",
					"--youguan.safety.kafka.properties.session.timeout.ms=6000",
					"--youguan.safety.kafka.properties.heartbeat.interval.ms=500",
					// a chunk the sink keeps failing on goes to the dead-letter topic after about a second
					"--youguan.safety.kafka.retry-for=PT1S");
		nodes.add(context);
		sinks.add(sink);
		return sink;
	}

	@SuppressWarnings("unchecked")
	int assigned(int node) {
		var container = (ConcurrentMessageListenerContainer<String, ParcelChunk>) nodes.get(node)
			.getBean("safetyParcelListenerContainer");
		return container.getAssignedPartitions().size();
	}

	long storedChunks() {
		return jdbc.sql("SELECT count(*) FROM safety_parcel_chunk").query(Long.class).single();
	}

	Map<String, Long> totalsPerStream() {
		Map<String, Long> totals = new HashMap<>();
		jdbc.sql("SELECT substr(sender_region, 1, 2) || ':' || enterprise_id AS stream, sum(parcels) AS parcels "
				+ "FROM safety_parcel_hour GROUP BY 1")
			.query((rs, i) -> totals.put(rs.getString("stream"), rs.getLong("parcels")))
			.list();
		return totals;
	}

	void sendRaw(String key, byte[] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	List<ConsumerRecord<String, byte[]>> deadLetters() {
		String deadLetterTopic = topic + "-dlt";
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
				.map(p -> new TopicPartition(deadLetterTopic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
			});
			return records;
		}
	}

	/** A node: the Kafka transport configuration alone, with the sink the test registers. */
	@Configuration(proxyBeanMethods = false)
	@Import(KafkaTransportConfiguration.class)
	static class Node {
	}

	/**
	 * A node's sink that can be lost: after its {@code loseAfter}-th store that stored anything (a chunk, or a group of
	 * them) the node stops — that store committed but its call never returns, so its chunks are never acknowledged, and
	 * no later call stores anything — until the test ends; then the calls fail, still unacknowledged. It can also be
	 * held shut until {@link #open} (so that messages pile up for one poll) and fail on one chunk key, alone or in a
	 * group, every time.
	 */
	static final class NodeSink implements ParcelSink {

		final IdempotentPostgresTestSink delegate;

		final int loseAfter;

		final Set<String> stored = ConcurrentHashMap.newKeySet();

		final Set<String> skipped = ConcurrentHashMap.newKeySet();

		final Map<String, ParcelChunk> received = new ConcurrentHashMap<>();

		/** The sizes of the groups stored in one call. */
		final List<Integer> groups = new CopyOnWriteArrayList<>();

		final AtomicInteger stores = new AtomicInteger();

		final CountDownLatch end = new CountDownLatch(1);

		final CountDownLatch gate;

		volatile String failing;

		volatile boolean lost;

		volatile List<String> storedNotAcknowledged = List.of();

		NodeSink(IdempotentPostgresTestSink delegate, int loseAfter, boolean shut) {
			this.delegate = delegate;
			this.loseAfter = loseAfter;
			this.gate = new CountDownLatch(shut ? 1 : 0);
		}

		@Override
		public boolean store(ParcelChunk chunk) {
			return storeAll(List.of(chunk)) == 1;
		}

		/**
		 * One store at a time, so that a node lost after its n-th store stores nothing more — whichever of its consumer
		 * threads was about to (without the lock a second thread past the {@code lost} check stored more).
		 */
		@Override
		public synchronized int storeAll(List<ParcelChunk> chunks) {
			try {
				gate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (lost) {
				hang();
			}
			chunks.forEach(c -> received.put(c.key(), c));
			if (chunks.stream().anyMatch(c -> c.key().equals(failing))) {
				throw new IllegalStateException("chunk not stored (test)");
			}
			List<String> now = delegate.storeGroup(chunks);
			stored.addAll(now);
			chunks.stream().map(ParcelChunk::key).filter(k -> !now.contains(k)).forEach(skipped::add);
			if (!now.isEmpty()) {
				groups.add(now.size());
			}
			if (!now.isEmpty() && stores.incrementAndGet() == loseAfter) {
				storedNotAcknowledged = now;
				lost = true;
				hang();
			}
			return now.size();
		}

		private void hang() {
			try {
				end.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("node lost");
		}

		void open() {
			gate.countDown();
		}

		void release() {
			gate.countDown();
			end.countDown();
		}
	}
}
