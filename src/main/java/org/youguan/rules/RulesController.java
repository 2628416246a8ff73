package org.youguan.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;

/**
 * The statutory rule catalogue as it applies to the user's bureau; bureau and system administrators set the bureau's
 * values.
 */
@Controller
class RulesController {

	private final StatutoryRules rules;

	private final MessageSource messages;

	RulesController(StatutoryRules rules, MessageSource messages) {
		this.rules = rules;
		this.messages = messages;
	}

	/** A violation type with its ordinary and (or null) serious range in the user's region. */
	record ViolationRow(ViolationType type, FineRange ordinary, FineRange serious) {
	}

	/**
	 * The range a rule's value may take ({@link RuleBounds#allowed}) as the page shows it, and whether the value in force
	 * lies outside it (set before the bound was stated).
	 * @param text e.g. {@code 1–3年}
	 * @param basis the law's citations and the practice reason
	 * @param outside whether the value in force in the user's region lies outside the range
	 */
	record RangeRow(String text, String basis, boolean outside) {

		/**
		 * The row in the reader's language: in Chinese as the catalogue states it ({@code 1–3年}, the law's citations and
		 * the practice reason); in English the figures with the unit's English ({@code 1–3 years}), the law cited in
		 * English ({@link StatutoryRule#basisEnglish()}) and the practice reason by its key
		 * ({@link RuleBounds#practiceKey}).
		 */
		static RangeRow of(RuleSetting setting, MessageSource messages, Locale locale) {
			StatutoryRule rule = setting.rule();
			RuleBounds.Allowed allowed = RuleBounds.allowed(rule);
			boolean chinese = locale == null || "zh".equals(locale.getLanguage());
			String unit = chinese ? rule.unit().label()
					: " " + messages.getMessage(EnumWords.key(rule.unit()), null, rule.unit().label(), locale);
			String text = allowed.max() == null ? "≥ " + plain(allowed.min()) + unit
					: plain(allowed.min()) + "–" + plain(allowed.max()) + unit;
			String basis = allowed.basis();
			if (!chinese) {
				List<String> bases = new ArrayList<>();
				if (RuleBounds.statutoryBound(rule)) {
					bases.add(messages.getMessage("rules.range.statutory", new Object[] { rule.basisEnglish() }, locale));
				}
				RuleBounds.practiceKey(rule).ifPresent(key -> bases.add(messages.getMessage(key, null,
						Citation.englishIn(allowed.basis()), locale)));
				basis = String.join("; ", bases);
			}
			return new RangeRow(text, basis, !allowed.contains(setting.effectiveValue()));
		}

		private static String plain(BigDecimal value) {
			return value.stripTrailingZeros().toPlainString();
		}
	}

	@GetMapping("/admin/rules")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		List<RuleSetting> settings = rules.settings(me.regionCode());
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("settings", settings);
		model.addAttribute("ranges", settings.stream()
			.collect(Collectors.toMap(s -> s.rule().code(), s -> RangeRow.of(s, messages, locale))));
		model.addAttribute("canEdit", me.administrator());
		model.addAttribute("national", StatutoryRule.NATIONAL_REGION.equals(me.regionCode()));
		model.addAttribute("violations", Arrays.stream(ViolationType.values())
			.map(v -> new ViolationRow(v, rules.fineRange(v, false, me.regionCode()),
					v.hasSeriousRange() ? rules.fineRange(v, true, me.regionCode()) : null))
			.toList());
		return "rules/rules";
	}

	/**
	 * Sets the bureau's value of a rule ({@link StatutoryRules#override}). Refused (a value not a number or out of the
	 * rule's bounds, no reason): the catalogue again in the refusal's 4xx, as every refused form ({@link FormSteps}),
	 * the refused row showing the value and reason as typed with each error beside its field.
	 * @throws DomainException not found (404) for an unknown rule code
	 */
	@PostMapping("/admin/rules/{code}")
	@PageForm("override-{code}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String override(@AuthenticationPrincipal CurrentUser me, @PathVariable String code,
			@RequestParam(required = false) String value, @RequestParam(required = false) String reason,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		StatutoryRule rule = StatutoryRule.byCode(code).orElseThrow(() -> DomainException.notFound("法定规则", code));
		return FormSteps.run(model, response, redirect, () -> {
			BigDecimal parsed = Decimals.parsePlain("value", "“" + rule.title() + "”的取值", value == null ? "" : value, 12, 2);
			rules.override(rule, me.bureauId(), me.regionCode(), parsed, reason);
			// the rule by its title in the reader's language (enum.StatutoryRule.*), beside the Chinese message
			redirect.addFlashAttribute("messageWording", Wording.of("done.rules.adjusted", rule));
			return new PageSteps.Done("已调整“" + rule.title() + "”", "/admin/rules#" + rule.code());
		}, () -> list(me, model));
	}

	/**
	 * Clears the bureau's value of a rule ({@link StatutoryRules#clearOverride}); refused when the value then in force
	 * would leave a bureau's own value outside its parent's range: the catalogue again with the error flashed.
	 * @throws DomainException not found (404) for an unknown rule code
	 */
	/**
	 * 下级局的设置: the own values of the bureaus below the caller's, each with a button to reset it
	 * ({@link StatutoryRules#clearLowerOverride}) — where a lower bureau's value keeps this bureau from tightening a rule,
	 * the refusal {@code conflicts-below} points here.
	 */
	@GetMapping("/admin/rules/below")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String below(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("below", rules.overridesBelow(me.regionCode()));
		return "rules/below";
	}

	/**
	 * Resets a lower bureau's own value of a rule ({@link StatutoryRules#clearLowerOverride}): the lower bureau then
	 * inherits this bureau's value (or the one above, or the default); audited and notified to the lower bureau.
	 * @throws DomainException not found (404) for an unknown rule code, a region not below the caller's or without an
	 * own value of the rule
	 */
	@PostMapping("/admin/rules/{code}/reset-below")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String resetBelow(@AuthenticationPrincipal CurrentUser me, @PathVariable String code,
			@RequestParam(required = false) String region, RedirectAttributes redirect) {
		StatutoryRule rule = StatutoryRule.byCode(code).orElseThrow(() -> DomainException.notFound("法定规则", code));
		return PageSteps.run(redirect, "/admin/rules/below#" + code, "已恢复下级局设定的“" + rule.title() + "”", () -> {
			rules.clearLowerOverride(rule, me.regionCode(), region);
			redirect.addFlashAttribute("messageWording", Wording.of("done.rules.resetBelow", rule));
		});
	}

	@PostMapping("/admin/rules/{code}/reset")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String reset(@AuthenticationPrincipal CurrentUser me, @PathVariable String code, RedirectAttributes redirect) {
		StatutoryRule rule = StatutoryRule.byCode(code).orElseThrow(() -> DomainException.notFound("法定规则", code));
		return PageSteps.run(redirect, "/admin/rules#" + code, "已恢复“" + rule.title() + "”", () -> {
			rules.clearOverride(rule, me.regionCode());
			redirect.addFlashAttribute("messageWording", Wording.of("done.rules.reset", rule));
		});
	}
}
