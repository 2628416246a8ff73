package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.platform.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outlet managers' ID numbers and phones are encrypted at rest with a masked copy for lists; a correction that leaves
 * them blank keeps the recorded ones (decrypted); no audit entry and no other column holds them in clear.
 */
@IntegrationTest
class OutletManagerAtRestIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Secrets secrets;

	@Test
	void theManagersNumbersAreStoredEncryptedAndShownMasked() {
		long enterprise = enterprises.register(SUZHOU, new EnterpriseData("加密测试快递有限公司", RegistryIntegrationTest.creditCode(),
				EnterpriseType.EXPRESS, brands.findByShortName("中通").orElseThrow().id(), "张三", "测试路1号", "320506", "李四",
				"13912345678"), false);
		String id = RegistryIntegrationTest.idNumber();
		OutletData data = new OutletData("加密测试网点", enterprise, null, "FRANCHISE", "吴中区加密路1号", "320506001",
				null, null, "王五", id, "13812345678", new BigDecimal("30"), true, true, true, true, LocalDate.of(2026, 1, 5));
		long outlet = outlets.register(SUZHOU, data, false);

		Map<String, Object> row = jdbc.sql("SELECT row_to_json(o)::text AS text, manager_id_cipher, manager_phone_cipher "
				+ "FROM terminal_outlet o WHERE id = :id").param("id", outlet).query().singleRow();
		assertThat((String) row.get("text")).doesNotContain(id).doesNotContain("13812345678");
		assertThat(secrets.decrypt((byte[]) row.get("manager_id_cipher"), Outlets.MANAGER_ID)).isEqualTo(id);
		assertThat(secrets.decrypt((byte[]) row.get("manager_phone_cipher"), Outlets.MANAGER_PHONE)).isEqualTo("13812345678");
		OutletView view = outlets.get(SUZHOU, outlet);
		assertThat(view.managerIdMasked()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(view.managerPhoneMasked()).isEqualTo("138****5678");

		// a correction with the numbers left blank keeps the recorded ones
		outlets.correct(SUZHOU, outlet, new OutletData("加密测试网点（更正）", enterprise, null, "FRANCHISE", "吴中区加密路1号",
				"320506001", null, null, "王五", "", "", new BigDecimal("35"), true, true, true, true, LocalDate.of(2026, 1, 5)));
		byte[] after = jdbc.sql("SELECT manager_id_cipher FROM terminal_outlet WHERE id = :id").param("id", outlet)
			.query(byte[].class).single();
		assertThat(secrets.decrypt(after, Outlets.MANAGER_ID)).isEqualTo(id);

		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE concat_ws(' ', summary, before_state::text, after_state::text) LIKE :p""")
			.param("p", "%" + id + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'terminal_outlet' "
				+ "AND column_name IN ('manager_id_number', 'manager_phone')").query(Long.class).single()).isZero();
	}

	@Test
	void theDemoOutletsAreEncryptedToo() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT manager_id_cipher, manager_id_masked, row_to_json(o)::text AS text FROM terminal_outlet o
				WHERE demo ORDER BY id LIMIT 200""").query().listOfRows();
		assertThat(rows).hasSize(200);
		for (var r : rows) {
			String id = secrets.decrypt((byte[]) r.get("manager_id_cipher"), Outlets.MANAGER_ID);
			assertThat(id).hasSize(18);
			assertThat((String) r.get("text")).doesNotContain(id);
			assertThat(r.get("manager_id_masked")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		}
	}
}
