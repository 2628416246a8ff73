package org.youguan.platform;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V242 ({@link InnerNameBlanks}): names stored with invisible characters or ideographic spaces inside are written as a
 * name typed now is stored; a brand name another brand already holds in that form stays as stored (unique column).
 */
@IntegrationTest
class InnerNameBlanksIntegrationTest {

	@Autowired
	List<GuardedNames> modules;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

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
	void invisibleCharactersInsideAreRemovedSpacesWrittenAsOneAndAUniqueNameAnotherRowHoldsStaysAsStored() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 6);
		long hidden = brand("隐\u200B形\uFEFF品牌" + s + "\u00AD\u2800x", "隐" + s + "\u3164");
		long spaced = brand("空格品牌" + s + "\u3000\u3000苏州", "空\u2060" + s);
		long plain = brand("撞名品牌" + s + " 苏州", "撞" + s);
		long copy = brand("撞名品牌" + s + "\u3000苏州", "撞" + s + "\u200B");
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			for (GuardedNames m : modules) {
				m.clean(c);
			}
			c.commit();
		}
		assertThat(brandName(hidden)).isEqualTo("隐形品牌" + s + "x");
		assertThat(brandName(spaced)).isEqualTo("空格品牌" + s + " 苏州");
		assertThat(brandName(plain)).isEqualTo("撞名品牌" + s + " 苏州");
		assertThat(brandName(copy)).as("another brand holds the written name: kept as stored").isEqualTo("撞名品牌" + s + "\u3000苏州");
		assertThat(jdbc.sql("SELECT short_name FROM brand WHERE id = :id").param("id", copy).query(String.class).single())
			.as("the unique short name also another's").isEqualTo("撞" + s + "\u200B");
		assertThat(jdbc.sql("SELECT short_name FROM brand WHERE id = :id").param("id", spaced).query(String.class).single())
			.isEqualTo("空" + s);
	}
}
