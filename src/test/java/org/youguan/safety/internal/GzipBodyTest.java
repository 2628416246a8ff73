package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gzip members one after another are read whole, however the bytes arrive; anything after them refuses the body. */
class GzipBodyTest {

	static byte[] member(String text) throws IOException {
		return ParcelRecordAttackIntegrationTest.gzip(text);
	}

	static byte[] concat(byte[]... parts) {
		return Arrays.stream(parts).reduce(new byte[0], ParcelBodyAttackIntegrationTest::concat);
	}

	/** A body that arrives a few bytes at a time and never says more is available, as a slow upload does. */
	static InputStream trickling(byte[] bytes) {
		return new FilterInputStream(new ByteArrayInputStream(bytes)) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				return super.read(b, off, Math.min(len, 3));
			}

			@Override
			public int available() {
				return 0;
			}
		};
	}

	static String read(InputStream in) throws IOException {
		try (InputStream body = new GzipBody(in)) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void membersOneAfterAnotherAreReadWholeHoweverTheyArrive() throws IOException {
		byte[] body = concat(member("a\n".repeat(5000)), member(""), member("b\n"));
		assertThat(read(new ByteArrayInputStream(body))).isEqualTo("a\n".repeat(5000) + "b\n");
		assertThat(read(trickling(body))).as("the JDK's GZIPInputStream lost the second member here")
			.isEqualTo("a\n".repeat(5000) + "b\n");
	}

	@Test
	void bytesAfterTheLastMemberRefuseTheBody() throws IOException {
		for (byte[] garbage : new byte[][] { "x".getBytes(StandardCharsets.UTF_8), new byte[] { 0, 0 }, new byte[] { 0x1f },
				new byte[] { 0x1f, (byte) 0x8b } }) {
			byte[] body = concat(member("a\n"), garbage);
			assertThatThrownBy(() -> read(trickling(body))).as(Arrays.toString(garbage))
				.isInstanceOfAny(InvalidValueException.class, EOFException.class);
		}
		assertThatThrownBy(() -> read(new ByteArrayInputStream(concat(member("a\n"), "garbage".getBytes(StandardCharsets.UTF_8)))))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule()).isEqualTo("gzip-trailing"));
	}

	@Test
	void aMemberCutShortIsAnEofAndADamagedOneAZipException() throws IOException {
		byte[] whole = member("a\n".repeat(1000));
		assertThatThrownBy(() -> read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 3))))
			.isInstanceOf(EOFException.class);
		byte[] damaged = whole.clone();
		damaged[damaged.length - 6] ^= 0x55;
		assertThatThrownBy(() -> read(new ByteArrayInputStream(damaged))).isInstanceOf(java.util.zip.ZipException.class);
	}
}
