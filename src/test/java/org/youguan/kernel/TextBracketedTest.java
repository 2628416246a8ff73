package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An aside in one pair of brackets ({@link Text#bracketed}), whatever brackets the text holds itself. */
class TextBracketedTest {

	/** How deep the full-width brackets of {@code s} go. */
	static int depth(String s) {
		int depth = 0;
		int deepest = 0;
		for (char c : s.toCharArray()) {
			depth += c == '（' ? 1 : c == '）' ? -1 : 0;
			deepest = Math.max(deepest, depth);
		}
		return deepest;
	}

	@Test
	void bracketsInsideTheAsideBecomeCommasHoweverDeepTheyGo() {
		assertThat(Text.bracketed("地方实践（未确认）")).isEqualTo("（地方实践，未确认）");
		assertThat(Text.bracketed("双随机抽查结果公示时限（地方实践（未确认））")).isEqualTo("（双随机抽查结果公示时限，地方实践，未确认）");
		assertThat(Text.bracketed("统计报表报送截止日（次月），邮政行业统计报表制度（未确认，可配置）"))
			.isEqualTo("（统计报表报送截止日，次月，邮政行业统计报表制度，未确认，可配置）");
		assertThat(Text.bracketed("A（B（C））D")).isEqualTo("（A，B，C，D）");
		assertThat(Text.bracketed("双公示制度（全国通行做法）；行政处罚法(2021)")).isEqualTo("（双公示制度，全国通行做法；行政处罚法(2021)）");
	}

	/** A title with brackets in quotes left "，”" behind; a bracket at the start left "（，". */
	@Test
	void aBracketBesideAQuoteOrAtTheStartLeavesNoCommaOfItsOwn() {
		assertThat(Text.bracketed("上限按规则目录“责令改正整改期限上限（自下达；产品规则，非法律规定）”，产品规则（非法律规定，可配置）"))
			.isEqualTo("（上限按规则目录“责令改正整改期限上限，自下达；产品规则，非法律规定”，产品规则，非法律规定，可配置）");
		assertThat(Text.bracketed("（未确认）地方实践")).isEqualTo("（未确认，地方实践）");
		assertThat(Text.bracketed("《快递市场管理办法（2023）》第3条")).isEqualTo("（《快递市场管理办法，2023》第3条）");
		assertThat(depth(Text.bracketed("（（（A）））"))).isEqualTo(1);
		assertThat(Text.bracketed(" ")).isEmpty();
		assertThat(Text.bracketed(null)).isEmpty();
	}
}
