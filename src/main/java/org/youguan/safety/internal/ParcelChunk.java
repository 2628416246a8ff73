package org.youguan.safety.internal;

import java.util.List;

import org.youguan.safety.ParcelRecord;

/**
 * A slice of one upload batch that is stored as one unit: the records of one enterprise and one province, cut from the
 * batch in a deterministic order so that the same batch always yields the same chunks with the same keys. Storing a
 * chunk whose key was stored before changes nothing (a node lost mid-batch, a batch sent twice, a Kafka message
 * delivered twice).
 *
 * @param key {@code <enterpriseId>:<batchId>:<attempt>:<province>:<sequence>}, unique per chunk (a batch's next
 *        attempt gives other keys; batch ids hold no ':')
 * @param enterpriseId the uploading enterprise
 * @param province the 2-digit province code of every record's {@code senderRegion}
 * @param records the validated, pseudonymised records, in the batch's line order
 */
public record ParcelChunk(String key, long enterpriseId, String province, List<ParcelRecord> records) {

	public ParcelChunk {
		records = List.copyOf(records);
	}

	/** The key of a batch's chunk. */
	static String key(long enterpriseId, String batchId, int attempt, String province, int sequence) {
		return enterpriseId + ":" + batchId + ":" + attempt + ":" + province + ":" + sequence;
	}

	/** The upload batch the chunk belongs to, or null when its key is not a batch's ({@link #key}). */
	public String batchId() {
		String[] parts = key.split(":", -1);
		return parts.length == 5 ? parts[1] : null;
	}

	/** The batch's attempt the chunk belongs to, or 0 when its key is not a batch's. */
	public int attempt() {
		String[] parts = key.split(":", -1);
		try {
			return parts.length == 5 ? Integer.parseInt(parts[2]) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
