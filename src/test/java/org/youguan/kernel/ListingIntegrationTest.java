package org.youguan.kernel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The one list idiom on the real region table: scope, search, filters, whitelisted order, exact and capped counts. */
@IntegrationTest
class ListingIntegrationTest {

	record RegionRow(String code, String name) {
	}

	static final Map<String, String> SORTS = Map.of("code", "r.code", "name", "r.name");

	@Autowired
	JdbcClient jdbc;

	Listing counties(DataScope scope, PageQuery page) {
		return Listing.from("FROM region r")
			.scope(scope, "r.code")
			.where("length(r.code) = 6")
			.search(page, "r.name")
			.sorts(SORTS, "code", "r.code");
	}

	@Test
	void pagesTheRowsInScopeInTheChosenOrderWithTheirCount() {
		PageQuery first = new PageQuery("", 0, 3, "code", true);
		PageResult<RegionRow> page = counties(DataScope.region("3205"), first).page(jdbc, "SELECT r.code, r.name", first,
				Rows.of(RegionRow.class));
		long all = jdbc.sql("SELECT count(*) FROM region WHERE code LIKE '3205%' AND length(code) = 6").query(Long.class)
			.single();
		assertThat(page.total()).isEqualTo(all);
		assertThat(page.items()).hasSize(3).allSatisfy(r -> assertThat(r.code()).startsWith("3205"));
		assertThat(page.items().get(0).code()).isGreaterThan(page.items().get(1).code());
		PageQuery next = new PageQuery("", 1, 3, "code", true);
		assertThat(counties(DataScope.region("3205"), next).page(jdbc, "SELECT r.code, r.name", next,
				Rows.of(RegionRow.class)).items()).doesNotContainAnyElementsOf(page.items());
	}

	/** Rows equal in a descending order come in the tie-breaker's reverse order too: today's newest first. */
	@Test
	void aDescendingOrderBreaksItsTiesDescending() {
		assertThat(countiesByCity(true)).hasSizeGreaterThan(3).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(countiesByCity(false)).hasSizeGreaterThan(3).isSorted();
	}

	/** The codes of 苏州's counties sorted by their city (all equal), the tie-breaker the code. */
	List<String> countiesByCity(boolean descending) {
		PageQuery page = new PageQuery("", 0, 50, "city", descending);
		return Listing.from("FROM region r")
			.scope(DataScope.region("3205"), "r.code")
			.where("length(r.code) = 6")
			.sorts(Map.of("city", "left(r.code, 4)"), "city", "r.code")
			.page(jdbc, "SELECT r.code, r.name", page, Rows.of(RegionRow.class))
			.map(RegionRow::code)
			.items();
	}

	@Test
	void searchesWithTheWildcardsOfTheTextEscapedAndRefusesAnOrderNotAllowed() {
		PageQuery injected = new PageQuery("吴中", 0, 10, "name; DROP TABLE region", false);
		assertThatThrownBy(() -> counties(DataScope.all(), injected).page(jdbc, "SELECT r.code, r.name", injected,
				Rows.of(RegionRow.class)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field,
					FieldError::rule).containsExactly(tuple("sort", "one-of")));
		PageQuery wuzhong = new PageQuery("吴中", 0, 10, null, false);
		PageResult<RegionRow> found = counties(DataScope.all(), wuzhong).page(jdbc, "SELECT r.code, r.name", wuzhong,
				Rows.of(RegionRow.class));
		assertThat(found.items()).extracting(RegionRow::code).contains("320506");
		PageQuery percent = new PageQuery("%", 0, 10, null, false);
		assertThat(counties(DataScope.all(), percent).count(jdbc)).isZero();
	}

