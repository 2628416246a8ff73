package org.youguan.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 7 over the API: {@code GET /api/v1/audit-events} keeps the codes of action and object type for
 * machines and gives beside them the names the trail page shows — the action's and the type's Chinese names, the
 * object's title and its link, or the type's name and the id without a link where the caller may not read it.
 */
@IntegrationTest
class AuditApiNamesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theApiGivesActionAndObjectNamesAndTheTitleBesideTheCodes() throws Exception {
		var complaint = jdbc.sql("SELECT id, number FROM complaint WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query().singleRow();
		long id = ((Number) complaint.get("id")).longValue();
		String marker = "接口名称-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("complaint.transfer", "Complaint", id, marker)
			.inRegion("320506")));

		mvc.perform(get("/api/v1/audit-events").param("q", marker).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].action").value("complaint.transfer"))
			.andExpect(jsonPath("$.items[0].actionName").value("受理并转办申诉"))
			.andExpect(jsonPath("$.items[0].objectType").value("Complaint"))
			.andExpect(jsonPath("$.items[0].objectTypeName").value("申诉"))
			.andExpect(jsonPath("$.items[0].objectId").value(String.valueOf(id)))
			.andExpect(jsonPath("$.items[0].objectTitle").value(complaint.get("number")))
			.andExpect(jsonPath("$.items[0].objectLink").value("/complaints/" + id))
			.andExpect(jsonPath("$.items[0].summary").value(marker))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void anObjectWithoutATitleIsNamedByItsTypeAndIdWithoutALink() throws Exception {
		String marker = "接口指标-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("statistics.indicator.add", "StatIndicator", "demo.code",
				marker).inRegion("3205")));
		mvc.perform(get("/api/v1/audit-events").param("q", marker).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].action").value("statistics.indicator.add"))
			.andExpect(jsonPath("$.items[0].actionName").value("新增统计指标"))
			.andExpect(jsonPath("$.items[0].objectTypeName").value("统计指标"))
			.andExpect(jsonPath("$.items[0].objectTitle").value("统计指标 #demo.code"))
			.andExpect(jsonPath("$.items[0].objectLink").value(nullValue()));
	}
}
