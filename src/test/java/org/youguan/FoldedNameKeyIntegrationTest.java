package org.youguan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.Text;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate-name key is one key on both sides: {@code kernel.Text.folded} in Java and the SQL function
 * {@code folded(text)} of V245, which the unique indexes and the duplicate checks' queries use, give the same key for
 * tricky inputs; and V245's handling of stored look-alikes renames the later ones visibly instead of failing or merging.
 */
@IntegrationTest
class FoldedNameKeyIntegrationTest {

	static final Path V245 = Path.of("src/main/resources/db/migration/platform/V245__folded_name_uniqueness.sql");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void javaAndSqlGiveTheSameKeyForTrickyInputs() {
		List<String> inputs = List.of("ＧＪ速运", "GJ速运", "gj 速运", "攻击 速运", "攻击\u3000速运", "攻击\u00A0速运",
				"攻\u200B击\u200C速\u200D运\u2060", "\uFEFF顺丰\u00AD速运", "越溪路２６号", "越溪路26号", "顺丰速运（苏州）",
				"\t顺丰\n速运\r", "Ｓｆ　Ｅｘｐｒｅｓｓ", "①号柜", "㈱公司", "ﾃｽﾄ", "ＡＢＣ\u2800", "\u3164填充\u115F", "é", "e\u0301",
				"Straße", "ǅ", "\u3000", "",
				// attack round 4: the quotation marks, middle dots and dashes an input method types in either mode
				"“双11”寄递安保期", "\"双11\"寄递安保期", "「双11」寄递安保期", "『双11』", "‘双11’", "'双11'", "＂双11＂",
				"顺丰·吴中科", "顺丰・吴中科", "顺丰‧吴中科", "顺丰•吴中科", "顺丰･吴中科", "协调-科", "协调‐科", "协调−科",
				"协调–科", "协调—科", "协调－科", "协调﹣科");
		for (String in : inputs) {
			String sql = jdbc.sql("SELECT folded(:t)").param("t", in).query(String.class).single();
			assertThat(sql).as("folded of %s", in.codePoints().mapToObj(c -> "U+%04X".formatted(c)).toList())
				.isEqualTo(Text.folded(in));
		}
		assertThat(Text.folded("ＧＪ速运")).isEqualTo(Text.folded("gj 速运"));
		assertThat(Text.folded("“双11”寄递安保期")).isEqualTo(Text.folded("「双11」寄递安保期"))
			.isEqualTo(Text.folded("\"双11\"寄递安保期"));
		assertThat(Text.folded("顺丰・吴中科")).isEqualTo(Text.folded("顺丰·吴中科")).isEqualTo(Text.folded("顺丰•吴中科"));
		assertThat(Text.folded("协调–科")).isEqualTo(Text.folded("协调-科")).isEqualTo(Text.folded("协调−科"));
		assertThat(jdbc.sql("SELECT folded(NULL)").query(String.class).optional()).isEmpty();
	}

	/**
	 * The text key of the twin rules ({@code Text.textKey}, SQL {@code text_key} of V336) is one key on both sides, and
	 * a text's punctuation of either width — a trailing 。, a ； for a ，, brackets — makes no other text.
	 */
	@Test
	void javaAndSqlGiveTheSameTextKeyAndPunctuationMakesNoOtherText() {
		List<String> inputs = List.of("门店未配备安检机。", "门店未配备安检机", "门店未配备安检机.", "门店未配备安检机 ！",
				"门店未配备安检机，存在隐患", "门店未配备安检机;存在隐患", "（一）未验视", "(一)未验视", "【苏州】ＳＦ　速运🚚", "", "。");
		for (String in : inputs) {
			String sql = jdbc.sql("SELECT text_key(:t)").param("t", in).query(String.class).single();
			assertThat(sql).as("text key of %s", in).isEqualTo(Text.textKey(in));
		}
		assertThat(Text.textKey("门店未配备安检机。")).isEqualTo(Text.textKey("门店未配备安检机"))
			.isEqualTo(Text.textKey("门店未配备安检机．")).isEqualTo(Text.textKey(" 门店未配备安检机 ! "));
		assertThat(Text.textKey("门店未配备安检机，存在隐患")).isEqualTo(Text.textKey("门店未配备安检机;存在隐患"));
		assertThat(Text.textKey("（一）未验视")).isEqualTo(Text.textKey("(一)未验视")).isEqualTo("一未验视");
		assertThat(Text.textKey("未验视2件")).isNotEqualTo(Text.textKey("未验视3件"));
		assertThat(jdbc.sql("SELECT text_key(NULL)").query(String.class).optional()).isEmpty();
	}

