package org.youguan.safety.internal;

import java.util.List;

/**
 * Where validated chunks end up: the Parquet files and, staged for their batch, the counts that reach the PostgreSQL
 * rollups once the whole batch is stored ({@link ParcelBatchAttempts}), written once per chunk key. The transports ({@link ParcelTransport}) hand chunks to it — directly on one node, from the Kafka consumer on
 * many.
 */
public interface ParcelSink {

	/**
	 * Stores a chunk's records (Parquet) and stages their counts for the chunk's batch, in one PostgreSQL transaction
	 * that also records the chunk's key; a key stored before is skipped, and so is a chunk of a batch attempt given up
	 * or taken over (its files just written are deleted).
	 *
	 * @param chunk the chunk, its key a batch's ({@link ParcelChunk#key})
	 * @return whether the chunk was stored now (false: stored before, or its attempt is closed)
	 * @throws IllegalArgumentException when the chunk's key names no batch
	 */
	boolean store(ParcelChunk chunk);

	/**
	 * Stores several chunks of one batch attempt as one unit (fewer, larger files): those whose keys were stored before
	 * are skipped, the others are stored and staged in one PostgreSQL transaction, or none of them. This default
	 * stores them one by one.
	 *
	 * @param chunks chunks of one enterprise's batch attempt, in the order handed on
	 * @return how many were stored now
	 * @throws IllegalArgumentException when a chunk's key names no batch, or the chunks are not of one batch attempt
	 */
	default int storeAll(List<ParcelChunk> chunks) {
		int stored = 0;
		for (ParcelChunk chunk : chunks) {
			if (store(chunk)) {
				stored++;
			}
		}
		return stored;
	}
}
