package org.youguan.safety.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one-node transport ({@code youguan.safety.transport=direct}, the default): a chunk is stored by the
 * {@link ParcelSink} before the upload reads on, or (chunks sent together) added to the upload's stream and stored by
 * {@link #finish}, so the answer is sent once every accepted record is durable.
 */
@Component
@ConditionalOnProperty(name = "youguan.safety.transport", havingValue = "direct", matchIfMissing = true)
class DirectParcelTransport implements ParcelTransport {

	private final ParcelSink sink;

	DirectParcelTransport(ParcelSink sink) {
		this.sink = sink;
	}

	@Override
	public void send(ParcelChunk chunk) {
		sink.store(chunk);
	}

	/**
	 * Adds the chunks to the upload's stream ({@link ParcelSink#append}: a file per province once enough of it came,
	 * fewer and larger files); durable once {@link #finish} returns.
	 */
	@Override
	public void sendAll(List<ParcelChunk> chunks) {
		sink.append(chunks);
	}

	/** Stores what the upload's stream keeps; returns once every chunk sent is durable. */
	@Override
	public void finish(long enterpriseId, String batchId, int attempt) {
		sink.finish(enterpriseId, batchId, attempt);
	}

	@Override
	public void discard(long enterpriseId, String batchId, int attempt) {
		sink.discard(enterpriseId, batchId, attempt);
	}
}
