package org.youguan.org;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Abcdefg1")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "abcdef1!")).doesNotThrowAnyException();
	}

	@Test
	void rejectsShortPasswords() {
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang", "Ab1!")).hasMessageContaining("8位");
	}

	@Test
	void rejectsPasswordsOfTwoClasses() {
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang", "abcdefgh1")).hasMessageContaining("三类");
	}

	@Test
	void rejectsTheUserNameEvenWithThreeClasses() {
		assertThatThrownBy(() -> PasswordPolicy.check("p", "Admin.2026", "admin.2026"))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> org.assertj.core.api.Assertions
				.assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.contains("not-username"));
	}
}
