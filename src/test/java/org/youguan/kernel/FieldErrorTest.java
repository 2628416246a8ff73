package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure's message never carries a long input whole, whichever module wrote it: it is cut at
 * {@link FieldError#MAX_MESSAGE} characters, a short one stays as written.
 */
class FieldErrorTest {

	@Test
	void aMessageRepeatingALongInputIsCutAndAShortOneKept() {
		String typed = "字".repeat(9000);
		FieldError cut = new FieldError("reason", "one-of", "理由应为A或B，不是" + typed);
		assertThat(cut.message()).hasSize(FieldError.MAX_MESSAGE + 1).startsWith("理由应为A或B，不是").endsWith("…");
		assertThat(new FieldError("reason", "required", "理由不能为空").message()).isEqualTo("理由不能为空");
		assertThat(FieldError.capped(null)).isNull();
		assertThat(new InvalidValueException("reason", "one-of", typed).fieldErrors().get(0).message()).hasSize(501);
		String emoji = "理由：" + "😀".repeat(400);
		String cutEmoji = new FieldError("reason", "one-of", emoji).message();
		assertThat(cutEmoji).as("no half of a character at the cut").endsWith("😀…").hasSize(FieldError.MAX_MESSAGE);
		assertThat(Text.excerpt("😀".repeat(50), 5)).isEqualTo("😀😀…");
	}
}
