package org.youguan.safety.internal;

import java.util.List;

import org.youguan.safety.ParcelRecord;

/**
 * A slice of one upload batch that is stored as one unit: the records of one enterprise and one province, cut from the
 * batch in a deterministic order so that the same batch always yields the same chunks with the same keys. Storing a
 * chunk whose key was stored before changes nothing (a node lost mid-batch, a batch sent twice, a Kafka message
 * delivered twice).
 *
 * @param key {@code <enterpriseId>:<batchId>:<province>:<sequence>}, unique per chunk
 * @param enterpriseId the uploading enterprise
 * @param province the 2-digit province code of every record's {@code senderRegion}
 * @param records the validated, pseudonymised records, in the batch's line order
 */
public record ParcelChunk(String key, long enterpriseId, String province, List<ParcelRecord> records) {

	public ParcelChunk {
		records = List.copyOf(records);
	}
}