	/** The identifier key is one key on both sides too: {@code Text.identifierKey} and {@code Text.identifierKeySql}. */
	@Test
	void javaAndSqlGiveTheSameIdentifierKeyForTrickyInputs() {
		List<String> inputs = List.of("WDBA-320506-2026-000999", "wdba 320506 2026 000999", "WDBA\u3000320506\u30002026",
				"WDBA—320506–2026‐000999", "WDBA_320506＿2026", "ＸＲ－３２０５０６－４", "xr 320506 4", "XR\u2E3A4\u301C5\u30A06",
				"网点备案-320506-2026-000999", "苏吴邮管罚〔2025〕1号", "A\u058AB\u05BEC\u1400D\u1806E\u2E17F\u2E1AG\u2E40H\u2E5DI\u3030J",
				"\u00ADSF\u200B7000 0001", "", "-_");
		for (String in : inputs) {
			String sql = jdbc.sql("SELECT " + Text.identifierKeySql(":t")).param("t", in).query(String.class).single();
			assertThat(sql).as("identifier key of %s", in.codePoints().mapToObj(c -> "U+%04X".formatted(c)).toList())
				.isEqualTo(Text.identifierKey(in));
		}
		assertThat(Text.identifierKey("XR\u2E3A4\u301C5\u30A06")).isEqualTo("xr456");
	}

	/**
	 * The identifier-key indexes (V251, V252) hold the very expression {@link Text#identifierKeySql} writes: the
	 * uniqueness checks of the large identifier columns probe them rather than scan the table (asked of the planner
	 * with sequential scans off, as the tables of a test are too small for it to choose an index by itself).
	 */
	@Test
	void theIdentifierChecksOfTheLargeTablesCanUseTheirKeyIndexes() {
		Map<String, String> indexes = Map.of("terminal_outlet.filing_number", "terminal_outlet_filing_number_ident",
				"facility.serial_number", "facility_serial_number_ident", "express_licence.number", "express_licence_number_ident",
				"penalty_case.decision_number", "penalty_case_decision_number_ident");
		indexes.forEach((column, index) -> {
			String[] tc = column.split("\\.");
			String plan = tx.execute(s -> {
				jdbc.sql("SET LOCAL enable_seqscan = off").update();
				return String.join("\n", jdbc.sql("EXPLAIN SELECT EXISTS (SELECT 1 FROM " + tc[0] + " WHERE "
						+ Text.identifierKeySql(tc[1]) + " = :k)").param("k", Text.identifierKey("XR-320506-4"))
					.query(String.class).list());
			});
			assertThat(plan).as(column).contains(index);
		});
	}

	@Test
	void theSqlFunctionRemovesExactlyTheCharactersTheJavaKeyRemoves() throws IOException {
		assertThat(Files.readString(V245)).contains("'[" + Text.FOLD_REMOVED + "]+'");
		assertThat(Text.FOLD_FROM).hasSameSizeAs(Text.FOLD_TO);
	}

	/** V245's own renaming step, run on a temporary table of stored look-alikes. */
	@Test
	@Transactional
	void storedLookAlikesAreRenamedWithAVisibleSuffixTheEarliestKeepingItsName() throws IOException {
		Matcher m = Pattern.compile("CREATE FUNCTION v245_rename_twins.*?\\$f\\$;", Pattern.DOTALL).matcher(Files.readString(V245));
		assertThat(m.find()).isTrue();
		jdbc.sql(m.group().replace("CREATE FUNCTION v245_rename_twins", "CREATE FUNCTION pg_temp.v245_rename_twins")).update();
		jdbc.sql("CREATE TEMPORARY TABLE twins (id bigint PRIMARY KEY, owner int, name varchar(12))").update();
		jdbc.sql("""
				INSERT INTO twins VALUES (1, 1, 'GJ速运'), (2, 1, 'ＧＪ速运'), (3, 1, 'gj 速运'), (4, 2, 'GJ速运'),
				    (5, 1, '顺丰速运'), (6, 1, '攻击速运一二三四五六七'), (7, 1, '攻击 速运一二三四五六七')""").update();
		jdbc.sql("SELECT pg_temp.v245_rename_twins('twins', 'owner, folded(name)', 'name', 12)").query(Object.class).list();
		assertThat(jdbc.sql("SELECT name FROM twins ORDER BY id").query(String.class).list()).containsExactly("GJ速运",
				"ＧＪ速运（重名2）", "gj 速运（重名3）", "GJ速运", "顺丰速运", "攻击速运一二三四五六七", "攻击 速运一二（重名7）");
		assertThat(jdbc.sql("SELECT count(DISTINCT (owner, folded(name))) FROM twins").query(Long.class).single()).isEqualTo(7);
	}

	static final Path V346 = Path.of("src/main/resources/db/migration/platform/V346__text_key_name_uniqueness.sql");