	/**
	 * A code typed full-width with a Chinese input method finds the row whose code is stored half-width, and a name
	 * with full-width brackets is still looked for as typed.
	 */
	@Test
	void aCodeTypedFullWidthIsFoundAsStored() {
		PageQuery fullWidth = new PageQuery("３２０５０６", 0, 10, null, false);
		assertThat(fullWidth.identifier()).isEqualTo("320506");
		PageResult<RegionRow> found = Listing.from("FROM region r").search(fullWidth, "r.code", "r.name")
			.sorts(SORTS, "code", "r.code").page(jdbc, "SELECT r.code, r.name", fullWidth, Rows.of(RegionRow.class));
		assertThat(found.items()).extracting(RegionRow::code).contains("320506");
		assertThat(new PageQuery("吴中", 0, 10, null, false).identifierForm()).isNull();
		assertThat(new PageQuery("（苏州）", 0, 10, null, false).identifierForm()).isEqualTo("(苏州)");
		String named = jdbc.sql("SELECT name FROM region WHERE code = '320506'").query(String.class).single();
		PageQuery asTyped = new PageQuery(named, 0, 10, null, false);
		assertThat(Listing.from("FROM region r").search(asTyped, "r.name").sorts(SORTS, "code", "r.code")
			.page(jdbc, "SELECT r.code, r.name", asTyped, Rows.of(RegionRow.class)).items()).extracting(RegionRow::code)
			.contains("320506");
	}

	record Named(String code, String name) {
	}

	/** One enterprise-like row, as every list that shows an enterprise searches it (its name and credit code). */
	List<Named> found(String q) {
		PageQuery page = new PageQuery(q, 0, 10, null, false);
		return Listing.from("FROM (VALUES ('91320506MA1ND7K3Q3', '苏州吴中顺丰速运有限公司')) AS e(code, name)")
			.search(page, "e.code", "e.name")
			.sorts(Map.of("code", "e.code"), "code", "e.code")
			.page(jdbc, "SELECT e.code, e.name", page, Rows.of(Named.class))
			.items();
	}

	/**
	 * The search finds a credit code typed in lower case or full width, and a text of several words — split at spaces of
	 * any width — the rows where every word is found, in any of the columns.
	 */
	@Test
	void everyWordIsFoundWhateverItsCaseWidthAndTheSpacesBetween() {
		assertThat(found("91320506ma1nd7k3q3")).hasSize(1);
		assertThat(found("９１３２０５０６ｍａ１ｎｄ７ｋ３ｑ３")).hasSize(1);
		assertThat(found("吴中 顺丰")).hasSize(1);
		assertThat(found("　吴中　顺丰 速运 ")).hasSize(1);
		assertThat(found("顺丰 91320506MA")).as("words in different columns").hasSize(1);
		assertThat(found("吴中 中通")).as("every word must be found").isEmpty();
		assertThat(new PageQuery(" 吴中　顺丰 ", 0, 10, null, false).words()).containsExactly("吴中", "顺丰");
	}

	@Test
	void aCappedCountSaysThereAreMore() {
		PageQuery page = new PageQuery("", 0, 5, null, false);
		PageResult<RegionRow> capped = counties(DataScope.all(), page).countUpTo(100).page(jdbc, "SELECT r.code, r.name",
				page, Rows.of(RegionRow.class));
		assertThat(capped.total()).isEqualTo(100);
		assertThat(capped.capped()).isTrue();
	}

	@Test
	void aScopeOfNoRegionSeesNothing() {
		assertThat(counties(DataScope.none(), new PageQuery("", 0, 5, null, false)).count(jdbc)).isZero();
	}

	record NamedRegion(String code, String name, String parentName) {
	}

	@Test
	void namesJoinedToThePageOnlyGiveTheSamePageAsTheJoinedList() {
		String select = "SELECT r.code, r.name, p.name AS parent_name";
		for (PageQuery page : new PageQuery[] { new PageQuery("", 2, 7, "name", true), new PageQuery("吴", 0, 5, null, false) }) {
			PageResult<NamedRegion> joined = Listing.from("FROM region r LEFT JOIN region p ON p.code = r.parent_code")
				.scope(DataScope.region("32"), "r.code")
				.search(page, "r.name")
				.sorts(SORTS, "code", "r.code")
				.page(jdbc, select, page, Rows.of(NamedRegion.class));
			PageResult<NamedRegion> deferred = Listing.from("FROM region r")
				.joinedToPage("LEFT JOIN region p ON p.code = r.parent_code")
				.scope(DataScope.region("32"), "r.code")
				.search(page, "r.name")
				.sorts(SORTS, "code", "r.code")
				.page(jdbc, select, page, Rows.of(NamedRegion.class));
			assertThat(deferred.items()).isNotEmpty().isEqualTo(joined.items());
			assertThat(deferred.total()).isEqualTo(joined.total());
		}
	}

