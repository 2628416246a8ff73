package org.youguan.safety.internal.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.youguan.safety.ParcelRecord;
import org.youguan.safety.RealNameMethod;
import org.youguan.safety.SenderIdType;
import org.youguan.safety.internal.ParcelChunk;

/** Test data: parcel chunks as the ingestion API would cut them from a batch. */
public final class ParcelChunks {

	static final Instant BASE = Instant.parse("2026-11-01T02:00:00Z");

	private ParcelChunks() {
	}

	/** A county of the province, as the sender region of the chunk's records. */
	static String county(String province) {
		return province + "0506";
	}

	/**
	 * A chunk of {@code size} ordinary records of one enterprise and province, keyed like the ingestion API keys it;
	 * every third record exempt (agreement customer), every seventh not real-name.
	 */
	public static ParcelChunk chunk(long enterpriseId, String province, String batchId, int sequence, int size) {
		List<ParcelRecord> records = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			RealNameMethod method = i % 3 == 0 ? RealNameMethod.AGREEMENT_CUSTOMER
					: i % 7 == 0 ? RealNameMethod.NONE : RealNameMethod.ON_SITE;
			boolean checked = method.checksIdentity();
			records.add(new ParcelRecord(enterpriseId, "SF" + enterpriseId + sequence + "-" + i,
					BASE.plusSeconds(sequence * 60L + i), checked ? SenderIdType.RESIDENT_ID : null,
					checked ? "%064x".formatted(enterpriseId * 1_000_003L + i) : null, county(province), "110105",
					i % 11 == 0 ? ParcelRecord.LETTER : "服装", 100 + i, method, i % 2 == 0, i % 5 != 0,
					i % 5 != 0 ? "JC-" + province + "-01" : null, i % 4 == 0 ? null : "YZ-" + province + "-" + enterpriseId,
					"C" + (i % 9)));
		}
		// the batch's first attempt (ParcelChunk.key): chunks of one batch are stored in groups
		return new ParcelChunk(enterpriseId + ":" + batchId + ":1:" + province + ":" + sequence, enterpriseId, province,
				records);
	}

	/**
	 * The largest chunk the ingestion API cuts: 5,000 records with every text field at its longest (40 characters,
	 * Chinese where the field allows it), a clear-text pseudonym fallback on some, and nanosecond times.
	 */
	public static ParcelChunk fullChunk(long enterpriseId, String province) {
		List<ParcelRecord> records = new ArrayList<>(5_000);
		for (int i = 0; i < 5_000; i++) {
			String forty = "%040d".formatted(i);
			records.add(new ParcelRecord(enterpriseId, forty, BASE.plusNanos(i * 1_000_001L), SenderIdType.values()[i % 7],
					i % 100 == 0 ? "PSEUDONYM-NOT-HEX-" + i : "%064x".formatted(31L * i + 7), county(province), "310115",
					"易碎品".repeat(13) + "件", 100_000_000 - i, RealNameMethod.values()[i % 4], i % 2 == 0, i % 3 == 0,
					"安检机".repeat(13) + (i % 10), "网点备案".repeat(10), "快递员".repeat(13) + (i % 10)));
		}
		return new ParcelChunk(enterpriseId + ":full-batch:" + province + ":0", enterpriseId, province, records);
	}
}
