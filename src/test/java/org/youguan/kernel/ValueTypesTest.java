package org.youguan.kernel;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

	/** Built with the GB 32100 algorithm's own check character so the test data is valid by construction. */
	static String validCreditCode(String first17) {
		return first17 + CreditCode.checkCharacter(first17);
	}

	@Test
	void acceptsAPublishedCreditCode() {
		// 91350100M000100Y43 is the standard example of GB 32100-2015 Annex B
		assertThat(CreditCode.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void normalisesCreditCodeCaseAndSpaces() {
		assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void rejectsCreditCodeWithWrongCheckCharacterNamingTheRule() {
		assertThatThrownBy(() -> CreditCode.of("91350100M000100Y44")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("校验位")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule())
				.isEqualTo("check-character"));
	}

	@Test
	void rejectsCreditCodeOfWrongLengthOrForbiddenCharacters() {
		assertThatThrownBy(() -> CreditCode.of("9135010")).hasMessageContaining("18位");
		assertThatThrownBy(() -> CreditCode.of("91350100I000100Y43")).hasMessageContaining("第9位");
	}

	@Test
	void acceptsValidIdNumberAndKnowsTheBirthDate() {
		String first17 = "11010519491231002";
		IdCardNumber id = IdCardNumber.of(first17 + IdCardNumber.checkCharacter(first17));
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.toString()).isEqualTo("110105********002" + IdCardNumber.checkCharacter(first17))
			.doesNotContain("19491231");
	}

	@Test
	void acceptsTheStandardExampleWithCheckX() {
		assertThat(IdCardNumber.of("11010519491231002x").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void rejectsIdNumberWithWrongCheckDigitImpossibleDateOrLegacyForm() {
		assertThatThrownBy(() -> IdCardNumber.of("110105194912310021")).hasMessageContaining("校验码");
		String feb30 = "11010519490230002";
		assertThatThrownBy(() -> IdCardNumber.of(feb30 + IdCardNumber.checkCharacter(feb30)))
			.hasMessageContaining("出生日期");
		assertThatThrownBy(() -> IdCardNumber.of("110105491231002")).hasMessageContaining("15位");
	}

	@Test
	void acceptsMobileNumbersWithPrefixAndSeparators() {
		assertThat(MobilePhone.of("+86 139-1234-5678").value()).isEqualTo("13912345678");
		assertThat(MobilePhone.of("13912345678").masked()).isEqualTo("139****5678");
	}

	@Test
	void rejectsNonMobileNumbers() {
		assertThatThrownBy(() -> MobilePhone.of("123")).hasMessageContaining("11位");
		assertThatThrownBy(() -> MobilePhone.of("12912345678")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void masksPersonalNumbersForDisplay() {
		assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
		assertThat(Masking.phone("13912345678")).isEqualTo("139****5678");
		assertThat(Masking.phone("123")).isEqualTo("***");
	}

	@Test
	void validationCollectsEveryFailedField() {
		Validation v = new Validation();
		v.required("name", "名称", " ");
		v.check("phone", () -> MobilePhone.of("1"));
		v.check("creditCode", () -> CreditCode.of(validCreditCode("91320506MA1ND7K3Q")));
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("name", "phone");
	}
}
