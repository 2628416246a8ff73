package org.youguan.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

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
 * ({@code web.HomeCache}), the public lookup ({@code registry}) and remembered pages ({@code web.PageMemory}).
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
		this(newestEvent, timeToLive, aging(clock, timeToLive).maximumSize(maximumSize).build());
	}

	/**
	 * A memory bounded by the weight of its values rather than their number (for values of very different sizes, such
	 * as rendered pages).
	 *
	 * @param newestEvent reads the newest audit event id ({@code auditTrail::latestEventId})
	 * @param clock ages the entries
	 * @param timeToLive how long a value is remembered at most; zero or negative: never
	 * @param maximumWeight the most the remembered values may weigh together (the least used are dropped first)
	 * @param weight a value's weight, in the unit of {@code maximumWeight} (for a text: its length times two, bytes)
	 */
	@SuppressWarnings("unchecked")
	public <T> AuditedMemory(LongSupplier newestEvent, Clock clock, Duration timeToLive, long maximumWeight,
			ToIntFunction<T> weight) {
		this(newestEvent, timeToLive, aging(clock, timeToLive).maximumWeight(maximumWeight)
			.<List<Object>, Object>weigher((k, v) -> weight.applyAsInt((T) v))
			.build());
	}

	private AuditedMemory(LongSupplier newestEvent, Duration timeToLive, Cache<List<Object>, Object> entries) {
		this.newestEvent = newestEvent;
		this.enabled = on(timeToLive);
		this.entries = entries;
	}

	private static boolean on(Duration timeToLive) {
		return !timeToLive.isZero() && !timeToLive.isNegative();
	}

	/** Entries aged by the clock, expiring after the time to live (at once when the memory is off). */
	private static Caffeine<Object, Object> aging(Clock clock, Duration timeToLive) {
		return Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfterWrite(on(timeToLive) ? timeToLive : Duration.ofMillis(1));
	}

	/**
	 * The value remembered for {@code key} under {@code head}, for a value computed apart from the lookup (rendered
	 * after the caller has answered other parts of its request); {@code null} when none is, the memory is off or the
	 * head is below 0.
	 *
	 * @param head the newest audit event id read for this view ({@link #head()})
	 * @param key what the value is (elements must not be null)
	 * @param <T> the value's type
	 * @return the value, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public <T> T find(long head, List<?> key) {
		if (!enabled || head < 0) {
			return null;
		}
		return (T) entries.getIfPresent(List.of(head, key));
	}

	/**
	 * Remembers {@code value} for {@code key} under {@code head}, the head read <em>before</em> the value was computed
	 * (a change committed meanwhile then moved the head, and the next view misses); nothing when the memory is off or
	 * the head is below 0.
	 *
	 * @param head the newest audit event id read before computing the value ({@link #head()})
	 * @param key what the value is (elements must not be null)
	 * @param value the value (not null)
	 */
	public void keep(long head, List<?> key, Object value) {
		if (enabled && head >= 0) {
			entries.put(List.of(head, key), value);
		}
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
