package org.youguan.safety.internal;

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
}
