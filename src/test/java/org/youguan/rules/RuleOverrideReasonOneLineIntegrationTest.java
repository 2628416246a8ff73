package org.youguan.rules;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bureau's reason for its value of a rule is one line, as every short text the trail and the catalogue page show on
 * one row: a line break inside is refused (rule {@code line-break}) and nothing is set.
 */
@IntegrationTest
class RuleOverrideReasonOneLineIntegrationTest {

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Test
	void aReasonWithALineBreakIsRefusedNamingTheFieldAndTheRule() {
		long suzhou = bureaus.findByRegion("3205").orElseThrow().id();
		BigDecimal before = rules.value(StatutoryRule.OUTLET_BUREAU_FILING, "3205");
		assertThatThrownBy(() -> rules.override(StatutoryRule.OUTLET_BUREAU_FILING, suzhou, "3205", BigDecimal.valueOf(4),
				"依据苏邮发〔2026〕1号\n第二行"))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(e -> assertThat(((InvalidValueException) e).fieldErrors()).anySatisfy(f -> {
				assertThat(f.field()).isEqualTo("reason");
				assertThat(f.rule()).isEqualTo("line-break");
			}));
		assertThat(rules.value(StatutoryRule.OUTLET_BUREAU_FILING, "3205")).isEqualByComparingTo(before);
	}
}
