package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The character rules of the numbers staff type besides 文号: a 许可证编号 ({@link Validation#licenceNumber}) and a
 * voucher or certificate number — 退付凭证号, 执法证号 ({@link Validation#voucherNumber}). Each is written only with what
 * such a number is printed with; markup, quotes, semicolons are refused naming the field and the character, control
 * and invisible characters as every identifier (they were accepted with the identifier rule alone:
 * "收入退还书&lt;b&gt;1&lt;/b&gt;" was kept as a refund's voucher and shown on the case and in its audit).
 */
class ValidationVoucherAndLicenceNumberTest {

	static String voucher(String number) {
		return String.join(",", new Validation().voucherNumber("receipt", "退付凭证号（receipt）", number).errors().stream()
			.map(FieldError::rule).toList());
	}

	static String licence(String number) {
		return String.join(",", new Validation().licenceNumber("number", "许可证编号（number）", number).errors().stream()
			.map(FieldError::rule).toList());
	}

	@Test
	void aVoucherNumberWithMarkupOrOtherSignsIsRefusedNamingTheFieldAndTheCharacter() {
		var errors = new Validation().voucherNumber("receipt", "退付凭证号（receipt）", "收入退还书<b>1</b>").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("receipt", "voucher-number"));
		assertThat(errors.get(0).message()).contains("退付凭证号（receipt）").contains("“<”");
		for (String bad : new String[] { "No.\"1\"", "3205001;DROP", "3205001&amp;", "R'1", "No.1{2}", "3205*001" }) {
			assertThat(voucher(bad)).as(bad).isEqualTo("voucher-number");
		}
		assertThat(voucher("32050\u00070001")).isEqualTo("invisible-character");
		assertThat(voucher("32050\u200B0001")).isEqualTo("invisible-character");
		assertThat(voucher("3205\n0001")).isEqualTo("line-break");
	}

	@Test
	void theFormsOfVoucherAndCertificateNumbersPass() {
		for (String good : new String[] { "收入退还书No.3205001234", "苏财退〔2026〕12号", "R-2026/0001", "№ 0012345",
				"（2026）退字第3号", "苏32050001", "3205_2026_01", "No：3205001", "#2026-01", "Ｒ００１" }) {
			assertThat(voucher(good)).as(good).isEmpty();
		}
		assertThat(voucher(null)).isEmpty();
	}

	@Test
	void aLicenceNumberIsWrittenOnlyWithWhatLicenceNumbersAreWrittenWith() {
		var errors = new Validation().licenceNumber("number", "许可证编号（number）", "苏<script>1").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("number", "licence-number"));
		assertThat(errors.get(0).message()).contains("许可证编号（number）").contains("“<”");
		// finding stat50-4: the brackets the registry's pattern refuses are refused here too, in words saying what is allowed
		for (String bad : new String[] { "苏2015/001", "苏2015.001", "苏\"2015\"", "苏2015;1", "苏#2015", "苏〔2015〕001",
				"苏【2015】001", "苏[2015]001" }) {
			assertThat(licence(bad)).as(bad).isEqualTo("licence-number");
		}
		assertThat(licence("苏2015\u0000001")).isEqualTo("invisible-character");
		assertThat(licence("苏2015\u2060001")).isEqualTo("invisible-character");
		for (String good : new String[] { "苏2015001", "邮政（苏）2015-001", "ABC-2015-01", "苏２０１５００１", "邮政（苏）2015－001", "快递许可 32 2026 H00001" }) {
			assertThat(licence(good)).as(good).isEmpty();
		}
		assertThat(licence(null)).isEmpty();
		assertThat(new Validation().licenceNumber("number", "许可证编号", "苏〔2015〕001").errors().get(0).message())
			.isEqualTo("许可证编号只能由汉字、英文字母、数字、圆括号()（）、连字符-和空格组成，不能含有“〔”");
	}

	/**
	 * One set of characters: every character the typed-number check takes (upper-cased, spaces aside) is one the
	 * registry's default pattern takes, and the brackets it refuses are refused by both.
	 */
	@Test
	void theTypedCheckAndTheRegistrysDefaultPatternAreOneSetOfCharacters() {
		java.util.regex.Pattern registry = java.util.regex.Pattern.compile("[" + Validation.LICENCE_NUMBER_CHARACTERS + "]{4,40}");
		for (String good : new String[] { "苏2015001", "邮政(苏)2015-001", "ABC-2015-01", "邮政（苏）2015-001" }) {
			assertThat(licence(good)).as(good).isEmpty();
			assertThat(registry.matcher(good).matches()).as(good).isTrue();
		}
		for (String bad : new String[] { "苏〔2015〕001", "苏【2015】001", "苏[2015]001" }) {
			assertThat(licence(bad)).as(bad).isEqualTo("licence-number");
			assertThat(registry.matcher(bad).matches()).as(bad).isFalse();
		}
	}
}