	/**
	 * The exact count comes with the page's rows (issue 12: one statement per page): it is the count on its own for
	 * the first page, a middle one, one past the end (which has no row to carry it), a search without a match, a
	 * listing counted from another FROM clause, and one whose names are joined to the page; capped as well.
	 */
	@Test
	void theCountReadWithThePageIsTheCountOnItsOwn() {
		String select = "SELECT r.code, r.name, p.name AS parent_name";
		for (PageQuery page : new PageQuery[] { new PageQuery("", 0, 7, null, false),
				new PageQuery("", 2, 7, "name", true), new PageQuery("", 9_999, 7, null, false),
				new PageQuery("州", 0, 3, null, false), new PageQuery("没有这个地方", 0, 5, null, false) }) {
			Listing joined = Listing.from("FROM region r LEFT JOIN region p ON p.code = r.parent_code")
				.countFrom("FROM region r")
				.scope(DataScope.region("32"), "r.code")
				.search(page, "r.name")
				.sorts(SORTS, "code", "r.code");
			Listing deferred = Listing.from("FROM region r")
				.joinedToPage("LEFT JOIN region p ON p.code = r.parent_code")
				.scope(DataScope.region("32"), "r.code")
				.search(page, "r.name")
				.sorts(SORTS, "code", "r.code");
			long alone = jdbc.sql("SELECT count(*) FROM region WHERE code LIKE '32%' AND name LIKE :p")
				.param("p", page.likePattern())
				.query(Long.class)
				.single();
			for (Listing listing : List.of(joined, deferred)) {
				PageResult<NamedRegion> result = listing.page(jdbc, select, page, Rows.of(NamedRegion.class));
				assertThat(result.total()).as(page.toString()).isEqualTo(alone).isEqualTo(listing.count(jdbc));
				assertThat(result.capped()).isFalse();
				assertThat(result.items()).hasSize((int) Math.max(0, Math.min(page.size(), alone - page.offset())));
				PageResult<NamedRegion> capped = listing.countUpTo(5).page(jdbc, select, page, Rows.of(NamedRegion.class));
				assertThat(capped.total()).as("capped " + page).isEqualTo(Math.min(alone, 5));
				assertThat(capped.capped()).isEqualTo(alone > 5);
				assertThat(capped.items()).isEqualTo(result.items());
			}
		}
		assertThat(jdbc.sql("SELECT count(*) FROM region WHERE code LIKE '32%' AND name LIKE '%州%'").query(Long.class)
			.single()).as("a search with more than one page").isGreaterThan(3);
	}

	/**
	 * Attack round 15, the idiom every list with masked columns searches by: a fragment of a masked ID or mobile number,
	 * or of a masked name, finds nothing; for a reader who reads the columns in full the whole number (in blocks,
	 * full-width) or the whole name finds its row; what the list shows (the last 4 digits, the first 6 of an ID, a name's
	 * first character, any word) is found as before; a condition added before the search (the scope) still holds.
	 */
	@Test
	void aMaskedColumnIsSearchedAsTheListShowsItAndAPersonalNumberOnlyWhole() {
		java.util.function.Function<String, List<Long>> found = maskedSearch("TRUE");
		for (String fragment : List.of("1234", "91234", "19491231", "110105194912", "三丰", "四")) {
			assertThat(found.apply(fragment)).as(fragment).isEmpty();
		}
		assertThat(found.apply("13912345678")).containsExactly(1L);
		assertThat(found.apply("139-1234-5678")).containsExactly(1L);
		assertThat(found.apply("１３９１２３４５６７８")).containsExactly(1L);
		assertThat(found.apply("110105194912310021")).containsExactly(2L);
		assertThat(found.apply("5678")).containsExactly(1L);
		assertThat(found.apply("110105")).containsExactly(2L);
		assertThat(found.apply("网点甲")).containsExactly(1L);
		assertThat(found.apply("张")).containsExactly(1L);
		assertThat(found.apply("张三丰")).containsExactly(1L);
		assertThat(found.apply("李四 0021")).containsExactly(2L);
		// row 3 holds the number too, outside the condition added first
		assertThat(found.apply("王五")).isEmpty();
	}

