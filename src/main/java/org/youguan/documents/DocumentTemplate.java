package org.youguan.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.youguan.kernel.Text;

/**
 * One .docx template the platform fills, as the module that fills it declares it (see {@link DeclaresTemplates}): its
 * key ({@code <module>/<name>}, e.g. {@code enforcement/decision}), its Chinese title (行政处罚决定书), the built-in
 * file on the class path ({@code documents/enforcement/decision.docx}) and what it is filled with — the
 * {@code ${name}} fields and the lists whose items repeat a table row ({@code ${evidence.no}} …, see
 * {@link WordTemplates}). An administrator's replacement may use exactly these (checked on upload by
 * {@link DocumentTemplates#replace}). Built with {@link #of} and {@link #withFields} / {@link #withList}.
 *
 * @param key {@code <module>/<name>}: lower-case letters, digits and hyphens
 * @param title the document's Chinese title, as the administrator's page lists it
 * @param builtIn the built-in template's class-path location, a {@code .docx}
 * @param fields the {@code ${name}} fields the module fills, in the order the page lists them
 * @param lists the lists the module fills: list name → its columns
 * @param required the fields a replacement must keep ({@link #withRequired}): what the law requires the document to
 *     state — e.g. the six items of a 行政处罚决定书 (行政处罚法 art.59) — so an administrator's template cannot drop them
 * @param retired what an earlier version of the built-in template wrote and the module no longer fills that way
 *     ({@link #withRetired}): a paragraph or table cell's whole text → why it is gone, so a replacement made from the old
 *     built-in is refused on upload instead of printing what the built-in dropped
 */
public record DocumentTemplate(String key, String title, String builtIn, List<String> fields,
		Map<String, List<String>> lists, List<String> required, Map<String, String> retired) {

	private static final Pattern KEY = Pattern.compile("[a-z]+/[a-z0-9-]+");

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_-]+");

	/** @throws IllegalArgumentException on a malformed key, a built-in that is not a .docx or a malformed name */
	public DocumentTemplate {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("A template key is <module>/<name>: " + key);
		}
		if (title == null || Text.isBlank(title) || builtIn == null || !builtIn.endsWith(".docx")) {
			throw new IllegalArgumentException("Template " + key + " needs a title and a built-in .docx");
		}
		fields = List.copyOf(new LinkedHashSet<>(fields));
		Map<String, List<String>> copy = new LinkedHashMap<>();
		lists.forEach((list, columns) -> copy.put(list, List.copyOf(new LinkedHashSet<>(columns))));
		lists = Collections.unmodifiableMap(copy);
		required = List.copyOf(new LinkedHashSet<>(required));
		retired = Collections.unmodifiableMap(new LinkedHashMap<>(retired));
		// the record's own fields are assigned after this body: the parameters are checked
		List<String> names = new ArrayList<>(fields);
		Set<String> placed = new LinkedHashSet<>(fields);
		copy.forEach((list, columns) -> {
			names.add(list);
			names.addAll(columns);
			columns.forEach(c -> placed.add(list + "." + c));
		});
		for (String name : names) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Template " + key + " declares a malformed field: " + name);
			}
		}
		for (String name : required) {
			if (!placed.contains(name)) {
				throw new IllegalArgumentException("Template " + key + " requires a field it does not declare: " + name);
			}
		}
	}

	/** A template filled with no field yet: add them with {@link #withFields} and {@link #withList}. */
	public static DocumentTemplate of(String key, String title, String builtIn) {
		return new DocumentTemplate(key, title, builtIn, List.of(), Map.of(), List.of(), Map.of());
	}

	/** The same template with these {@code ${name}} fields added. */
	public DocumentTemplate withFields(String... names) {
		return withFields(List.of(names));
	}

	/** The same template with these {@code ${name}} fields added. */
	public DocumentTemplate withFields(List<String> names) {
		List<String> all = new ArrayList<>(fields);
		all.addAll(names);
		return new DocumentTemplate(key, title, builtIn, all, lists, required, retired);
	}

	/**
	 * The same template with these declared fields (or {@code list.column}s) required of a replacement: an upload that
	 * leaves one out is refused ({@link DocumentTemplates#replace}, rule {@code template-required}).
	 * @throws IllegalArgumentException when a name is not declared
	 */
	public DocumentTemplate withRequired(String... names) {
		List<String> all = new ArrayList<>(required);
		all.addAll(List.of(names));
		return new DocumentTemplate(key, title, builtIn, fields, lists, all, retired);
	}

	/**
	 * The same template with a text an earlier built-in wrote retired: an upload with a paragraph or table cell whose
	 * whole text is {@code text} (a subtitle the title made redundant, a column header whose meaning changed) is refused
	 * ({@link DocumentTemplates#replace}, rule {@code template-retired}, naming the text and {@code why}).
	 * @param text the paragraph's or cell's whole text as the old built-in wrote it, fields included ({@code （${months}）})
	 * @param why what the module does instead, in Chinese
	 */
	public DocumentTemplate withRetired(String text, String why) {
		Map<String, String> all = new LinkedHashMap<>(retired);
		all.put(text, why);
		return new DocumentTemplate(key, title, builtIn, fields, lists, required, all);
	}

	/** The same template with a list added: a table row with {@code ${list.column}} repeats once per item. */
	public DocumentTemplate withList(String list, String... columns) {
		Map<String, List<String>> all = new LinkedHashMap<>(lists);
		all.put(list, List.of(columns));
		return new DocumentTemplate(key, title, builtIn, fields, all, required, retired);
	}

	/** The module that fills it: the key's first part. */
	public String module() {
		return key.substring(0, key.indexOf('/'));
	}

	/** The template's name within its module: the key's second part. */
	public String name() {
		return key.substring(key.indexOf('/') + 1);
	}

	/** Every field name a template may contain: the fields, and {@code list.column} for each list's columns. */
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>(fields);
		lists.forEach((list, columns) -> columns.forEach(c -> names.add(list + "." + c)));
		return names;
	}

	/** Every field as it is written in a template: {@code ${number}}, {@code ${evidence.no}}. */
	public List<String> placeholders() {
		return names().stream().map(n -> "${" + n + "}").toList();
	}

	/** The required fields as they are written in a template ({@link #required()}). */
	public List<String> requiredPlaceholders() {
		return required.stream().map(n -> "${" + n + "}").toList();
	}
}
