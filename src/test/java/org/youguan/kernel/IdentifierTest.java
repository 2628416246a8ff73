package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A hand-typed identifier (文号, 编号) that looks like another but differs is refused, naming the character. */
class IdentifierTest {

	@Test
	void invisibleAndLookAlikeCharactersInsideAnIdentifierAreRefused() {
		for (String typed : List.of("吴邮管罚〔2025〕1号\u200B", "吴邮管罚\u00A0〔2025〕1号", "吴邮管罚〔2025〕1\u3000号", "吴邮管罚〔2025〕1\uFEFF号",
				"吴邮管罚〔2025〕1号\uFE0F", "吴邮管罚〔2025〕e\u0301号", "SF\u20601", "吴邮管罚〔2025〕\t1号", "吴邮管罚〔2025〕\n1号",
				"吴邮管罚〔2025〕\u28001号")) {
			Validation v = new Validation().identifier("decisionNumber", "决定书文号", typed);
			assertThat(v.errors()).as(typed).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("decisionNumber");
				assertThat(e.rule()).isEqualTo("invisible-character");
				assertThat(e.message()).contains("U+");
			});
		}
	}

	@Test
	void plainIdentifiersWithSpacesAroundOrAsciiSpacesInsidePass() {
		for (String typed : List.of("吴邮管罚〔2025〕1号", "  苏邮管罚〔2025〕12号\u3000", "SF 1234", "行政处罚决定-320506-2026-000001")) {
			assertThat(new Validation().identifier("decisionNumber", "决定书文号", typed).errors()).as(typed).isEmpty();
		}
		assertThat(new Validation().identifier("decisionNumber", "决定书文号", null).errors()).isEmpty();
		assertThat(Text.invisibleAt("a\uD83D\uDE00b")).isEqualTo(-1);
		assertThat(Text.invisibleAt("a\uD83D\uDE00\u200Bb")).isEqualTo(3);
	}

	/** Full-width digits typed with a Chinese input method are the number they show, so it cannot pass as another. */
	@Test
	void anIdentifierIsStoredAsItShows() {
		assertThat(Text.identifier(" 行政处罚决定-320506-2026-０００００２\u3000")).isEqualTo("行政处罚决定-320506-2026-000002");
		assertThat(Text.identifier("苏吴邮罚〔２０２６〕９号")).isEqualTo("苏吴邮罚〔2026〕9号");
		assertThat(Text.identifier("吴邮管罚\u00A0〔2025〕1号")).isEqualTo("吴邮管罚 〔2025〕1号");
		assertThat(Text.identifier(" \u3000")).isNull();
		assertThat(Text.identifier(null)).isNull();
	}
}
