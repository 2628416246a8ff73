package org.youguan.filing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.filing.AttachmentKind;
import org.youguan.filing.OutletFilings;
import org.youguan.filing.Upload;
import org.youguan.kernel.IdCardNumber;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.OutletData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V263 fills the branch of the filings stored before it: a new filing's from its (encrypted) proposal, a change's or
 * closure's from the outlet as it stood, the name from the branch register. Run on a connection whose work is rolled
 * back, so the other tests' filings stay as they are.
 */
@IntegrationTest
class FilingBranchColumnsIntegrationTest {

	@Autowired
	FilingBranchColumns migration;

	@Autowired
	OutletFilings filings;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Test
	void aNewFilingsBranchComesFromItsProposalAndAChangesFromTheOutletAsItStood() throws Exception {
		CurrentUser sf = directory.principal("sf.wz").orElseThrow();
		long branch = jdbc.sql("SELECT b.id FROM branch b JOIN enterprise e ON e.id = b.enterprise_id"
				+ " WHERE e.credit_code = :c ORDER BY b.id LIMIT 1").param("c", sf.enterpriseCreditCode()).query(Long.class)
			.optional()
			.orElseGet(() -> jdbc.sql("""
					INSERT INTO branch (enterprise_id, name, region_code, address, head_name, business_licence_date, filed_on,
					    filed_late, created_at)
					SELECT id, '顺丰吴中迁移测试分公司', '320506001', '吴中区分公司路2号', '赵六', DATE '2026-01-05',
					    DATE '2026-01-12', false, now() FROM enterprise WHERE credit_code = :c RETURNING id""")
				.param("c", sf.enterpriseCreditCode()).query(Long.class).single());
		String name = jdbc.sql("SELECT name FROM branch WHERE id = :id").param("id", branch).query(String.class).single();
		String first17 = "32050619850315" + String.format("%03d", (int) (Math.random() * 1000));
		OutletData outlet = new OutletData("迁移测试网点" + UUID.randomUUID().toString().substring(0, 6), 0, branch,
				"FRANCHISE", "吴中区迁移路" + UUID.randomUUID().toString().substring(0, 4) + "号", "320506001", null, null, "钱七",
				first17 + IdCardNumber.checkCharacter(first17), "13712345678", new BigDecimal("40"), true, true, true, true,
				LocalDate.now(clock).minusDays(3));
		long filed = filings.submitNew(sf, outlet, List.of(new Upload(AttachmentKind.BUSINESS_LICENCE, "营业执照.pdf",
				PdfFiles.blankPage()), new Upload(AttachmentKind.MANAGER_ID, "身份证.jpg", TestImages.jpeg(4, 3)),
				new Upload(AttachmentKind.PHOTO, "门头.jpg", TestImages.jpeg(4, 3)),
				new Upload(AttachmentKind.AUTHORISATION, "授权书.pdf", PdfFiles.blankPage())));
		long change = jdbc.sql("SELECT id FROM outlet_filing WHERE kind = 'CHANGE' ORDER BY id LIMIT 1").query(Long.class)
			.single();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				// as stored before V263: no branch columns filled; the change's outlet stood run through the branch
				try (PreparedStatement s = connection.prepareStatement("""
						UPDATE outlet_filing SET branch_id = NULL, branch_name = NULL,
						    outlet_before = CASE WHEN id = ? THEN jsonb_set(CAST(outlet_before AS jsonb), '{branchId}',
						        to_jsonb(CAST(? AS bigint))) #>> '{}' ELSE outlet_before END
						WHERE id IN (?, ?)""")) {
					s.setLong(1, change);
					s.setLong(2, branch);
					s.setLong(3, filed);
					s.setLong(4, change);
					s.executeUpdate();
				}
				migration.fill(connection);
				assertThat(branchOf(connection, filed)).isEqualTo(branch + "/" + name);
				assertThat(branchOf(connection, change)).startsWith(branch + "/");
			}
			finally {
				connection.rollback();
			}
		}
	}

	static String branchOf(Connection connection, long filing) throws Exception {
		try (PreparedStatement s = connection.prepareStatement("SELECT branch_id, branch_name FROM outlet_filing WHERE id = ?")) {
			s.setLong(1, filing);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getObject(1) + "/" + rs.getString(2);
			}
		}
	}
}
