package org.youguan.kernel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One list query, the shape of every list page, API list and export: the rows of a FROM clause inside the caller's
 * data scope that pass the filters, counted (exactly, or up to a cap where counting everything would be slow) and one
 * page of them in an order chosen from a whitelist, with a tie-breaker so pages never overlap.
 *
 * <pre>{@code
 * return Listing.from("FROM enterprise e JOIN region r ON r.code = e.region_code")
 *     .scope(scope, "e.region_code")
 *     .search(page, "e.legal_name")
 *     .where(filter.type() != null, "e.type = :type", "type", filter.type())
 *     .sorts(Map.of("legal_name", "e.legal_name", "region_code", "e.region_code"), "region_code", "e.id")
 *     .page(jdbc, "SELECT e.id, e.legal_name, …", page, Rows.of(EnterpriseView.class));
 * }</pre>
 *
 * Every value is a bound parameter; only whitelisted sort expressions and the caller's own SQL fragments are written
 * into the statement.
 */
public final class Listing {

	/** The column of a page's statement that carries the count, beside the caller's columns. */
	public static final String COUNT_COLUMN = "listing_count";

	private final String from;

	private final StringBuilder where = new StringBuilder();

	private final Map<String, Object> params = new HashMap<>();

	private Map<String, String> sorts = Map.of();

	private String defaultSort;

	private boolean defaultDescending;

	private String tieBreaker;

	private long countCap;

	private String countFrom;

	private String pageJoins;

	/**
	 * Whether the list reads the search text ({@link #search}, or its own way, {@link #searchesItself}): a page asked
	 * with one of a list that reads none is refused ({@link #page}), never answered unsearched.
	 */
	private boolean searched;

	private Listing(String from) {
		this.from = from;
	}

	/** The rows of this FROM clause (with its joins), e.g. {@code "FROM complaint c JOIN region r ON …"}. */
	public static Listing from(String from) {
		return new Listing(from);
	}

	/** Counts from another FROM clause than the page reads (without the joins only the columns need). */
	public Listing countFrom(String from) {
		this.countFrom = from;
		return this;
	}

	/** Only rows in the caller's region ({@link DataScope#regionPredicate}). */
	public Listing scope(DataScope scope, String regionColumn) {
		return where(scope.regionPredicate(regionColumn), scope.params());
	}

	/** Only rows of the caller's enterprise, or in the caller's region ({@link DataScope#enterprisePredicate}). */
	public Listing scope(DataScope scope, String creditCodeColumn, String regionColumn) {
		return where(scope.enterprisePredicate(creditCodeColumn, regionColumn), scope.params());
	}

	/** A condition with its own named parameters. */
	public Listing where(String predicate, Map<String, ?> values) {
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(predicate);
		params.putAll(values);
		return this;
	}

	/** A named value the SELECT list reads (e.g. today's date for a computed column), bound to the page's query. */
	public Listing bind(String name, Object value) {
		params.put(name, value);
		return this;
	}

	/** A condition without parameters. */
	public Listing where(String predicate) {
		return where(predicate, Map.of());
	}

	/** A filter applied only when the user chose it ({@code applies}), with one named parameter. */
	public Listing where(boolean applies, String predicate, String name, Object value) {
		return applies ? where(predicate, Map.of(name, value)) : this;
	}

	/**
	 * The search box, one idiom for every list: when the query has text, the rows where <b>every word</b> of it
	 * ({@link PageQuery#words}, split at spaces of any width) is found in one of the columns — case-insensitively
	 * ({@code ILIKE}, the wildcards of the text escaped, so {@code 91320506ma1nd7k3q3} finds the credit code), and a word
	 * an identifier would store otherwise (typed full-width, {@link Text#identifier}) also in that form. A list that
	 * shows an enterprise names its credit code and name among the columns.
	 * @param page the search text
	 * @param columns the SQL expressions searched (the list's own text columns)
	 */
	public Listing search(PageQuery page, String... columns) {
		return search(page, null, Map.of(), columns);
	}

	/**
	 * As {@link #search(PageQuery, String...)}, and a row also matches when {@code whole} holds — a condition on the
	 * whole search text, bound by {@code values} (an exact number, a phone number's search index).
	 * @param whole a predicate with named parameters, or null for none
	 * @param values the predicate's parameters
	 */
	public Listing search(PageQuery page, String whole, Map<String, ?> values, String... columns) {
		searched = true;
		if (page.q().isEmpty() || whole == null && columns.length == 0) {
			return this;
		}
		Map<String, Object> bound = new HashMap<>(values);
		StringBuilder any = new StringBuilder("(");
		if (whole != null) {
			any.append(whole);
		}
		if (columns.length > 0) {
			any.append(whole == null ? "(" : " OR (");
			List<String> words = page.words();
			for (int w = 0; w < words.size(); w++) {
				// identifiers are stored half-width (Text.identifier): a word typed full-width is looked for in that form
				// too, names as typed (NFKC would also turn their full-width brackets （） into ASCII ones)
				String word = words.get(w);
				String identifier = Text.identifier(word);
				any.append(w == 0 ? "(" : " AND (");
				for (int c = 0; c < columns.length; c++) {
					any.append(c == 0 ? "" : " OR ").append(searched(columns[c])).append(" ILIKE :search").append(w).append(" ESCAPE '\\'");
					if (!word.equals(identifier)) {
						any.append(" OR ").append(searched(columns[c])).append(" ILIKE :searchIdentifier").append(w).append(" ESCAPE '\\'");
					}
				}
				typedMask(any, bound, "searchMask" + w, word, Arrays.asList(columns));
				any.append(")");
				bound.put("search" + w, PageQuery.likePattern(word));
				if (!word.equals(identifier)) {
					bound.put("searchIdentifier" + w, PageQuery.likePattern(identifier));
				}
			}
			any.append(")");
		}
		return where(any.append(")").toString(), bound);
	}

