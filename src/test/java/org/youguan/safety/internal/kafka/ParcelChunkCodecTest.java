package org.youguan.safety.internal.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.ParcelChunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kafka wire format of a parcel chunk: exact round trip, compact, versioned, and refusing without quoting. */
class ParcelChunkCodecTest {

	final ParcelChunkCodec codec = new ParcelChunkCodec();

	@Test
	void aFullChunkWithEveryFieldAtItsLongestReadsBackEqual() {
		ParcelChunk chunk = ParcelChunks.fullChunk(7, "32");
		byte[] bytes = codec.serialize("t", chunk);

		assertThat(codec.deserialize("t", bytes)).isEqualTo(chunk);
		// well under the producer's max.request.size default (8 MB), before compression
		assertThat(bytes.length).isLessThan(4 * 1024 * 1024);
	}

	@Test
	void nullsOptionalFieldsAndFlagsSurviveTheRoundTrip() {
		ParcelChunk chunk = ParcelChunks.chunk(3, "44", "b-1", 2, 50);

		assertThat(codec.deserialize("t", codec.serialize("t", chunk))).isEqualTo(chunk);
		assertThat(codec.serialize("t", null)).isNull();
		assertThat(codec.deserialize("t", null)).isNull();
	}

	@Test
	void aHexPseudonymTakesItsThirtyTwoBytesNotSixtyFourCharacters() {
		ParcelChunk chunk = ParcelChunks.chunk(3, "44", "b-1", 2, 100);
		ParcelChunk upperCase = new ParcelChunk(chunk.key(), chunk.enterpriseId(), chunk.province(),
				chunk.records().stream().map(r -> new ParcelRecord(r.enterpriseId(), r.waybillNumber(), r.acceptedAt(),
						r.senderIdType(), r.senderIdPseudonym() == null ? null : r.senderIdPseudonym().toUpperCase(),
						r.senderRegion(), r.recipientRegion(), r.itemCategory(), r.weightGrams(), r.realNameMethod(),
						r.inspected(), r.screened(), r.screeningMachineSerial(), r.outletFilingNumber(), r.courierId()))
					.toList());
		long pseudonyms = chunk.records().stream().filter(r -> r.senderIdPseudonym() != null).count();

		assertThat(pseudonyms).isPositive();
		// as text: a 2-byte length and 64 characters; as hex: 32 bytes
		assertThat(codec.serialize("t", upperCase).length - codec.serialize("t", chunk).length)
			.isEqualTo((int) pseudonyms * (2 + 64 - 32));
		assertThat(codec.deserialize("t", codec.serialize("t", upperCase))).isEqualTo(upperCase);
	}

	@Test
	void anUnknownVersionIsRefusedNamingTheVersion() {
		byte[] bytes = codec.serialize("t", ParcelChunks.chunk(3, "44", "b-1", 2, 5));
		bytes[4] = 9;

		assertThatThrownBy(() -> codec.deserialize("t", bytes)).isInstanceOf(SerializationException.class)
			.hasMessageContaining("unknown parcel chunk version 9");
	}

	@Test
	void foreignTruncatedOrPaddedBytesAreRefusedWithoutQuotingThem() {
		byte[] json = "{\"senderIdNumber\":\"110101199003078515\"}".getBytes(StandardCharsets.UTF_8);
		byte[] good = codec.serialize("t", ParcelChunks.chunk(3, "44", "b-1", 2, 5));
		byte[] truncated = Arrays.copyOf(good, good.length - 3);
		byte[] padded = Arrays.copyOf(good, good.length + 1);
		byte[] emptyFieldsThenPadding = ByteBuffer.allocate(64).putInt(ParcelChunkCodec.MAGIC).put((byte) 1).array();

		for (byte[] bad : new byte[][] { json, truncated, padded, emptyFieldsThenPadding, new byte[0] }) {
			assertThatThrownBy(() -> codec.deserialize("t", bad)).isInstanceOf(SerializationException.class)
				.hasMessageNotContaining("110101199003078515")
				.hasMessageNotContaining("SF3")
				.hasMessageContaining(bad.length + " bytes");
		}
	}
}
