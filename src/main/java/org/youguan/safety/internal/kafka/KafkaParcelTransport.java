package org.youguan.safety.internal.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelTransport;

/**
 * The scale-out transport ({@code youguan.safety.transport=kafka}): each chunk becomes one message on the parcel topic
 * with the key {@code <province>:<enterpriseId>}, so one enterprise's records of one province stay in order on one
 * partition and every node of the consumer group ({@link KafkaTransportConfiguration}) stores its partitions' chunks.
 * The producer is idempotent and waits for every in-sync replica ({@code acks=all}).
 */
class KafkaParcelTransport implements ParcelTransport {

	private static final Logger log = LoggerFactory.getLogger(KafkaParcelTransport.class);

	private final KafkaTemplate<String, ParcelChunk> template;

	private final KafkaTransportSettings settings;

	KafkaParcelTransport(KafkaTemplate<String, ParcelChunk> template, KafkaTransportSettings settings) {
		this.template = template;
		this.settings = settings;
	}

	/** The message key of a chunk: {@code <province>:<enterpriseId>}, the unit of order on the topic. */
	static String messageKey(ParcelChunk chunk) {
		return chunk.province() + ":" + chunk.enterpriseId();
	}

	/**
	 * Publishes a chunk and waits until the brokers have acknowledged it (written to every in-sync replica).
	 *
	 * @param chunk the chunk
	 * @throws DomainException {@link ErrorCode#UNAVAILABLE} (503) when the brokers do not acknowledge within
	 *         {@code youguan.safety.kafka.send-timeout} or refuse the message; the caller answers the upload with 503
	 *         and the enterprise sends the batch again — chunks that did arrive are stored once (idempotent by key)
	 */
	@Override
	public void send(ParcelChunk chunk) {
		sendAll(List.of(chunk));
	}

	/**
	 * Publishes the chunks, one message each (each the consumers' unit of delivery and of storing), and waits until
	 * the brokers have acknowledged all of them; the messages travel together instead of one round trip each.
	 *
	 * @throws DomainException as {@link #send}
	 */
	@Override
	public void sendAll(List<ParcelChunk> chunks) {
		List<CompletableFuture<?>> sent = new ArrayList<>(chunks.size());
		long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
		int i = 0;
		try {
			for (ParcelChunk chunk : chunks) {
				sent.add(template.send(settings.topic(), messageKey(chunk), chunk));
			}
			for (i = 0; i < sent.size(); i++) {
				sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(chunks.get(Math.min(i, chunks.size() - 1)), ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw unavailable(chunks.get(Math.min(i, chunks.size() - 1)), ex);
		}
	}

	private DomainException unavailable(ParcelChunk chunk, Exception ex) {
		Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
		log.warn("Parcel chunk {} not acknowledged by Kafka topic {}: {}", chunk.key(), settings.topic(), cause.toString());
		return new DomainException(ErrorCode.UNAVAILABLE,
				"实名收寄记录暂时无法保存，请稍后以相同 batchId 重新提交");
	}
}
