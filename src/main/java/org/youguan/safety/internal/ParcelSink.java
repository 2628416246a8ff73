package org.youguan.safety.internal;

/**
 * Where validated chunks end up: the Parquet files and the PostgreSQL hourly rollups (one node), written once per chunk
 * key. The transports ({@link ParcelTransport}) hand chunks to it — directly on one node, from the Kafka consumer on
 * many.
 */
public interface ParcelSink {

	/**
	 * Stores a chunk's records (Parquet) and adds them to the hourly rollups, in one PostgreSQL transaction that also
	 * records the chunk's key; a key stored before is skipped.
	 *
	 * @param chunk the chunk
	 * @return whether the chunk was stored now (false: it had been stored before)
	 */
	boolean store(ParcelChunk chunk);
}
