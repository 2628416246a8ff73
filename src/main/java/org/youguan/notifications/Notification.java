package org.youguan.notifications;

import java.time.Instant;

import org.youguan.kernel.Wording;

/**
 * One notification as the recipient sees it: {@code title} in Chinese (searched beside its English wording, and shown
 * where there are no words),
 * {@code titleWords} the same as words of the UI bundle as JSON ({@link TitleWords}; null when sent as text only).
 */
public record Notification(long id, String title, String link, Instant createdAt, String titleWords) {

	/**
	 * The title as the pages word it in the reader's language ({@code ${@labels.of(n.shown())}}): its words where it has
	 * them, else the Chinese title; one marked done ({@link Notifications#DONE}, a mark on the stored Chinese title) as
	 * the bundle's {@code notification.done} around them ("【已办结】…" in Chinese, "[Done] …" in English) — the title
	 * after the mark where it has no words.
	 */
	public Object shown() {
		Wording words = TitleWords.read(titleWords);
		if (title == null || !title.startsWith(Notifications.DONE)) {
			return words == null ? title : words;
		}
		return Wording.of("notification.done", words == null ? title.substring(Notifications.DONE.length()) : words);
	}
}
