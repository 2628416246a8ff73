package org.youguan.rules.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** V277: a rule override's reason stored in clear before is rewritten masked; one without a number stays as stored. */
@IntegrationTest
class OverrideReasonMaskingIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStoredReasonWithAPersonalNumberIsMasked() throws Exception {
		long bureau = jdbc.sql("SELECT id FROM bureau WHERE region_code = '3205'").query(Long.class).single();
		try {
			for (String[] row : new String[][] { { "329701", "依据通知，咨询13912345678" }, { "329702", "压缩办理时限" } }) {
				jdbc.sql("""
						INSERT INTO statutory_rule_override (region_code, rule_code, bureau_id, value, reason, changed_by, changed_at)
						VALUES (:region, 'complaint.redo', :bureau, 3, :reason, 'test', now())""")
					.param("region", row[0]).param("bureau", bureau).param("reason", row[1]).update();
			}
			try (Connection connection = dataSource.getConnection()) {
				new OverrideReasonMasking().migrate(connection);
			}
			assertThat(jdbc.sql("SELECT reason FROM statutory_rule_override WHERE region_code = '329701'").query(String.class)
				.single()).isEqualTo("依据通知，咨询139****5678");
			assertThat(jdbc.sql("SELECT reason FROM statutory_rule_override WHERE region_code = '329702'").query(String.class)
				.single()).isEqualTo("压缩办理时限");
		}
		finally {
			jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code IN ('329701', '329702')").update();
		}
	}
}
