package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Text#folded}: the one key the duplicate-name rules compare — width, spaces, invisible characters and Latin case aside. */
class FoldedTextTest {

	@Test
	void fullWidthLettersAndDigitsAreTheirAsciiOnes() {
		assertThat(Text.folded("ＧＪ速运")).isEqualTo(Text.folded("GJ速运")).isEqualTo("gj速运");
		assertThat(Text.folded("越溪路２６号")).isEqualTo(Text.folded("越溪路26号")).isEqualTo("越溪路26号");
	}

	@Test
	void everySpaceAndInvisibleCharacterIsRemoved() {
		assertThat(Text.folded("攻击 速运")).isEqualTo("攻击速运");
		assertThat(Text.folded("攻击\u3000速运")).isEqualTo("攻击速运");
		assertThat(Text.folded("攻击\u00A0速运")).isEqualTo("攻击速运");
		assertThat(Text.folded("攻\u200B击\u200D速\uFEFF运\u2060")).isEqualTo("攻击速运");
		assertThat(Text.folded("\t攻击\n速运\u2800")).isEqualTo("攻击速运");
	}

	@Test
	void latinCapitalsAreSmallAndOtherTextStays() {
		assertThat(Text.folded("SF Express")).isEqualTo("sfexpress");
		assertThat(Text.folded("顺丰速运（苏州）")).isEqualTo("顺丰速运(苏州)");
		assertThat(Text.folded("顺丰速运")).isNotEqualTo(Text.folded("顺风速运"));
		assertThat(Text.folded(null)).isNull();
		assertThat(Text.folded("\u3000 ")).isEmpty();
	}
}
