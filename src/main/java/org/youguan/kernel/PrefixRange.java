package org.youguan.kernel;

import java.util.Map;

/**
 * "The column starts with this prefix" as SQL that an index serves under any plan: the byte-wise range
 * {@code column ~>=~ :<name>From AND column ~<~ :<name>To} rather than {@code column LIKE :prefix}, for a prefix a
 * caller typed (a place name in a search). Region codes use {@link RegionPrefix}.
 *
 * <p>Why: PostgreSQL plans a prepared statement once ("generic plan") after five runs. A {@code LIKE} with a bound
 * pattern cannot become an index range in such a plan (the pattern is unknown when planning), so it would scan; the
 * explicit range can, on the {@code text_pattern_ops} indexes those columns carry, and so every statement can be
 * planned once instead of on every call. The operators compare bytes (the order of {@code text_pattern_ops}), and
 * UTF-8 bytes sort as code points do, so the upper bound is the prefix with its last code point raised by one
 * ({@code 3209} → {@code 320:}, {@code 吴中} → {@code 吴丮}) whatever the database's collation.
 *
 * @param prefix the leading characters a row's value must have; empty means every row (the predicate is
 *        {@code TRUE})
 */
public record PrefixRange(String prefix) {

	public PrefixRange {
		prefix = prefix == null ? "" : prefix;
	}

	/** Values that start with {@code prefix} exactly (no wildcards: {@code %} and {@code _} are plain characters). */
	public static PrefixRange of(String prefix) {
		return new PrefixRange(prefix);
	}

	/**
	 * The predicate on {@code column}, with parameters named {@code <name>From} and {@code <name>To} (bind them with
	 * {@link #params(String)} using the same {@code name}).
	 */
	public String predicate(String column, String name) {
		return prefix.isEmpty() ? "TRUE"
				: "(" + column + " ~>=~ :" + name + "From AND " + column + " ~<~ :" + name + "To)";
	}

	/** The two bounds for {@link #predicate(String, String)}; none when the prefix is empty. */
	public Map<String, Object> params(String name) {
		if (prefix.isEmpty()) {
			return Map.of();
		}
		int last = prefix.codePointBefore(prefix.length());
		String upper = new StringBuilder(prefix.substring(0, prefix.length() - Character.charCount(last)))
			.appendCodePoint(last + 1)
			.toString();
		return Map.of(name + "From", prefix, name + "To", upper);
	}

	/** Whether {@code value} lies in this range (the same rule as the SQL). */
	public boolean contains(String value) {
		return value != null && value.startsWith(prefix);
	}
}
