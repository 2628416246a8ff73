package org.youguan.platform;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** V231 runs every module's rewrite of its stored numbers, once each, on Flyway's connection. */
class NumberRenormalisationTest {

	@Test
	void v231RunsEveryModulesRewriteOnTheMigrationsConnection() throws Exception {
		List<String> ran = new ArrayList<>();
		List<Connection> on = new ArrayList<>();
		StoredNumbers decisions = c -> {
			ran.add("decisions");
			on.add(c);
		};
		StoredNumbers filings = c -> {
			ran.add("filings");
			on.add(c);
		};
		NumberRenormalisation v231 = new NumberRenormalisation(List.of(decisions, filings));
		assertThat(v231.getVersion().getVersion()).isEqualTo("231");
		v231.migrate((Connection) null);
		assertThat(ran).containsExactly("decisions", "filings");
		assertThat(on).hasSize(2).containsOnlyNulls();
	}
}
