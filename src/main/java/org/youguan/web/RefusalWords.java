package org.youguan.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;
import org.youguan.rules.Provision;

/**
 * The words of a refusal page in the reader's language (attack B2): a refusal's title and detail are written in
 * Chinese where it is raised (the API's problem responses keep them so), and a page in English shows the English of
 * the same sentence — {@code refusal.*} keys of the UI bundle whose Chinese is that sentence ("未找到" → "Not found",
 * the CSRF page's 页面已过期 → "Page expired"). A sentence without such a key (a module's own refusal, worded with its
 * values) is shown as written — unless the refusal carries its sentence's key ({@link Wording}: not found, scope refusals
 * and the steps the modules word so), which is formatted with its values ({@link #in(Wording, String, Locale)}). Works
 * without Spring (Tomcat's error report valve has no context): the two bundles are
 * read from the class path once.
 */
final class RefusalWords {

	private static final Properties EN = load("messages_en.properties");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

	/** Keys whose Chinese, written with values, is read back to its key ({@link #worded}). */
	private static final Pattern WORDED = Pattern.compile("^(?:done\\.|refusal\\.|kernel\\.invalid\\.|.*\\.refusal\\.|.*\\.done\\.)");

	private static final Pattern VALUE = Pattern.compile("\\{(\\d+)(?:,[^{}]*)?\\}");

	private static final Map<String, String> ENGLISH = english();

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** A day or month as a Chinese sentence writes it ({@code ChineseText.day}: 2026年3月5日; 2026年3月). */
	private static final Pattern CHINESE_DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?");

	private static String two(String digits) {
		return digits.length() == 1 ? "0" + digits : digits;
	}

	private static final Map<String, String> LABELS = labels();

	/** The keyed sentences with values, for a sentence written in Chinese without its key ({@link #sentences()}). */
	private static final List<Sentence> SENTENCES = sentences();

	/**
	 * A keyed sentence with values as a pattern of its Chinese: the literal words, each value any text.
	 * @param chinese the Chinese sentence's pattern, whole
	 * @param key the bundle's key
	 * @param values the placeholders' indexes, in the order they stand in the sentence
	 */
	private record Sentence(Pattern chinese, String key, List<Integer> values) {
	}

	private RefusalWords() {
	}

	/**
	 * The sentence in {@code locale}'s language.
	 * @param text a refusal's title, detail or error message (Chinese), or null
	 * @param locale the reader's locale; Chinese (or null) keeps the text
	 * @return the English of a known sentence for a non-Chinese locale, else {@code text}
	 */
	static String in(String text, Locale locale) {
		if (text == null || locale == null || "zh".equals(locale.getLanguage())) {
			return text;
		}
		String known = ENGLISH.get(text);
		return known != null ? known : worded(text, locale);
	}