	/**
	 * A searched column as a word is compared with it: the search text is in half-width digits and letters
	 * ({@link Text#searchText}), and so is the column side ({@link Text#halfWidthAlphanumericsSql}) — free text keeps
	 * what was typed ("１２３号", {@link Text#freeText}), so "123号" finds it. For a word without ASCII digits and letters
	 * (a Chinese word) the folding changes nothing the word can match (it holds no letter or digit the folding writes),
	 * so every word compares with one expression, and one GIN trigram index on exactly it serves every word of the
	 * column (V347, V348, V350, V352; {@code SearchIndexIntegrationTest}).
	 */
	static String searched(String column) {
		return Text.halfWidthAlphanumericsSql(column);
	}

	/**
	 * A masked column's searched form ({@link Masked}): compatibility-normalised (NFKC), as the mask reads its digits
	 * ({@link Masking}) and as its candidates are confirmed — one expression for the candidates of a word with digits
	 * ({@link #shownWith}) and the comparison of a word without them, so one GIN trigram index on it serves both.
	 */
	static String shownForm(String column) {
		return "normalize(" + column + ", NFKC)";
	}

	/**
	 * A column stored masked ({@link Masked#stored}, the audit trail's summary) as a word is compared with it: NFKC,
	 * without the characters people type between a number's blocks ({@link #withoutJoiners}) — compare the word
	 * without them too, so 139-****-5678 and 139****5678 are one masked number whichever side has the separators.
	 * @param column a SQL expression of type text (written into the SQL as is: never user input)
	 * @return the SQL expression
	 */
	public static String storedForm(String column) {
		return withoutJoinersSql(shownForm(column));
	}

	/**
	 * A column a list shows masked ({@link Masking}), searched as shown: {@link #numbers} for a free text whose ID and
	 * mobile numbers are masked ({@link Masking#personalNumbersIn}), {@link #telephones} for one whose landlines are
	 * masked too ({@link Masking#telephonesIn}), {@link #name} for a person's name shown as its first character
	 * ({@link Masking#name}), {@link #phone} and {@link #idNumber} for a column holding one phone or ID number
	 * ({@link Masking#phone}, {@link Masking#idNumber}).
	 * <p>A fragment is found only where the list shows it. Who reads the column in full decides what a personal number
	 * or a name typed whole finds ({@link #readInFullWhere}): by default nobody ({@link #NOBODY}), so it finds nothing
	 * beyond what the list shows — a reader who sees a number masked never confirms it by searching it whole; with a
	 * predicate, the rows where it holds (the records the reader reads in full on their pages, e.g. the handlers'
	 * rule of leads and complaints). The rule is a reader's: a reader may find a row by a value only if shown it in full.
	 * @param column the SQL expression (a NULL value is no match)
	 * @param shape how the list masks it
	 * @param readInFull an SQL predicate on the row: the rows the reader reads the column in full ({@link #NOBODY} for
	 *        none); never null
	 */
	public record Masked(String column, Shape shape, String readInFull) {

		/** The rule of a column nobody reads in full in a list: the default of every masked column. */
		public static final String NOBODY = "FALSE";

		/** @throws NullPointerException without a rule: a list states who reads the column in full, or takes {@link #NOBODY} */
		public Masked {
			Objects.requireNonNull(readInFull, "readInFull");
		}

		/** How a list masks a column. */
		public enum Shape {
			/** {@link Masking#personalNumbersIn}. */
			NUMBERS,
			/** {@link Masking#telephonesIn}. */
			TELEPHONES,
			/** {@link Masking#name}. */
			NAME,
			/** {@link Masking#phone}. */
			PHONE,
			/** {@link Masking#idNumber}. */
			ID_NUMBER,
			/** Stored masked already, shown as stored ({@link Masked#stored}). */
			STORED
		}

		/** A free text shown with its personal numbers masked. */
		public static Masked numbers(String column) {
			return new Masked(column, Shape.NUMBERS, NOBODY);
		}

		/**
		 * A free text shown with its personal numbers and its landlines masked (to a reader not entitled to it in full),
		 * so that the middle digits of a landline find nothing either.
		 */
		public static Masked telephones(String column) {
			return new Masked(column, Shape.TELEPHONES, NOBODY);
		}

		/** A person's name shown as its first character. */
		public static Masked name(String column) {
			return new Masked(column, Shape.NAME, NOBODY);
		}

		/** A phone number shown as {@link Masking#phone} shows it (139****5678, 0512-****1234). */
		public static Masked phone(String column) {
			return new Masked(column, Shape.PHONE, NOBODY);
		}

		/** An ID number shown as {@link Masking#idNumber} shows it (110105********002X). */
		public static Masked idNumber(String column) {
			return new Masked(column, Shape.ID_NUMBER, NOBODY);
		}

		/**
		 * A column stored masked already and shown as stored (a complaint's filer phone kept as 139****5678 beside its
		 * ciphertext): compared in SQL, not confirmed row by row — a word, a mask typed with any separators or in blocks
		 * (139-****-5678, 139 **** 5678) and the digits it shows (5678) find it, both sides without the characters people
		 * type between a number's blocks ({@link #withoutJoiners}); a whole number is not in it, so finds nothing.
		 */
		public static Masked stored(String column) {
			return new Masked(column, Shape.STORED, NOBODY);
		}

		/**
		 * The same column, read in full by this reader only on the rows where {@code predicate} holds (its parameters
		 * must be among the listing's, e.g. bound by its scope; {@link #NOBODY}, the default, for a column nobody reads in
		 * full in this list): a personal number or a name typed whole finds those rows only; every row is found by what it
		 * shows.
		 */
		public Masked readInFullWhere(String predicate) {
			return new Masked(column, shape, predicate);
		}

