package org.youguan.workplans;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 7 for work plans: the audit trail names a work plan by its title and a task by its number and the
 * start of its text, each linked to its page, instead of "工作计划 #id" and "工作任务 #id".
 */
@IntegrationTest
class WorkPlanAuditTitlesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theTrailTitlesPlansAndTasksLinkedToTheirPages() throws Exception {
		var task = jdbc.sql("""
				SELECT t.id, t.number, t.text, p.id AS plan, p.title FROM work_task t JOIN work_plan p ON p.id = t.plan_id
				WHERE p.region_code = '3205' AND char_length(t.text) > 30 AND t.text !~ '["<>&'']' ORDER BY t.id LIMIT 1""").query().singleRow();
		long taskId = ((Number) task.get("id")).longValue();
		long planId = ((Number) task.get("plan")).longValue();
		String text = (String) task.get("text");
		String marker = "计划标题-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("workplan.edit", "WorkPlan", planId, marker).inRegion("3205"));
			audit.record(AuditEntry.of("workplan.progress", "WorkTask", taskId, marker).inRegion("3205"));
		});

		String page = mvc.perform(get("/admin/audit").param("q", marker).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(">" + task.get("title") + "</a>").contains("href=\"/workplans/" + planId + "\"")
			.contains(">任务 " + task.get("number") + "：" + text.substring(0, 24) + "…</a>")
			.contains("href=\"/workplans/tasks/" + taskId + "\"")
			.doesNotContain("工作计划 #" + planId).doesNotContain("工作任务 #" + taskId);
	}
}
