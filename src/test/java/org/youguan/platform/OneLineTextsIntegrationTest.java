package org.youguan.platform;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V244 ({@link EveryModuleOneLineTexts}) writes the one-line texts stored before {@code Validation.line} guarded them as
 * the same text typed now is stored: line breaks and tabs as one space, zero-width and control characters removed,
 * trimmed, spaces inside as one ASCII space; a value that showed nothing becomes NULL, or in a required column a visible
 * placeholder the NOT NULL accepts. Run on the real PostgreSQL test database over rows of several modules (the safety
 * ledgers, the registry, an inspection item's checklist array), twice.
 */
@IntegrationTest
class OneLineTextsIntegrationTest {

	@Autowired
	List<OneLineTexts> modules;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storedLineIsWhatTheSameTextTypedNowIsStoredAs() {
		assertThat(DataMigration.storedLine("越溪路26号\r\n二楼\u200B")).isEqualTo("越溪路26号 二楼");
		assertThat(DataMigration.storedLine(" 周一至周五\t8:00\u3000\u3000-\u00A017:00\uFEFF")).isEqualTo("周一至周五 8:00 - 17:00");
		assertThat(DataMigration.storedLine("假\u0001烟\u2028\u2029条\u0085件\u202E")).isEqualTo("假烟 条 件");
		assertThat(DataMigration.storedLine("\u200B\n\u2800")).isNull();
		assertThat(DataMigration.storedLine("越溪路26号")).isEqualTo("越溪路26号");
		assertThat(DataMigration.storedLine(null)).isNull();
	}

	@Test
	void v244RewritesEveryModulesOneLineTextsAndKeepsARequiredColumnVisible() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		long training = jdbc.sql("""
				INSERT INTO safety_training (region_code, held_on, topic, trainees, audience, organiser, created_at, created_by)
				VALUES ('3205', :on, :topic, 5, :audience, '市局', now(), 'test') RETURNING id""")
			.param("on", today)
			.param("topic", "迁移\r\n培训\u200B" + s)
			.param("audience", "网点负责人\n驾驶员\t保安")
			.query(Long.class)
			.single();
		long seizure = jdbc.sql("""
				INSERT INTO safety_seizure (region_code, seized_on, agencies, item, quantity, unit, created_at, created_by)
				VALUES ('3205', :on, :agencies, :item, 1, :unit, now(), 'test') RETURNING id""")
			.param("on", today)
			.param("agencies", "公安\u2028海关" + s)
			.param("item", "\u200B\n\u2800")
			.param("unit", "条\u3000\u3000")
			.query(Long.class)
			.single();
		long enterprise = jdbc.sql("""
				INSERT INTO enterprise (legal_name, credit_code, type, address, region_code, status, created_at)
				VALUES (:name, :code, 'OTHER', :address, '320506', 'NORMAL', now()) RETURNING id""")
			.param("name", "一行地址测试" + s)
			.param("code", "9132TEST" + s.toUpperCase() + "XY")
			.param("address", "\uFEFF\r\n")
			.query(Long.class)
			.single();
		long bureau = jdbc.sql("SELECT id FROM bureau WHERE region_code = '320506'").query(Long.class).single();
		String code = "V244_" + s.toUpperCase();
		long item = jdbc.sql("""
				INSERT INTO inspection_item (bureau_id, region_code, code, name, object_type, method, legal_text, checklist, active)
				VALUES (:bureau, '320506', :code, '迁移测试事项', 'OUTLET', 'ON_SITE', 'EXPRESS_REGULATION',
				        ARRAY['收费\u200B标准公示', '免费保管\n期限公示', '已经干净', E'\\u200B'], false) RETURNING id""")
			.param("bureau", bureau)
			.param("code", code)
			.query(Long.class)
			.single();
		EveryModuleOneLineTexts v244 = new EveryModuleOneLineTexts(modules);
		assertThat(v244.getVersion().getVersion()).isEqualTo("244");
		for (int run = 0; run < 2; run++) {
			try (Connection c = dataSource.getConnection()) {
				c.setAutoCommit(false);
				v244.migrate(c);
				c.commit();
			}
			assertThat(jdbc.sql("SELECT topic || '|' || audience FROM safety_training WHERE id = :id").param("id", training)
				.query(String.class).single()).isEqualTo("迁移 培训" + s + "|网点负责人 驾驶员 保安");
			assertThat(jdbc.sql("SELECT agencies || '|' || item || '|' || unit FROM safety_seizure WHERE id = :id")
				.param("id", seizure).query(String.class).single())
				.as("an item that showed nothing keeps a visible value its NOT NULL accepts")
				.isEqualTo("公安 海关" + s + "|" + DataMigration.NOTHING_VISIBLE + "|条");
			assertThat(jdbc.sql("SELECT address IS NULL FROM enterprise WHERE id = :id").param("id", enterprise)
				.query(Boolean.class).single()).as("an optional address that showed nothing is no address").isTrue();
			assertThat(jdbc.sql("SELECT array_to_string(checklist, '|') FROM inspection_item WHERE id = :id")
				.param("id", item).query(String.class).single())
				.as("each line cleaned in its place").isEqualTo("收费标准公示|免费保管 期限公示|已经干净|" + DataMigration.NOTHING_VISIBLE);
		}
		jdbc.sql("DELETE FROM inspection_item WHERE id = :id").param("id", item).update();
		jdbc.sql("DELETE FROM enterprise WHERE id = :id").param("id", enterprise).update();
		jdbc.sql("DELETE FROM safety_seizure WHERE id = :id").param("id", seizure).update();
		jdbc.sql("DELETE FROM safety_training WHERE id = :id").param("id", training).update();
	}
}
