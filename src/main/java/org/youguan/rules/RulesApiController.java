package org.youguan.rules;

import java.math.BigDecimal;
import java.util.Arrays;
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

	/** One citation: the text, the year of its version (null for a practice), the article (null for the whole text). */
	record CitationAnswer(String text, String version, Integer article, String display) {

		static CitationAnswer of(Citation c) {
			return new CitationAnswer(c.text().title(), c.version(), c.article() == 0 ? null : c.article(), c.toString());
		}
	}

	record RuleAnswer(String code, String title, String basis, List<CitationAnswer> citations, String unit,
			BigDecimal defaultValue, BigDecimal effectiveValue, boolean overridden, boolean confirmed) {
	}

	/** One violation type of the legal-basis catalogue with its ranges in the caller's region (serious null if none). */
	record ViolationAnswer(String code, String title, String basis, List<CitationAnswer> citations, BigDecimal min,
			BigDecimal max, BigDecimal seriousMin, BigDecimal seriousMax) {
	}

	@GetMapping("/api/v1/rules/violations")
	@Operation(summary = "违法行为与罚款幅度目录", description = "处罚案件可选的违法行为类型（code，如 UNLICENSED）、处罚依据及在调用者辖区适用的罚款幅度（元）；"
			+ "无“情节严重”幅度的，seriousMin/seriousMax 为 null。")
	List<ViolationAnswer> violations(@AuthenticationPrincipal CurrentUser me) {
		return Arrays.stream(ViolationType.values()).map(v -> {
			FineRange ordinary = rules.fineRange(v, false, me.regionCode());
			FineRange serious = v.hasSeriousRange() ? rules.fineRange(v, true, me.regionCode()) : null;
			return new ViolationAnswer(v.code(), v.title(), v.basis(), v.citations().stream().map(CitationAnswer::of).toList(),
					ordinary.min(), ordinary.max(), serious == null ? null : serious.min(), serious == null ? null : serious.max());
		}).toList();
	}

	@GetMapping("/api/v1/rules")
	@Operation(summary = "法定规则目录", description = "每项规则的法律依据（citations：法规名称、版本年份、条款号；basis 为其显示文本，如“快递暂行条例(2025) 第19条”）、"
			+ "法定默认值及在调用者辖区的适用值。")
	List<RuleAnswer> list(@AuthenticationPrincipal CurrentUser me) {
		return rules.settings(me.regionCode())
			.stream()
			.map(s -> new RuleAnswer(s.rule().code(), s.rule().title(), s.rule().basis(),
					s.rule().citations().stream().map(CitationAnswer::of).toList(), s.rule().unit().name(),
					s.rule().defaultValue(), s.effectiveValue(), s.overridden(), s.rule().confirmed()))
			.toList();
	}
}
