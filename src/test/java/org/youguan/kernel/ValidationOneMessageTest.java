package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value that could not be read is one message, naming the rule its reading broke, as an import's row tells a cell: a
 * value refused for its digits is not also told "required" or "须大于0" for the null it became (attack round: a
 * conclusion's {@code proposedFine: 1e20} answered two messages for one field).
 */
class ValidationOneMessageTest {

	@Test
	void aFieldIsToldOnceByTheFirstRuleItBroke() {
		Validation v = new Validation();
		v.decimal("proposedFine", "罚款金额", "1e20", 12, 2);
		v.require("proposedFine", false, "required", "罚款金额须大于0");
		v.require("report", false, "required", "请填写调查终结报告");
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("proposedFine", "report");
		assertThat(v.errors().get(0).rule()).isEqualTo("digits");
		assertThat(v.errors().get(0).message()).isEqualTo("罚款金额超出允许的位数（最多12位整数、2位小数）：100000000000000000000");
	}

	@Test
	void aValueInExponentFormIsToldOnceAsSuch() {
		Validation v = new Validation();
		v.decimal("quantity", "数量", "1e3", 12, 3);
		v.require("quantity", false, "range", "数量应大于0");
		assertThat(v.errors()).singleElement().extracting(FieldError::rule).isEqualTo("number");
	}

	@Test
	void theLinesOfAReadListStillEachNameTheirFailure() {
		Validation v = new Validation();
		v.name("checklist", "检查内容第1行", "免费\u200B保管");
		v.name("checklist", "检查内容第2行", "收费\n公示");
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("invisible-character", "line-break");
	}
}
