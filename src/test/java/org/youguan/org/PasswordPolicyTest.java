package org.youguan.org;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	@Test
	void acceptsTenCharactersOfThreeClasses() {
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Abcdefgh1k")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Kunshan@2026a")).doesNotThrowAnyException();
	}

	/** Attack round 10: "Password1!" and "Ab1!Ab1!Ab1!" met the rules and were taken. */
	@Test
	void rejectsEasilyGuessedPasswordsThatOtherwiseMeetTheRules() {
		for (String guessable : List.of("Password1!", "Ab1!Ab1!Ab1!", "Qwer1234!@", "abcdefg1!x", "Aa123456789!")) {
			assertThat(rules(guessable)).as(guessable).containsExactly("guessable");
		}
	}

	@Test
	void rejectsPasswordsShorterThanTen() {
		assertThat(rules("Abcdef1!x")).contains("min-length");
	}

	@Test
	void rejectsPasswordsOfTwoClasses() {
		assertThat(rules("abcdefghij1")).containsExactly("character-classes");
	}

	@Test
	void rejectsAPasswordContainingTheUserNameInAnyCase() {
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang.san", "Zhang.San#2026"))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.containsExactly("not-username"));
		assertThat(rules("nas.gnahz#2026X", "zhang.san")).containsExactly("not-username");
	}

	@Test
	void rejectsCommonPasswordsThatOtherwiseMeetTheRules() {
		assertThat(rules("P@ssw0rd123")).containsExactly("common");
		assertThat(rules("1qaz@WSX3edc")).containsExactly("common");
		assertThat(rules("Huawei@123456")).containsExactly("common");
	}

	@Test
	void reportsEveryBrokenRuleAtOnce() {
		assertThat(rules("abc", "abc")).contains("min-length", "character-classes", "not-username");
	}

	private static List<String> rules(String password) {
		return rules(password, "zhang");
	}

	private static List<String> rules(String password, String username) {
		try {
			PasswordPolicy.check("p", username, password);
			return List.of();
		}
		catch (InvalidValueException ex) {
			return ex.fieldErrors().stream().map(FieldError::rule).toList();
		}
	}

	/**
	 * bcrypt reads 72 bytes and Spring's encoder refuses more (attack: an 85-character new password was a 500): more is
	 * refused naming the rule, counted in UTF-8 bytes (25 汉字 are 75); a character that shows nothing is refused too.
	 */
	@Test
	void refusesMoreThanSeventyTwoBytesAndInvisibleCharacters() {
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Xk9#" + "q".repeat(63) + "TAIL1")).doesNotThrowAnyException();
		assertThat(rules("Xk9#" + "q".repeat(64) + "TAIL1")).containsExactly("max-length");
		assertThat(rules("Xk9#" + "密".repeat(23))).containsExactly("max-length");
		assertThat(rules("Abcdefghij1\u200B")).containsExactly("invisible-character");
		assertThat(rules("Abcdefg hij1")).isEmpty();
	}
}