	/**
	 * Finding (masked lists find hidden personal data typed whole): a masked column states nobody reads it in full
	 * unless the list says who does, so a reader who sees a number or name masked never finds its row by typing it
	 * whole — only by what the list shows (the digits it leaves, 139 and 5678 of 139 **** 5678) — and a reader
	 * who reads some rows in full finds those rows only.
	 */
	@Test
	void aPersonalNumberOrNameTypedWholeFindsOnlyTheRowsTheReaderReadsInFull() {
		for (java.util.function.Function<String, List<Long>> nobody : List.of(maskedSearch(null),
				maskedSearch(Listing.Masked.NOBODY))) {
			for (String whole : List.of("13912345678", "139 1234 5678", "１３９１２３４５６７８", "110105194912310021",
					"张三丰", "李四 0021")) {
				assertThat(nobody.apply(whole)).as(whole).isEmpty();
			}
			assertThat(nobody.apply("139 5678")).as("the digits shown").containsExactly(1L);
			assertThat(nobody.apply("5678")).containsExactly(1L);
			assertThat(nobody.apply("110105")).containsExactly(2L);
			assertThat(nobody.apply("张")).containsExactly(1L);
		}
		java.util.function.Function<String, List<Long>> some = maskedSearch("t.id = 2");
		assertThat(some.apply("13912345678")).as("row 1 read masked").isEmpty();
		assertThat(some.apply("110105194912310021")).containsExactly(2L);
		assertThat(some.apply("李四")).containsExactly(2L);
		assertThat(some.apply("张三丰")).isEmpty();
		assertThatThrownBy(() -> new Listing.Masked("t.note", Listing.Masked.Shape.NUMBERS, null))
			.isInstanceOf(NullPointerException.class);
	}

	/**
	 * The rows of a small table found by a search of its masked note (numbers) and name, within region A, read in full
	 * where {@code readInFull} holds (null: the columns' default).
	 */
	private java.util.function.Function<String, List<Long>> maskedSearch(String readInFull) {
		String from = """
				FROM (VALUES (1::bigint, '举报人电话139 1234 5678，网点甲', '张三丰', 'A'),
				             (2::bigint, '当事人身份证110105194912310021', '李四', 'A'),
				             (3::bigint, '电话13912345678', '王五', 'B')) AS t(id, note, who, region)""";
		List<Listing.Masked> masked = readInFull == null
				? List.of(Listing.Masked.numbers("t.note"), Listing.Masked.name("t.who"))
				: List.of(Listing.Masked.numbers("t.note").readInFullWhere(readInFull),
						Listing.Masked.name("t.who").readInFullWhere(readInFull));
		return q -> Listing.from(from)
			.where("t.region = 'A'")
			.search(new PageQuery(q, 0, 10, null, false), jdbc, "t.id", masked)
			.page(jdbc, "SELECT t.id", new PageQuery(q, 0, 10, null, false), (rs, n) -> rs.getLong(1))
			.items();
	}

	/**
	 * Attack round 17: a personal number typed in blocks with spaces between them (139 1234 5678, an ID as
	 * 320506 19900101 1234) is that very number — found as the number typed whole or with hyphens is — while blocks that
	 * make no whole number together still find nothing, and other words of the search still count.
	 */
	@Test
	void aPersonalNumberTypedInBlocksWithSpacesIsFoundWhole() {
		String from = """
				FROM (VALUES (1::bigint, '线索：举报人13912345678称网点甲'),
				             (2::bigint, '当事人身份证320506199001011234'),
				             (3::bigint, '当事人身份证32050619900101123X')) AS t(id, note)""";
		java.util.function.Function<String, List<Long>> found = q -> Listing.from(from)
			.search(new PageQuery(q, 0, 10, null, false), jdbc, "t.id", List.of(Listing.Masked.numbers("t.note").readInFullWhere("TRUE")))
			.page(jdbc, "SELECT t.id", new PageQuery(q, 0, 10, null, false), (rs, n) -> rs.getLong(1))
			.items();
		assertThat(found.apply("139-1234-5678")).containsExactly(1L);
		assertThat(found.apply("139 1234 5678")).containsExactly(1L);
		assertThat(found.apply("139　1234　5678")).as("ideographic spaces").containsExactly(1L);
		assertThat(found.apply("网点甲 139 1234 5678")).containsExactly(1L);
		assertThat(found.apply("网点乙 139 1234 5678")).as("every word still counts").isEmpty();
		assertThat(found.apply("320506 19900101 1234")).containsExactly(2L);
		assertThat(found.apply("320506 1990 0101 123X")).containsExactly(3L);
		for (String fragments : List.of("139 1234", "1234 5678", "19900101 1234", "139 1234 567")) {
			assertThat(found.apply(fragments)).as(fragments).isEmpty();
		}
		assertThat(Listing.numberRuns(List.of("网点", "139", "1234", "5678", "1234")))
			.containsExactly(List.of("网点"), List.of("139", "1234", "5678"), List.of("1234"));
	}

