package org.youguan.rules;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.org.CurrentUser;

/**
 * The catalogue as it applies to the caller's region.
 */
@RestController
@Tag(name = "法定时限", description = "法定时限、上限与罚款幅度目录")
class RulesApiController {

	private final StatutoryRules rules;

	RulesApiController(StatutoryRules rules) {
		this.rules = rules;
	}

	record RuleAnswer(String code, String title, String basis, String unit, BigDecimal defaultValue,
			BigDecimal effectiveValue, boolean overridden, boolean confirmed) {
	}

	@GetMapping("/api/v1/rules")
	@Operation(summary = "法定规则目录", description = "每项规则的法律依据、法定默认值及在调用者辖区的适用值。")
	List<RuleAnswer> list(@AuthenticationPrincipal CurrentUser me) {
		return rules.settings(me.regionCode())
			.stream()
			.map(s -> new RuleAnswer(s.rule().code(), s.rule().title(), s.rule().basis(), s.rule().unit().name(),
					s.rule().defaultValue(), s.effectiveValue(), s.overridden(), s.rule().confirmed()))
			.toList();
	}
}
