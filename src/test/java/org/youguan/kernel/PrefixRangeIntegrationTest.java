package org.youguan.kernel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why statements can be planned once: the scope predicate and a typed name prefix are ranges an index serves in
 * PostgreSQL's generic plan of a prepared statement (a bound {@code LIKE} pattern is not), and they find exactly the
 * rows {@code LIKE 'prefix%'} finds.
 */
@IntegrationTest
class PrefixRangeIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void findsTheRowsLikeFindsIncludingAPrefixEndingInNine() {
		for (String prefix : List.of("3205", "320506", "3209", "32", "吴")) {
			boolean code = Character.isDigit(prefix.charAt(0));
			String column = code ? "code" : "name";
			String predicate = code ? RegionPrefix.of(prefix).predicate(column)
					: PrefixRange.of(prefix).predicate(column, "p");
			List<String> ranged = jdbc.sql("SELECT code FROM region WHERE " + predicate + " ORDER BY code")
				.params(code ? Map.of() : PrefixRange.of(prefix).params("p"))
				.query(String.class)
				.list();
			List<String> liked = jdbc.sql("SELECT code FROM region WHERE " + column + " LIKE :p ORDER BY code")
				.param("p", prefix + "%")
				.query(String.class)
				.list();
			assertThat(ranged).as(prefix).isEqualTo(liked);
		}
	}

	@Test
	void theGenericPlanOfAScopedQueryBoundsTheRegionIndexWhereABoundPatternCannot() throws Exception {
		String scoped = "SELECT id FROM complaint c WHERE c.status = $1 AND "
				+ DataScope.region("3205").regionPredicate("c.region_code");
		assertThat(indexConditions(scoped, "'RECEIVED'")).contains("~>=~ '3205'").contains("~<~ '3206'");
		String names = "SELECT code FROM region WHERE " + PrefixRange.of("吴").predicate("name", "p");
		assertThat(indexConditions(names.replace(":pFrom", "$1").replace(":pTo", "$2"), "'吴', '吴'"))
			.contains("~>=~ $1");
		String liked = indexConditions("SELECT id FROM complaint c WHERE c.status = 'RECEIVED' AND c.region_code LIKE $1",
				"'3205%'");
		assertThat(liked).contains("status").doesNotContain("region_code");
	}

	/** The index conditions of the generic plan of {@code sql} (seq scans off: the demo table is small). */
	private String indexConditions(String sql, String arguments) throws Exception {
		List<String> conditions = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("SET plan_cache_mode = force_generic_plan");
			s.execute("SET enable_seqscan = off");
			try {
				s.execute("PREPARE scoped AS " + sql);
				try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE scoped(" + arguments + ")")) {
					while (rs.next()) {
						if (rs.getString(1).contains("Index Cond")) {
							conditions.add(rs.getString(1));
						}
					}
				}
			}
			finally {
				s.execute("DEALLOCATE ALL");
				s.execute("RESET plan_cache_mode");
				s.execute("RESET enable_seqscan");
			}
		}
		assertThat(conditions).isNotEmpty();
		return String.join("\n", conditions);
	}
}