		/** Whether the column is a person's name. */
		boolean name() {
			return shape == Shape.NAME;
		}

		/** Whether the column's landlines are masked too (a whole landline typed is a number to find). */
		boolean landlines() {
			return shape == Shape.TELEPHONES || shape == Shape.PHONE;
		}

		/** The value as the list shows it. */
		String shown(String value) {
			return switch (shape) {
				case NAME -> Masking.name(value);
				case TELEPHONES -> Masking.telephonesIn(value);
				case NUMBERS -> Masking.personalNumbersIn(value);
				case PHONE -> Masking.phone(value);
				case ID_NUMBER -> Masking.idNumber(value);
				case STORED -> value;
			};
		}
	}

	/** The most rows a masked column's search reads to confirm a word in ({@link #search(PageQuery, JdbcClient, String, List, String...)}). */
	static final int MASKED_CANDIDATES = 20_000;

	/**
	 * As {@link #search(PageQuery, String...)}, where some columns are shown masked: a word is found in such a column
	 * only where the list shows it — a fragment of a masked ID or mobile number ({@code 1949} of an ID's birth date, the
	 * middle digits of a phone) or of a masked name finds nothing, or a user could confirm a person's number or name by
	 * searching its pieces. A personal number typed whole (an 11-digit mobile number, a 15- or 18-character ID number,
	 * in blocks or not) finds the rows that hold that very number however it is written there, and a name typed whole
	 * that name — only the rows the reader reads the column in full ({@link Masked#readInFull}; by default none). A masked column is searched for a word without digits as any column is (only the digits are masked),
	 * a name column for every word. The rows are confirmed in Java (the masking is Java's), at most
	 * {@link #MASKED_CANDIDATES} rows a word — within the conditions added before this call (the caller's scope).
	 * @param idColumn the row's key (bigint), e.g. {@code l.id}
	 * @param masked the columns the list shows masked
	 * @param columns the other columns, searched as {@link #search(PageQuery, String...)} does
	 */
	public Listing search(PageQuery page, JdbcClient jdbc, String idColumn, List<Masked> masked, String... columns) {
		return search(page, null, Map.of(), jdbc, idColumn, masked, columns);
	}

	/**
	 * As {@link #search(PageQuery, JdbcClient, String, List, String...)}, and a row also matches when {@code whole}
	 * holds — a condition on the whole search text, bound by {@code values} (an exact number, a phone number's search
	 * index), as {@link #search(PageQuery, String, Map, String...)} adds one.
	 * @param whole a predicate with named parameters, or null for none
	 * @param values the predicate's parameters
	 */
	public Listing search(PageQuery page, String whole, Map<String, ?> values, JdbcClient jdbc, String idColumn,
			List<Masked> masked, String... columns) {
		searched = true;
		if (page.q().isEmpty()) {
			return this;
		}
		String within = where.toString();
		Map<String, Object> scoped = new HashMap<>(params);
		Map<String, Object> bound = new HashMap<>(values);
		StringBuilder any = new StringBuilder("(");
		if (whole != null) {
			any.append(whole).append(" OR (");
		}
		List<List<String>> runs = numberRuns(page.words());
		int w = 0;
		for (int r = 0; r < runs.size(); r++) {
			List<String> run = runs.get(r);
			any.append(r == 0 ? "(" : " AND (");
			for (int i = 0; i < run.size(); i++, w++) {
				any.append(i == 0 ? "(" : " AND (");
				maskedWord(any, bound, w, run.get(i), jdbc, within, scoped, idColumn, masked, columns);
				any.append(")");
			}
			if (run.size() > 1 && !confirmable(masked).isEmpty()) {
				// the blocks of a personal number typed with spaces (139 1234 5678) are one word: that very number
				String joined = String.join(" ", run);
				Long[] hits = shownWith(jdbc, within, scoped, idColumn, confirmable(masked), joined,
						Objects.requireNonNullElse(Text.identifier(joined), joined));
				any.append(" OR ").append(idColumn).append(" = ANY(CAST(:maskedRunHits").append(r).append(" AS bigint[]))");
				bound.put("maskedRunHits" + r, hits);
			}
			if (run.size() > 1) {
				// a mask typed in blocks (139 **** 5678) is one word in a column stored masked (Masked#stored)
				String joined = withoutJoiners(Normalizer.normalize(String.join("", run), Normalizer.Form.NFKC));
				for (Masked m : masked) {
					if (m.shape() == Masked.Shape.STORED) {
						any.append(" OR ").append(storedForm(m.column())).append(" ILIKE :searchRunStored").append(r).append(ESCAPE);
						bound.put("searchRunStored" + r, PageQuery.likePattern(joined));
					}
				}
			}
			any.append(")");
		}
		if (whole != null) {
			any.append(")");
		}
		return where(any.append(")").toString(), bound);
	}

