package org.youguan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.HanVariants;
import org.youguan.kernel.Text;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise-name key is one key on both sides: {@code kernel.Text.enterpriseNameKey} in Java and the SQL function
 * {@code enterprise_name_key(text)} of V253, which the unique index and {@code Enterprises.nameHolder} use, agree on
 * every character and on look-alike names; the check probes the index; and V253's handling of stored look-alikes renames
 * the later ones that are not cancelled visibly instead of failing or merging.
 */
@IntegrationTest
class EnterpriseNameKeyIntegrationTest {

	static final Path V253 = Path.of("src/main/resources/db/migration/registry/V253__enterprise_name_key.sql");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void lookAlikeNamesHaveOneKeyAndOtherCompanyFormsAnother() {
		String key = Text.enterpriseNameKey("苏州某某快递有限公司");
		assertThat(List.of("苏州某某快递有限公司。", "苏州某某快递有限公司-", "苏州某某快递有限公司.", "苏州某某快递有限公司*",
				"苏州某某快递有限公司！", "苏州，某某·快递有限公司", "苏州某某快递有限责任公司", "蘇州某某快遞有限公司", "蘇州某某快遞有限責任公司。",
				"苏州某某快递有限公司🚚", "苏州某某快递有限公司★", "“苏州某某快递有限公司”", "苏州某某快递有限公司（）"))
			.allSatisfy(twin -> assertThat(Text.enterpriseNameKey(twin)).as(twin).isEqualTo(key));
		String bracketed = Text.enterpriseNameKey("某某快递（苏州）有限公司");
		assertThat(List.of("某某快递【苏州】有限公司", "某某快递[苏州]有限公司", "某某快递〔苏州〕有限公司", "某某快递［苏州］有限公司",
				"某某快递(苏州)有限公司", "某某快递〖苏州〗有限公司"))
			.allSatisfy(twin -> assertThat(Text.enterpriseNameKey(twin)).as(twin).isEqualTo(bracketed));
		assertThat(Text.enterpriseNameKey("快遞蘇州郵政運達順豐圓通韻達國際貨務發區縣門東"))
			.isEqualTo("快递苏州邮政运达顺丰圆通韵达国际货务发区县门东");
		// 公司法 art.7: 股份有限公司 may be written 股份公司, but it is not 有限公司
		assertThat(Text.enterpriseNameKey("苏州某某快递股份公司")).isEqualTo(Text.enterpriseNameKey("苏州某某快递股份有限公司"))
			.isNotEqualTo(key);
		assertThat(Text.enterpriseNameKey("苏州某某速递有限公司")).isNotEqualTo(key);
		assertThat(Text.enterpriseNameKey(null)).isNull();
	}

	@Test
	void theTableMapsTraditionalToSimplifiedOnceAndForAll() {
		assertThat(HanVariants.TRADITIONAL).hasSameSizeAs(HanVariants.SIMPLIFIED);
		assertThat(HanVariants.TRADITIONAL.chars().distinct().count()).isEqualTo(HanVariants.TRADITIONAL.length());
		assertThat(HanVariants.TRADITIONAL.chars().sorted().toArray()).containsExactly(HanVariants.TRADITIONAL.chars().toArray());
		assertThat(HanVariants.SIMPLIFIED.chars().filter(c -> HanVariants.TRADITIONAL.indexOf(c) >= 0)).isEmpty();
		assertThat(HanVariants.simplified(HanVariants.TRADITIONAL)).isEqualTo(HanVariants.SIMPLIFIED);
	}

	@Test
	void theSqlFunctionIsWrittenWithTheJavaTexts() throws IOException {
		String v253 = Files.readString(V253);
		assertThat(v253).contains("'" + HanVariants.TRADITIONAL + "'").contains("'" + HanVariants.SIMPLIFIED + "'")
			.contains("'[" + Text.NAME_KEY_DROPPED + "\\U0001F000-\\U0001FAFF]+'");
	}

