package org.youguan.kernel;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.io.function.IORunnable;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A body read under a cap on its size, refused at the first byte past the cap — never cut off silently, never held
 * whole: the one rule of the web layer's limit on request bodies ({@code youguan.web.max-json-body}, a body sent in
 * chunks) and of the parcel-record ingest's limit on a batch ({@code youguan.safety.max-batch-bytes}, once gzip is
 * undone). Built on commons-io's {@link BoundedInputStream}, which counts and stops at the cap; what this adds is
 * telling a body that ends exactly at the cap (taken) from one that goes on (refused).
 */
public final class CappedStream {

	private CappedStream() {
	}

	/**
	 * {@code in} read to at most {@code maxBytes} bytes. The read that would go past them reads one more byte of
	 * {@code in}: none (its end) is the end of this stream too, so a body of exactly {@code maxBytes} is read whole; one
	 * fails that read with {@code refusal}'s exception. {@code in} is never asked for more than one byte past the cap, so
	 * nothing beyond it is buffered. Closing the stream closes {@code in}.
	 * @param in the body
	 * @param maxBytes the most bytes the body may have (0: none)
	 * @param refusal throws the caller's refusal naming its limit — an {@link IOException} (e.g.
	 *        {@link BodyTooLargeException}) or an unchecked one (e.g. {@link InvalidValueException#tooLarge}); should it
	 *        return, the read fails with a plain {@link IOException} all the same
	 * @throws IOException never in practice (the builder's signature)
	 */
	public static InputStream capped(InputStream in, long maxBytes, IORunnable refusal) throws IOException {
		return BoundedInputStream.builder()
			.setInputStream(in)
			.setMaxCount(maxBytes)
			.setPropagateClose(true)
			.setOnMaxCount((max, count) -> {
				if (in.read() >= 0) {
					refusal.run();
					throw new IOException("more than " + max + " bytes");
				}
			})
			.get();
	}
}
