package org.youguan.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.Races;
import org.youguan.UpgradeDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one tally of public look-ups and filings (kernel.PublicTally, V365): a reservation against several limits counts
 * against all of them or none, parallel reservations take the remaining allowance and no more, rows given back no longer
 * count, and an installation upgraded across V365 keeps the failures the complaints' and licensing's own tables held.
 */
@IntegrationTest
class PublicTallyIntegrationTest {

	@Autowired
	PublicTally tally;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<JavaMigration> javaMigrations;

	@Value("${spring.flyway.locations}")
	String[] locations;

	@Test
	void aReservationCountsAgainstEveryLimitOrNone() {
		String number = "号-" + UUID.randomUUID();
		String address = "10.9." + UUID.randomUUID();
		Optional<List<Long>> first = tally.reserve(new PublicTally.Limit("t-number", number, 1),
				new PublicTally.Limit("t-address", address, 5));
		assertThat(first).hasValueSatisfying(rows -> assertThat(rows).hasSize(2));
		// the number is at its limit: the address is not counted either
		assertThat(tally.reserve(new PublicTally.Limit("t-number", number, 1), new PublicTally.Limit("t-address", address, 5)))
			.isEmpty();
		assertThat(tally.recent("t-number", number)).isOne();
		assertThat(tally.recent("t-address", address)).isOne();

		tally.giveBack(first.orElseThrow());
		assertThat(tally.recent("t-number", number)).isZero();
		assertThat(tally.recent("t-address", address)).isZero();
		assertThat(tally.reserve(new PublicTally.Limit("t-number", number, 1))).isPresent();
	}

	@Test
	void parallelReservationsTakeTheRemainingAllowanceAndNoMore() throws Exception {
		String address = "10.8." + UUID.randomUUID();
		tally.reserve(new PublicTally.Limit("t-address", address, 10));
		List<Callable<?>> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(() -> tally.reserve(new PublicTally.Limit("t-address", address, 4)).isPresent());
		}
		assertThat(Races.atOnce(calls).stream().filter(Boolean.TRUE::equals).count()).isEqualTo(3);
		assertThat(tally.recent("t-address", address)).isEqualTo(4);
	}

	@Test
	void aKeyIsCountedUnderItsFirstHundredCharacters() {
		String key = "k".repeat(150) + UUID.randomUUID();
		tally.reserve(new PublicTally.Limit("t-long", key, 5));
		assertThat(tally.recent("t-long", key.substring(0, 100) + "other")).isOne();
	}

	@Test
	void anUpgradeMovesTheComplaintsAndLicensingTalliesIntoTheOneTable() throws Exception {
		UpgradeDatabase upgrade = UpgradeDatabase.fresh("youguan_v365", locations, javaMigrations);
		upgrade.migrateTo("364");
		JdbcClient old = JdbcClient.create(upgrade.dataSource());
		old.sql("""
				INSERT INTO complaint_public_tally (kind, tally_key, counted_at) VALUES
				('lookup-number', '申诉-3205-2026-000001', now() - interval '10 minutes'),
				('filed-phone', 'abcdef', now() - interval '1 hour')""").update();
		old.sql("""
				INSERT INTO licence_verify_failure (kind, tally_key, counted_at) VALUES
				('number', '邮政快递许(苏)0001', now() - interval '5 minutes'),
				('address', '10.1.2.3', now() - interval '5 minutes')""").update();

		upgrade.migrate();

		assertThat(old.sql("SELECT kind || '|' || tally_key FROM public_tally ORDER BY kind").query(String.class).list())
			.containsExactly("filed-phone|abcdef", "licence-address|10.1.2.3", "licence-number|邮政快递许(苏)0001",
					"lookup-number|申诉-3205-2026-000001");
		assertThat(old.sql("SELECT count(*) FROM public_tally WHERE counted_at > now() - interval '15 minutes'")
			.query(Integer.class).single()).as("each row keeps its time, so its window runs on").isEqualTo(3);
		assertThat(old.sql("SELECT count(*) FROM pg_tables WHERE tablename IN ('complaint_public_tally', 'licence_verify_failure')")
			.query(Integer.class).single()).as("the two tables that counted apart are gone").isZero();
	}
}