	/**
	 * One word's condition of {@link #search(PageQuery, JdbcClient, String, List, String...)}: found in a plain column,
	 * or shown in a masked one; its parameters are numbered {@code w}.
	 */
	private void maskedWord(StringBuilder any, Map<String, Object> bound, int w, String word, JdbcClient jdbc,
			String within, Map<String, Object> scoped, String idColumn, List<Masked> masked, String... columns) {
		String identifier = Objects.requireNonNullElse(Text.identifier(word), word);
		String shown = Normalizer.normalize(word, Normalizer.Form.NFKC);
		List<String> arms = new ArrayList<>();
		boolean byIdentifier = false;
		for (String column : columns) {
			arms.add(searched(column) + " ILIKE :search" + w + ESCAPE);
			if (!word.equals(identifier)) {
				arms.add(searched(column) + " ILIKE :searchIdentifier" + w + ESCAPE);
				byIdentifier = true;
			}
		}
		List<Masked> confirmed = new ArrayList<>();
		for (Masked m : masked) {
			if (m.shape() == Masked.Shape.STORED) {
				// stored as shown: compared in SQL, both sides without a number's joiners (139-****-5678 is 139****5678)
				arms.add(storedForm(m.column()) + " ILIKE :searchStored" + w + ESCAPE);
				String compact = withoutJoiners(shown);
				bound.put("searchStored" + w, PageQuery.likePattern(compact.isEmpty() ? shown : compact));
			}
			// digits of any script and Chinese numerals (一三九…, which a mask reads as digits) are found only as shown
			else if (m.name() || Masking.mayHoldDigits(word)) {
				confirmed.add(m);
			}
			else {
				// nothing of the word is masked: the column as its candidates are read (NFKC), the word so too
				arms.add(shownForm(m.column()) + " ILIKE :searchShown" + w + ESCAPE);
				bound.put("searchShown" + w, PageQuery.likePattern(shown));
				if (!identifier.equals(shown)) {
					arms.add(shownForm(m.column()) + " ILIKE :searchIdentifier" + w + ESCAPE);
					byIdentifier = true;
				}
			}
		}
		if (!confirmed.isEmpty()) {
			Long[] hits = shownWith(jdbc, within, scoped, idColumn, confirmed, word, identifier);
			arms.add(idColumn + " = ANY(CAST(:maskedHits" + w + " AS bigint[]))");
			bound.put("maskedHits" + w, hits);
		}
		any.append(arms.isEmpty() ? "FALSE" : String.join(" OR ", arms));
		bound.put("search" + w, PageQuery.likePattern(word));
		if (byIdentifier) {
			bound.put("searchIdentifier" + w, PageQuery.likePattern(identifier));
		}
	}

	/** What follows every LIKE of a search: its pattern's wildcards are escaped with a backslash ({@link PageQuery#likePattern}). */
	private static final String ESCAPE = " ESCAPE '\\'";

	/** The masked columns a word is confirmed in row by row ({@link #shownWith}): all but those stored masked. */
	private static List<Masked> confirmable(List<Masked> masked) {
		return masked.stream().filter(m -> m.shape() != Masked.Shape.STORED).toList();
	}

	/** The most blocks a personal number is typed in (an ID number in up to six, 110105 1949 12 31 002X; some to spare). */
	private static final int MAX_BLOCKS = 8;

	/**
	 * A block of a personal number as typed between spaces: digits (any joiners), an ID's last block ending in X — or a
	 * joiner typed on its own between two blocks (139 - 1234 - 5678).
	 */
	private static final Pattern NUMBER_BLOCK = Pattern.compile("[0-9\\-.()/、,:~|]*[0-9][0-9\\-.()/、,:~|]*[xX]?|[\\-.()/、,:~|]+");

	/**
	 * The words of a search grouped into runs: a run of several words is the blocks of one personal number typed with
	 * spaces between them (139 1234 5678, 320506 19900101 1234 — together a whole mobile or ID number,
	 * {@link #wholeNumber}, none of them one on its own), every other word a run of its own. The longest such run is
	 * taken; only the last block may end in X. Fragments that make no whole number stay apart, and so find nothing in a
	 * masked column.
	 * @param words the search's words ({@link PageQuery#words})
	 * @return the runs in order, every word in exactly one
	 */
	public static List<List<String>> numberRuns(List<String> words) {
		List<List<String>> runs = new ArrayList<>();
		int i = 0;
		while (i < words.size()) {
			int end = i + 1;
			for (int j = i + 1; j < words.size() && j - i < MAX_BLOCKS && fragment(words.get(j - 1), false); j++) {
				if (!fragment(words.get(j), true)) {
					break;
				}
				if (wholeNumber(String.join(" ", words.subList(i, j + 1))) != null) {
					end = j + 1;
				}
			}
			if (end == i + 1) {
				end = maskedRunEnd(words, i);
			}
			runs.add(words.subList(i, end));
			i = end;
		}
		return runs;
	}

	/**
	 * A block of a number typed as a mask shows it, between spaces: digits and {@code *} (any joiners), X last — or a
	 * joiner typed on its own between two blocks (139 - **** - 5678).
	 */
	private static final Pattern MASKED_BLOCK = Pattern.compile("[0-9*\\-.()/、,:~|]*[0-9*][0-9*\\-.()/、,:~|]*[xX]?|[\\-.()/、,:~|]+");

	/**
	 * A masked number as a list shows it, without joiners: digits, stars, digits, as long as a mobile number (11), an ID
	 * number (15, 18) or a landline (0 and 9 to 11 more) is — 139****5678, 110105********002X, 0512****1234.
	 */
	private static final Pattern MASKED_NUMBER = Pattern.compile("(?=.{11}$|.{15}$|.{18}$|0.{9,11}$)[0-9]+\\*+[0-9]+[xX]?");

	/**
	 * The end of the run of words from {@code i} that together are a number typed as its mask shows it with spaces
	 * (139 **** 5678: one masked number, {@link #MASKED_NUMBER}), the shortest; {@code i + 1} when there is none.
	 */
	private static int maskedRunEnd(List<String> words, int i) {
		int end = i + 1;
		for (int j = i; j < words.size() && j - i < MAX_BLOCKS; j++) {
			String n = Normalizer.normalize(words.get(j), Normalizer.Form.NFKC);
			if (!MASKED_BLOCK.matcher(n).matches()) {
				break;
			}
			String joined = withoutJoiners(Normalizer.normalize(String.join("", words.subList(i, j + 1)), Normalizer.Form.NFKC));
			if (j > i && MASKED_NUMBER.matcher(joined).matches()) {
				return j + 1;
			}
		}
		return end;
	}

