package org.youguan.kernel;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Numbers from outside are judged by their digits before anything computes with them: an exponent no field holds is
 * refused at once (no 40-million-digit rounding or text), a fraction where a count is expected names the rule, and a
 * message repeats only the start of what was sent.
 */
class DecimalsTest {

	@Test
	void digitsAreCountedWithoutWritingTheNumberOutOrOverflowing() {
		assertThat(Decimals.fits(new BigDecimal("1e-40000000"), 15, 10)).isFalse();
		assertThat(Decimals.fits(new BigDecimal("-1e40000000"), 15, 10)).isFalse();
		assertThat(Decimals.fits(new BigDecimal("1e2147483647"), 15, 10)).as("precision − scale overflows an int").isFalse();
		assertThat(Decimals.fits(new BigDecimal("1e-2147483647"), 15, 10)).isFalse();
		assertThat(Decimals.fits(new BigDecimal("0E-40000000"), 15, 10)).as("a zero of any scale").isTrue();
		assertThat(Decimals.tame(new BigDecimal("0E-40000000"))).isSameAs(BigDecimal.ZERO);
		assertThat(Decimals.fits(new BigDecimal("123456789012345"), 15, 0)).isTrue();
		assertThat(Decimals.fits(new BigDecimal("1234567890123456"), 15, 0)).isFalse();
		assertThat(Decimals.fits(new BigDecimal("1.50000000000000000000"), 15, 1)).as("trailing zeros are no digits").isTrue();
		assertThat(Decimals.fits(new BigDecimal("1.25"), 15, 1)).isFalse();
		assertThat(Decimals.fits(new BigDecimal("1E+3"), 4, 0)).isTrue();
		assertThat(Decimals.isWhole(new BigDecimal("30.0"))).isTrue();
		assertThat(Decimals.isWhole(new BigDecimal("1.5"))).isFalse();
		assertThat(Decimals.isWhole(new BigDecimal("1e-40000000"))).isFalse();
	}

