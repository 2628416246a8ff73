package org.youguan.safety.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one-node transport ({@code youguan.safety.transport=direct}, the default): a chunk is stored by the
 * {@link ParcelSink} before the upload reads on, so the answer is sent once every accepted record is durable.
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

	/** Stores the chunks as one unit ({@link ParcelSink#storeAll}: larger files, one transaction). */
	@Override
	public void sendAll(List<ParcelChunk> chunks) {
		sink.storeAll(chunks);
	}
}
