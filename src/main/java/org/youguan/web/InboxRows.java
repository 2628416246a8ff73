package org.youguan.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.youguan.audit.AuditEvent;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;
import org.youguan.org.WorkQueue;
import org.youguan.platform.ChinaTime;

/**
 * The inbox of a home page (我的待办, 在办, 已办) and 工作台's recent activity prepared for its fragments ({@code web/inbox.html}): every link, label,
 * CSS class and formatted date a row shows, computed once in Java instead of a dozen template expressions, message
 * lookups with arguments and a fragment per row (issue 12: rendering was four fifths of 工作台's CPU). The texts are the
 * message bundles' in the request's locale, formatted as the template formatted them. The rows are public records, so
 * that the template's expressions on them are compiled.
 */
public final class InboxRows {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final DateTimeFormatter DONE_AT = DateTimeFormatter.ofPattern("MM-dd HH:mm")
		.withZone(ChinaTime.ZONE);

	/**
	 * One queue as its row shows it.
	 *
	 * @param queue the queue's identifier ({@code data-queue})
	 * @param css the row's classes ({@code queue-empty} added when empty)
	 * @param count items waiting ({@code data-count})
	 * @param overdue of them overdue ({@code data-overdue})
	 * @param href the queue's list
	 * @param label the queue's name
	 * @param countCss the count badge's classes
	 * @param countText 3件
	 * @param overdueText 超期1件, or null when none is overdue
	 * @param nearestDueText 最近时限 2026-12-03, or null without a due date
	 * @param provisional the nearest due date is counted on a provisional calendar (暂定)
	 * @param empty no item waits (已清空)
	 * @param items the most urgent items
	 * @param moreText 查看全部N件 when more items wait than are listed, otherwise null
	 */
	public record Queue(String queue, String css, long count, long overdue, String href, String label, String countCss,
			String countText, String overdueText, String nearestDueText, boolean provisional, boolean empty,
			List<Item> items, String moreText) {
	}

	/**
	 * One item of a queue.
	 *
	 * @param href its page
	 * @param title what it is
	 * @param detail its second line, may be null
	 * @param dueCss the due date's classes, null without a due date
	 * @param dueText the due date alone in its cell (11-30; 2025-11-30 in another year), or once overdue the sentence
	 *        saying so in the reader's language (2026年11月30日已超期, 2026-11-30 overdue); null without one
	 */
	public record Item(String href, String title, String detail, String dueCss, String dueText) {
	}

	/**
	 * One handled event (已办).
	 *
	 * @param at when, in China's time
	 * @param href its object's page, null when no module knows one
	 * @param summary what was done
	 */
	public record Done(String at, String href, String summary) {
	}

	/**
	 * One audit event of 工作台's recent activity (最近动态).
	 *
	 * @param at when, in China's time
	 * @param actor who
	 * @param summary what
	 */
	public record Recent(String at, String actor, String summary) {
	}

	private final MessageSource messages;

	private final Locale locale;

	private final String contextPath;

	private final WorkingCalendar calendar;

	private final LocalDate today;

	/**
	 * @param messages the message bundles
	 * @param locale the request's locale
	 * @param contextPath the request's context path, prefixed to every link
	 * @param calendar tells provisional due dates
	 * @param today the current day (China time): an item's date in another year shows its year ({@link #day})
	 */
	InboxRows(MessageSource messages, Locale locale, String contextPath, WorkingCalendar calendar, LocalDate today) {
		this.today = today;
		this.messages = messages;
		this.locale = locale;
		this.contextPath = contextPath;
		this.calendar = calendar;
	}

	/** The rows of the given queues, in their order. */
	List<Queue> queues(List<WorkQueue> queues) {
		return queues.stream().map(this::queue).toList();
	}

	/** The rows of the given handled events, in their order. */
	List<Done> done(List<Inbox.Done> done) {
		return done.stream()
			.map(d -> new Done(DONE_AT.format(d.event().occurredAt()), d.link() == null ? null : contextPath + d.link(),
					summary(d.event())))
			.toList();
	}

