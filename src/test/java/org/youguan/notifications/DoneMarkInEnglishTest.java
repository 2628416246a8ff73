package org.youguan.notifications;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.youguan.TestMessages;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (a notification marked done read "【已办结】" and its Chinese title in English): the done mark is the bundle's
 * {@code notification.done} around the title's words, so an English list reads "[Done] …"; Chinese reads the stored
 * title, mark and all, word for word.
 */
class DoneMarkInEnglishTest {

	private final MessageSource messages = TestMessages.bundle();

	@Test
	void aTitleMarkedDoneReadsInTheReadersLanguage() {
		Wording words = Wording.of("notification.complaint.closed", "SS-2026-000001");
		String sent = EnumWords.of(messages, words, Locale.SIMPLIFIED_CHINESE);
		assertThat(sent).isEqualTo("申诉SS-2026-000001已办结");
		Notification done = new Notification(1, Notifications.DONE + sent, null, Instant.now(), TitleWords.write(words));
		String english = EnumWords.of(messages, done.shown(), Locale.ENGLISH);
		assertThat(english).startsWith("[Done] ").contains("SS-2026-000001").doesNotContainPattern("\\p{IsHan}");
		assertThat(EnumWords.of(messages, done.shown(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(done.title());
		// a title sent without words keeps its Chinese after the mark, the mark itself in the reader's words
		Notification plain = new Notification(2, Notifications.DONE + "催报2026年11月", null, Instant.now(), null);
		assertThat(EnumWords.of(messages, plain.shown(), Locale.ENGLISH)).isEqualTo("[Done] 催报2026年11月");
		assertThat(EnumWords.of(messages, plain.shown(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(plain.title());
		// one not done reads as before
		Notification open = new Notification(3, sent, null, Instant.now(), TitleWords.write(words));
		assertThat(EnumWords.of(messages, open.shown(), Locale.ENGLISH)).doesNotContain("[Done]").doesNotContainPattern("\\p{IsHan}");
	}
}