	/** Every character Java knows, alone: Java's key and the SQL function's are the same (none is lost or kept on one side only). */
	@Test
	void javaAndSqlGiveTheSameKeyForEveryCharacter() {
		List<String> differ = new ArrayList<>();
		jdbc.sql("SELECT c, enterprise_name_key(chr(c)) AS k FROM generate_series(1, 262143) AS c WHERE c NOT BETWEEN 55296 AND 57343")
			.query(rs -> {
				int c = rs.getInt("c");
				String java = Text.enterpriseNameKey(Character.toString(c));
				if (Character.isDefined(c) && !java.equals(rs.getString("k"))) {
					differ.add("U+%04X java '%s' sql '%s'".formatted(c, java, rs.getString("k")));
				}
			});
		assertThat(differ).isEmpty();
	}

	@Test
	void javaAndSqlGiveTheSameKeyForLookAlikeNames() {
		for (String in : List.of("苏州某某快递有限公司。", "蘇州某某快遞有限責任公司", "某某快递【苏州】有限公司", "苏州某某快递股份公司",
				"苏州某某快递股份有限责任公司", "ＧＪ速运 （苏州）有限公司", "中外运-敦豪国际航空快件有限公司", "中外运·敦豪", "有限责任公司有限责任公司",
				"股份公司股份公司", "A&B Express Co., Ltd.", "苏州某某快递有限公司🚚🇨🇳", "", "。。。")) {
			assertThat(jdbc.sql("SELECT enterprise_name_key(:t)").param("t", in).query(String.class).single()).as(in)
				.isEqualTo(Text.enterpriseNameKey(in));
		}
	}

	/** The one-name check asks the unique index (the planner told to prefer indexes: a test's table is too small). */
	@Test
	void theNameCheckProbesTheUniqueIndex() {
		String plan = tx.execute(s -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("EXPLAIN SELECT id FROM enterprise e WHERE enterprise_name_key(e.legal_name) = "
					+ "enterprise_name_key(:name) AND e.status <> 'CANCELLED'").param("name", "苏州某某快递有限公司").query(String.class).list());
		});
		assertThat(plan).contains("enterprise_name_key");
	}

	/** V253's own renaming step, run on a temporary table of stored look-alikes. */
	@Test
	@Transactional
	void storedLookAlikesNotCancelledAreRenamedWithAVisibleSuffixTheEarliestKeepingItsName() throws IOException {
		Matcher m = Pattern.compile("DO \\$f\\$.*?\\$f\\$;", Pattern.DOTALL).matcher(Files.readString(V253));
		assertThat(m.find()).isTrue();
		String block = m.group().replace("FROM enterprise ", "FROM twins ").replace("UPDATE enterprise ", "UPDATE twins ");
		assertThat(block).doesNotContain(" enterprise ");
		jdbc.sql("CREATE TEMPORARY TABLE twins (id bigint PRIMARY KEY, legal_name varchar(200), status varchar(12))").update();
		String longName = "长".repeat(190) + "快递有限公司。";
		jdbc.sql("""
				INSERT INTO twins VALUES (1, '苏州甲快递有限公司', 'NORMAL'), (2, '苏州甲快递有限公司。', 'NORMAL'),
				    (3, '蘇州甲快遞有限責任公司', 'SUSPENDED'), (4, '苏州甲快递有限公司*', 'CANCELLED'),
				    (5, '苏州甲快递股份有限公司', 'NORMAL'), (6, '苏州乙快递有限公司', 'CANCELLED'), (7, '苏州乙快递有限公司【】', 'NORMAL'),
				    (8, :long, 'NORMAL'), (9, :long, 'NORMAL')""").param("long", longName).update();
		jdbc.sql(block).update();
		assertThat(jdbc.sql("SELECT legal_name FROM twins ORDER BY id").query(String.class).list()).containsExactly(
				"苏州甲快递有限公司", "苏州甲快递有限公司。（重名2）", "蘇州甲快遞有限責任公司（重名3）", "苏州甲快递有限公司*", "苏州甲快递股份有限公司",
				"苏州乙快递有限公司", "苏州乙快递有限公司【】", longName, longName.substring(0, 200 - 5) + "（重名9）");
		assertThat(jdbc.sql("SELECT count(DISTINCT enterprise_name_key(legal_name)) FROM twins WHERE status <> 'CANCELLED'")
			.query(Long.class).single()).isEqualTo(7);
	}
}
