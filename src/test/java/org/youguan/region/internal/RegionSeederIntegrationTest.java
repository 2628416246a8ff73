package org.youguan.region.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region seeder's question at every start — are the provinces loaded? — answered through an index, not by reading
 * the whole region table with its imported streets and villages; and answered yes once they are.
 */
@IntegrationTest
class RegionSeederIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	/**
	 * Asked of the planner with sequential scans off (a test's table is too small for it to choose an index by itself):
	 * a query that no index serves still plans a sequential scan.
	 */
	@Test
	void theStartUpCheckOfTheLoadedProvincesReadsAnIndexNotTheWholeRegionTable() {
		String plan = tx.execute(s -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("EXPLAIN " + RegionSeeder.SEEDED).query(String.class).list());
		});
		assertThat(plan).doesNotContain("Seq Scan").contains("Index");
	}

	@Test
	void theStartUpCheckFindsTheLoadedProvinces() {
		assertThat(jdbc.sql(RegionSeeder.SEEDED).query(Boolean.class).single()).isTrue();
	}
}
