package org.youguan.safety.internal.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.youguan.kernel.Text;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelSink;
import org.youguan.safety.internal.ParcelTransport;

/**
 * The Kafka scale-out of parcel records, active only with {@code youguan.safety.transport=kafka} (Spring Boot 4 has no
 * Kafka auto-configuration on this classpath, so the clients are configured here): the {@link KafkaParcelTransport}
 * that uploads publish to, the topic and its dead-letter topic (created when missing), and this node's listener
 * container, one member of the consumer group {@code youguan.safety.consumer-group} that all nodes share.
 *
 * <p>Delivery: the producer is idempotent with {@code acks=all}; consumers commit a poll's offsets only after the
 * {@link ParcelSink} stored its chunks (in groups of one batch attempt), and the sink skips a chunk key it stored before — at-least-once delivery and an
 * idempotent store, so a node lost mid-batch loses nothing and counts nothing twice (see {@link ParcelChunkListener}).
 * An unreadable message is logged by position only (never its content) and sent to the dead-letter topic at once; a
 * chunk the sink keeps failing on is retried with back-off for {@code youguan.safety.kafka.retry-for}, then sent there
 * too; neither blocks its partition afterwards.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "youguan.safety.transport", havingValue = "kafka")
@EnableConfigurationProperties(KafkaTransportSettings.class)
class KafkaTransportConfiguration {

	/** Consumer group of all nodes, {@code youguan.safety.consumer-group}. */
	static final String DEFAULT_GROUP = "youguan-safety";

	private static final Logger log = LoggerFactory.getLogger(KafkaTransportConfiguration.class);

	private final KafkaTransportSettings settings;

	KafkaTransportConfiguration(KafkaTransportSettings settings) {
		if (settings.bootstrapServers() == null || Text.isBlank(settings.bootstrapServers())) {
			throw new IllegalStateException(
					"youguan.safety.transport=kafka needs youguan.safety.kafka.bootstrap-servers (host:port,...)");
		}
		this.settings = settings;
	}

	private Map<String, Object> common() {
		Map<String, Object> config = new HashMap<>(settings.properties());
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		return config;
	}

	private Map<String, Object> producerConfig() {
		Map<String, Object> config = common();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) settings.maxRequestSize().toBytes());
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		// a send never blocks (waiting for metadata, buffer space) longer than an upload waits for the acknowledgement
		long timeout = settings.sendTimeout().toMillis();
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 30_000));
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 30_000 + 5));
		return config;
	}

	@Bean
	KafkaAdmin safetyKafkaAdmin() {
		return new KafkaAdmin(common());
	}

	/** The parcel topic; broker-side message size raised to the producer's so a full chunk always fits. */
	@Bean
	NewTopic safetyParcelTopic() {
		NewTopic topic = new NewTopic(settings.topic(), Optional.of(settings.partitions()),
				Optional.ofNullable(settings.replication()));
		return topic.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
				String.valueOf(settings.maxRequestSize().toBytes())));
	}

	@Bean
	NewTopic safetyParcelDeadLetterTopic() {
		NewTopic topic = new NewTopic(settings.deadLetterTopic(), Optional.of(settings.partitions()),
				Optional.ofNullable(settings.replication()));
		return topic.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
				String.valueOf(settings.maxRequestSize().toBytes())));
	}

	@Bean
	DefaultKafkaProducerFactory<String, ParcelChunk> safetyProducerFactory() {
		return new DefaultKafkaProducerFactory<>(producerConfig(), new StringSerializer(), new ParcelChunkCodec());
	}

	@Bean
	KafkaTemplate<String, ParcelChunk> safetyKafkaTemplate(DefaultKafkaProducerFactory<String, ParcelChunk> factory) {
		return new KafkaTemplate<>(factory);
	}

	@Bean
	ParcelTransport kafkaParcelTransport(KafkaTemplate<String, ParcelChunk> safetyKafkaTemplate) {
		return new KafkaParcelTransport(safetyKafkaTemplate, settings);
	}

	/**
	 * The dead-letter producer: an unreadable message is republished as its original bytes, a chunk the sink could not
	 * store as a chunk.
	 */
	@Bean
	KafkaTemplate<String, Object> safetyDeadLetterTemplate() {
		ParcelChunkCodec codec = new ParcelChunkCodec();
		ByteArraySerializer raw = new ByteArraySerializer();
		Serializer<Object> values = (topic, value) -> value instanceof ParcelChunk chunk ? codec.serialize(topic, chunk)
				: raw.serialize(topic, (byte[]) value);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig(), new StringSerializer(), values));
	}

	@Bean
	DefaultErrorHandler safetyKafkaErrorHandler(KafkaTemplate<String, Object> safetyDeadLetterTemplate) {
		// a negative partition lets Kafka choose by the key: the dead-letter topic needs no particular partition count
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(safetyDeadLetterTemplate,
				(message, ex) -> new TopicPartition(settings.deadLetterTopic(), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
		backOff.setMaxInterval(30_000);
		backOff.setMaxElapsedTime(settings.retryFor().toMillis());
		ConsumerRecordRecoverer logged = (message, ex) -> {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			// the position and what went wrong, never the content (it may hold pseudonyms or, in a foreign message, clear
			// ID numbers); the codec's own messages name no content
			log.error("Parcel topic message {}-{}@{} sent to dead-letter topic {}: {}", message.topic(),
					message.partition(), message.offset(), settings.deadLetterTopic(),
					cause instanceof SerializationException ? cause.getMessage() : cause.getClass().getName());
			deadLetters.accept(message, ex);
		};
		DefaultErrorHandler handler = new DefaultErrorHandler(logged, backOff);
		// with MANUAL_IMMEDIATE: the offset of a message sent to the dead-letter topic is committed at once, so it is
		// not sent there again after a rebalance
		handler.setCommitRecovered(true);
		return handler;
	}

	/** {@code /actuator/health} component {@code safetyKafka}: brokers reachable, the group's lag. */
	@Bean
	KafkaTransportHealth safetyKafkaHealthIndicator(
			@Value("${youguan.safety.consumer-group:" + DEFAULT_GROUP + "}") String group) {
		return new KafkaTransportHealth(common(), settings.topic(), group, Duration.ofSeconds(5));
	}

	@Bean
	ConcurrentMessageListenerContainer<String, ParcelChunk> safetyParcelListenerContainer(ParcelSink sink,
			DefaultErrorHandler safetyKafkaErrorHandler,
			@Value("${youguan.safety.consumer-group:" + DEFAULT_GROUP + "}") String group,
			@Value("${youguan.safety.chunks-per-file:10}") int chunksPerGroup) {
		Map<String, Object> config = common();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// a group's first node reads the topic from its start: chunks published before any node consumed are not lost
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// a chunk is up to 5,000 records: a few per poll keep each poll's work well inside max.poll.interval.ms
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
		DefaultKafkaConsumerFactory<String, ParcelChunk> consumers = new DefaultKafkaConsumerFactory<>(config,
				new StringDeserializer(), new ErrorHandlingDeserializer<>(new ParcelChunkCodec()));
		ContainerProperties properties = new ContainerProperties(settings.topic());
		properties.setGroupId(group);
		properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
		// a batch listener: a poll's consecutive chunks of one batch attempt are stored as one group
		properties.setMessageListener(new ParcelChunkListener(sink, chunksPerGroup));
		ConcurrentMessageListenerContainer<String, ParcelChunk> container = new ConcurrentMessageListenerContainer<>(
				consumers, properties);
		container.setConcurrency(settings.concurrency());
		container.setCommonErrorHandler(safetyKafkaErrorHandler);
		container.setBeanName("safetyParcelListenerContainer");
		return container;
	}
}
