package org.youguan.kernel;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's one table of full-width forms ({@link Text#halfWidth(char)}): what an ID number, a sheet's code, a parcel
 * record's region and weight, a seizure's unit and a plan's task text are read as when typed with a Chinese input method.
 */
class HalfWidthTest {

	/** Every printable ASCII character as its full-width form shows it: ！ (U+FF01) … ～ (U+FF5E). */
	private static String fullWidthOf(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : (char) (c - '!' + '\uFF01')));
		return wide.toString();
	}

	@Test
	void everyFullWidthFormIsReadAsTheAsciiCharacterItShows() {
		String ascii = IntStream.rangeClosed('!', '~').collect(StringBuilder::new, StringBuilder::appendCodePoint,
				StringBuilder::append).toString();
		assertThat(Text.halfWidth(fullWidthOf(ascii))).isEqualTo(ascii);
		assertThat(Text.halfWidth("０１２３４５６７８９")).isEqualTo("0123456789");
		assertThat(Text.halfWidth("ＡＢＸＹＺａｂｘｙｚ")).isEqualTo("ABXYZabxyz");
		assertThat(Text.halfWidth("（，．－：；！？～＠＃）")).isEqualTo("(,.-:;!?~@#)");
	}

	@Test
	void theIdeographicSpaceIsAnAsciiSpaceAndOtherCharactersStayAsTheyAre() {
		assertThat(Text.halfWidth('\u3000')).isEqualTo(' ');
		assertThat(Text.halfWidth("１１０１０５\u3000１９４９")).isEqualTo("110105 1949");
		assertThat(Text.halfWidth("顺丰速运２号")).isEqualTo("顺丰速运2号");
		// no full-width forms: a superscript, a circled number, a unit symbol, Arabic-Indic digits, the full-width
		// forms' neighbours U+FF00 and U+FF5F, the no-break space
		String others = "m² ⑩ ㎏ ٣ \uFF00\uFF5F\u00A0 「」、。";
		assertThat(Text.halfWidth(others)).isSameAs(others);
		assertThat(Text.halfWidth((String) null)).isNull();
	}

	@Test
	void fullWidthDigitsAloneKeepTheTextsOtherFullWidthForms() {
		assertThat(Text.halfWidthDigits("（２）２０２６年６月３０日前完成５项")).isEqualTo("（2）2026年6月30日前完成5项");
		assertThat(Text.halfWidthDigits("ＡＢ\u3000１")).isEqualTo("ＡＢ\u30001");
		String ascii = "320506";
		assertThat(Text.halfWidthDigits(ascii)).isSameAs(ascii);
	}

	@Test
	void aTextOfAsciiAndFullWidthFormsAloneIsReadAsAsciiAndAnyOtherTextIsNone() {
		assertThat(Text.halfWidthAscii("９１３２０５０６ＭＡ１Ｘ\u3000")).isEqualTo("91320506MA1X ");
		assertThat(Text.halfWidthAscii("ABC-12")).isEqualTo("ABC-12");
		assertThat(Text.halfWidthAscii("菜鸟驿站（示例店）")).isNull();
		assertThat(Text.halfWidthAscii("１２㎏")).isNull();
	}

	@Test
	void fullWidthIsTheTablesDomain() {
		assertThat(Text.fullWidth('\uFF01')).isTrue();
		assertThat(Text.fullWidth('\uFF5E')).isTrue();
		assertThat(Text.fullWidth('\u3000')).isTrue();
		assertThat(Text.fullWidth('\uFF00')).isFalse();
		assertThat(Text.fullWidth('\uFF5F')).isFalse();
		assertThat(Text.fullWidth('1')).isFalse();
	}

	/**
	 * A search text is read as names and numbers are stored: full-width digits, letters and the ideographic space as
	 * ASCII, the full-width brackets a name keeps as typed — and every list's search text is so read ({@link PageQuery}).
	 */
	@Test
	void aSearchTextIsReadWithAsciiDigitsLettersAndSpacesAndItsBracketsAsTyped() {
		assertThat(Text.searchText("\u3000１３９\u3000５６７８　ＳＦ ")).isEqualTo("139 5678 SF");
		assertThat(Text.searchText("菜鸟驿站（示例店）")).isEqualTo("菜鸟驿站（示例店）");
		assertThat(Text.searchText(null)).isNull();
		assertThat(new PageQuery("吴中　１３９", 0, 20, null, false).q()).isEqualTo("吴中 139");
		assertThat(new PageQuery("吴中　１３９", 0, 20, null, false).words()).containsExactly("吴中", "139");
	}
}