	/** Whether a word may be a block of a personal number typed in blocks (an X only when it may be the last one). */
	private static boolean fragment(String word, boolean mayBeLast) {
		String n = Normalizer.normalize(word, Normalizer.Form.NFKC);
		return NUMBER_BLOCK.matcher(n).matches() && (mayBeLast || !n.endsWith("x") && !n.endsWith("X"))
				&& wholeNumber(word) == null;
	}

	/**
	 * The keys of the rows (within {@code within}) where a masked column shows {@code word}, or holds it whole — where
	 * the reader reads the column in full ({@link Masked#readInFull}): the candidates the database finds as stored, each
	 * confirmed on the value as the list shows it.
	 */
	private Long[] shownWith(JdbcClient jdbc, String within, Map<String, Object> scoped, String idColumn,
			List<Masked> confirmed, String word, String identifier) {
		Pattern number = wholeNumber(word);
		// a landline typed whole finds the rows holding it where the list masks landlines (Masked#telephones)
		Pattern line = number == null ? wholeLandline(word) : null;
		String typed = shownKey(word);
		// typed as a mask shows a number (139****5678, 139-****-5678, 139 **** 5678): found whatever the separators
		boolean starred = typed.indexOf('*') >= 0;
		String typedIdentifier = identifier == null ? null : shownKey(identifier);
		// the word is itself a personal number, in any script its mask reads (Chinese numerals too)
		boolean personal = number != null || line != null || !Masking.telephonesIn(word).equals(word);
		Candidates statement = candidates(within, scoped, idColumn, confirmed, word, identifier);
		return jdbc.sql(statement.sql()).params(statement.values()).query((rs, n) -> {
			int at = 2;
			for (int c = 0; c < confirmed.size(); c++) {
				Masked m = confirmed.get(c);
				String value = rs.getString(at++);
				boolean full = rs.getBoolean(at++);
				if (value == null) {
					continue;
				}
				Pattern whole = whole(m, number, line);
				// found as the list shows it; typed whole, only where the reader reads it in full (Masked#readInFull) —
				// then also as stored, a number written in Chinese numerals (一三九…) or in blocks as the text has it
				String shown = shownKey(m.shown(value));
				boolean found = shown.contains(typed) || typedIdentifier != null && shown.contains(typedIdentifier)
						|| starred && withoutJoiners(shown).contains(withoutJoiners(typed))
						|| full && (whole != null && whole.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).find()
								|| personal && shownKey(value).contains(typed) || m.name() && shownKey(value).equals(typed));
				if (found) {
					return rs.getLong(1);
				}
			}
			return null;
		}).list().stream().filter(id -> id != null).toArray(Long[]::new);
	}

	/** A statement with named parameters: the candidates of a masked column's search ({@link #maskedCandidates}). */
	public record Candidates(String sql, Map<String, Object> values) {
	}

	/**
	 * The statement {@link #search(PageQuery, JdbcClient, String, List, String...)} runs to find the candidates of
	 * {@code word} in {@code masked} columns within the conditions added so far — for planning it
	 * ({@code SearchIndexIntegrationTest}).
	 */
	public Candidates maskedCandidates(String idColumn, List<Masked> masked, String word) {
		return candidates(where.toString(), params, idColumn, confirmable(masked), word,
				Objects.requireNonNullElse(Text.identifier(word), word));
	}

	/** The candidate statement of {@link #shownWith}: every searched masked column compared as {@link #shownForm}. */
	private Candidates candidates(String within, Map<String, Object> scoped, String idColumn, List<Masked> confirmed,
			String word, String identifier) {
		Pattern number = wholeNumber(word);
		Pattern line = number == null ? wholeLandline(word) : null;
		StringBuilder select = new StringBuilder("SELECT ").append(idColumn);
		StringBuilder candidate = new StringBuilder();
		for (int c = 0; c < confirmed.size(); c++) {
			Masked m = confirmed.get(c);
			String column = m.column();
			select.append(", ").append(column).append(" AS masked").append(c);
			select.append(", coalesce((").append(m.readInFull()).append("), FALSE) AS full").append(c);
			candidate.append(c == 0 ? "" : " OR ");
			Pattern whole = whole(m, number, line);
			String wholeParam = whole == number ? ":maskedWhole" : ":maskedWholeLine";
			// as shown: the fragment stands as stored where the mask leaves it (its stars, typed, stand for any digits)
			// one expression (NFKC, as the mask reads digits and the rows are confirmed), which a GIN trigram index serves
			candidate.append(shownForm(column)).append(" ILIKE :maskedLike OR ").append(shownForm(column))
				.append(" ILIKE :maskedLikeIdentifier");
			if (whole != null && !Masked.NOBODY.equals(m.readInFull())) {
				candidate.append(" OR ((").append(m.readInFull()).append(") AND ").append(shownForm(column))
					.append(" ~* ").append(wholeParam).append(")");
			}
		}
		String sql = select + " " + from + within + (within.isEmpty() ? " WHERE (" : " AND (") + candidate + ") LIMIT "
				+ MASKED_CANDIDATES;
		Map<String, Object> values = new HashMap<>(scoped);
		values.put("maskedWhole", number == null ? "" : number.pattern().replace("(?<![0-9])", "").replace("(?![0-9])", ""));
		values.put("maskedWholeLine", line == null ? "" : line.pattern().replace("(?<![0-9])", "").replace("(?![0-9])", ""));
		values.put("maskedLike", starsAnyDigits(Normalizer.normalize(word, Normalizer.Form.NFKC)));
		values.put("maskedLikeIdentifier", starsAnyDigits(identifier == null ? word : identifier));
		return new Candidates(sql, values);
	}

	/**
	 * A LIKE pattern finding the candidates for a word as shown: the word anywhere, a run of {@code *} in it (typed as a
	 * masked number shows, 139****5678) standing for any characters, the row then confirmed on the value as shown.
	 */
	private static String starsAnyDigits(String word) {
		// a masked number's separators may differ from the stored text's (139-****-5678 for 13912345678): they too
		String[] pieces = word.split(word.matches(".*[*\uFF0A].*") ? "(?:[*\uFF0A]|" + NUMBER_JOINERS.pattern() + ")+"
				: "[*\uFF0A]+", -1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < pieces.length; i++) {
			String piece = PageQuery.likePattern(pieces[i]);
			out.append(i == 0 ? piece : piece.substring(1));
		}
		return out.toString().replace("%%", "%");
	}

	/**
	 * Adds to {@code any} (after a condition, with OR) the comparison of a word typed as a mask shows a number
	 * (139-****-5678, 139 **** 5678, １３９－＊＊＊＊－５６７８: digits and stars) with each of {@code columns} as stored
	 * masked ("139****5678"), both without the joiners people type between a number's blocks ({@link #withoutJoiners},
	 * NFKC first), whatever separators the stored or the typed mask has — for a list without masked columns
	 * ({@link #search(PageQuery, String, Map, String...)}); a list with them declares a column stored masked
	 * ({@link Masked#stored}), which is compared so for every word, and its other columns are not (their indexes serve
	 * the expressions they are compared in). A word that is no such mask, or no columns, adds nothing.
	 * @param key the parameter's name, unique in the statement
	 */
	private static void typedMask(StringBuilder any, Map<String, Object> bound, String key, String word,
			List<String> columns) {
		String mask = withoutJoiners(Normalizer.normalize(word, Normalizer.Form.NFKC));
		if (columns.isEmpty() || !mask.matches("[0-9*]*[0-9][0-9*]*\\*[0-9*]*[xX]?|[0-9*]*\\*[0-9*]*[0-9][0-9*]*[xX]?")) {
			return;
		}
		for (String column : columns) {
			any.append(" OR ").append(withoutJoinersSql(column)).append(" ILIKE :").append(key).append(" ESCAPE '\\'");
		}
		bound.put(key, PageQuery.likePattern(mask));
	}

	/** A text as searches compare it: NFKC (full-width as ASCII), lower case. */
	private static String shownKey(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** What people type between the blocks of a number (139-1234-5678, 139 1234 5678, (139)12345678). */
	private static final Pattern NUMBER_JOINERS = Pattern.compile("[\\s\\-.()/、,:~|]");

	/**
	 * A text as masked numbers are compared ({@link #shownWith} for a word typed with {@code *}, a list's own search of
	 * a column stored masked): without the characters people put between a number's blocks (white space, - . ( ) / 、 ,
	 * : ~ |), so 139 **** 5678, 139-****-5678 and 139****5678 are one masked number.
	 * @param text a text, not null
	 * @return the text without them
	 */
	public static String withoutJoiners(String text) {
		return NUMBER_JOINERS.matcher(text).replaceAll("");
	}

	/**
	 * A SQL expression of {@code column} without the characters {@link #withoutJoiners} removes, for comparing a column
	 * stored masked (0512-****1234) with a mask typed without or with other separators.
	 * @param column a SQL expression of type text (written into the SQL as is: never user input)
	 */
	public static String withoutJoinersSql(String column) {
		return "regexp_replace(" + column + ", '" + NUMBER_JOINERS.pattern() + "', '', 'g')";
	}

	/** The whole number a masked column is searched for: a personal number, or a landline where it masks landlines. */
	private static Pattern whole(Masked m, Pattern number, Pattern line) {
		return m.name() ? null : number != null ? number : m.landlines() ? line : null;
	}

	/**
	 * A pattern finding {@code word} as a whole landline wherever a text holds it, blocks and all, when the word is one
	 * {@link Masking#telephonesIn} masks (an area code and a local number, 10 to 12 digits from 0, typed with or without
	 * joiners); else null.
	 */
	static Pattern wholeLandline(String word) {
		String compact = NUMBER_JOINERS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKC)).replaceAll("");
		if (!compact.matches("0\\d{9,11}") || Masking.telephonesIn(compact).equals(compact)) {
			return null;
		}
		return digitsApart(compact);
	}

	/** {@code compact}'s characters in order, up to 3 characters other than letters and digits between them. */
	private static Pattern digitsApart(String compact) {
		StringBuilder body = new StringBuilder("(?<![0-9])");
		for (int i = 0; i < compact.length(); i++) {
			char c = compact.charAt(i);
			body.append(i == 0 ? "" : "[^0-9a-zA-Z]{0,3}").append(c == 'x' || c == 'X' ? "[xX]" : String.valueOf(c));
		}
		return Pattern.compile(body.append("(?![0-9])").toString());
	}

	/**
	 * A pattern finding {@code word} as a whole personal number wherever a text holds it, blocks and all, when the word
	 * is one ({@link Masking#holdsPersonalNumber}: a mobile or ID number, typed with or without joiners); else null.
	 */
	static Pattern wholeNumber(String word) {
		String compact = NUMBER_JOINERS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKC)).replaceAll("");
		if (!compact.matches("\\d{11}|\\d{15}|\\d{17}[\\dXx]") || !Masking.holdsPersonalNumber(compact)) {
			return null;
		}
		return digitsApart(compact);
	}

	/**
	 * Declares that the caller reads the page's search text its own way (words taken as a brand, a region or an exact
	 * number, conditions added with {@link #where}) rather than through {@link #search}: the search is honoured, so
	 * {@link #page} does not refuse it.
	 */
	public Listing searchesItself() {
		searched = true;
		return this;
	}

	/**
	 * The orders a user may choose: request name → SQL expression; the default when the request names none (a name not
	 * allowed is refused, {@link #page}); the tie-breaker (usually the primary key) appended to every order, in the order's direction unless it states one.
	 */
	public Listing sorts(Map<String, String> allowed, String defaultName, String tieBreaker) {
		return sorts(allowed, defaultName, false, tieBreaker);
	}

	/**
	 * As {@link #sorts(Map, String, String)}, with the default order descending when {@code defaultDescending}.
	 * @throws IllegalArgumentException when a sort expression states its own direction or null placement, or lists
	 *         several columns ({@link #requireOneSortExpression}): the listing appends {@code ASC|DESC NULLS LAST}
	 */
	public Listing sorts(Map<String, String> allowed, String defaultName, boolean defaultDescending, String tieBreaker) {
		allowed.forEach(Listing::requireOneSortExpression);
		this.sorts = new LinkedHashMap<>(allowed);
		this.defaultSort = defaultName;
		this.defaultDescending = defaultDescending;
		this.tieBreaker = tieBreaker;
		return this;
	}

	/**
	 * Joins that only add names to a page's rows (e.g. {@code "JOIN region_name r ON r.code = c.region_code"}): the
	 * page is chosen from the FROM clause alone — one table with its alias, {@code "FROM complaint c"} — and only its
	 * rows are joined, so a list never joins or sorts the rows it does not show, and the count reads the table alone.
	 * The joins must not drop or repeat rows (a foreign key or a unique key), and the conditions and sorts may only
	 * name the table's own columns.
	 * @throws IllegalStateException unless the FROM clause is one table and its alias
	 */
	public Listing joinedToPage(String joins) {
		alias();
		this.pageJoins = joins;
		return this;
	}

	private String alias() {
		String[] parts = Text.strip(from).split("\\s+");
		if (parts.length != 3 || !parts[0].equalsIgnoreCase("FROM")) {
			throw new IllegalStateException("joinedToPage needs FROM <table> <alias>, not " + from);
		}
		return parts[2];
	}

	/** Counts at most {@code cap} rows: beyond it the page says "more than {@code cap}" ({@link PageResult#capped}). */
	public Listing countUpTo(long cap) {
		this.countCap = cap;
		return this;
	}

	/**
	 * The one row of {@code select} (the SELECT list, without FROM) the conditions so far leave — for a record's own
	 * address, read with the same scope as its list — or empty when none does (out of scope or unknown).
	 */
	public <T> Optional<T> one(JdbcClient jdbc, String select, RowMapper<T> mapper) {
		if (pageJoins != null) {
			throw new IllegalStateException("one() reads the FROM clause's joins only, not joinedToPage's");
		}
		String sql = select + " " + from + where + " LIMIT 2";
		List<T> rows = jdbc.sql(sql).params(params).query(mapper).list();
		if (rows.size() > 1) {
			throw new IllegalStateException("more than one row: " + sql);
		}
		return rows.stream().findFirst();
	}

	/** The WHERE clause built so far (empty or starting with " WHERE "), for queries the listing does not run. */
	public String whereClause() {
		return where.toString();
	}

	/** The parameters bound by the conditions so far. */
	public Map<String, Object> params() {
		return Map.copyOf(params);
	}

	/** The number of matching rows (up to the cap, when one is set). */
	public long count(JdbcClient jdbc) {
		return withCountCap(jdbc.sql(countSql()).params(params)).query(Long.class).single();
	}

	private String countSql() {
		String rows = (countFrom != null ? countFrom : from) + where;
		return countCap > 0 ? "SELECT count(*) FROM (SELECT 1 " + rows + " LIMIT :countCap) capped"
				: "SELECT count(*) " + rows;
	}

	private JdbcClient.StatementSpec withCountCap(JdbcClient.StatementSpec statement) {
		return countCap > 0 ? statement.param("countCap", countCap + 1) : statement;
	}

	/**
	 * One page: the rows of {@code select} (the SELECT list, without FROM) in the chosen order, and their count. The
	 * count is a subquery of the page's statement, which PostgreSQL runs once, as it would run the count on its own:
	 * a page is one statement and one round trip (issue 12), and a second only for a page past the last, which has no
	 * row to carry the count.
	 * @param page the search text, page number (from 0), size and sort the user asked for
	 * @param mapper how a row becomes an item ({@link Rows#of} for records; the count's column
	 *        {@value #COUNT_COLUMN} is one more column of every row)
	 */
	public <T> PageResult<T> page(JdbcClient jdbc, String select, PageQuery page, RowMapper<T> mapper) {
		requireHonoured(page);
		String rows = from + where + orderBy(page) + " LIMIT :limit OFFSET :offset";
		String selectWithCount = select + ", (" + countSql() + ") AS " + COUNT_COLUMN;
		String sql = pageJoins == null ? selectWithCount + " " + rows
				: selectWithCount + " FROM (SELECT " + alias() + ".* " + rows + ") " + alias() + " " + pageJoins
						+ orderBy(page);
		long[] count = { 0 };
		List<T> items = withCountCap(jdbc.sql(sql).params(params))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> {
				count[0] = rs.getLong(COUNT_COLUMN);
				return mapper.mapRow(rs, row);
			})
			.list();
		long total = items.isEmpty() && page.offset() > 0 ? count(jdbc) : count[0];
		return countCap > 0 ? PageResult.counted(items, page.page(), page.size(), total, countCap)
				: new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Refuses what a page asks for that this list would not do — accepted and ignored, the answer would be another list
	 * than the one asked for ({@code /api/v1/public/outlets?q=菜鸟} answered every outlet): a search text when the list
	 * reads none (neither {@link #search} nor {@link #searchesItself}), and an order that is none of its sorts.
	 * @throws InvalidValueException 400 on {@code q} (rule {@code unsupported}) or on {@code sort} (rule {@code one-of},
	 *         naming the orders allowed), both at once when both are wrong
	 */
	private void requireHonoured(PageQuery page) {
		List<FieldError> refused = new ArrayList<>();
		Map<FieldError, Wording> keyed = new HashMap<>();
		if (!searched && !Text.isBlank(page.q())) {
			FieldError q = new FieldError("q", "unsupported", "本列表不支持按关键词查询，请去掉关键词或改用列表提供的筛选条件");
			refused.add(q);
			keyed.put(q, Wording.of("kernel.invalid.searchUnsupported"));
		}
		if (!sorts.isEmpty()) {
			unknownSort(page, sorts.keySet()).ifPresent(e -> {
				refused.add(e);
				keyed.put(e, sortWording(page, sorts.keySet()));
			});
		}
		if (!refused.isEmpty()) {
			throw new InvalidValueException(refused, keyed);
		}
	}

	/**
	 * The order a page asks for, for a list sorted in memory rather than by {@link #sorts} — refused as the listing
	 * refuses it when it is none of the list's own, never silently read as the default.
	 * @param allowed the list's order names
	 * @return the order's name (stripped), or empty when the page names none (the list's default order)
	 * @throws InvalidValueException 400 on {@code sort} (rule {@code one-of}) naming the orders allowed
	 */
	public static Optional<String> sortAmong(PageQuery page, Collection<String> allowed) {
		Optional<FieldError> unknown = unknownSort(page, allowed);
		if (unknown.isPresent()) {
			throw new InvalidValueException(List.of(unknown.get()), Map.of(unknown.get(), sortWording(page, allowed)));
		}
		return Optional.ofNullable(Text.blankToNull(page.sort())).map(Text::strip);
	}

	/** {@link #unknownSort}'s sentence as its key: the orders allowed as a list (joined per language) and the one asked. */
	private static Wording sortWording(PageQuery page, Collection<String> allowed) {
		return Wording.of("kernel.invalid.sortColumn", List.copyOf(allowed), Text.excerpt(Text.strip(page.sort()), 30));
	}

	/** The refusal of a sort named that is none of {@code allowed}, or empty when none is named or it is allowed. */
	private static Optional<FieldError> unknownSort(PageQuery page, Collection<String> allowed) {
		String sort = page.sort() == null ? null : Text.strip(page.sort());
		if (sort == null || sort.isEmpty() || allowed.contains(sort)) {
			return Optional.empty();
		}
		return Optional.of(new FieldError("sort", "one-of", "排序字段应为" + String.join("、", allowed) + "之一，不能为“"
				+ Text.excerpt(sort, 30) + "”"));
	}

	private static final Pattern DIRECTED = Pattern.compile("\\b(ASC|DESC)\\b", Pattern.CASE_INSENSITIVE);

	/** An order's own words, which the listing writes after every sort expression itself. */
	private static final Pattern ORDER_WORDS = Pattern.compile("(?<![.\\w])(ASC|DESC|NULLS|USING)(?!\\w)",
			Pattern.CASE_INSENSITIVE);

	/** Quoted text and parenthesised parts of an expression (innermost first), which may hold any words and commas. */
	private static final Pattern NESTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\([^()]*\\)");

	/**
	 * Checks that a sort expression is one value to order by, which the listing can direct: no {@code ASC}, {@code DESC},
	 * {@code NULLS FIRST|LAST} or {@code USING} and no second column outside parentheses and quotes — the listing
	 * appends {@code ASC NULLS LAST} or {@code DESC NULLS LAST}, and {@code x NULLS FIRST DESC NULLS LAST} is a syntax
	 * error (a 500 on every request choosing that order), while {@code a, b DESC} directs only {@code b}. Checked
	 * whenever a list registers its sorts, so a bad expression fails every request of that list, not only the one
	 * choosing it. An expression wanting its rows without a value elsewhere orders by a {@code coalesce} instead.
	 * @param name the sort's request name, for the message
	 * @param expression the SQL expression
	 * @throws IllegalArgumentException naming the sort and the expression
	 */
	public static void requireOneSortExpression(String name, String expression) {
		String outer = expression;
		for (String previous = null; !outer.equals(previous);) {
			previous = outer;
			outer = NESTED.matcher(outer).replaceAll(" x ");
		}
		if (ORDER_WORDS.matcher(outer).find() || outer.contains(",")) {
			throw new IllegalArgumentException("sort " + name + " must be one expression without its own order "
					+ "(the listing appends ASC|DESC NULLS LAST): " + expression);
		}
	}

	private String orderBy(PageQuery page) {
		if (sorts.isEmpty()) {
			return tieBreaker == null ? "" : " ORDER BY " + tieBreaker;
		}
		boolean chosen = page.sort() != null && sorts.containsKey(page.sort());
		String expression = sorts.get(chosen ? page.sort() : defaultSort);
		boolean descending = chosen ? page.descending() : defaultDescending;
		return " ORDER BY " + expression + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST")
				+ (tieBreaker == null ? "" : ", " + tieBreaker(descending));
	}

	/**
	 * The tie-breaker in the sort's direction when it states none: rows equal in a descending order (the same day in a
	 * newest-first list) come newest first too, so a record made today is on the first page of a list sorted by day.
	 */
	private String tieBreaker(boolean descending) {
		if (!descending || DIRECTED.matcher(tieBreaker).find()) {
			return tieBreaker;
		}
		return String.join(", ", Arrays.stream(tieBreaker.split(",")).map(c -> c.strip() + " DESC").toList());
	}
}
