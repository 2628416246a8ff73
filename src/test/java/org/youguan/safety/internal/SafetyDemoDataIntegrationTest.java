package org.youguan.safety.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.safety.internal.ledgers.ScreeningCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's generated month of parcel records went through the real ingest and carries the anomalies the alert
 * rules look for: a rate around 99.9 %, the courier's own ID on two days, one sender with 60 parcels a day, one sender
 * at three enterprises on a day, an outlet at 80 % on a day, and one screening machine silent on two days.
 */
@IntegrationTest
class SafetyDemoDataIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DuckDbParcelSink sink;

	@Autowired
	ScreeningCoverage coverage;

	@Autowired
	Outlets outlets;

	@Test
	void theDemoMonthHasItsRateAndEachAnomaly() throws Exception {
		assertThat(jdbc.sql("SELECT count(DISTINCT hour::date) FROM safety_parcel_hour WHERE sender_region LIKE '3205%'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(29);
		// the daily rollups hold the same parcels as the hourly ones
		assertThat(jdbc.sql("SELECT sum(parcels) FROM safety_parcel_day").query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT sum(parcels) FROM safety_parcel_hour").query(Long.class).single());
		// (d) an outlet day at about 80 % with at least 50 subject parcels
		List<Double> outletDays = jdbc.sql("""
				SELECT sum(real_name)::float / sum(parcels - exempt) FROM safety_parcel_hour WHERE outlet_filing_number <> ''
				GROUP BY outlet_filing_number, (hour AT TIME ZONE 'Asia/Shanghai')::date
				HAVING sum(parcels - exempt) >= 50""").query(Double.class).list();
		assertThat(outletDays).anySatisfy(r -> assertThat(r).isBetween(0.75, 0.85));
		// (e) one machine with two days missing, the others every day
		// (a machine of a brand screens the parcels of the brand's enterprises in its county: days, not rows, count)
		// (the demo month only: other tests' own machines, XR-TEST-…, and their days of 2025 are not the demo's)
		List<Long> machineDays = jdbc.sql("SELECT count(DISTINCT day) FROM safety_machine_day "
				+ "WHERE machine_serial NOT LIKE 'XR-TEST-%' AND day >= CURRENT_DATE - 40 GROUP BY machine_serial ORDER BY 1")
			.query(Long.class).list();
		assertThat(machineDays).isNotEmpty();
		assertThat(machineDays.get(0)).isEqualTo(machineDays.get(machineDays.size() - 1) - 2);
		assertThat(machineDays.subList(1, machineDays.size())).containsOnly(machineDays.get(machineDays.size() - 1));
		List<String> found = new ArrayList<>();
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
			// this database's demo chunks only (files of earlier runs may lie beside them)
			List<String> globs = jdbc.sql("SELECT chunk_key FROM safety_parcel_chunk WHERE chunk_key LIKE '%:demo-%'")
				.query(String.class).list().stream()
				.map(k -> "'" + sink.root() + "/*/*/" + DuckDbParcelSink.fileName(k) + "'")
				.toList();
			assertThat(globs).isNotEmpty();
			String files = "read_parquet([" + String.join(", ", globs) + "], hive_partitioning = true)";
			// the month's real-name rate, around 99.9 % but for the crafted outlet day
			try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE real_name)::DOUBLE / count(*) FILTER "
					+ "(WHERE NOT exempt), count(DISTINCT day) FROM " + files)) {
				rs.next();
				assertThat(rs.getDouble(1)).isBetween(0.99, 0.9999);
				assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(29);
			}
			// the screened share per enterprise: realistic (about 99 %) for every enterprise of the demo month, screened
			// on a machine (its own or its brand's in the county: the rule the upload checks too) or by the
			// third-party contractor covering its outlets — not 0 % for most of them
			Map<Long, Double> shares = new HashMap<>();
			try (ResultSet rs = st.executeQuery("SELECT enterprise_id, avg(screened::INT) FROM " + files + " GROUP BY 1")) {
				while (rs.next()) {
					shares.put(rs.getLong(1), rs.getDouble(2));
				}
			}
			List<Long> covered = List.copyOf(shares.keySet());
			// every demo enterprise with an open outlet takes parcels (the city's 8 express brands' companies)
			assertThat(covered).hasSizeGreaterThanOrEqualTo(50);
			assertThat(coverage.enterprises(DataScope.all()).stream()
				.filter(c -> c.byContractor() > 0 && c.byMachine() == 0 && shares.containsKey(c.enterpriseId())))
				.as("enterprises screened by a contractor only").hasSizeGreaterThanOrEqualTo(10);
			// (about 1 % unscreened — on a few dozen parcels a month an enterprise's own share varies by a few points; an
			// enterprise whose only machine is the silent one loses its two silent days)
			assertThat(covered).allSatisfy(e -> assertThat(shares.get(e)).as("enterprise %d", e).isBetween(0.9, 1.0));
			assertThat(shares.values().stream().mapToDouble(Double::doubleValue).average().orElse(0)).isGreaterThan(0.97);
			// (c) the courier's own ID on 3 parcels on each of two days
			try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT day FROM " + files
					+ " WHERE courier_id = 'C-WZ-007' AND waybill_number LIKE 'DM%' GROUP BY day, sender_id_pseudonym "
					+ "HAVING count(*) >= 3)")) {
				rs.next();
				found.add("courier-days=" + rs.getLong(1));
			}
			// (b) one sender with 60 parcels on a day at one enterprise
			try (ResultSet rs = st.executeQuery("SELECT max(n) FROM (SELECT count(*) n FROM " + files
					+ " WHERE waybill_number LIKE 'DM%' AND sender_id_pseudonym IS NOT NULL "
					+ "GROUP BY day, enterprise_id, sender_id_pseudonym)")) {
				rs.next();
				found.add("max-per-day=" + (rs.getLong(1) >= 60));
			}
			// (a) one sender at three enterprises on a day
			try (ResultSet rs = st.executeQuery("SELECT max(n) FROM (SELECT count(DISTINCT enterprise_id) n FROM " + files
					+ " WHERE waybill_number LIKE 'DM%' AND sender_id_pseudonym IS NOT NULL "
					+ "GROUP BY day, sender_id_pseudonym)")) {
				rs.next();
				found.add("enterprises=" + (rs.getLong(1) >= 3));
			}
		}
		assertThat(found).containsExactly("courier-days=2", "max-per-day=true", "enterprises=true");
	}

	/**
	 * 过机安检全覆盖 in the demo city: every open outlet of the demo registry is covered by a screening machine of its
	 * brand in its county or by a 委托第三方安检 contract in force — so no demo enterprise's coverage page or 过机率 looks
	 * broken. (Outlets other tests register are not the demo's.)
	 */
	@Test
	void everyDemoEnterpriseWithOpenOutletsIsCoveredByAMachineOrAContractor() {
		List<ScreeningCoverage.OutletCoverage> city = coverage.outlets(DataScope.region("3205"), null);
		Map<Long, OutletView> views = outlets.readable(DataScope.all(),
				city.stream().map(ScreeningCoverage.OutletCoverage::outletId).toList());
		List<ScreeningCoverage.OutletCoverage> demo = city.stream().filter(c -> views.get(c.outletId()).demo()).toList();
		assertThat(demo).hasSizeGreaterThan(1000);
		assertThat(demo.stream().map(ScreeningCoverage.OutletCoverage::enterpriseId).distinct().count())
			.isGreaterThanOrEqualTo(50);
		assertThat(demo).filteredOn(c -> !c.covered())
			.extracting(c -> c.enterpriseName() + "：" + c.outletName())
			.isEmpty();
		assertThat(demo).filteredOn(c -> c.machine() == null).isNotEmpty()
			.allSatisfy(c -> assertThat(c.contractor()).isNotNull());
	}

	/**
	 * The demo's detection ran after its records and its courier roster: every rule has an open alert to show, and only a
	 * few — the planted cases (one sender at three enterprises, one with 60 parcels, the courier on two days, one outlet
	 * day, one machine on two days), not a queue of noise.
	 */
	@Test
	void theDemoDetectionRaisedAFewAlertsOfEveryRule() {
		Map<String, Long> perRule = new HashMap<>();
		// the demo month (other tests raise theirs on days of 2025)
		jdbc.sql("SELECT rule, count(*) FROM safety_alert WHERE region_code LIKE '3205%' AND day >= CURRENT_DATE - 40"
				+ " GROUP BY rule")
			.query((rs, n) -> perRule.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(perRule).containsOnlyKeys("PSEUDONYM_ENTERPRISES", "PSEUDONYM_VOLUME", "COURIER_SELF",
				"OUTLET_REAL_NAME", "MACHINE_IDLE");
		// one planted sender through three enterprises, seen by each county its parcels were accepted in (an alert each)
		assertThat(perRule.get("PSEUDONYM_ENTERPRISES")).isBetween(1L, 3L);
		assertThat(jdbc.sql("SELECT count(DISTINCT split_part(subject, '@', 1)) FROM safety_alert WHERE rule = "
				+ "'PSEUDONYM_ENTERPRISES' AND region_code LIKE '3205%' AND day >= CURRENT_DATE - 40")
			.query(Long.class).single()).isOne();
		assertThat(perRule.get("PSEUDONYM_VOLUME")).isEqualTo(1);
		assertThat(perRule.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
	}
}
