package org.youguan.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditTrail;
import org.youguan.audit.AuditedMemory;

/**
 * A short memory of what the home pages count (the inbox's queues, the bureau counters, the recent changes), so that a
 * reload of 工作台 costs one index probe instead of some fifty counts.
 *
 * <p>
 * An entry is keyed by what it is, whose it is (a user id, or a data scope for figures every user of the scope
 * shares), the day, and the newest audit event id ({@link AuditedMemory}). Every change YouGuan makes is audited, so
 * any change — by this user or anyone else, on this node or another — gives the next view a new key and fresh figures;
 * the day in the key moves overdue flags at midnight. An entry also expires after {@code youguan.web.home-cache}
 * (ISO-8601 duration, default 20 s; {@code PT0S} turns the memory off), which bounds how long a change that writes no
 * audit entry (a deadline passing within the day) takes to show.
 */
@Component
class HomeCache {

	private final AuditedMemory memory;

	HomeCache(AuditTrail audit, Clock clock, @Value("${youguan.web.home-cache:PT20S}") Duration timeToLive) {
		this.memory = new AuditedMemory(audit::latestEventId, clock, timeToLive, 10_000);
	}

	/**
	 * The figures of one page view as of now: the newest audit event id is read once, here, and every figure of the
	 * view is looked up under it.
	 *
	 * @param day the day the page is shown for (its overdue flags and "today" counts depend on it)
	 * @return the view's memory
	 */
	View at(LocalDate day) {
		return new View(day, memory.head());
	}

	/** The memory as of one audit event and day. */
	final class View {

		private final LocalDate day;

		private final long head;

		private View(LocalDate day, long head) {
			this.day = day;
			this.head = head;
		}

		/**
		 * The value {@code compute} gives for ({@code what}, {@code whose}): remembered when nothing was audited since
		 * it was computed on this day and it is younger than the time to live.
		 *
		 * @param what a name for the figure, e.g. {@code "queues"}
		 * @param whose whom it belongs to: a user id, or the data scope every user of which sees the same figure
		 * @param compute computes the figure (never null); called for a new key only
		 * @param <T> the figure's type
		 * @return the figure
		 */
		<T> T get(String what, Object whose, Supplier<T> compute) {
			return memory.get(head, List.of(what, whose, day), compute);
		}
	}
}
