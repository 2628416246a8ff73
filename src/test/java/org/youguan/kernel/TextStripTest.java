package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's one rule for the spaces around typed text ({@link Text#strip}), and what shows nothing. */
class TextStripTest {

	@Test
	void noBreakSpacesAndInvisibleCharactersAroundTextAreStrippedAsOrdinarySpacesAre() {
		assertThat(Text.strip("顺丰\u00A0")).isEqualTo("顺丰");
		assertThat(Text.strip("测试驿站A7097\u2007")).isEqualTo("测试驿站A7097");
		assertThat(Text.strip("\u202F苏州市吴中区")).isEqualTo("苏州市吴中区");
		assertThat(Text.strip("\uFEFF320506001\u200B")).isEqualTo("320506001");
		assertThat(Text.strip("\u3000\t 顺丰 \u2002\n")).isEqualTo("顺丰");
		assertThat(Text.blankToNull("320506\u00A0")).isEqualTo("320506");
	}

	@Test
	void noBreakSpacesInsideBecomeTheAsciiSpaceTheyLookLikeAndTheFullWidthSpaceStays() {
		assertThat(Text.strip("顺丰\u00A0速运")).isEqualTo("顺丰 速运");
		assertThat(Text.strip("A\u2007B\u202FC\u205FD\u2009E")).isEqualTo("A B C D E");
		assertThat(Text.strip("　　第一段\u3000正文")).isEqualTo("第一段\u3000正文");
	}

	/**
	 * Long free text loses what shows nothing inside it — zero-width characters, U+FEFF, bidirectional marks, embeddings,
	 * overrides and isolates — so a search finds its words and staff read it in the order typed; a joiner inside an
	 * emoji stays, and so does everything visible, the full-width space included.
	 */
	@Test
	void freeTextKeepsNoInvisibleCharacterInsideButAnEmojisJoiner() {
		assertThat(Text.freeText("包裹\u200B延误\u200C未\u200D送达\u2060，\uFEFF请处理")).isEqualTo("包裹延误未送达，请处理");
		assertThat(Text.freeText("地址\u202E路号7\u202C；\u2066订单\u2069\u200E\u200F\u061C")).isEqualTo("地址路号7；订单");
		assertThat(Text.freeText("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 一家")).isEqualTo("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 一家");
		assertThat(Text.freeText("\u2764\uFE0F\u200D\uD83D\uDD25")).as("a joiner after a variation selector").isEqualTo("\u2764\uFE0F\u200D\uD83D\uDD25");
		assertThat(Text.freeText("A\u200DB")).isEqualTo("AB");
		assertThat(Text.freeText("\u200B 　第一段\u3000正文\n第二段 ")).isEqualTo("第一段\u3000正文\n第二段");
		String plain = "吴中区长桥街道1号";
		assertThat(Text.freeText(plain)).isSameAs(plain);
		assertThat(Text.freeText(null)).isNull();
	}

	@Test
	void textWithoutSuchCharactersIsReturnedAsItIs() {
		String plain = "吴中区长桥街道1号";
		assertThat(Text.strip(plain)).isSameAs(plain);
		assertThat(Text.strip(null)).isNull();
	}

	@Test
	void onlyNoBreakOrInvisibleSpacesIsBlank() {
		assertThat(Text.isBlank("\u00A0\u2007\u202F")).isTrue();
		assertThat(Text.isBlank("\uFEFF\u200B\u00A0")).isTrue();
		assertThat(Text.blankToNull("\u00A0")).isNull();
		assertThat(Text.isBlank("\u00A0顺丰")).isFalse();
	}

	@Test
	void blankLookingLettersAndMarksAreBlankAroundTextAndAloneAsSpacesAre() {
		for (String blank : new String[] { "\u2800", "\u115F", "\u1160", "\u3164", "\uFFA0", "\u034F", "\u17B4", "\u180E",
				"\u2061", "\uDB40\uDDF0" }) {
			String code = Text.codePoint(blank, 0);
			assertThat(Text.isBlank(blank + blank + "\u00A0")).as(code).isTrue();
			assertThat(Text.blankToNull(blank)).as(code).isNull();
			assertThat(Text.strip(blank + "顺丰" + blank)).as(code).isEqualTo("顺丰");
		}
		assertThat(Text.isBlank("\u2800\u3164\u115F\u1160\uFFA0\u034F")).isTrue();
		assertThat(Text.isBlank("\u2800顺丰")).isFalse();
	}

	@Test
	void aVariationSelectorOrTagAfterAVisibleCharacterEndsTheTextAndOneAloneIsBlank() {
		assertThat(Text.strip("收到了\u2764\uFE0F")).isEqualTo("收到了\u2764\uFE0F");
		assertThat(Text.strip("收到了\u2764\uFE0F\u200B ")).isEqualTo("收到了\u2764\uFE0F");
		assertThat(Text.strip("\uFE0F收到了")).isEqualTo("收到了");
		assertThat(Text.strip("收到了 \uFE0F")).isEqualTo("收到了");
		for (String selector : new String[] { "\uFE0F", "\uFE00", "\u180B", "\uDB40\uDD00", "\uDB40\uDC20" }) {
			assertThat(Text.isBlank(selector + "\u3000" + selector)).as(Text.codePoint(selector, 0)).isTrue();
			assertThat(Text.strip(selector + "顺丰")).as(Text.codePoint(selector, 0)).isEqualTo("顺丰");
		}
	}

	@Test
	void aCharacterThatShowsNothingInsideANameIsFoundAndASpaceIsNot() {
		for (String hidden : new String[] { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u2800", "\u3164", "\u115F",
				"\u1160", "\uFFA0", "\u034F", "\t", "\n", "\u2028", "\u2029" }) {
			assertThat(Text.hiddenAt("顺丰" + hidden + "速运")).as(Text.codePoint(hidden, 0)).isEqualTo(2);
		}
		assertThat(Text.hiddenAt("顺丰 速运")).isEqualTo(-1);
		assertThat(Text.hiddenAt("顺丰\u3000速运")).isEqualTo(-1);
		assertThat(Text.hiddenAt("张三")).isEqualTo(-1);
		assertThat(Text.hiddenAt(null)).isEqualTo(-1);
	}

	@Test
	void aNameWithAHiddenCharacterInsideIsRefusedNamingTheFieldAndOneOfOnlyBlanksIsRequired() {
		List<FieldError> inside = new Validation().name("name", "品牌名称", "顺丰\u200B速运", 60).errors();
		assertThat(inside).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("name");
			assertThat(e.rule()).isEqualTo("invisible-character");
			assertThat(e.message()).startsWith("品牌名称含有看不见的字符（U+200B");
		});
		assertThat(new Validation().name("name", "品牌名称", "\u2800\u3164", 60).errors()).extracting(FieldError::rule)
			.containsExactly("required");
		assertThat(new Validation().name("name", "品牌名称", "\u2800顺丰 速运\u200B", 60).errors()).isEmpty();
		assertThat(new Validation().name("contact", "联系人", null).errors()).isEmpty();
	}

	/** Attack 51: a credit objection's reasons were stored with CRLF; every multi-line text is stored with LF. */
	@Test
	void freeTextStoresLineBreaksAsLf() {
		assertThat(Text.freeText("第一，记录有误\r\n第二，已整改\r第三")).isEqualTo("第一，记录有误\n第二，已整改\n第三");
		assertThat(Text.freeText("\r\n理由\r\n")).isEqualTo("理由");
	}
}
