package org.youguan.safety.internal;

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
}