	/**
	 * V346's renaming of departments, run on a temporary table of stored twins under text_key (punctuation, brackets
	 * and spaces aside): the earliest of a bureau keeps its name, each later one gets a visible suffix, cut to the
	 * column's width, and the keys are then unique; another bureau's rows stay.
	 */
	@Test
	@Transactional
	void storedTextKeyTwinsAreRenamedWithAVisibleSuffixTheEarliestKeepingItsName() throws IOException {
		assertThat(renamed(V346, "department d", "60", "bureau_id int", """
				(1, 1, '市场监管处'), (2, 1, '市场·监管处'), (3, 1, '（市场）监管处'), (4, 2, '市场监管处。'),
				    (5, 1, '办公室'), (6, 1, '攻击速运一二三四五六七'), (7, 1, '攻击、速运一二三四五六七')""", "bureau_id, text_key(name)"))
			.containsExactly("市场监管处", "市场·监管处（重名2）", "（市场）监管处（重名3）", "市场监管处。", "办公室", "攻击速运一二三四五六七",
					"攻击、速运一二（重名7）");
	}

	/**
	 * Runs a migration's renaming statement ({@code UPDATE <table alias> …;}, its width {@code width}) on a temporary
	 * table {@code twins (id, <columns>, name varchar(12))} holding {@code rows}; checks the keys are then unique.
	 * @return the names after it, by id
	 */
	List<String> renamed(Path migration, String tableAndAlias, String width, String columns, String rows, String key)
			throws IOException {
		Matcher m = Pattern.compile("UPDATE " + tableAndAlias + "\\s.*?;", Pattern.DOTALL).matcher(Files.readString(migration));
		assertThat(m.find()).isTrue();
		String table = tableAndAlias.split(" ")[0];
		jdbc.sql("CREATE TEMPORARY TABLE twins (id bigint PRIMARY KEY, " + columns + ", name varchar(12))").update();
		jdbc.sql("INSERT INTO twins (id, " + columns.replaceAll(" [a-z]+(,|$)", "$1") + ", name) VALUES " + rows).update();
		jdbc.sql(m.group().replace(table, "twins").replace(width + " - length", "12 - length")).update();
		long all = jdbc.sql("SELECT count(*) FROM twins").query(Long.class).single();
		assertThat(jdbc.sql("SELECT count(DISTINCT (" + key + ")) FROM twins").query(Long.class).single()).isEqualTo(all);
		return jdbc.sql("SELECT name FROM twins ORDER BY id").query(String.class).list();
	}

	static final Path V353 = Path.of("src/main/resources/db/migration/registry/V353__text_key_registry_name_uniqueness.sql");

	/**
	 * V353's renaming of facilities, run on a temporary table of stored twins: of one kind and address (folded: a dash
	 * still tells 3-201号 from 32-01号), names differing only by punctuation, brackets or spaces are twins — the earliest
	 * keeps its name, each later one gets a visible suffix cut to the column's width, and the index's keys are then unique.
	 */
	@Test
	@Transactional
	void storedFacilityTwinsAreRenamedWithAVisibleSuffixTheEarliestKeepingItsName() throws IOException {
		assertThat(renamed(V353, "facility f", "200", "kind text, address text", """
				(1, 'PARCEL_LOCKER', '越溪路3-201号', '吴中柜'), (2, 'PARCEL_LOCKER', '越溪路 3-201号', '吴中·柜'),
				    (3, 'PARCEL_LOCKER', '越溪路32-01号', '（吴中）柜'), (4, 'CARE_STATION', '越溪路3-201号', '吴中柜。'),
				    (5, 'PARCEL_LOCKER', 'A', '攻击速运一二三四五六七'), (6, 'PARCEL_LOCKER', 'A', '攻击、速运一二三四五六七')""",
				"kind, text_key(name), folded(address)"))
			.containsExactly("吴中柜", "吴中·柜（重名2）", "（吴中）柜", "吴中柜。", "攻击速运一二三四五六七", "攻击、速运一二（重名6）");
	}

	static final Path V354 = Path.of("src/main/resources/db/migration/inspections/V354__text_key_inspection_name_uniqueness.sql");

	/**
	 * V354's renaming of inspection items: within one owner's catalogue (a bureau's, or the statutory items' — no bureau)
	 * names differing only by punctuation are twins; another bureau's item of the name stays.
	 */
	@Test
	@Transactional
	void storedInspectionItemTwinsAreRenamedPerOwner() throws IOException {
		assertThat(renamed(V354, "inspection_item i", "100", "bureau_id int", """
				(1, NULL, '实名收寄'), (2, NULL, '实名收寄。'), (3, 1, '实名收寄'), (4, 1, '【实名】收寄'), (5, 2, '实名 收寄')""",
				"coalesce(bureau_id, 0), text_key(name)"))
			.containsExactly("实名收寄", "实名收寄。（重名2）", "实名收寄", "【实名】收寄（重名4）", "实名 收寄");
	}
}