	/**
	 * A Chinese sentence written with its values but without its key — a success message ({@code done.*}), a rule's
	 * "{0}不能为空" ({@code kernel.invalid.*}), a module's refusal ({@code *.refusal.*}) — in {@code locale}'s language:
	 * the first keyed sentence ({@link #SENTENCES}, the longest wording first) whose Chinese it is, formatted with the
	 * values read from it (a field's Chinese label by its English, {@link #LABELS}); else as written.
	 */
	private static String worded(String text, Locale locale) {
		for (Sentence sentence : SENTENCES) {
			var m = sentence.chinese().matcher(text);
			if (!m.matches()) {
				continue;
			}
			Object[] values = new Object[sentence.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
			for (int g = 0; g < sentence.values().size(); g++) {
				String value = m.group(g + 1);
				values[sentence.values().get(g)] = value.matches("-?\\d{1,18}") ? (Object) Long.valueOf(value) : value;
			}
			String shown = english(Wording.of(sentence.key(), values), locale);
			// a generic sentence ("{0}已登记", "请选择{0}") reads only with its value in English too: never half Chinese
			if (shown != null && !(sentence.key().contains(".generic.") && HAN.matcher(shown).find())) {
				return shown;
			}
		}
		return text;
	}

	/**
	 * The keyed sentences with values ({@link #WORDED}), each as a pattern of its Chinese, the one with the most literal
	 * words first (so "{0}不能为空" is tried after a longer sentence ending so); a pattern of fewer than two literal
	 * Han characters (or a choice) is left out — it would read any sentence as its own.
	 */
	private static List<Sentence> sentences() {
		Properties zh = load("messages.properties");
		List<Sentence> found = new java.util.ArrayList<>();
		Map<String, Integer> literal = new HashMap<>();
		for (String key : zh.stringPropertyNames()) {
			String words = zh.getProperty(key);
			if (!WORDED.matcher(key).find() || EN.getProperty(key) == null || !PLACEHOLDER.matcher(words).find()
					|| words.contains("choice")) {
				continue;
			}
			StringBuilder regex = new StringBuilder();
			StringBuilder plain = new StringBuilder();
			List<Integer> values = new java.util.ArrayList<>();
			var m = VALUE.matcher(words);
			int at = 0;
			while (m.find()) {
				String text = words.substring(at, m.start()).replace("''", "'");
				// of two values side by side ("已导入{0}{1}条": a level, then a count) the second is the count
				regex.append(Pattern.quote(text)).append(text.isEmpty() && !values.isEmpty() ? "(\\d+)" : "(.+?)");
				plain.append(text);
				values.add(Integer.parseInt(m.group(1)));
				at = m.end();
			}
			String tail = words.substring(at).replace("''", "'");
			regex.append(Pattern.quote(tail));
			plain.append(tail);
			long han = plain.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
			if (han >= 2) {
				found.add(new Sentence(Pattern.compile(regex.toString(), Pattern.DOTALL), key, List.copyOf(values)));
				literal.put(key, plain.length());
			}
		}
		found.sort(java.util.Comparator.comparing((Sentence s) -> -literal.get(s.key())).thenComparing(Sentence::key));
		return List.copyOf(found);
	}

	/**
	 * A refusal that carries its sentence's key ({@link Wording}) in {@code locale}'s language: the English bundle's
	 * sentence formatted with its arguments, for a non-Chinese locale — the right way for a module's refusal, which the
	 * reverse map ({@link #in(String, Locale)}) cannot word with its values.
	 * @param wording the refusal's key and arguments, or null
	 * @param chinese the refusal's Chinese message, kept for Chinese, a null wording or a key the bundle lacks
	 */
	static String in(Wording wording, String chinese, Locale locale) {
		if (wording == null || locale == null || "zh".equals(locale.getLanguage())) {
			return chinese;
		}
		String shown = english(wording, locale);
		// a value echoed in the sentence (a title, a name typed) is masked as the Chinese message is
		return shown == null ? chinese : Masking.personalNumbersIn(shown);
	}

	/**
	 * The English bundle's sentence of {@code wording} with its arguments, its provision tokens cited in English: a
	 * choice (an enum: a state, a kind) by its {@code enum.*} English, a nested wording in turn, a number as written
	 * (a year, an id — no grouping, as the Chinese sentence writes it), a list of choices joined; null for a key the bundle lacks.
	 */
	private static String english(Wording wording, Locale locale) {
		String pattern = EN.getProperty(wording.key());
		if (pattern == null) {
			return null;
		}
		String english = Provision.resolve(pattern, locale);
		Object[] arguments = wording.arguments().stream().map(a -> {
			if (a instanceof Wording nested && Wording.TYPED.equals(nested.key())) {
				return String.valueOf(nested.arguments().get(0));
			}
			if (a instanceof Wording nested) {
				String shown = english(nested, locale);
				return shown == null ? nested.key() : shown;
			}
			if (a instanceof Enum<?> choice) {
				return choice(choice, locale);
			}
			if (a instanceof Collection<?> choices) {
				// a list of choices (roles) as their English, joined as the bundle joins them; a Chinese label among them
				// (a facility an outlet lacks) as the bundle's English of the same words
				// (a choice with the value to send, Choice.choices: its own sentence's English)
				return choices.stream().map(c -> c instanceof Enum<?> e ? choice(e, locale)
						: c instanceof Wording w ? String.valueOf(english(w, locale))
						: c instanceof String text && HAN.matcher(text).find() ? LABELS.getOrDefault(text, text)
						: String.valueOf(c)).collect(Collectors.joining(EN.getProperty(EnumWords.SEPARATOR_KEY, ", ")));
			}
			if (a instanceof String text && text.contains("[[")) {
				// a list a rule quotes with its provisions' tokens (a mitigation's ground and its article): cited in English;
				// a value typed with brackets that name no provision stays as typed
				try {
					return Provision.resolve(text, locale);
				}
				catch (IllegalArgumentException typed) {
					return text;
				}
			}
			if (a instanceof String text && CHINESE_DAY.matcher(text).matches()) {
				// a day or month the Chinese sentence wrote as 2026年3月5日: ISO in English
				var day = CHINESE_DAY.matcher(text);
				day.matches();
				return day.group(1) + "-" + two(day.group(2)) + (day.group(3) == null ? "" : "-" + two(day.group(3)));
			}
			if (a instanceof String text && HAN.matcher(text).find()) {
				// a field's Chinese label (金额, 起始月份) a refusal names: the bundle's English of the same words
				// else a sentence a keyed one quotes (a plan's refusal with its state): its own key's English
				if (!LABELS.containsKey(text) && text.contains("、")) {
					// a list of labels (the columns a sheet lacks: 罚款、决定日期) label by label
					return java.util.Arrays.stream(text.split("、")).map(one -> labelled(one, locale))
						.collect(Collectors.joining(", "));
				}
				return labelled(text, locale);
			}
			return a instanceof Number number ? number.toString() : a;
		}).toArray();
		// a count a plural chooses by ({0,choice,1#1 row|1<{0} rows}) stays a number
		for (int i = 0; i < arguments.length; i++) {
			if (english.contains("{" + i + ",choice")) {
				Object value = wording.arguments().get(i);
				arguments[i] = value instanceof Number ? value
						: value != null && String.valueOf(value).matches("\\d{1,18}") ? Long.valueOf(String.valueOf(value)) : arguments[i];
			}
		}
		// a sentence without placeholders is written as it is (tools/messages.py doubles its quotes only beside them)
		return PLACEHOLDER.matcher(english).find() ? new MessageFormat(english, locale).format(arguments) : english;
	}

	/** A choice a rule lists as its label with the value to send: 突发事件（EMERGENCY）. */
	private static final Pattern CODED = Pattern.compile("(.+?)（([A-Z][A-Z0-9_]*)）");

	/**
	 * A label a read-back sentence quotes in English: the bundle's English of the same words, a choice listed with its
	 * value (突发事件（EMERGENCY）) as its label's English with the value (Emergency (EMERGENCY)), else as a sentence.
	 */
	private static String labelled(String text, Locale locale) {
		String english = LABELS.get(text);
		if (english != null) {
			return english;
		}
		var coded = CODED.matcher(text);
		if (coded.matches() && LABELS.containsKey(coded.group(1))) {
			return LABELS.get(coded.group(1)) + " (" + coded.group(2) + ")";
		}
		return in(text, locale);
	}

	/**
	 * A choice's English ({@code enum.*}), its provision tokens cited in the language (a mitigation's ground names its
	 * article: [[PENALTY_MITIGATION_HARM_ELIMINATED]]); its Chinese label where the bundle lacks it.
	 */
	private static String choice(Enum<?> choice, Locale locale) {
		return Provision.resolve(EN.getProperty(EnumWords.key(choice), EnumWords.label(choice)), locale);
	}

	/**
	 * The refusal's errors in {@code locale}'s language ({@link #in(Wording, String, Locale)}): an error saying the
	 * refusal's own sentence is worded by its key; any other as it is.
	 */
	static List<FieldError> in(List<FieldError> errors, Wording wording, String chinese, Locale locale) {
		String shown = in(wording, chinese, locale);
		if (shown == null || shown.equals(chinese)) {
			return errors;
		}
		return errors.stream().map(e -> chinese.equals(e.message()) ? new FieldError(e.field(), e.rule(), shown) : e).toList();
	}

	/**
	 * A refusal's errors in {@code locale}'s language: each by its own key where it carries one
	 * ({@link DomainException#wording(FieldError)}: a refusal of several failures keys each), any other as it is.
	 */
	static List<FieldError> in(List<FieldError> errors, DomainException refusal, Locale locale) {
		if (locale == null || "zh".equals(locale.getLanguage())) {
			return errors;
		}
		return errors.stream().map(e -> {
			Wording words = refusal.wording(e);
			String shown = words == null ? e.message() : in(words, e.message(), locale);
			return shown.equals(e.message()) ? e : new FieldError(e.field(), e.rule(), shown);
		}).toList();
	}

	/**
	 * A field's or column's Chinese label in {@code locale}'s language: the bundle's English of the same words (a field's
	 * name first, {@link #labels()}), else as written; Chinese (or null) keeps it.
	 */
	static String label(String chinese, Locale locale) {
		if (chinese == null || locale == null || "zh".equals(locale.getLanguage())) {
			return chinese;
		}
		return LABELS.getOrDefault(chinese, chinese);
	}

	/** The errors with their messages in {@code locale}'s language (fields and rules unchanged). */
	static List<FieldError> in(List<FieldError> errors, Locale locale) {
		return errors.stream().map(e -> {
			String shown = in(e.message(), locale);
			return shown.equals(e.message()) ? e : new FieldError(e.field(), e.rule(), shown);
		}).toList();
	}

	/**
	 * The English of a Chinese label by its Chinese, for a keyed refusal's values (a field's label, 金额 → Amount): a
	 * field's name ({@code field.*}, then the audit trail's {@code audit.field.*}) first, else any key's words, the
	 * first key in order where two share the same Chinese.
	 */
	private static Map<String, String> labels() {
		Properties zh = load("messages.properties");
		Map<String, String> english = new HashMap<>();
		for (String prefix : List.of("field.", "audit.field.", "")) {
			zh.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().forEach(key -> {
				String words = zh.getProperty(key);
				String en = EN.getProperty(key);
				if (en != null && !PLACEHOLDER.matcher(words).find() && !HAN.matcher(en).find()) {
					english.putIfAbsent(words, en);
				}
			});
		}
		return Map.copyOf(english);
	}

	/** The English of a {@code refusal.*} key (or any other {@link #WORDED} key without values) by its Chinese. */
	private static Map<String, String> english() {
		Properties zh = load("messages.properties");
		Properties en = EN;
		Map<String, String> english = new HashMap<>();
		for (String key : zh.stringPropertyNames()) {
			if (WORDED.matcher(key).find() && en.getProperty(key) != null && !PLACEHOLDER.matcher(zh.getProperty(key)).find()) {
				english.put(zh.getProperty(key), en.getProperty(key));
			}
		}
		return Map.copyOf(english);
	}

	private static Properties load(String name) {
		Properties p = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return p;
	}
}
