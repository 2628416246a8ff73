package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The 文号 rule ({@link Validation#documentNumber}): a hand-typed document number is written with what 文号 are
 * written with (GB/T 9704-2012 7.2.4) — markup, quotes and slashes are refused naming the field and the character
 * (attack 27 L4: "吴邮罚字&lt;b&gt;1&lt;/b&gt;" was accepted, printed and used as a download name).
 */
class ValidationDocumentNumberTest {

	static String rules(String number) {
		return String.join(",", new Validation().documentNumber("decisionNumber", "决定书文号（decisionNumber）", number).errors()
			.stream().map(FieldError::rule).toList());
	}

	@Test
	void aNumberWithMarkupOrOtherSignsIsRefusedNamingTheFieldAndTheCharacter() {
		var errors = new Validation().documentNumber("decisionNumber", "决定书文号（decisionNumber）", "吴邮罚字<b>1</b>").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("decisionNumber", "document-number"));
		assertThat(errors.get(0).message()).contains("决定书文号（decisionNumber）").contains("“<”");
		for (String bad : new String[] { "苏邮罚\"1\"号", "苏邮罚/2025/1号", "苏邮罚〔2025〕1号;DROP", "苏邮罚〔2025〕1号&amp;" }) {
			assertThat(rules(bad)).as(bad).isEqualTo("document-number");
		}
	}

	@Test
	void theFormsOfDocumentNumbersPass() {
		for (String good : new String[] { "苏吴邮管罚〔2025〕1号", "吴邮罚字[2025]第12号", "苏邮罚（2025）3号", "苏邮罚【2025】3号",
				"行政处罚决定-320506-2026-000002", "苏邮管罚字〔二〇二五〕第3号", "ABC-2025-01", "苏邮罚 〔2025〕 1号" }) {
			assertThat(rules(good)).as(good).isEmpty();
		}
		assertThat(rules(null)).isEmpty();
	}
}
