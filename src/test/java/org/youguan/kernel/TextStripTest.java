package org.youguan.kernel;

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
}
