package org.youguan.enforcement;

import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.youguan.IntegrationTest;
import org.youguan.UpgradeDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Installations upgraded across the enforcement module's data corrections: V218 (one open pause per case, the later
 * of several open pauses ended on its own first day) and V225 (the document kind doubled in front of the origin of
 * leads taken in from complaints and 责令改正 orders, and in the facts their cases copied).
 */
@IntegrationTest
class EnforcementDataMigrationIntegrationTest {

	@Autowired
	List<JavaMigration> javaMigrations;

	@Value("${spring.flyway.locations}")
	String[] locations;

	@Test
	void severalOpenPausesOfACaseLeaveTheEarliestOpenAndTheIndexKeepsItSo() throws Exception {
		UpgradeDatabase upgrade = UpgradeDatabase.fresh("youguan_v218", locations, javaMigrations);
		upgrade.migrateTo("217");
		JdbcClient jdbc = JdbcClient.create(upgrade.dataSource());
		long first = penaltyCase(jdbc, null, "案-1", "COMPLAINT", "事实");
		long second = penaltyCase(jdbc, null, "案-2", "COMPLAINT", "事实");
		long kept = pause(jdbc, first, "2026-03-02", null);
		long later = pause(jdbc, first, "2026-03-09", null);
		long sameDay = pause(jdbc, first, "2026-03-02", null);
		long ended = pause(jdbc, first, "2026-01-05", "2026-01-09");
		long alone = pause(jdbc, second, "2026-04-01", null);

		upgrade.migrate();

		assertThat(endedOn(jdbc, kept)).as("the earliest open pause stays open").isNull();
		assertThat(endedOn(jdbc, later)).as("a later one ends on its own first day").isEqualTo("2026-03-09");
		assertThat(endedOn(jdbc, sameDay)).as("one of the same day with a higher id ends that day").isEqualTo("2026-03-02");
		assertThat(endedOn(jdbc, ended)).as("an ended pause is not touched").isEqualTo("2026-01-09");
		assertThat(endedOn(jdbc, alone)).as("another case's only open pause stays open").isNull();
		assertThatThrownBy(() -> pause(jdbc, first, "2026-05-01", null))
			.as("a second open pause is refused by the index after the upgrade")
			.hasMessageContaining("penalty_case_suspension_one_open");
	}

	@Test
	void aDoubledKindInFrontOfALeadsOriginIsCutInTheLeadAndItsCaseOnly() throws Exception {
		UpgradeDatabase upgrade = UpgradeDatabase.fresh("youguan_v225", locations, javaMigrations);
		upgrade.migrateTo("223");
		JdbcClient jdbc = JdbcClient.create(upgrade.dataSource());
		long complaintLead = lead(jdbc, "COMPLAINT", "申诉申诉-320506-2026-000001", "申诉申诉-320506-2026-000001：延误");
		long orderLead = lead(jdbc, "INSPECTION", "责令改正通知书责令改正-320506-2026-000002",
				"责令改正通知书责令改正-320506-2026-000002 逾期未改正");
		long plainLead = lead(jdbc, "COMPLAINT", "申诉-320506-2026-000003", "申诉-320506-2026-000003：丢失");
		long reportLead = lead(jdbc, "REPORT", "申诉申诉群众来信", "申诉申诉群众来信");
		long complaintCase = penaltyCase(jdbc, complaintLead, "案-3", "COMPLAINT", "申诉申诉-320506-2026-000001：延误");
		long orderCase = penaltyCase(jdbc, orderLead, "案-4", "INSPECTION", "责令改正通知书责令改正-320506-2026-000002 逾期未改正");
		long reportCase = penaltyCase(jdbc, reportLead, "案-5", "REPORT", "申诉申诉群众来信");

		upgrade.migrate();

		assertThat(lead(jdbc, complaintLead)).containsExactly("申诉-320506-2026-000001", "申诉-320506-2026-000001：延误");
		assertThat(lead(jdbc, orderLead)).containsExactly("责令改正-320506-2026-000002", "责令改正-320506-2026-000002 逾期未改正");
		assertThat(lead(jdbc, plainLead)).as("an origin written once is left as it is")
			.containsExactly("申诉-320506-2026-000003", "申诉-320506-2026-000003：丢失");
		assertThat(lead(jdbc, reportLead)).as("a report's own text is not a doubled kind").containsExactly("申诉申诉群众来信",
				"申诉申诉群众来信");
		assertThat(facts(jdbc, complaintCase)).isEqualTo("申诉-320506-2026-000001：延误");
		assertThat(facts(jdbc, orderCase)).isEqualTo("责令改正-320506-2026-000002 逾期未改正");
		assertThat(facts(jdbc, reportCase)).isEqualTo("申诉申诉群众来信");
	}

	static long lead(JdbcClient jdbc, String source, String detail, String summary) {
		return jdbc.sql("""
				INSERT INTO penalty_lead (region_code, source, source_detail, summary, received_on, status, created_by,
				  created_at)
				VALUES ('320506', :source, :detail, :summary, '2026-03-01', 'FILED', 'test', now()) RETURNING id""")
			.param("source", source)
			.param("detail", detail)
			.param("summary", summary)
			.query(Long.class)
			.single();
	}

	static List<String> lead(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT source_detail, summary FROM penalty_lead WHERE id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
	}

	static String facts(JdbcClient jdbc, long caseId) {
		return jdbc.sql("SELECT facts FROM penalty_case WHERE id = ?").param(caseId).query(String.class).single();
	}

	static long penaltyCase(JdbcClient jdbc, Long leadId, String number, String source, String facts) {
		return jdbc.sql("""
				INSERT INTO penalty_case (number, lead_id, region_code, source, enterprise_credit_code, enterprise_name,
				  violation_code, facts, status, filed_on, created_by, created_at, updated_at)
				VALUES (:number, :lead, '320506', :source, '91320506MA1XXXXX0X', '测试快递有限公司', 'EXPRESS_NO_LICENCE',
				  :facts, 'INVESTIGATING', '2026-03-01', 'test', now(), now()) RETURNING id""")
			.param("number", number)
			.param("lead", leadId)
			.param("source", source)
			.param("facts", facts)
			.query(Long.class)
			.single();
	}

	static long pause(JdbcClient jdbc, long caseId, String startedOn, String endedOn) {
		return jdbc.sql("""
				INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason)
				VALUES (:case, 'SUSPENSION', CAST(:started AS date), CAST(:ended AS date), '中止') RETURNING id""")
			.param("case", caseId)
			.param("started", startedOn)
			.param("ended", endedOn)
			.query(Long.class)
			.single();
	}

	static String endedOn(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT CAST(ended_on AS varchar) FROM penalty_case_suspension WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
