package org.youguan.kernel;

import java.util.ArrayList;
import java.util.Arrays;
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
public record Wording(String key, List<Object> arguments) {

	public Wording {
		arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	/** The key with its arguments in order. */
	public static Wording of(String key, Object... arguments) {
		return new Wording(key, Arrays.asList(arguments));
	}
}
