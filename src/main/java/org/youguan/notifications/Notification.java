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
	 * them and is not marked done ({@link Notifications#DONE}, a mark on the Chinese title), else the Chinese title.
	 */
	public Object shown() {
		Wording words = title != null && title.startsWith(Notifications.DONE) ? null : TitleWords.read(titleWords);
		return words == null ? title : words;
	}
}
