package org.youguan.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Telephone numbers as people type them, each read to its one canonical form — and what is no number.
 */
class TelephoneTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			// the landlines
			"0512-65551234-801|0512-65551234-801|LANDLINE", "(0512)65551234|0512-65551234|LANDLINE",
			"+86-512-65551234|0512-65551234|LANDLINE",
			// spaces, brackets, dots, full-width, country code, extension markers
			"0512 6555 1234|0512-65551234|LANDLINE", "051265551234|0512-65551234|LANDLINE",
			"（０５１２）６５５５１２３４|0512-65551234|LANDLINE", "０５１２－６５５５１２３４|0512-65551234|LANDLINE",
			"0512.6555.1234|0512-65551234|LANDLINE", "+86 (0)512 6555 1234|0512-65551234|LANDLINE",
			"0086 512 65551234|0512-65551234|LANDLINE", "86-512-65551234|0512-65551234|LANDLINE",
			"0512-65551234转801|0512-65551234-801|LANDLINE", "0512-65551234 分机 801|0512-65551234-801|LANDLINE",
			"0512-65551234 ext. 8012|0512-65551234-8012|LANDLINE", "0512-65551234#801|0512-65551234-801|LANDLINE",
			"0512-6555-1234-801|0512-65551234-801|LANDLINE", "(0512) 6555 1234 801|0512-65551234-801|LANDLINE",
			// three-digit area codes, seven-digit local numbers
			"010-62551234|010-62551234|LANDLINE", "025-12345678|025-12345678|LANDLINE", "02162551234|021-62551234|LANDLINE", "0571-8765432|0571-8765432|LANDLINE",
			"05718765432|0571-8765432|LANDLINE", "0512-6555123-8|0512-6555123-8|LANDLINE",
			// mobiles and service numbers
			"13800138000|13800138000|MOBILE", "+86 138 0013 8000|13800138000|MOBILE", "8613800138000|13800138000|MOBILE",
			"138-0013-8000|13800138000|MOBILE", "+86-13800138000|13800138000|MOBILE",
			"400-811-1111|400-811-1111|SERVICE", "4008111111|400-811-1111|SERVICE", "800 820 8820 转 3|800-820-8820-3|SERVICE" })
	void readsEveryWayOfWritingToOneCanonicalForm(String typed, String canonical, Telephone.Kind kind) {
		Telephone phone = Telephone.of(typed);
		assertThat(phone.value()).isEqualTo(canonical);
		assertThat(phone.kind()).isEqualTo(kind);
		assertThat(Telephone.of(canonical).value()).as("the canonical form reads as itself").isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "12912345678", "1380013800", "138001380001", "0512-123", "0512-0123456",
			"0512-655512345", "13800138000-801", "abc", "0512-65551234-1234567", "+1 415 555 0100", "110" })
	void refusesWhatIsNoNumber(String typed) {
		assertThatThrownBy(() -> Telephone.of(typed)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).field()).isEqualTo("phone"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "65551234", "6555123" })
	void asksForTheAreaCodeOfALocalNumber(String typed) {
		assertThatThrownBy(() -> Telephone.of(typed)).hasMessageContaining("区号")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule()).isEqualTo("area-code"));
	}
}
