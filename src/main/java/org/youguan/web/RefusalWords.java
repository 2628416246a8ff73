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

	private static final Map<String, String> ENGLISH = english();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Map<String, String> LABELS = labels();

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
		return ENGLISH.getOrDefault(text, text);
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
		Object[] arguments = wording.arguments().stream().map(a -> {
			if (a instanceof Wording nested) {
				String shown = english(nested, locale);
				return shown == null ? nested.key() : shown;
			}
			if (a instanceof Enum<?> choice) {
				return EN.getProperty(EnumWords.key(choice), EnumWords.label(choice));
			}
			if (a instanceof Collection<?> choices) {
				// a list of choices (roles) as their English, joined as the bundle joins them; a Chinese label among them
				// (a facility an outlet lacks) as the bundle's English of the same words
				return choices.stream().map(c -> c instanceof Enum<?> e ? EN.getProperty(EnumWords.key(e), EnumWords.label(e))
						: c instanceof String text && HAN.matcher(text).find() ? LABELS.getOrDefault(text, text)
						: String.valueOf(c)).collect(Collectors.joining(EN.getProperty(EnumWords.SEPARATOR_KEY, ", ")));
			}
			if (a instanceof String text && HAN.matcher(text).find()) {
				// a field's Chinese label (金额, 起始月份) a refusal names: the bundle's English of the same words
				return LABELS.getOrDefault(text, text);
			}
			return a instanceof Number number ? number.toString() : a;
		}).toArray();
		// a sentence without placeholders is written as it is (tools/messages.py doubles its quotes only beside them)
		String english = Provision.resolve(pattern, locale);
		return PLACEHOLDER.matcher(english).find() ? new MessageFormat(english, locale).format(arguments) : english;
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

	/** The English of a {@code refusal.*} key by its Chinese. */
	private static Map<String, String> english() {
		Properties zh = load("messages.properties");
		Properties en = EN;
		Map<String, String> english = new HashMap<>();
		for (String key : zh.stringPropertyNames()) {
			if (key.startsWith("refusal.") && en.getProperty(key) != null) {
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
