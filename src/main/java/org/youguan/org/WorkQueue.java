package org.youguan.org;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.util.ReflectionUtils;

/**
 * One queue of a user's inbox (我的待办), as a business module sees it for that user: what the queue is, where its list
 * opens already filtered to what is open for the user, how many items wait, how many are overdue, the nearest due date
 * and the few most urgent items with their own links. Contributed by {@link WorkQueueProvider}s.
 *
 * @param queue a stable identifier, e.g. {@code filing.review} (tests and page anchors use it)
 * @param labelKey the message key of the queue's name, e.g. {@code queue.filing.review}
 * @param kind {@link Kind#ACTION} when the user has to act; {@link Kind#TRACKING} for work in progress elsewhere that
 *        the user follows (an enterprise's filings with the bureau)
 * @param link the queue's list with explicit parameters selecting exactly the items counted
 * @param count items waiting
 * @param overdue of them, past their due date
 * @param nearestDue the earliest due date among them (null: none has one)
 * @param items the most urgent items, most urgent first (at most {@link #ITEMS})
 */
public record WorkQueue(String queue, String labelKey, Kind kind, String link, long count, long overdue, LocalDate nearestDue,
		List<Item> items) {

	/** How many items a queue lists by name. */
	public static final int ITEMS = 5;

	/** Whether the user acts on the queue or follows it. */
	public enum Kind {
		ACTION, TRACKING
	}

	/**
	 * One waiting item. Its title and second line are made of parts, so that each page shows them in its reader's
	 * language: an enum constant (a status, a kind, a level) is shown by the UI bundle's {@code enum.<Type>.<CONSTANT>}
	 * (its Chinese its {@code label()}), a {@link MessageSourceResolvable} by its message (its Chinese the default
	 * message), anything else — a number, a name, a reason — as it is.
	 *
	 * @param titleParts what it is (a number and a name), parts joined by a space
	 * @param detailParts a short second line (status, counterpart), parts joined by " · "; empty for none
	 * @param link its page
	 * @param due its due date, may be null
	 * @param overdue past its due date
	 */
	public record Item(List<Object> titleParts, List<Object> detailParts, String link, LocalDate due, boolean overdue) {

		public Item {
			titleParts = List.copyOf(titleParts);
			detailParts = detailParts == null ? List.of() : detailParts.stream().filter(Objects::nonNull).toList();
		}

		/** An item whose title and second line are data (names, numbers, reasons), the same in every language. */
		public Item(String title, String detail, String link, LocalDate due, boolean overdue) {
			this(List.of(title), detail == null ? List.of() : List.of(detail), link, due, overdue);
		}

		/** The title in Chinese. */
		public String title() {
			return chinese(titleParts, " ");
		}

		/** The second line in Chinese, or null when it has none. */
		public String detail() {
			return detailParts.isEmpty() ? null : chinese(detailParts, " · ");
		}

		/** A message part: its bundle's {@code code} with the arguments, reading {@code chinese} where the bundle has none. */
		public static MessageSourceResolvable message(String code, String chinese, Object... args) {
			return new DefaultMessageSourceResolvable(new String[] { code }, args, chinese);
		}

		private static String chinese(List<Object> parts, String separator) {
			return parts.stream().map(Item::chinese).collect(Collectors.joining(separator));
		}

		/** A part's Chinese: a resolvable's default message, a constant's {@code label()}, else its text. */
		static String chinese(Object part) {
			if (part instanceof MessageSourceResolvable m) {
				return m.getDefaultMessage();
			}
			Method label = part instanceof Enum<?> ? ReflectionUtils.findMethod(part.getClass(), "label") : null;
			if (label == null || label.getParameterCount() != 0) {
				return String.valueOf(part);
			}
			ReflectionUtils.makeAccessible(label);
			return String.valueOf(ReflectionUtils.invokeMethod(label, part));
		}
	}

	public WorkQueue {
		items = items == null ? List.of() : List.copyOf(items.subList(0, Math.min(items.size(), ITEMS)));
	}

	/** A queue the user acts on. */
	public static WorkQueue action(String queue, String link, long count, long overdue, LocalDate nearestDue, List<Item> items) {
		return new WorkQueue(queue, "queue." + queue, Kind.ACTION, link, count, overdue, nearestDue, items);
	}

	/** A queue the user follows. */
	public static WorkQueue tracking(String queue, String link, long count, LocalDate nearestDue, List<Item> items) {
		return new WorkQueue(queue, "queue." + queue, Kind.TRACKING, link, count, 0, nearestDue, items);
	}

	public boolean empty() {
		return count == 0;
	}

	/**
	 * Most urgent first: queues with overdue items (the most overdue items first), then by the nearest due date, then
	 * queues without due dates by size; empty queues last.
	 */
	public static final Comparator<WorkQueue> MOST_URGENT_FIRST = Comparator.comparing(WorkQueue::empty)
		.thenComparing(t -> t.overdue() == 0)
		.thenComparing(WorkQueue::overdue, Comparator.reverseOrder())
		.thenComparing(WorkQueue::nearestDue, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(WorkQueue::count, Comparator.reverseOrder())
		.thenComparing(WorkQueue::queue);
}