	@Test
	void aTypedNumberIsRefusedNamingTheFieldTheRuleAndAShortExcerpt() {
		assertThat(Decimals.parse("amount", "金额", " 8000.50 ", 12, 2)).isEqualByComparingTo("8000.5");
		assertThat(Decimals.parse("amount", "金额", " ", 12, 2)).isNull();
		assertThatThrownBy(() -> Decimals.parse("amount", "金额", "1e-40000000", 12, 2)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("amount");
					assertThat(e.rule()).isEqualTo("digits");
					assertThat(e.message()).startsWith("金额超出允许的位数").hasSizeLessThan(80);
				}));
		assertThatThrownBy(() -> Decimals.parse("amount", "金额", "9".repeat(100_000), 12, 2))
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule()).isEqualTo("number"))
			.satisfies(ex -> assertThat(ex.getMessage()).hasSizeLessThan(100));
		assertThatThrownBy(() -> Decimals.parse("parcels", "快递业务量", "1.5", 12, 0))
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule()).isEqualTo("integer"))
			.hasMessageContaining("应为整数");
		assertThatThrownBy(() -> Decimals.parse("x", "值", "NaN", 12, 2)).hasMessageContaining("应为数字");
	}

	@Test
	void aMoneyAmountWithAHugeExponentIsToldInAShortMessage() {
		Validation v = new Validation().money("amountClaimed", "索赔金额", new BigDecimal("1e-30000000"))
			.money("fine", "罚款", new BigDecimal("1e30000000"));
		assertThat(v.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(100));
		assertThat(v.errors().get(0).message()).contains("1E-30000000");
		Validation counts = new Validation();
		assertThat(counts.whole("staff", "从业人员", "1.5", 9)).isNull();
		assertThat(counts.whole("outlets", "网点", "30.0", 9)).isEqualTo(30L);
		assertThat(counts.errors()).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("integer"));
	}

	/**
	 * Money and statistics read grouped thousands alike: well-formed groups of three are the number (1,000 is 1000,
	 * full-width １，０００ too), a comma out of its place or digits grouped by spaces are refused naming the field, the
	 * text shown with plain spaces (50 000 typed with a no-break space is not echoed with an invisible one).
	 */
	/**
	 * Attack round 17: only ASCII digits are digits once NFKC has read full-width ones as ASCII — Arabic-Indic (٣٣) or
	 * Devanagari digits, which BigDecimal and Long.valueOf take for numbers, are refused with the field's number rule.
	 */
	@Test
	void digitsOfOtherScriptsAreNoNumber() {
		assertThat(Decimals.parse("amountClaimed", "索赔金额", "３", 12, 2)).isEqualByComparingTo("3");
		for (String other : new String[] { "\u0663", "\u0663\u0663", "\u06F3", "\u0969", "1\u0663.5", "5\u00B2", "\u2469",
				"\uD835\uDFD1" }) {
			assertThatThrownBy(() -> Decimals.parse("amountClaimed", "索赔金额", other, 12, 2)).as(other)
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
					assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("amountClaimed");
					assertThat(ex.fieldErrors()).extracting(FieldError::rule).containsExactly("number");
				});
		}
		assertThat(Decimals.whole(" 42 ")).isEqualTo(42L);
		assertThat(Decimals.whole("４２")).isEqualTo(42L);
		assertThat(Decimals.whole("-7")).isEqualTo(-7L);
		for (String none : new String[] { "\u0663", "4\u0662", "1.5", "99999999999999999999", "0x10", "1e3", "5\u00B2",
				"\u2469" }) {
			assertThat(Decimals.whole(none)).as(none).isNull();
		}
		assertThatThrownBy(() -> Validation.wholeNumber("planId", "检查计划", "\u0663")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("检查计划应为整数");
	}

	@Test
	void thousandsGroupedByCommasAreReadAndMalformedGroupsAreRefusedNamingTheField() {
		assertThat(Decimals.parse("amountClaimed", "索赔金额", "1,000", 12, 2)).isEqualByComparingTo("1000");
		assertThat(Decimals.parse("amountClaimed", "索赔金额", " 12,345.67 ", 12, 2)).isEqualByComparingTo("12345.67");
		assertThat(Decimals.parse("amountClaimed", "索赔金额", "１，０００", 12, 2)).isEqualByComparingTo("1000");
		assertThat(Decimals.parse("fine", "罚款", "-1,234,567", 12, 2)).isEqualByComparingTo("-1234567");
		assertThat(new Validation().decimal("v", "快递业务量", "1,000,000", 12, 2)).isEqualByComparingTo("1000000");
		for (String bad : java.util.List.of("1,00", "1,2345", ",100", "100,", "1,,000", "1.000,5", "1,000.00,0")) {
			assertThatThrownBy(() -> Decimals.parse("amountClaimed", "索赔金额", bad, 12, 2)).as(bad)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("amountClaimed");
					assertThat(e.rule()).isEqualTo("thousands-separator");
					assertThat(e.message()).startsWith("索赔金额").contains("每三位");
				}));
		}
		for (String spaced : java.util.List.of("50 000", "50\u00a0000", "50\u202f000", "50\u3000000")) {
			assertThatThrownBy(() -> Decimals.parse("amountClaimed", "索赔金额", spaced, 12, 2)).as(spaced)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.rule()).isEqualTo("thousands-separator");
					assertThat(e.message()).startsWith("索赔金额").contains("不能有空格").endsWith("：50 000");
				}));
		}
	}

	/** Attack: ¥2,000.00 was told as a misplaced thousands comma (and then as missing): now one refusal, the currency. */
	@Test
	void aNumberTypedWithItsCurrencyIsRefusedOnceAsSuch() {
		for (String typed : java.util.List.of("¥2,000.00", "￥500", "2000元", "2,000 元", "RMB 300", "rmb300", "人民币2000",
				"ＲＭＢ３００")) {
			assertThatThrownBy(() -> Decimals.parse("fine", "罚款金额", typed, 12, 2)).as(typed)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("fine");
					assertThat(e.rule()).isEqualTo("currency");
					assertThat(e.message()).startsWith("罚款金额只填写数字").contains("¥");
				}));
		}
		Validation v = new Validation();
		assertThat(v.decimal("fine", "罚款金额", "¥2,000.00", 12, 2)).isNull();
		assertThat(v.errors()).singleElement().extracting(e -> e.rule()).isEqualTo("currency");
	}
}
