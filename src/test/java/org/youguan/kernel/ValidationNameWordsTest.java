package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name made only of punctuation, brackets or symbols names nothing and has an empty twin key
 * ({@link Text#textKey}): refused by the shared name rule (rule {@code no-words}), a name with a letter or digit kept.
 */
class ValidationNameWordsTest {

	@Test
	void aNameOfOnlyPunctuationIsRefusedNamingTheRule() {
		for (String name : List.of("——", "（ ）", "。。", "《》")) {
			Validation v = new Validation();
			v.name("name", "部门名称", name, 60);
			assertThat(v.errors()).as(name).singleElement().extracting(FieldError::field, FieldError::rule)
				.containsExactly("name", "no-words");
		}
	}

	@Test
	void aNameWithAWordOrDigitPasses() {
		for (String name : List.of("市场监管处", "（一）", "第3科", "A-1")) {
			Validation v = new Validation();
			v.name("name", "部门名称", name, 60);
			assertThat(v.hasErrors()).as(name).isFalse();
		}
	}
}
