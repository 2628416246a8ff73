package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The length rule ({@link Validation#maxLength}) counts characters as the user and PostgreSQL do: code points. */
class ValidationLengthTest {

	static String rules(String value, int max) {
		return String.join(",", new Validation().maxLength("description", "申诉内容", value, max).errors().stream()
			.map(FieldError::rule)
			.toList());
	}

	/** Attack round 14: 2,000 emoji were refused as 4,000 characters by a 2,000-character rule. */
	@Test
	void aCharacterOutsideTheBasicPlaneCountsOnce() {
		assertThat(rules("😀".repeat(2000), 2000)).isEmpty();
		assertThat(rules("𠮷".repeat(10), 10)).as("a rare name character of CJK Extension B").isEmpty();
		assertThat(rules("😀".repeat(2001), 2000)).isEqualTo("max-length");
	}

	@Test
	void refusesOneCharacterTooManyAndNamesTheLimit() {
		assertThat(rules("字".repeat(10), 10)).isEmpty();
		var errors = new Validation().maxLength("description", "申诉内容", "字".repeat(11), 10).errors();
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("description");
			assertThat(e.rule()).isEqualTo("max-length");
			assertThat(e.message()).isEqualTo("申诉内容不能超过10个字符");
		});
	}
}
