package org.youguan.platform;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V236 ({@link NameTrimming}) trims the names stored with no-break spaces around them, as {@code Text.strip} trims
 * typed text now; a brand name whose trimmed form another brand holds stays as stored (unique column). V242
 * ({@link InnerNameBlanks}) writes names stored with invisible characters or ideographic spaces inside as a name typed
 * now is stored, with the same exception; V243 ({@link EveryModuleNameBlanks}) does so for every module's guarded names
 * (here the organisation's unique department names, API tokens' names and a case's investigators, keyed by case and
 * position). The rows they met are look-alikes V245's unique indexes on the folded name now refuse: each test puts
 * them in with those indexes dropped, inside one transaction rolled back at its end, so the shared database keeps both.
 */
@IntegrationTest
class NameTrimmingIntegrationTest {

	@Autowired
	List<StoredNames> modules;

	@Autowired
	List<GuardedNames> guarded;

	@Autowired
	DataSource dataSource;

	/** The connection of the test's transaction ({@link #beforeV245}). */
	JdbcClient jdbc;

	/** A test's body, on the connection of its transaction. */
	interface Body {

		void run(Connection c) throws Exception;
	}

	/**
	 * Runs the body in one transaction, rolled back at its end, with V245's look-alike indexes on the tables these
	 * tests fill dropped: the rows of before V245 the migrations were written for.
	 */
	void beforeV245(Body body) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
				jdbc.sql("DROP INDEX brand_name_text_key, brand_short_name_text_key, department_name_text_key").update();
				body.run(c);
			}
			finally {
				c.rollback();
			}
		}
	}

	long brand(String name, String shortName) {
		return jdbc.sql("INSERT INTO brand (name, short_name, created_at) VALUES (:name, :short, now()) RETURNING id")
			.param("name", name)
			.param("short", shortName)
			.query(Long.class)
			.single();
	}

	String brandName(long id) {
		return jdbc.sql("SELECT name FROM brand WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void storedNamesAreTrimmedAndAUniqueNameAnotherRowHoldsStaysAsStored() throws Exception {
		beforeV245(c -> {
			String s = UUID.randomUUID().toString().substring(0, 6);
			long spaced = brand("留存品牌" + s + "\u00A0", "留" + s + "\u202F");
			long plain = brand("撞名品牌" + s, "撞" + s);
			long copy = brand("撞名品牌" + s + "\u2007", "撞" + s + "\uFEFF");
			String code = "11010197" + (int) (Math.random() * 10);
			jdbc.sql("INSERT INTO region (code, name, parent_code, level) VALUES (:code, :name, '110101', 'STREET') "
					+ "ON CONFLICT (code) DO UPDATE SET name = excluded.name")
				.param("code", code)
				.param("name", "\u202F测试街道己" + s + "\u00A0")
				.update();
			for (StoredNames m : modules) {
				m.trim(c);
			}
			assertThat(brandName(spaced)).isEqualTo("留存品牌" + s);
			assertThat(brandName(plain)).isEqualTo("撞名品牌" + s);
			assertThat(brandName(copy)).as("the trimmed name is another brand's: kept as stored").isEqualTo("撞名品牌" + s + "\u2007");
			assertThat(jdbc.sql("SELECT name FROM region WHERE code = :code").param("code", code).query(String.class).single())
				.isEqualTo("测试街道己" + s);
		});
	}

	@Test
	void invisibleCharactersInsideAreRemovedSpacesWrittenAsOneAndAUniqueNameAnotherRowHoldsStaysAsStored() throws Exception {
		beforeV245(c -> {
			String s = UUID.randomUUID().toString().substring(0, 6);
			long hidden = brand("隐\u200B形\uFEFF品牌" + s + "\u00AD\u2800x", "隐" + s + "\u3164");
			long spaced = brand("空格品牌" + s + "\u3000\u3000苏州", "空\u2060" + s);
			long plain = brand("撞名品牌" + s + " 苏州", "撞" + s);
			long copy = brand("撞名品牌" + s + "\u3000苏州", "撞" + s + "\u200B");
			for (GuardedNames m : guarded) {
				m.clean(c);
			}
			assertThat(brandName(hidden)).isEqualTo("隐形品牌" + s + "x");
			assertThat(brandName(spaced)).isEqualTo("空格品牌" + s + " 苏州");
			assertThat(brandName(plain)).isEqualTo("撞名品牌" + s + " 苏州");
			assertThat(brandName(copy)).as("another brand holds the written name: kept as stored").isEqualTo("撞名品牌" + s + "\u3000苏州");
			assertThat(jdbc.sql("SELECT short_name FROM brand WHERE id = :id").param("id", copy).query(String.class).single())
				.as("the unique short name also another's").isEqualTo("撞" + s + "\u200B");
			assertThat(jdbc.sql("SELECT short_name FROM brand WHERE id = :id").param("id", spaced).query(String.class).single())
				.isEqualTo("空" + s);
		});
	}

	@Test
	void v243CleansEveryModulesNamesAndKeepsADepartmentNameAnotherDepartmentOfTheBureauHolds() throws Exception {
		beforeV245(c -> {
			String s = UUID.randomUUID().toString().substring(0, 6);
			long bureau = jdbc.sql("SELECT id FROM bureau WHERE region_code = '320506'").query(Long.class).single();
			long spaced = department(bureau, "迁移\u3000\u3000处室" + s);
			long hidden = department(bureau, "隐\u200B形  处室" + s);
			long plain = department(bureau, "撞名 处室" + s);
			long copy = department(bureau, "撞名\u3000处室" + s);
			long user = jdbc.sql("SELECT id FROM user_account WHERE username = 'sz.market'").query(Long.class).single();
			long token = jdbc.sql("INSERT INTO api_token (user_account, name, token_hash, hint, created_at) "
					+ "VALUES (:user, :name, :hash, 'yg_x', now()) RETURNING id")
				.param("user", user)
				.param("name", "对接\u3000\u3000令牌" + s)
				.param("hash", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64))
				.query(Long.class)
				.single();
			long penaltyCase = jdbc.sql("SELECT min(id) FROM penalty_case").query(Long.class).single();
			int position = 900 + (int) (Math.random() * 90_000);
			jdbc.sql("INSERT INTO penalty_case_investigator (case_id, position, name, certificate_number) "
					+ "VALUES (:case, :position, '欧阳\u3000\u3000娜娜', 'X' || :position)")
				.param("case", penaltyCase)
				.param("position", position)
				.update();
			EveryModuleNameBlanks v243 = new EveryModuleNameBlanks(guarded);
			assertThat(v243.getVersion().getVersion()).isEqualTo("243");
			v243.migrate(c);
			assertThat(departmentName(spaced)).isEqualTo("迁移 处室" + s);
			assertThat(departmentName(hidden)).isEqualTo("隐形 处室" + s);
			assertThat(departmentName(plain)).isEqualTo("撞名 处室" + s);
			assertThat(departmentName(copy)).as("the bureau has a department of the written name: kept as stored")
				.isEqualTo("撞名\u3000处室" + s);
			assertThat(jdbc.sql("SELECT name FROM api_token WHERE id = :id").param("id", token).query(String.class).single())
				.isEqualTo("对接 令牌" + s);
			assertThat(jdbc.sql("SELECT name FROM penalty_case_investigator WHERE case_id = :case AND position = :position")
				.param("case", penaltyCase)
				.param("position", position)
				.query(String.class)
				.single()).isEqualTo("欧阳 娜娜");
		});
	}

	long department(long bureau, String name) {
		return jdbc.sql("INSERT INTO department (bureau_id, name, sort_order, active, created_at) "
				+ "VALUES (:bureau, :name, 99, false, now()) RETURNING id")
			.param("bureau", bureau)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	String departmentName(long id) {
		return jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", id).query(String.class).single();
	}
}
