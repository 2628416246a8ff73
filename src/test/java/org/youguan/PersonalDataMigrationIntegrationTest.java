package org.youguan;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.youguan.platform.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded from clear personal data: rows written before the encryption migrations (V56–V58) are
 * encrypted in place, the clear columns are gone, and what the application reads back is what was stored.
 */
@IntegrationTest
class PersonalDataMigrationIntegrationTest {

	static final String DATABASE = "youguan_upgrade";

	@Autowired
	List<JavaMigration> javaMigrations;

	@Autowired
	Secrets secrets;

	@Value("${spring.flyway.locations}")
	String[] locations;

	@Test
	void existingClearRowsAreEncryptedInPlace() throws Exception {
		UpgradeDatabase upgrade = UpgradeDatabase.fresh(DATABASE, locations, javaMigrations);
		upgrade.migrateTo("55");
		DataSource db = upgrade.dataSource();
		JdbcClient jdbc = JdbcClient.create(db);
		// what an installation held before: clear numbers
		jdbc.sql("""
				INSERT INTO region (code, name, parent_code, level) VALUES ('32', '江苏省', '0', 'PROVINCE'),
				  ('3205', '苏州市', '32', 'CITY'), ('320506', '吴中区', '3205', 'COUNTY'), ('320506001', '长桥街道', '320506', 'STREET');
				INSERT INTO brand (name, short_name, created_at) VALUES ('顺丰速运', '顺丰', now());
				INSERT INTO enterprise (legal_name, credit_code, type, brand_id, region_code, status, created_at)
				  VALUES ('顺丰测试有限公司', '91320506MA1XXXXX0X', 'EXPRESS', 1, '320506', 'NORMAL', now());
				INSERT INTO terminal_outlet (name, enterprise_id, operator_credit_code, brand_id, cooperation, address, region_code,
				  manager_name, manager_id_number, manager_phone, storage_area, has_communications, has_shelving, has_surveillance,
				  has_signage, opened_on, status, created_at)
				  VALUES ('老网点', 1, '91320506MA1XXXXX0X', 1, 'FRANCHISE', '长桥路1号', '320506001', '王五', '320506198001010013',
				  '13812345678', 20, true, true, true, true, '2025-01-01', 'FILED', now());
				INSERT INTO complaint (number, query_code_hash, channel, filer_name, filer_phone, filer_role, region_code, brand_id,
				  brand_name, waybill_number, posted_on, prior_complained_on, prior_channel, category, reason, description, status,
				  received_at, received_on, answer_due, transfer_due, created_at)
				  VALUES ('申诉-320506-2025-000001', repeat('0', 64), 'WEB', '张三', '13987654321', 'SENDER', '320506', 1, '顺丰',
				  'SF1', '2025-01-01', '2025-01-05', '电话', '延误', '中转或运输延误', '延误', 'RECEIVED', now(), '2025-01-20',
				  '2025-02-20', '2025-01-22', now());
				INSERT INTO outlet_filing (number, kind, outlet_id, outlet_name, enterprise_credit_code, enterprise_name, region_code,
				  status, submitted_on, clock_start, due_on, missing_notice_due, proposed, created_at)
				  VALUES ('备案-1', 'CHANGE', 1, '老网点', '91320506MA1XXXXX0X', '顺丰测试有限公司', '320506001', 'SUBMITTED',
				  '2025-01-02', '2025-01-02', '2025-01-09', '2025-01-06', '{"managerIdNumber":"320506198001010013"}', now())""")
			.update();

		upgrade.migrate();

		Map<String, Object> outlet = jdbc.sql("SELECT row_to_json(o)::text AS text, manager_id_cipher, manager_id_masked, "
				+ "manager_phone_cipher, manager_phone_masked FROM terminal_outlet o").query().singleRow();
		assertThat((String) outlet.get("text")).doesNotContain("320506198001010013").doesNotContain("13812345678");
		assertThat(secrets.decrypt((byte[]) outlet.get("manager_id_cipher"), "terminal_outlet.manager_id"))
			.isEqualTo("320506198001010013");
		assertThat(outlet.get("manager_id_masked")).isEqualTo("320506********0013");
		assertThat(secrets.decrypt((byte[]) outlet.get("manager_phone_cipher"), "terminal_outlet.manager_phone"))
			.isEqualTo("13812345678");
		assertThat(outlet.get("manager_phone_masked")).isEqualTo("138****5678");

		Map<String, Object> complaint = jdbc.sql("SELECT row_to_json(c)::text AS text, filer_phone_cipher, filer_phone_index, "
				+ "filer_phone_masked FROM complaint c").query().singleRow();
		assertThat((String) complaint.get("text")).doesNotContain("13987654321");
		assertThat(secrets.decrypt((byte[]) complaint.get("filer_phone_cipher"), "complaint.filer_phone")).isEqualTo("13987654321");
		assertThat((byte[]) complaint.get("filer_phone_index")).isEqualTo(secrets.index("phone", "13987654321"));
		assertThat(complaint.get("filer_phone_masked")).isEqualTo("139****4321");

		Map<String, Object> filing = jdbc.sql("SELECT row_to_json(f)::text AS text, proposed_cipher FROM outlet_filing f")
			.query().singleRow();
		assertThat((String) filing.get("text")).doesNotContain("320506198001010013");
		assertThat(secrets.decrypt((byte[]) filing.get("proposed_cipher"), "outlet_filing.proposed"))
			.isEqualTo("{\"managerIdNumber\":\"320506198001010013\"}");

		assertThat(jdbc.sql("""
				SELECT count(*) FROM information_schema.columns WHERE (table_name, column_name) IN
				(('terminal_outlet', 'manager_id_number'), ('terminal_outlet', 'manager_phone'), ('complaint', 'filer_phone'),
				 ('outlet_filing', 'proposed'))""").query(Long.class).single()).isZero();
	}
}