	/**
	 * What an event did as the reader reads it: the recorded summary (Chinese, written when it happened) in Chinese;
	 * in another language the action's name from the bundle ({@code audit.action.<code>}) and the object's type and id,
	 * the summary where the bundle names no action.
	 */
	private String summary(AuditEvent event) {
		if (Locale.CHINESE.getLanguage().equals(locale.getLanguage()) || event.action() == null) {
			return event.summary();
		}
		String action = messages.getMessage("audit.action." + event.action(), null, null, locale);
		if (action == null) {
			return event.summary();
		}
		return event.objectId() == null || event.objectType() == null ? action : action + " · "
				+ messages.getMessage("audit.object." + event.objectType(), null, event.objectType(), locale) + " "
				+ event.objectId();
	}

	/** The rows of 最近动态, in their order. */
	List<Recent> recent(List<AuditEvent> events) {
		return events.stream().map(e -> new Recent(DONE_AT.format(e.occurredAt()), e.actorName(), summary(e))).toList();
	}

	private Queue queue(WorkQueue t) {
		String href = contextPath + t.link();
		List<Item> items = t.items().stream().map(i -> {
			if (i.due() == null) {
				return new Item(contextPath + i.link(), text(i.titleParts(), " "), detail(i), null, null);
			}
			// a due day alone in its cell stays compact (11-30, the list form: README, 日期); joined to 已超期 it is a
			// sentence, worded in the reader's language by the message source (2026年11月30日已超期, 2026-11-30 overdue)
			return new Item(contextPath + i.link(), text(i.titleParts(), " "), detail(i),
					i.overdue() ? "ms-auto text-nowrap text-red fw-bold" : "ms-auto text-nowrap text-secondary",
					i.overdue() ? message("home.queue.itemOverdue", i.due()) : day(i.due()));
		}).toList();
		return new Queue(t.queue(), t.empty() ? "list-group-item work-queue queue-empty" : "list-group-item work-queue",
				t.count(), t.overdue(), href, message(t.labelKey()),
				t.empty() ? "badge queue-count bg-secondary-lt" : "badge queue-count bg-blue-lt",
				message("home.queue.count", t.count()),
				t.overdue() > 0 ? message("home.queue.overdue", t.overdue()) : null,
				t.nearestDue() == null ? null : message("home.queue.nearestDue", t.nearestDue()),
				t.nearestDue() != null && calendar.isProvisional(t.nearestDue()), t.empty(), items,
				t.count() > t.items().size() ? message("home.queue.more", t.count()) : null);
	}

	/**
	 * An item's date as its row shows it: month and day (11-30) in the current year, with its year (2025-11-30) in
	 * any other — a year-old date read as this year's would look due soon (attack: a correction draft's due day).
	 */
	String day(LocalDate due) {
		return (due.getYear() == today.getYear() ? MONTH_DAY : DAY).format(due);
	}

	private String detail(WorkQueue.Item item) {
		return item.detailParts().isEmpty() ? null : text(item.detailParts(), " · ");
	}

	/**
	 * An item's parts in the request's language ({@link WorkQueue.Item}): a constant by its {@code enum.} key as
	 * {@code @labels} shows it, a message by the bundle, a {@link Wording} as {@link EnumWords} words it (its lists
	 * joined by the language's separator), anything else as it is.
	 */
	private String text(List<Object> parts, String separator) {
		return parts.stream().map(part -> {
			if (part instanceof MessageSourceResolvable m) {
				return messages.getMessage(m, locale);
			}
			if (part instanceof Enum<?> e || part instanceof Wording) {
				return EnumWords.of(messages, part, locale);
			}
			return String.valueOf(part);
		}).collect(Collectors.joining(separator));
	}

	/** A message as the template's {@code #{code(args)}} gives it ({@code ??code_locale??} when the bundles lack it). */
	private String message(String code, Object... args) {
		return messages.getMessage(code, args.length == 0 ? null : args, "??" + code + "_" + locale + "??", locale);
	}
}
