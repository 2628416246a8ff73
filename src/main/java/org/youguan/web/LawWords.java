package org.youguan.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.kernel.EnumWords;
import org.youguan.rules.Audience;
import org.youguan.rules.Citation;
import org.youguan.rules.StatutoryRule;

/**
 * A page's access to a legal basis written in Chinese (a rule's or violation's citations, a published basis, a
 * deadline's practice mark) as the reader's language cites law: in English every citation the catalogue can read in
 * English ({@link Citation#englishIn}: {@code Article 56 of the Express Market Administration Measures}), in Chinese
 * as written. {@code ${@laws.cited(d.basis())}}.
 */
@Component("laws")
public final class LawWords {

	private final MessageSource messages;

	LawWords(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The basis as the reader reads it.
	 * @param basis citations in Chinese (short or formal form, a practice), or null
	 * @return the basis in English for a reader in English, else as written; null for null
	 */
	public String cited(String basis) {
		Locale locale = LocaleContextHolder.getLocale();
		return basis == null || locale == null || "zh".equals(locale.getLanguage()) ? basis : Citation.englishIn(basis);
	}

	/**
	 * A catalogue rule named with its basis, as the reader reads it: in English the rule's English title (the bundle's
	 * {@code enum.StatutoryRule.<NAME>}, else its Chinese title) with its basis in English
	 * ({@link StatutoryRule#basisEnglish()}); in Chinese {@code chinese} as written.
	 * @param code the rule's catalogue code, or null
	 * @param chinese the rule's title with its basis in Chinese, or null
	 * @return the rule as the reader reads it; {@code chinese} for an unknown code
	 */
	public String rule(String code, String chinese) {
		Locale locale = LocaleContextHolder.getLocale();
		StatutoryRule rule = code == null ? null : StatutoryRule.byCode(code).orElse(null);
		if (rule == null || locale == null || "zh".equals(locale.getLanguage())) {
			return chinese;
		}
		return messages.getMessage("enum.StatutoryRule." + rule.name(), null, rule.title(), locale) + " ("
				+ rule.basisEnglish() + ")";
	}

	/**
	 * A period as a record stated it ({@link StatutoryRule#statedFor}: {@code 一般隐患整改期限10个工作日（地方实践，未确认）})
	 * as the reader reads it: in English the rule's English title (the bundle's {@code enum.StatutoryRule.<NAME>}, else
	 * its Chinese title), the figure with the unit's English and the basis cited in English ({@link Citation#englishIn};
	 * the bureau's own rule by {@code rules.ownRule}); any other text (a day someone set) with its citations in English.
	 * Chinese: as written.
	 * @param stated the text as the record keeps it, or null
	 */
	public String stated(String stated) {
		Locale locale = LocaleContextHolder.getLocale();
		if (stated == null || locale == null || "zh".equals(locale.getLanguage())) {
			return stated;
		}
		for (StatutoryRule rule : BY_TITLE) {
			if (!stated.startsWith(rule.title())) {
				continue;
			}
			var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)" + java.util.regex.Pattern.quote(rule.unit().label())
					+ "(?:（(.*)）)?").matcher(stated.substring(rule.title().length()));
			if (m.matches()) {
				String basis = m.group(2) == null ? null
						: Audience.OWN_RULE.equals(m.group(2))
								? messages.getMessage("rules.ownRule", null, m.group(2), locale) : Citation.englishIn(m.group(2));
				return messages.getMessage("enum.StatutoryRule." + rule.name(), null, rule.title(), locale) + " " + m.group(1)
						+ " " + messages.getMessage(EnumWords.key(rule.unit()), null, rule.unit().label(), locale)
						+ (basis == null ? "" : " (" + basis + ")");
			}
		}
		return Citation.englishIn(stated);
	}

	/** The catalogue's rules, the longest title first (so no title is read as the start of a longer one). */
	private static final List<StatutoryRule> BY_TITLE = Arrays.stream(StatutoryRule.values())
		.sorted(Comparator.comparingInt((StatutoryRule r) -> r.title().length()).reversed()).toList();
}
