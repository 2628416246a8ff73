package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text checked for its length is checked for stacked combining marks (attack: a complaint's description of one
 * letter and 1999 combining marks was accepted and drew over the page), and a public filer's name holds no markup.
 */
class ValidationCombiningMarksTest {

	@Test
	void aLongRunOfCombiningMarksIsRefusedWhereverALengthIsChecked() {
		Validation v = new Validation().maxLength("description", "申诉内容", "a" + "\u0301".repeat(1999), 2000);
		assertThat(v.errors()).extracting(FieldError::field, FieldError::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("description", "combining-marks"));
		assertThat(v.errors().get(0).message()).startsWith("申诉内容含有连续叠加的组合附加符号");
	}

	@Test
	void writingThatStacksAFewMarksPasses() {
		// Vietnamese (two marks on one letter), a decomposed accent, Devanagari with its vowel signs
		String text = "Nguye\u0302\u0303n Vie\u0323\u0302t, cafe\u0301, हिन्दी, x" + "\u0301".repeat(Validation.MAX_COMBINING_RUN);
		assertThat(new Validation().maxLength("description", "申诉内容", text, 2000).errors()).isEmpty();
	}

	@Test
	void aNameWithMarkupIsRefused() {
		assertThat(new Validation().noMarkup("filerName", "申诉人姓名", "<b>王</b>").errors())
			.extracting(FieldError::rule).containsExactly("markup");
		assertThat(new Validation().noMarkup("filerName", "申诉人姓名", "＜b＞王＜／b＞").errors()).hasSize(1);
		// an angle bracket that opens no tag is no markup, but no name is written with it: a symbol
		assertThat(new Validation().personName("filerName", "申诉人姓名", "＜王＞").errors()).extracting(FieldError::rule)
			.containsExactly("characters");
		assertThat(new Validation().noMarkup("filerName", "申诉人姓名", "王小明").errors()).isEmpty();
	}
}
