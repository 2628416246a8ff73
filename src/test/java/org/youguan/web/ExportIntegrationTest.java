package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * List exports are real .xlsx files with the list's scope and filters.
 */
@IntegrationTest
class ExportIntegrationTest {

	@Autowired
	private AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	List<List<String>> export(String username, String path) throws Exception {
		var response = mvc.perform(get(path).session(SignIn.session(mvc, username)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).contains("spreadsheetml");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach(c -> cells.add(ExportedRows.text(c)));
				rows.add(cells);
			}
		}
		return rows;
	}

	@Test
	void theUserExportHoldsTheScopedFilteredListWithMaskedPhones() throws Exception {
		List<List<String>> rows = export("sz.admin", "/admin/users/export.xlsx?q=staff");
		assertThat(rows.get(0)).startsWith("用户名", "姓名");
		List<String> names = rows.stream().skip(1).map(r -> r.get(0)).toList();
		assertThat(names).contains("wz.staff", "xc.staff").doesNotContain("sz.market", "js.leader");
		assertThat(rows.toString()).doesNotContainPattern("1990000\\d{4}");
	}

	/**
	 * Attack round 18: bulk exports of personal data left no trace. Each export is audited — who, the list, where, how
	 * many rows — without a value of the rows.
	 */
	@Test
	void anExportIsAuditedWithoutItsData() throws Exception {
		long admin = jdbc.sql("SELECT id FROM user_account WHERE username = 'sz.admin'").query(Long.class).single();
		long last = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		List<List<String>> rows = export("sz.admin", "/admin/users/export.xlsx?q=staff");
		List<String> entries = jdbc.sql("""
				SELECT summary FROM audit_event WHERE id > :last AND action = 'data.export' AND actor_user_id = :admin""")
			.param("last", last)
			.param("admin", admin)
			.query(String.class)
			.list();
		assertThat(entries).singleElement().asString()
			.contains("用户", (rows.size() - 1) + "行", "/admin/users/export.xlsx")
			.doesNotContain("wz.staff", "staff");
		assertThat(audit.handledBy(admin, 20)).as("an export is no change the user handled (已办)")
			.extracting(AuditEvent::action)
			.doesNotContain("data.export");
	}

	@Test
	void aCountyAdministratorExportsOnlyItsCounty() throws Exception {
		List<List<String>> rows = export("ks.admin", "/admin/bureaus/export.xlsx");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(0)).isEqualTo("昆山市邮政管理局");
	}

	@Test
	void theAuditExportCarriesTheSeals() throws Exception {
		List<List<String>> rows = export("sz.admin", "/admin/audit/export.xlsx?action=bureau.create");
		assertThat(rows.get(0)).contains("封印编号", "封印MAC");
		assertThat(rows.size()).isGreaterThanOrEqualTo(12);
		assertThat(rows.stream().skip(1).map(r -> r.get(4))).as("the action by its Chinese name").containsOnly("新增管理局");
		assertThat(rows.stream().skip(1).map(r -> r.get(5))).as("and its code").containsOnly("bureau.create");
	}
}
