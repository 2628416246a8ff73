package org.youguan.safety.internal.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelSink;

/**
 * A node's consumer of the parcel topic: stores one poll's chunks through the {@link ParcelSink}, then acknowledges
 * the poll (its offsets are committed at once, {@code MANUAL_IMMEDIATE}). Consecutive chunks of one batch attempt (at
 * most {@code youguan.safety.chunks-per-file} of them) are stored as one group ({@link ParcelSink#storeAll}: one
 * Parquet file per province and day, one PostgreSQL transaction), as on one node.
 *
 * <p>The guarantee: a chunk's offset is committed only after the sink's PostgreSQL transaction (staged counts + chunk
 * key) committed, so a node lost between the two leaves the chunk unacknowledged; the partition's next owner receives it
 * again and the sink skips it by its key. At-least-once delivery plus an idempotent store: every chunk counted exactly
 * once, whichever chunks a redelivered poll groups together (the sink skips the stored ones of a group and stores the
 * others). Offsets are not committed inside the PostgreSQL transaction because they live in Kafka, not in PostgreSQL —
 * committing both atomically would need offsets stored in PostgreSQL and seeks on every rebalance, while the chunk key
 * the sink records already makes redelivery harmless.
 *
 * <p>Failures: a group the sink fails on (nothing of it stored: the group is one transaction) is stored again chunk by
 * chunk, so a group failing on one chunk (or on another node storing some of it meanwhile) stores the others. The
 * first chunk that fails on its own fails the poll at its index ({@link BatchListenerFailedException}): the container's
 * error handler commits the offsets of the messages before it — all stored, in the order polled — and retries from it,
 * then sends it alone to the dead-letter topic once the retries are exhausted. An unreadable message fails the poll at
 * its index the same way (sent to the dead-letter topic at once, never retried).
 */
class ParcelChunkListener implements BatchAcknowledgingMessageListener<String, ParcelChunk> {

	private static final Logger log = LoggerFactory.getLogger(ParcelChunkListener.class);

	private static final LogAccessor HEADER_LOG = new LogAccessor(ParcelChunkListener.class);

	private final ParcelSink sink;

	private final int chunksPerGroup;

	ParcelChunkListener(ParcelSink sink, int chunksPerGroup) {
		if (chunksPerGroup < 1) {
			throw new IllegalArgumentException("chunksPerGroup < 1: " + chunksPerGroup);
		}
		this.sink = sink;
		this.chunksPerGroup = chunksPerGroup;
	}

	/**
	 * Stores one poll's chunks, in groups of consecutive chunks of one batch attempt, and acknowledges the poll.
	 *
	 * @param messages the poll's messages in the order polled; an empty one (null value, no deserialization failure)
	 *        is skipped
	 * @param acknowledgment commits the poll's offsets
	 * @throws BatchListenerFailedException at the first message that could not be read or stored (every message
	 *         before it is stored)
	 */
	@Override
	public void onMessage(List<ConsumerRecord<String, ParcelChunk>> messages, Acknowledgment acknowledgment) {
		int i = 0;
		while (i < messages.size()) {
			ConsumerRecord<String, ParcelChunk> message = messages.get(i);
			if (message.value() == null) {
				unreadableOrEmpty(message, i);
				i++;
				continue;
			}
			int end = i + 1;
			while (end < messages.size() && end - i < chunksPerGroup && messages.get(end).value() != null
					&& sameAttempt(message.value(), messages.get(end).value())) {
				end++;
			}
			store(messages, i, end);
			i = end;
		}
		acknowledgment.acknowledge();
	}

	/** Stores messages {@code from} … {@code to − 1} (chunks of one batch attempt) as one group, else one by one. */
	private void store(List<ConsumerRecord<String, ParcelChunk>> messages, int from, int to) {
		List<ParcelChunk> group = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			group.add(messages.get(i).value());
		}
		if (group.size() > 1) {
			try {
				int stored = sink.storeAll(group);
				if (stored < group.size()) {
					log.info("{} of {} parcel chunks from {}-{}@{} delivered again: stored before, skipped",
							group.size() - stored, group.size(), messages.get(from).topic(), messages.get(from).partition(),
							messages.get(from).offset());
				}
				return;
			}
			catch (RuntimeException ex) {
				// nothing of the group was stored (one transaction): each chunk on its own, so that one failing chunk
				// or a chunk another node stored meanwhile does not hold up the others
				log.warn("Parcel chunks {}-{}@{}…{} not stored as a group ({}): stored one by one",
						messages.get(from).topic(), messages.get(from).partition(), messages.get(from).offset(),
						messages.get(to - 1).offset(), ex.getClass().getSimpleName());
			}
		}
		for (int i = from; i < to; i++) {
			ConsumerRecord<String, ParcelChunk> message = messages.get(i);
			boolean stored;
			try {
				stored = sink.store(message.value());
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException("parcel chunk not stored", ex, i);
			}
			if (!stored) {
				log.info("Parcel chunk {} delivered again ({}-{}@{}): stored before, skipped", message.value().key(),
						message.topic(), message.partition(), message.offset());
			}
		}
	}

	/** An unreadable message fails the poll at its index; an empty one is skipped. */
	private static void unreadableOrEmpty(ConsumerRecord<String, ParcelChunk> message, int index) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(message,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
		if (unreadable != null) {
			// not retryable (the error handler's classification): to the dead-letter topic at once
			throw new BatchListenerFailedException("unreadable parcel topic message", unreadable, index);
		}
		log.warn("Empty message on {}-{}@{} skipped: no parcel chunk", message.topic(), message.partition(),
				message.offset());
	}

	private static boolean sameAttempt(ParcelChunk a, ParcelChunk b) {
		return a.enterpriseId() == b.enterpriseId() && a.attempt() == b.attempt() && a.batchId() != null
				&& a.batchId().equals(b.batchId());
	}
}
