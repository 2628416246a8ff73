package org.youguan.filing;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.youguan.IntegrationTest;
import org.youguan.UpgradeDatabase;
import org.youguan.platform.Secrets;
import org.youguan.registry.OutletData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded from the time the registry held filing proposals as pending outlets (V86–V89): the
 * proposals of undecided and rejected new filings move into their filings (encrypted), those outlets leave the
 * registry, and nothing else changes — a filed outlet and an outlet the bureau recorded itself stay.
 */
@IntegrationTest
class ProposalHandoverMigrationIntegrationTest {

	static final String DATABASE = "youguan_handover";

	static final String ID = "320506198001010013";

	@Autowired
	List<JavaMigration> javaMigrations;

	@Autowired
	Secrets secrets;

	@Autowired
	JsonMapper json;

	@Value("${spring.flyway.locations}")
	String[] locations;

	@Test
	void pendingOutletsOfFilingsBecomeTheFilingsProposals() throws Exception {
		UpgradeDatabase upgrade = UpgradeDatabase.fresh(DATABASE, locations, javaMigrations);
		upgrade.migrateTo("81");
		DataSource db = upgrade.dataSource();
		JdbcClient jdbc = JdbcClient.create(db);
		jdbc.sql("""
				INSERT INTO region (code, name, parent_code, level) VALUES ('32', '江苏省', '0', 'PROVINCE'),
				  ('3205', '苏州市', '32', 'CITY'), ('320506', '吴中区', '3205', 'COUNTY'), ('320506001', '长桥街道', '320506', 'STREET');
				INSERT INTO brand (name, short_name, created_at) VALUES ('顺丰速运', '顺丰', now());
				INSERT INTO enterprise (legal_name, credit_code, type, brand_id, region_code, status, created_at)
				  VALUES ('顺丰测试有限公司', '91320506MA1XXXXX0X', 'EXPRESS', 1, '320506', 'NORMAL', now())""").update();
		outlet(jdbc, 1, "待备案网点", "PENDING", null);
		outlet(jdbc, 2, "被驳回网点", "CLOSED", null);
		outlet(jdbc, 3, "已备案网点", "FILED", "网点备案-320506-2025-000001");
		outlet(jdbc, 4, "局方登记网点", "PENDING", null);
		filing(jdbc, "备案-1", 1, "SUBMITTED");
		filing(jdbc, "备案-2", 2, "REJECTED");
		filing(jdbc, "备案-3", 3, "APPROVED");

		upgrade.migrate();

		assertThat(jdbc.sql("SELECT id FROM terminal_outlet ORDER BY id").query(Long.class).list())
			.as("a filed outlet and the bureau's own record stay; the proposals leave").containsExactly(3L, 4L);
		Map<String, Object> open = jdbc.sql("SELECT outlet_id, proposed_cipher FROM outlet_filing WHERE number = '备案-1'")
			.query().singleRow();
		assertThat(open.get("outlet_id")).isNull();
		OutletData proposal = json.readValue(secrets.decrypt((byte[]) open.get("proposed_cipher"), OutletFilings.PROPOSED),
				OutletData.class);
		assertThat(proposal.name()).isEqualTo("待备案网点");
		assertThat(proposal.managerIdNumber()).isEqualTo(ID);
		assertThat(proposal.managerPhone()).isEqualTo("13812345678");
		assertThat(proposal.address()).isEqualTo("长桥路1号");
		assertThat(proposal.storageArea()).isEqualByComparingTo("20");
		assertThat(jdbc.sql("SELECT outlet_id IS NULL AND proposed_cipher IS NOT NULL FROM outlet_filing WHERE number = '备案-2'")
			.query(Boolean.class).single()).as("a rejected proposal is kept with its filing").isTrue();
		assertThat(jdbc.sql("SELECT outlet_id FROM outlet_filing WHERE number = '备案-3'").query(Long.class).single()).isEqualTo(3L);
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.views WHERE table_name = 'unfiled_outlet'")
			.query(Long.class).single()).isZero();
	}

	void outlet(JdbcClient jdbc, long id, String name, String status, String number) {
		jdbc.sql("""
				INSERT INTO terminal_outlet (id, name, enterprise_id, operator_credit_code, brand_id, cooperation, address,
				  region_code, manager_name, manager_id_cipher, manager_id_masked, manager_phone_cipher, manager_phone_masked,
				  storage_area, has_communications, has_shelving, has_surveillance, has_signage, opened_on, filing_number,
				  status, created_at)
				VALUES (:id, :name, 1, '91320506MA1XXXXX0X', 1, 'FRANCHISE', '长桥路1号', '320506001', '王五', :idCipher,
				  '320506********0013', :phoneCipher, '138****5678', 20, true, true, true, true, '2025-01-01', :number,
				  :status, now())""")
			.param("id", id)
			.param("name", name)
			.param("idCipher", secrets.encrypt(ID, "terminal_outlet.manager_id"))
			.param("phoneCipher", secrets.encrypt("13812345678", "terminal_outlet.manager_phone"))
			.param("number", number)
			.param("status", status)
			.update();
	}

	void filing(JdbcClient jdbc, String number, long outletId, String status) {
		jdbc.sql("""
				INSERT INTO outlet_filing (number, kind, outlet_id, outlet_name, enterprise_credit_code, enterprise_name,
				  region_code, status, submitted_on, clock_start, due_on, missing_notice_due, created_at)
				VALUES (:number, 'NEW', :outlet, '网点', '91320506MA1XXXXX0X', '顺丰测试有限公司', '320506001', :status,
				  '2025-01-02', '2025-01-02', '2025-01-09', '2025-01-06', now())""")
			.param("number", number)
			.param("outlet", outletId)
			.param("status", status)
			.update();
	}
}
