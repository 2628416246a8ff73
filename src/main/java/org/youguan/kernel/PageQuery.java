package org.youguan.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a list page asks for: a search text, a page (from 0), a page size and a sort column out of an allowed set.
 * The sort column is only ever one of the allowed names, so it may be written into SQL. The search text is held as
 * searched ({@link Text#searchText}: full-width digits, letters and spaces typed with a Chinese input method as ASCII),
 * so every list, its API and its export match １３９… as they match 139….
 */
public record PageQuery(String q, int page, int size, String sort, boolean descending) {

	public static final int MAX_SIZE = 200;

	/**
	 * The most characters a list's search text {@code q} may hold (every list page, API list and export, through
	 * {@link ListRequest}): no name, number or address searched for is longer.
	 */
	public static final int MAX_QUERY_LENGTH = 100;

	public static final int EXPORT_LIMIT = 100_000;

	public PageQuery {
		q = q == null ? "" : Text.searchText(q);
		page = Math.max(page, 0);
		size = size <= 0 ? 20 : size;
	}

	public static PageQuery of(String q, Integer page, Integer size, String sort, String dir) {
		int requested = size == null ? 20 : Math.min(size, MAX_SIZE);
		return new PageQuery(q, page == null ? 0 : page, requested, sort, descending(dir));
	}

	/**
	 * Whether {@code dir} asks for a descending order: {@code desc} (any case); {@code asc} or none (null, blank) is
	 * ascending — the list's default order applies where no {@code sort} is given.
	 * @throws InvalidValueException 400 on {@code dir}, rule {@code one-of}, naming the choices, for any other value
	 * ({@code dir=sideways} was taken silently as ascending — attack f8 item 12)
	 */
	static boolean descending(String dir) {
		if (dir == null || Text.isBlank(dir) || "asc".equalsIgnoreCase(Text.strip(dir))) {
			return false;
		}
		if ("desc".equalsIgnoreCase(Text.strip(dir))) {
			return true;
		}
		throw new InvalidValueException("dir", "one-of", Wording.of("kernel.invalid.sortDirection", Text.excerpt(dir, 20)), "排序方向应为asc（升序）或desc（降序），不能为“"
				+ Text.excerpt(dir, 20) + "”");
	}

	public String direction() {
		return descending ? "DESC" : "ASC";
	}

	public long offset() {
		return (long) page * size;
	}

	/** Spaces of every width between the words of a search: ASCII, ideographic (U+3000), no-break, line breaks. */
	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	/**
	 * The words of the search text, split at spaces of every width ({@code "吴中　顺丰"} is 吴中 and 顺丰); none when
	 * there is no search. A list finds the rows where every word is found ({@link Listing#search}).
	 */
	public List<String> words() {
		return Arrays.stream(SPACES.split(q)).filter(w -> !w.isEmpty()).toList();
	}

	/** The search text as a LIKE pattern with wildcards escaped. */
	public String likePattern() {
		return likePattern(q);
	}

	/** {@code text} as a LIKE pattern matching it anywhere, its wildcards escaped. */
	public static String likePattern(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * The search text as an identifier is stored ({@link Text#identifier}: full-width digits and letters typed with a
	 * Chinese input method as ASCII — a credit code, 备案编号 or 文号 typed "９１３２…"), or null when that is the text as
	 * typed.
	 */
	public String identifierForm() {
		String n = identifier();
		return n.isEmpty() || n.equals(q) ? null : n;
	}

	/**
	 * The search text as an identifier is stored ({@link Text#identifier}), for exact matches of codes and numbers: a
	 * credit code typed "９１３２０５…" is "913205…"; empty when there is no search.
	 */
	public String identifier() {
		String n = Text.identifier(q);
		return n == null ? "" : n;
	}

	/** The same search and sort for an export: every row up to {@link #EXPORT_LIMIT}. */
	public PageQuery unpaged() {
		return new PageQuery(q, 0, EXPORT_LIMIT, sort, descending);
	}
}
