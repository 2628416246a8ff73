package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one key identifiers are compared by ({@link Text#identifierKey}) and the automatic form typed with spaces. */
class IdentifierKeyTest {

	@Test
	void letterCaseSpacesDashesAndUnderscoresAreOneIdentifier() {
		String key = Text.identifierKey("WDBA-320506-2026-000999");
		assertThat(key).isEqualTo("wdba3205062026000999");
		for (String lookAlike : new String[] { "wdba-320506-2026-000999", "WDBA 320506 2026 000999",
				"WDBA\u3000320506\u30002026\u3000000999", "WDBA—320506—2026—000999", "WDBA_320506_2026_000999",
				"ＷＤＢＡ－３２０５０６－２０２６－０００９９９", "WDBA320506 2026000999", "WDBA\u2E3A320506-2026-000999" }) {
			assertThat(Text.identifierKey(lookAlike)).as(lookAlike).isEqualTo(key);
		}
		assertThat(Text.identifierKey("XR 320506 4")).isEqualTo(Text.identifierKey("XR-320506-4"))
			.isEqualTo(Text.identifierKey("xr-320506-4"));
	}

	@Test
	void aDifferentIdentifierHasADifferentKey() {
		assertThat(Text.identifierKey("WDBA-320506-2026-001000")).isNotEqualTo(Text.identifierKey("WDBA-320506-2026-000999"));
		assertThat(Text.identifierKey("XR-320506-5")).isNotEqualTo(Text.identifierKey("XR-320506-4"));
		assertThat(Text.identifierKey("苏吴邮管罚〔2025〕1号")).isNotEqualTo(Text.identifierKey("苏吴邮管罚〔2025〕2号"));
		assertThat(Text.identifierKey(null)).isNull();
	}

	/** The product's automatic form typed with spaces or underscores between its parts is the series' number. */
	@Test
	void anAutomaticNumberTypedWithSpacesOrUnderscoresIsWrittenAsTheSeriesWritesIt() {
		assertThat(Text.identifier("网点备案 320506 2026 999")).isEqualTo("网点备案-320506-2026-000999");
		assertThat(Text.identifier("网点备案\u3000320506\u30002026\u3000000999")).isEqualTo("网点备案-320506-2026-000999");
		assertThat(Text.identifier("网点备案_320506_2026_000999")).isEqualTo("网点备案-320506-2026-000999");
		assertThat(Text.identifier("网点备案 - 320506_2026 75")).isEqualTo("网点备案-320506-2026-000075");
		assertThat(Text.documentNumber("行政处罚决定 320506 2026 3")).isEqualTo("行政处罚决定-320506-2026-000003");
		// not of the form: left as typed
		assertThat(Text.identifier("WDBA 320506 2026 000999")).isEqualTo("WDBA 320506 2026 000999");
	}
}