	/**
	 * Finding (free text saved with full-width digits was not found by the half-width search): a note stored as typed,
	 * "１２３号", is found by 123号 and by １２３号 (the search text is folded to half width), in a plain and in a masked
	 * list's columns, and a note stored half-width is found by a full-width search as before.
	 */
	@Test
	void freeTextStoredWithFullWidthDigitsIsFoundByTheFoldedSearch() {
		String from = """
				FROM (VALUES (1::bigint, '投诉单号１２３号，ＳＦ快件延误'),
				             (2::bigint, '投诉单号456号')) AS t(id, note)""";
		java.util.function.Function<String, List<Long>> plain = q -> Listing.from(from)
			.search(new PageQuery(q, 0, 10, null, false), "t.note")
			.page(jdbc, "SELECT t.id", new PageQuery(q, 0, 10, null, false), (rs, n) -> rs.getLong(1))
			.items();
		java.util.function.Function<String, List<Long>> masked = q -> Listing.from(from)
			.search(new PageQuery(q, 0, 10, null, false), jdbc, "t.id", List.of(Listing.Masked.numbers("t.note")))
			.page(jdbc, "SELECT t.id", new PageQuery(q, 0, 10, null, false), (rs, n) -> rs.getLong(1))
			.items();
		for (var search : List.of(plain, masked)) {
			assertThat(search.apply("123号")).containsExactly(1L);
			assertThat(search.apply("１２３号")).containsExactly(1L);
			assertThat(search.apply("sf快件")).containsExactly(1L);
			assertThat(search.apply("４５６号")).containsExactly(2L);
			assertThat(search.apply("投诉单号")).containsExactly(1L, 2L);
		}
	}

	/**
	 * Finding (a masked value shown with separators was not found by its mask typed without them, and the other way):
	 * 139 **** 5678 shown is found by 139****5678, 139-****-5678 and 139 **** 5678 typed, and 139****5678 shown (a number
	 * stored whole) by the same three; a mask of other digits finds nothing.
	 */
	@Test
	void aMaskIsFoundWhateverTheSeparatorsBetweenItsBlocks() {
		java.util.function.Function<String, List<Long>> blocks = maskedSearch(null);
		String from = "FROM (VALUES (1::bigint, '电话13912345678'), (2::bigint, '电话13812345678')) AS t(id, note)";
		java.util.function.Function<String, List<Long>> whole = q -> Listing.from(from)
			.search(new PageQuery(q, 0, 10, null, false), jdbc, "t.id", List.of(Listing.Masked.numbers("t.note")))
			.page(jdbc, "SELECT t.id", new PageQuery(q, 0, 10, null, false), (rs, n) -> rs.getLong(1))
			.items();
		for (String mask : List.of("139****5678", "139-****-5678", "139 **** 5678", "１３９＊＊＊＊５６７８", "139 - **** - 5678")) {
			assertThat(blocks.apply(mask)).as(mask).containsExactly(1L);
			assertThat(whole.apply(mask)).as(mask).containsExactly(1L);
		}
		assertThat(whole.apply("137 **** 5678")).isEmpty();
		assertThat(whole.apply("网点 139 **** 5678")).as("every word still counts").isEmpty();
		assertThat(Listing.numberRuns(List.of("网点", "139", "****", "5678", "1234")))
			.containsExactly(List.of("网点"), List.of("139", "****", "5678"), List.of("1234"));
		// a joiner typed on its own between the blocks (finding: 139 - **** - 5678 was five words, the mask found nowhere)
		assertThat(Listing.numberRuns(List.of("网点", "139", "-", "****", "-", "5678")))
			.containsExactly(List.of("网点"), List.of("139", "-", "****", "-", "5678"));
		assertThat(Listing.numberRuns(List.of("139", "-", "1234", "-", "5678"))).hasSize(1);
	}
}
