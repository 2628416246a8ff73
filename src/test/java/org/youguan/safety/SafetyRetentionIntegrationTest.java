package org.youguan.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.safety.internal.ParcelRollups;
import org.youguan.safety.internal.alerts.ParcelFiles;
import org.youguan.safety.internal.retention.SafetyRetention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (defaults: 3 years for rollups and records): the job deletes rollup rows, machine days and Parquet day
 * directories older than the limit, keeps the day at the limit and everything newer, and leaves a directory that is
 * not a day partition alone.
 */
@IntegrationTest
class SafetyRetentionIntegrationTest {

	@Autowired
	SafetyRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@TempDir
	Path root;

	@Test
	void deletesRollupsAndRecordDaysOlderThanThreeYears() throws IOException {
		// today 2022-06-01: the limit is 2019-06-01 (China time)
		LocalDate today = LocalDate.of(2022, 6, 1);
		hour(LocalDate.of(2019, 5, 31), 23, 7001);
		hour(LocalDate.of(2019, 6, 1), 0, 7002);
		machineDay(LocalDate.of(2019, 5, 31), "RET-OLD");
		machineDay(LocalDate.of(2019, 6, 1), "RET-KEPT");
		for (String d : new String[] { "day=2019-05-31", "day=2019-06-01", "notes" }) {
			Files.createDirectories(root.resolve(d).resolve("province=32"));
			Files.writeString(root.resolve(d).resolve("province=32").resolve("x.parquet"), "x");
		}
		SafetyRetention.Purged purged = retention.purge(today, new ParcelFiles(root));
		assertThat(purged.recordDays()).isEqualTo(1);
		assertThat(root.resolve("day=2019-05-31")).doesNotExist();
		assertThat(root.resolve("day=2019-06-01/province=32/x.parquet")).exists();
		assertThat(root.resolve("notes")).exists();
		assertThat(jdbc.sql("SELECT enterprise_id FROM safety_parcel_hour WHERE enterprise_id IN (7001, 7002)")
			.query(Long.class).list()).containsExactly(7002L);
		assertThat(jdbc.sql("SELECT enterprise_id FROM safety_parcel_day WHERE enterprise_id IN (7001, 7002)")
			.query(Long.class).list()).containsExactly(7002L);
		assertThat(purged.rollupRows()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("SELECT machine_serial FROM safety_machine_day WHERE machine_serial LIKE 'RET-%'")
			.query(String.class).list()).containsExactly("RET-KEPT");
		jdbc.sql("DELETE FROM safety_parcel_hour WHERE enterprise_id IN (7001, 7002)").update();
		jdbc.sql("DELETE FROM safety_parcel_day WHERE enterprise_id IN (7001, 7002)").update();
		jdbc.sql("DELETE FROM safety_machine_day WHERE machine_serial LIKE 'RET-%'").update();
	}

	private void hour(LocalDate day, int hour, long enterprise) {
		new ParcelRollups(enterprise).add(day.atTime(hour, 0).atZone(ParcelRecord.CHINA).toInstant(), "", "320506", 1, 0, 1,
				1, 1).writeTo(jdbcTemplate);
	}

	private void machineDay(LocalDate day, String serial) {
		jdbc.sql("INSERT INTO safety_machine_day (day, enterprise_id, machine_serial, parcels) VALUES (:d, 7001, :s, 1)")
			.param("d", day)
			.param("s", serial)
			.update();
	}
}
