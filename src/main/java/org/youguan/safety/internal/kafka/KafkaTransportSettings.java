package org.youguan.safety.internal.kafka;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.youguan.kernel.Text;

/**
 * The Kafka scale-out transport's settings ({@code youguan.safety.kafka.*}), read only when
 * {@code youguan.safety.transport=kafka}. Defaults are for a production cluster of three or more brokers; the README's
 * "Safety — scale-out" section explains each.
 *
 * @param bootstrapServers the brokers, {@code host:port,host:port} (required)
 * @param topic the parcel-chunk topic; default {@value #DEFAULT_TOPIC}. Its dead-letter topic is the same name with
 *        {@code -dlt} appended
 * @param partitions partitions of the topic when the application creates it (default 32: one consumer thread per
 *        partition at most, so this caps the whole group's parallelism)
 * @param replication replication factor when the application creates the topic; null = the brokers'
 *        {@code default.replication.factor}
 * @param concurrency consumer threads per node (default 2)
 * @param sendTimeout how long an upload waits for the brokers' acknowledgement of a chunk before it fails with 503
 *        (default 30 s)
 * @param compression producer compression, {@code zstd} (default) or {@code lz4}, {@code gzip}, {@code snappy},
 *        {@code none}
 * @param maxRequestSize the largest chunk message, before compression (default 8 MB: a 5,000-record chunk with every
 *        field at its maximum length is 3.2 MB in the wire format of {@link ParcelChunkCodec}, an ordinary one 0.6 MB)
 * @param retryFor how long a consumer keeps retrying a chunk the sink failed to store (database down) before it goes to
 *        the dead-letter topic (default 10 min)
 * @param properties further Kafka client properties for the producer, consumers and admin client (TLS, SASL, timeouts),
 *        e.g. {@code youguan.safety.kafka.properties.security.protocol=SSL}
 */
@ConfigurationProperties("youguan.safety.kafka")
public record KafkaTransportSettings(String bootstrapServers, String topic, Integer partitions, Short replication,
		Integer concurrency, Duration sendTimeout, String compression, DataSize maxRequestSize, Duration retryFor,
		Map<String, String> properties) {

	/** The default topic name. */
	public static final String DEFAULT_TOPIC = "youguan.safety.parcels";

	/** Fills in the defaults. */
	public KafkaTransportSettings {
		topic = topic == null || Text.isBlank(topic) ? DEFAULT_TOPIC : topic;
		partitions = partitions == null ? 32 : partitions;
		concurrency = concurrency == null ? 2 : concurrency;
		sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
		compression = compression == null || Text.isBlank(compression) ? "zstd" : compression;
		maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(8) : maxRequestSize;
		retryFor = retryFor == null ? Duration.ofMinutes(10) : retryFor;
		properties = properties == null ? Map.of() : Map.copyOf(properties);
	}

	/** The dead-letter topic: where unreadable messages (and chunks the sink kept failing on) go. */
	public String deadLetterTopic() {
		return topic + "-dlt";
	}
}
