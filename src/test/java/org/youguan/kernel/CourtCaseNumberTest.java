package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A court's 案号 is written as courts write it, the year in full-width parentheses (最高人民法院关于人民法院案件案号的若干规定
 * art.3), whatever bracket was typed — NFKC had turned a typed （） into ASCII (); a 文号 of GB/T 9704 keeps its 〔〕.
 */
class CourtCaseNumberTest {

	@Test
	void aCourtCaseNumberHasItsYearInFullWidthParenthesesAndADocumentNumberItsHexagonalBrackets() {
		assertThat(Text.documentNumber("(2026)苏0506行初12号")).isEqualTo("（2026）苏0506行初12号");
		assertThat(Text.documentNumber("（2026）苏0506行初12号")).isEqualTo("（2026）苏0506行初12号");
		assertThat(Text.documentNumber("[2026] 苏05行终3号")).isEqualTo("（2026）苏05行终3号");
		assertThat(Text.documentNumber("苏邮复决(2026)1号")).isEqualTo("苏邮复决〔2026〕1号");
		assertThat(Text.documentNumber("〔2026〕第1号")).isEqualTo("〔2026〕1号");
	}
}
