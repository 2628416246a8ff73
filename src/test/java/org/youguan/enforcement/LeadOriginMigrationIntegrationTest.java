package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.youguan.IntegrationTest;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V225 on leads taken in before the intake put a kind in front only where missing: a complaint lead stored as
 * "申诉申诉-…" and an order's as "责令改正通知书责令改正-…" read as the intake now writes them (origin and summary), a
 * lead whose number was typed by hand ("责令改正通知书吴邮管责改〔2025〕3号") keeps its kind in front.
 */
@IntegrationTest
class LeadOriginMigrationIntegrationTest {

	@Autowired
	Leads leads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	long lead(LeadSource source, String detail, String summary) {
		return leads.intake(new Leads.Intake(source, "migration-test:" + UUID.randomUUID(), detail, "320506", null, null,
				summary, LocalDate.now(ChinaTime.ZONE), false)).orElseThrow();
	}

	String read(long id) {
		return jdbc.sql("SELECT source_detail || ' | ' || summary FROM penalty_lead WHERE id = :id").param("id", id)
			.query(String.class).single();
	}

	@Test
	void theDoubledKindIsCutFromLeadsTakenInBefore() {
		long complaint = lead(LeadSource.COMPLAINT, "申诉申诉-320506-2026-000777", "申诉申诉-320506-2026-000777（顺丰，延误）移送：多次延误");
		long order = lead(LeadSource.INSPECTION, "责令改正通知书责令改正-320506-2026-000005",
				"责令改正通知书责令改正-320506-2026-000005整改期限2026-11-01已过，逾期未整改");
		long typed = lead(LeadSource.INSPECTION, "责令改正通知书吴邮管责改〔2025〕3号", "责令改正通知书吴邮管责改〔2025〕3号整改期限2025-06-01已过，逾期未整改");
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/enforcement/V225__lead_doubled_origin_prefix.sql"))
			.execute(dataSource);
		assertThat(read(complaint)).isEqualTo("申诉-320506-2026-000777 | 申诉-320506-2026-000777（顺丰，延误）移送：多次延误");
		assertThat(read(order)).isEqualTo("责令改正-320506-2026-000005 | 责令改正-320506-2026-000005整改期限2026-11-01已过，逾期未整改");
		assertThat(read(typed)).isEqualTo("责令改正通知书吴邮管责改〔2025〕3号 | 责令改正通知书吴邮管责改〔2025〕3号整改期限2025-06-01已过，逾期未整改");
	}
}
