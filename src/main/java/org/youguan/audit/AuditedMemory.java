package org.youguan.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A short memory of values read from the database, current as long as nothing was audited since they were read.
 *
 * <p>
 * Every change YouGuan makes writes its audit event in the same transaction (ARCHITECTURE: state change → audit event),
 * so the newest audit event id ({@link AuditTrail#latestEventId()}, one probe of the primary key) moves with any change
 * — by anyone, on this node or another. A value is remembered under its key together with that id: the first view
 * after a change reads afresh, every view before the next change is served from memory. While a writing transaction is
 * still open the head is {@code -1} and nothing is remembered (its event may commit below the newest id: see
 * {@link AuditTrail#latestEventId()}). A value also expires after
 * its time to live, which bounds how long a change that writes no audit entry (time passing) takes to show; a zero or
 * negative time to live turns the memory off (every read computes). Used by the home page figures
 * ({@code web.HomeCache}) and the public lookup ({@code registry}).
 */
public final class AuditedMemory {

	private final Cache<List<Object>, Object> entries;

	private final LongSupplier newestEvent;

	private final boolean enabled;

	/**
	 * @param newestEvent reads the newest audit event id ({@code auditTrail::latestEventId})
	 * @param clock ages the entries (a test moves the time to live with the rest of the product)
	 * @param timeToLive how long a value is remembered at most; zero or negative: never
	 * @param maximumSize how many values are remembered at most (the least used are dropped first)
	 */
	public AuditedMemory(LongSupplier newestEvent, Clock clock, Duration timeToLive, long maximumSize) {
		this.newestEvent = newestEvent;
		this.enabled = !timeToLive.isZero() && !timeToLive.isNegative();
		this.entries = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfterWrite(enabled ? timeToLive : Duration.ofMillis(1))
			.maximumSize(maximumSize)
			.build();
	}

	/**
	 * The newest audit event id as of now, to look several values of one view up under ({@code 0} when the memory is
	 * off: nothing is read).
	 */
	public long head() {
		return enabled ? newestEvent.getAsLong() : 0;
	}

	/**
	 * The value {@code compute} gives for {@code key}: remembered when nothing was audited since it was computed (the
	 * same {@code head}) and it is younger than the time to live. An exception of {@code compute} is passed on and
	 * nothing is remembered.
	 *
	 * @param head the newest audit event id read for this view ({@link #head()}); below 0: computed, not remembered
	 * @param key what the value is (its name and every parameter it depends on; elements must not be null)
	 * @param compute computes the value (never null); called for a new key only; it must not read this memory itself
	 *        (the entries are a Caffeine cache, which does not support recursive computations: a resize during the
	 *        inner one fails with "Recursive update") — read such a value first and pass it in
	 * @param <T> the value's type
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(long head, List<?> key, Supplier<T> compute) {
		if (!enabled || head < 0) {
			return compute.get();
		}
		return (T) entries.get(List.of(head, key), k -> compute.get());
	}
}
