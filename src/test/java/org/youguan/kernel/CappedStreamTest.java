package org.youguan.kernel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedStreamTest {

	private static InputStream capped(InputStream in, long max) throws IOException {
		return CappedStream.capped(in, max, () -> {
			throw new BodyTooLargeException("过大");
		});
	}

	@Test
	void aBodyOfExactlyTheCapIsReadWholeByBlocksAndByBytes() throws IOException {
		assertThat(capped(new ByteArrayInputStream(new byte[100]), 100).readAllBytes()).hasSize(100);
		InputStream bytes = capped(new ByteArrayInputStream(new byte[3]), 3);
		assertThat(new int[] { bytes.read(), bytes.read(), bytes.read(), bytes.read(), bytes.read() })
			.containsExactly(0, 0, 0, -1, -1);
		assertThat(capped(InputStream.nullInputStream(), 0).read()).isEqualTo(-1);
	}

	@Test
	void theByteOnePastTheCapFailsTheReadWithTheCallersRefusal() throws IOException {
		assertThatThrownBy(() -> capped(new ByteArrayInputStream(new byte[101]), 100).transferTo(OutputStream.nullOutputStream()))
			.isInstanceOf(BodyTooLargeException.class)
			.hasMessage("过大");
		InputStream bytes = capped(new ByteArrayInputStream(new byte[] { 1, 2 }), 1);
		assertThat(bytes.read()).isEqualTo(1);
		assertThatThrownBy(bytes::read).isInstanceOf(BodyTooLargeException.class);
		assertThatThrownBy(() -> capped(new ByteArrayInputStream(new byte[1]), 0).read())
			.isInstanceOf(BodyTooLargeException.class);
		InputStream unchecked = CappedStream.capped(new ByteArrayInputStream(new byte[11]), 10, () -> {
			throw new IllegalArgumentException("批次过大");
		});
		assertThatThrownBy(unchecked::readAllBytes).isInstanceOf(IllegalArgumentException.class).hasMessage("批次过大");
	}

	@Test
	void theBodyIsNeverAskedForMoreThanOneBytePastTheCap() throws IOException {
		ByteArrayInputStream body = new ByteArrayInputStream(new byte[10_000]);
		InputStream in = capped(body, 1000);
		assertThat(in.read(new byte[8192])).isEqualTo(1000);
		assertThatThrownBy(() -> in.read(new byte[8192])).isInstanceOf(BodyTooLargeException.class);
		assertThat(body.available()).isEqualTo(10_000 - 1001);
	}

	@Test
	void aRefusalThatReturnsStillFailsTheRead() throws IOException {
		InputStream in = CappedStream.capped(new ByteArrayInputStream(new byte[2]), 1, () -> {
		});
		assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("more than 1 bytes");
	}
}
