package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name written in words only (a region's, a holiday's): 汉字 with its extensions, 〇 and private-use rare characters,
 * letters, digits and the usual punctuation pass; markup, emoji, other symbols and control characters are refused
 * (rule {@code characters}), once per field.
 */
class ValidationWordsOnlyTest {

	static String rule(String value) {
		var errors = new Validation().line("name", "名称", value, 100).wordsOnly("name", "名称", value).errors();
		return errors.isEmpty() ? null : errors.get(0).rule() + (errors.size() > 1 ? "+" + errors.size() : "");
	}

	@Test
	void namesOfTheOfficialListsPass() {
		assertThat(rule("娄葑街道")).isNull();
		assertThat(rule("测试街道（㙟）〇\uE170")).isNull();
		assertThat(rule("𠮷野家社区")).isNull();
		assertThat(rule("第1村民小组、第2村民小组")).isNull();
		assertThat(rule("中秋、国庆节")).isNull();
		assertThat(rule("New Year's Day")).isNull();
	}

	@Test
	void markupEmojiAndSymbolsAreRefused() {
		assertThat(rule("<script>alert(1)</script>")).isEqualTo("characters");
		assertThat(rule("测试街道😀")).isEqualTo("characters");
		assertThat(rule("街道&amp;")).isEqualTo("characters");
		assertThat(rule("街道★")).isEqualTo("characters");
		assertThat(new Validation().wordsOnly("name", "名称", "街道😀").errors().get(0).message()).contains("😀");
	}

	@Test
	void aCharacterTheNameRulesRefuseIsRefusedOnce() {
		assertThat(rule("测试\n街道")).isEqualTo("line-break");
		assertThat(rule("测试\u200B街道")).isEqualTo("invisible-character");
		assertThat(new Validation().wordsOnly("name", "名称", null).errors()).isEmpty();
	}
}
