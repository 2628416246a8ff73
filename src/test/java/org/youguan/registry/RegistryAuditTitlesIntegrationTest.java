package org.youguan.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditObjects;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 7 (leftovers): the audit trail names licences, branches, facilities, brands and enterprises by their
 * numbers and names with links to their register pages — one read per type and listed page — and a reader outside an
 * object's scope gets the plain "类型 #id" instead.
 */
@IntegrationTest
class RegistryAuditTitlesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	List<AuditObjects> objects;

	@Test
	void theAuditPageTitlesLicencesBranchesFacilitiesBrandsAndEnterprisesWithLinks() throws Exception {
		Map<String, Object> licence = row("""
				SELECT l.id, l.number FROM express_licence l WHERE l.region_code LIKE '3205%' ORDER BY l.id LIMIT 1""");
		Map<String, Object> branch = row("SELECT id, name FROM branch WHERE region_code LIKE '3205%' ORDER BY id LIMIT 1");
		Map<String, Object> facility = row("SELECT id, name FROM facility WHERE region_code LIKE '3205%' ORDER BY id LIMIT 1");
		Map<String, Object> brand = row("SELECT id, name FROM brand ORDER BY id LIMIT 1");
		Map<String, Object> enterprise = row("SELECT id, legal_name FROM enterprise WHERE region_code LIKE '3205%' ORDER BY id LIMIT 1");
		String marker = "登记标题-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("licence.correct", "ExpressLicence", id(licence), marker).inRegion("320506"));
			audit.record(AuditEntry.of("branch.update", "Branch", id(branch), marker).inRegion("320506"));
			audit.record(AuditEntry.of("facility.update", "Facility", id(facility), marker).inRegion("320506"));
			audit.record(AuditEntry.of("brand.update", "Brand", id(brand), marker).inRegion("320506"));
			audit.record(AuditEntry.of("enterprise.update", "Enterprise", id(enterprise), marker).inRegion("320506"));
		});
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");

		String page = mvc.perform(get("/admin/audit").param("q", marker).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("href=\"/registry/licences/" + id(licence) + "\"").contains(">" + licence.get("number"))
			.contains("href=\"/registry/branches/" + id(branch) + "\"").contains(">" + branch.get("name") + "</a>")
			.contains("href=\"/registry/facilities/" + id(facility) + "\"").contains(">" + facility.get("name"))
			.contains("href=\"/registry/brands/" + id(brand) + "\"").contains(">" + brand.get("name"))
			.contains("href=\"/registry/enterprises/" + id(enterprise) + "\"").contains(">" + enterprise.get("legal_name"));
		assertThat(page).doesNotContain("#" + id(licence) + "<").doesNotContain("#" + id(branch) + "<");
	}

	@Test
	void aReaderOutsideTheScopeGetsNoTitleAndNonNumericIdsAreLeftOut() {
		long licence = id(row("SELECT id FROM express_licence WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1"));
		long facility = id(row("SELECT id FROM facility WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1"));
		AuditObjects licences = declared("ExpressLicence");
		AuditObjects facilities = declared("Facility");

		assertThat(licences.titles(DataScope.region("3205"), Set.of(String.valueOf(licence), "x1"))).containsOnlyKeys(
				String.valueOf(licence));
		assertThat(licences.titles(DataScope.region("320507"), Set.of(String.valueOf(licence)))).isEmpty();
		assertThat(facilities.titles(DataScope.region("320507"), Set.of(String.valueOf(facility)))).isEmpty();
		assertThat(declared("Brand").titles(DataScope.none(), Set.of("1"))).isEmpty();
	}

	private AuditObjects declared(String type) {
		return objects.stream().filter(o -> o.objectType().equals(type)).findFirst().orElseThrow();
	}

	private Map<String, Object> row(String sql) {
		return jdbc.sql(sql).query().singleRow();
	}

	private static long id(Map<String, Object> row) {
		return ((Number) row.get("id")).longValue();
	}
}
