package org.youguan.kernel;

import java.io.Serializable;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A refusal's sentence as a key of the UI bundle with its arguments, carried beside its Chinese text
 * ({@link DomainException#wording}, {@link AccessRefusedException#wording}) so the web layer words it in the reader's
 * language — the bundle's {@code key} formatted with {@code arguments} — where the module wrote it in Chinese. The
 * Chinese text stays what the module wrote (the API's problem responses and the audit keep it).
 * @param key the bundle's key, e.g. {@code refusal.notFound}
 * @param arguments the sentence's values, in the key's {@code {0}}, {@code {1}} … order (nulls allowed); personal
 * numbers already masked
 */
public record Wording(String key, List<Object> arguments) implements Serializable {

	public Wording {
		arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	/** The key with its arguments in order. */
	public static Wording of(String key, Object... arguments) {
		return new Wording(key, Arrays.asList(arguments));
	}

	/** The key of {@link #typed}. */
	public static final String TYPED = "kernel.typed";

	/**
	 * A value the user typed or named (a sheet's own name, 说明), as an argument shown as it is in every language —
	 * never read as a label of the bundle ("说明" is not "Note").
	 * @param text the value as the user wrote it
	 */
	public static Wording typed(String text) {
		return of(TYPED, text);
	}

	/**
	 * This wording as a flash attribute may hold it across a redirect (stored in the session: text, numbers,
	 * true/false, dates, enums, lists of enums, text or wordings and wordings of them): any other argument as its text.
	 * @return this wording, or a copy with such arguments turned to text
	 */
	public Wording flashable() {
		List<Object> simple = new ArrayList<>(arguments.size());
		for (Object a : arguments) {
			simple.add(a == null || a instanceof String || a instanceof Boolean || a instanceof Enum<?>
					|| a instanceof Temporal || (a instanceof Number && a.getClass().getName().startsWith("java."))
					? a : a instanceof Wording w ? w.flashable()
					: a instanceof Collection<?> c && c.stream().allMatch(e -> e instanceof Enum<?> || e instanceof String
							|| e instanceof Wording)
							? new ArrayList<>(c.stream().map(e -> e instanceof Wording w ? w.flashable() : e).toList())
							: String.valueOf(a));
		}
		return new Wording(key, simple);
	}
}
