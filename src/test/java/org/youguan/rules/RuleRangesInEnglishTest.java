package org.youguan.rules;

import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (/admin/rules in English showed "7–7日", "1–3年" and the bases in Chinese): every rule's allowed range reads
 * in English — the figures with the unit's English, the law cited in English, the practice reason by its key — and in
 * Chinese as the catalogue states it.
 */
class RuleRangesInEnglishTest {

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void everyRangeAndItsBasisReadInEnglish() {
		ResourceBundleMessageSource messages = org.youguan.TestMessages.bundle();
		for (StatutoryRule rule : StatutoryRule.values()) {
			RuleSetting setting = new RuleSetting(rule, rule.defaultValue(), null, null, null, null);
			RulesController.RangeRow english = RulesController.RangeRow.of(setting, messages, Locale.ENGLISH);
			assertThat(english.text()).as("range of %s", rule.code()).doesNotContainPattern(HAN);
			assertThat(english.basis()).as("basis of %s", rule.code()).doesNotContainPattern(HAN);
			RulesController.RangeRow chinese = RulesController.RangeRow.of(setting, messages, Locale.SIMPLIFIED_CHINESE);
			assertThat(chinese.basis()).isEqualTo(RuleBounds.allowed(rule).basis());
			assertThat(chinese.outside()).isEqualTo(english.outside());
		}
		RuleSetting window = new RuleSetting(StatutoryRule.COMPLAINT_FILING_WINDOW, StatutoryRule.COMPLAINT_FILING_WINDOW
			.defaultValue(), null, null, null, null);
		assertThat(RulesController.RangeRow.of(window, messages, Locale.ENGLISH).text()).isEqualTo("1–3 years");
		assertThat(RulesController.RangeRow.of(window, messages, Locale.SIMPLIFIED_CHINESE).text()).isEqualTo("1–3年");
	}
}
