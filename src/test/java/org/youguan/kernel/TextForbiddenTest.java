package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No text field keeps a character no one can type or see the effect of: noncharacters (U+FFFE, U+FFFF, U+FDD0 …,
 * U+1FFFF) are refused as control characters are, naming the character; ordinary text, emoji included, is kept.
 */
class TextForbiddenTest {

	@Test
	void noncharactersAreRefusedLikeControlCharacters() {
		assertThat(Text.forbiddenAt("网点\uFFFE")).isEqualTo(2);
		assertThat(Text.forbiddenAt("\uFFFF")).isZero();
		assertThat(Text.forbiddenAt("a\uFDD0")).isEqualTo(1);
		assertThat(Text.forbiddenAt("a" + Character.toString(0x1FFFF))).isEqualTo(1);
		assertThatThrownBy(() -> Text.requireClean("name", "网点名称", "网点\uFFFF"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("control-character");
				assertThat(ex.getMessage()).contains("网点名称", "U+FFFF");
			});
	}

	@Test
	void ordinaryTextIsKept() {
		assertThat(Text.forbiddenAt("菜鸟驿站（示例店）\t😀 \uFFFD")).isEqualTo(-1);
	}
}
