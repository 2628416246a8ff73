package org.youguan.documents;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.youguan.IntegrationTest;
import org.youguan.UpgradeDatabase;
import org.youguan.platform.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded from the three module attachment tables (V90–V91): every file lands in the one table with
 * its owner, kind and old id, encrypted (no clear copy left in a live row), and the three tables are gone.
 */
@IntegrationTest
class AttachmentMigrationIntegrationTest {

	static final String DATABASE = "youguan_attachments_upgrade";

	@Autowired
	List<JavaMigration> javaMigrations;

	@Autowired
	Secrets secrets;

	@Value("${spring.flyway.locations}")
	String[] locations;

	@Test
	void theModulesFilesMoveIntoTheOneEncryptedTableKeepingTheirOldIds() throws Exception {
		UpgradeDatabase upgrade = UpgradeDatabase.fresh(DATABASE, locations, javaMigrations);
		upgrade.migrateTo("81");
		DataSource db = upgrade.dataSource();
		JdbcClient jdbc = JdbcClient.create(db);
		// the files as the modules kept them (owners left out: foreign keys are not what this test is about)
		jdbc.sql("""
				SET session_replication_role = replica;
				INSERT INTO filing_attachment (id, filing_id, kind, file_name, content_type, size_bytes, content, uploaded_at)
				  VALUES (7, 3, 'MANAGER_ID', '身份证.pdf', 'application/pdf', 19, convert_to('%PDF-1.4 ID-CARD-SCAN', 'UTF8'),
				  '2026-01-02T03:04:05Z');
				INSERT INTO complaint_attachment (id, complaint_id, file_name, content_type, size_bytes, content, created_at)
				  VALUES (7, 5, '破损.pdf', 'application/pdf', 19, convert_to('%PDF-1.4 BROKEN-BOX', 'UTF8'), now());
				INSERT INTO work_progress_attachment (id, progress_id, file_name, content_type, size_bytes, content, created_at)
				  VALUES (9, 11, '现场.pdf', 'application/pdf', 19, convert_to('%PDF-1.4 SITE-VISIT', 'UTF8'), now())""")
			.update();

		upgrade.migrate();

		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT id, module, owner_type, owner_id, kind, file_name, legacy_id, content_cipher, uploaded_at::text AS at,
				       encode(content_cipher, 'escape') AS text FROM attachment ORDER BY module""").query().listOfRows();
		assertThat(rows).extracting(r -> r.get("module") + "/" + r.get("owner_type") + "/" + r.get("owner_id") + "/"
				+ r.get("kind") + "/" + r.get("file_name") + "/" + r.get("legacy_id"))
			.containsExactly("complaints/complaint/5/EVIDENCE/破损.pdf/7", "filing/outlet_filing/3/MANAGER_ID/身份证.pdf/7",
					"workplans/work_progress/11/PROGRESS/现场.pdf/9");
		assertThat(rows).allSatisfy(r -> assertThat((String) r.get("text")).doesNotContain("%PDF"));
		Map<String, Object> filing = rows.get(1);
		assertThat(new String(secrets.decryptBytes((byte[]) filing.get("content_cipher"),
				Attachments.context(((Number) filing.get("id")).longValue())))).isEqualTo("%PDF-1.4 ID-CARD-SCAN");
		assertThat((String) filing.get("at")).startsWith("2026-01-02");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM information_schema.tables WHERE table_name IN
				('filing_attachment', 'complaint_attachment', 'work_progress_attachment', 'attachment_moving')""")
			.query(Long.class).single()).isZero();
	}
}
