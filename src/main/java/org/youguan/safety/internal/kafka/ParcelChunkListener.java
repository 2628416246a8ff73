package org.youguan.safety.internal.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelSink;

/**
 * A node's consumer of the parcel topic: stores each chunk through the {@link ParcelSink}, then acknowledges it (the
 * offset is committed at once, {@code MANUAL_IMMEDIATE}). A failure in the sink propagates without acknowledging, so
 * the container's error handler retries the chunk and nothing after it on the partition is acknowledged first.
 *
 * <p>The guarantee: a chunk's offset is committed only after the sink's PostgreSQL transaction (staged counts + chunk key)
 * committed, so a node lost between the two leaves the chunk unacknowledged; the partition's next owner receives it
 * again and the sink skips it by its key. At-least-once delivery plus an idempotent store: every chunk counted exactly
 * once. Offsets are not committed inside the PostgreSQL transaction because they live in Kafka, not in PostgreSQL —
 * committing both atomically would need offsets stored in PostgreSQL and seeks on every rebalance, while the chunk key
 * the sink records already makes redelivery harmless.
 */
class ParcelChunkListener implements AcknowledgingMessageListener<String, ParcelChunk> {

	private static final Logger log = LoggerFactory.getLogger(ParcelChunkListener.class);

	private final ParcelSink sink;

	ParcelChunkListener(ParcelSink sink) {
		this.sink = sink;
	}

	/**
	 * Stores one chunk and acknowledges it.
	 *
	 * @param message the message (unreadable ones never get here: the error handler sends them to the dead-letter
	 *        topic); an empty one (null value) is acknowledged and skipped
	 * @param acknowledgment commits the message's offset
	 */
	@Override
	public void onMessage(ConsumerRecord<String, ParcelChunk> message, Acknowledgment acknowledgment) {
		ParcelChunk chunk = message.value();
		if (chunk == null) {
			log.warn("Empty message on {}-{}@{} skipped: no parcel chunk", message.topic(), message.partition(),
					message.offset());
			acknowledgment.acknowledge();
			return;
		}
		boolean stored = sink.store(chunk);
		if (!stored) {
			log.info("Parcel chunk {} delivered again ({}-{}@{}): stored before, skipped", chunk.key(), message.topic(),
					message.partition(), message.offset());
		}
		acknowledgment.acknowledge();
	}
}
