package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The name rule ({@link Validation#name}): no character that shows nothing inside, and no combining mark (Mn, Me, Mc)
 * as the first character, where it belongs to nothing.
 */
class ValidationNameTest {

	static String rules(String name) {
		return String.join(",", new Validation().name("filerName", "申诉人姓名", name, 60).errors().stream()
			.map(FieldError::rule)
			.toList());
	}

	@Test
	void aNameMadeOfACombiningMarkAloneIsRefusedNamingTheFieldAndTheCharacter() {
		var errors = new Validation().name("filerName", "申诉人姓名", "\u0301").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("filerName", "combining-mark"));
		assertThat(errors.get(0).message()).startsWith("申诉人姓名不能以组合附加符号开头（U+0301");
	}

	@Test
	void aNameStartingWithANonSpacingEnclosingOrSpacingCombiningMarkIsRefused() {
		assertThat(rules("\u0301张三")).isEqualTo("combining-mark");
		assertThat(rules("\u20DD")).as("enclosing circle (Me)").isEqualTo("combining-mark");
		assertThat(rules("\u0903")).as("Devanagari visarga (Mc)").isEqualTo("combining-mark");
		assertThat(rules(" \u0301 ")).as("spaces around it are stripped first").isEqualTo("combining-mark");
	}

	@Test
	void aCombiningMarkAfterALetterIsPartOfTheName() {
		assertThat(rules("Jose\u0301")).isEmpty();
		assertThat(rules("张三")).isEmpty();
		assertThat(rules("Zoë")).isEmpty();
	}

	@Test
	void anInvisibleCharacterInsideStillIsItsOwnRuleAndNullPasses() {
		assertThat(rules("张\u200B三")).isEqualTo("invisible-character");
		assertThat(new Validation().name("subject", "被询问人", null).errors()).isEmpty();
	}
}
