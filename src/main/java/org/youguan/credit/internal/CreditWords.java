package org.youguan.credit.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.EnumWords;
import org.youguan.rules.ViolationType;

/**
 * A credit entry's texts the platform wrote (not typed by anyone) in the reader's language: the entry's content — a
 * penalty's "违法行为简称：罚款人民币5000元", an overdue rectification's "责令改正通知书…限期…届满，逾期未改正" — and the
 * reason a correction is owed ("行政复议变更（…，2026年3月5日）：变更为…", "异议成立（2026年3月5日）：" and the reason typed).
 * They are stored in Chinese, as the register keeps them; a Chinese reader reads them as stored, word for word, and
 * another reads the bundle's {@code credit.words.*} sentences with the values read from them (days in ISO, the
 * violation, penalty and outcome by their English labels). A text of another form (changed on an objection: typed by
 * the bureau) is shown as stored. Used by the pages: {@code ${@creditWords.summary(e.summary())}}.
 */
@Component("creditWords")
public final class CreditWords {

	private static final String DAY = "(\\d{4})年(\\d{1,2})月(\\d{1,2})日";

	private static final Pattern RECTIFICATION = Pattern.compile("责令改正通知书(.+)限期" + DAY + "届满，逾期未改正");

	private static final Pattern CHANGED = Pattern.compile("(.+?)；变更为：(.*)", Pattern.DOTALL);

	private static final Pattern PENALTY = Pattern.compile("(不予处罚|警告|罚款|没收违法所得|责令停业整顿|吊销许可证件)"
			+ "(?:人民币([0-9.,]+)元)?(?:，没收违法所得人民币([0-9.,]+)元)?(?:，并处罚款人民币([0-9.,]+)元)?");

	private static final Pattern UPHELD = Pattern.compile("异议成立（" + DAY + "）：(.*)", Pattern.DOTALL);

	private static final Pattern REMEDY = Pattern.compile("(行政复议|行政诉讼|自行纠正)(维持|变更|撤销|确认违法|确认无效)（(.+)，" + DAY
			+ "）：(?:变更为(.+)|处罚决定(.+))", Pattern.DOTALL);

	private static final String LATER = "；其后";

	private static final String NOT_REPLACING = "，不取代撤销";

	private final MessageSource messages;

	CreditWords(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * An entry's content in the request's language.
	 * @param stored the content as stored (Chinese), or null
	 * @return the stored text for a Chinese reader or a text of no known form; else its English
	 */
	public String summary(String stored) {
		Locale locale = LocaleContextHolder.getLocale();
		if (stored == null || chinese(locale)) {
			return stored;
		}
		return summary(stored, locale).orElse(stored);
	}

	/**
	 * The reason a correction is owed in the request's language.
	 * @param stored the reason as stored (Chinese), or null
	 * @return the stored text for a Chinese reader or a text of no known form; else its English (a reason typed on an
	 * objection kept as typed)
	 */
	public String reason(String stored) {
		Locale locale = LocaleContextHolder.getLocale();
		if (stored == null || chinese(locale)) {
			return stored;
		}
		String[] parts = stored.split(LATER);
		StringBuilder shown = new StringBuilder(remedyOrObjection(parts[0], locale).orElse(parts[0]));
		for (int i = 1; i < parts.length; i++) {
			String change = parts[i].endsWith(NOT_REPLACING) ? parts[i].substring(0, parts[i].length() - NOT_REPLACING.length())
					: parts[i];
			shown.append(word("credit.words.later", locale, remedyOrObjection(change, locale).orElse(change)));
		}
		return shown.toString();
	}

	private Optional<String> summary(String stored, Locale locale) {
		Matcher rectification = RECTIFICATION.matcher(stored);
		if (rectification.matches()) {
			return Optional.of(word("credit.words.rectificationOverdue", locale, rectification.group(1), iso(rectification, 2)));
		}
		Matcher changed = CHANGED.matcher(stored);
		if (changed.matches()) {
			String before = summary(changed.group(1), locale).orElse(changed.group(1));
			return Optional.of(word("credit.words.changedTo", locale, before, penalty(changed.group(2), locale).orElse(changed.group(2))));
		}
		Optional<ViolationType> violation = Arrays.stream(ViolationType.values())
			.filter(v -> stored.startsWith(v.shortName() + "："))
			.max(Comparator.comparingInt(v -> v.shortName().length()));
		if (violation.isEmpty()) {
			return penalty(stored, locale);
		}
		String rest = stored.substring(violation.get().shortName().length() + 1);
		return Optional.of(word("credit.words.violation", locale, EnumWords.of(messages, violation.get(), locale),
				penalty(rest, locale).orElse(rest)));
	}

	/** A penalty as {@link Penalty#describe} wrote it, in English; empty for a text of another form. */
	private Optional<String> penalty(String text, Locale locale) {
		Matcher m = PENALTY.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		Penalty penalty = Arrays.stream(Penalty.values()).filter(p -> p.label().equals(m.group(1))).findFirst().orElseThrow();
		StringBuilder shown = new StringBuilder();
		if (penalty == Penalty.FINE && m.group(2) != null) {
			shown.append(word("enforcement.penaltyWords.fine", locale, m.group(2)));
		}
		else if (penalty == Penalty.CONFISCATION && m.group(2) != null) {
			shown.append(word("enforcement.penaltyWords.confiscation", locale, m.group(2)));
		}
		else if (m.group(2) != null) {
			return Optional.empty();
		}
		else {
			shown.append(EnumWords.of(messages, penalty, locale));
		}
		if (m.group(3) != null) {
			shown.append(word("enforcement.penaltyWords.andConfiscation", locale, m.group(3)));
		}
		if (m.group(4) != null) {
			shown.append(word("enforcement.penaltyWords.andFine", locale, m.group(4)));
		}
		return Optional.of(shown.toString());
	}

	private Optional<String> remedyOrObjection(String text, Locale locale) {
		Matcher upheld = UPHELD.matcher(text);
		if (upheld.matches()) {
			return Optional.of(word("credit.words.objectionUpheld", locale, iso(upheld, 1), upheld.group(4)));
		}
		Matcher remedy = REMEDY.matcher(text);
		if (!remedy.matches()) {
			return Optional.empty();
		}
		String kind = Arrays.stream(DecisionOutcomes.Kind.values()).filter(k -> k.label().equals(remedy.group(1)))
			.findFirst().map(k -> EnumWords.of(messages, k, locale)).orElse(remedy.group(1));
		String result = result(remedy.group(2), locale);
		String day = iso(remedy, 4);
		if (remedy.group(7) != null) {
			return Optional.of(word("credit.words.remedyChanged", locale, kind, result, remedy.group(3), day,
					penalty(remedy.group(7), locale).orElse(remedy.group(7))));
		}
		return Optional.of(word("credit.words.remedyResult", locale, kind, result, remedy.group(3), day,
				result(remedy.group(8), locale)));
	}

	private String result(String label, Locale locale) {
		return Arrays.stream(DecisionOutcomes.Result.values()).filter(r -> r.label().equals(label)).findFirst()
			.map(r -> EnumWords.of(messages, r, locale)).orElse(label);
	}

	/** The day of three groups from {@code first} (年, 月, 日) in ISO. */
	private static String iso(Matcher m, int first) {
		return m.group(first) + "-" + two(m.group(first + 1)) + "-" + two(m.group(first + 2));
	}

	private static String two(String digits) {
		return digits.length() == 1 ? "0" + digits : digits;
	}

	private String word(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	private static boolean chinese(Locale locale) {
		return locale == null || "zh".equals(locale.getLanguage());
	}
}
