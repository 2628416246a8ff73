package org.youguan.safety.internal;

import java.util.List;

/**
 * How accepted chunks travel from the ingestion API to the {@link ParcelSink}: straight to it on one node
 * ({@code youguan.safety.transport=direct}, the default), or through a Kafka topic partitioned by province and
 * enterprise, consumed by every node as one consumer group ({@code youguan.safety.transport=kafka}).
 */
public interface ParcelTransport {

	/**
	 * Sends a chunk on its way; returns once the chunk is durable (stored, or acknowledged by the Kafka brokers).
	 *
	 * @param chunk the chunk
	 */
	void send(ParcelChunk chunk);

	/**
	 * Sends chunks of one batch attempt on their way together; returns once all are durable. One node stores them as
	 * one unit ({@link ParcelSink#storeAll}); this default sends them one by one (the Kafka transport: one message per
	 * chunk, each the consumers' unit of delivery and of storing).
	 *
	 * @param chunks the chunks, in the order handed on
	 */
	default void sendAll(List<ParcelChunk> chunks) {
		chunks.forEach(this::send);
	}
}
