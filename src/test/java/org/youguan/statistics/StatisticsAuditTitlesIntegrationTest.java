package org.youguan.statistics;

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
 * Issue 13 item 7 for statistics: the audit trail names a statistics report by its period, form and enterprise with a
 * link to its page, instead of "统计报表 #id" — and only for a reader whose scope holds the report.
 */
@IntegrationTest
class StatisticsAuditTitlesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theTrailTitlesAReportByPeriodFormAndEnterpriseLinkedToItsPage() throws Exception {
		var report = jdbc.sql("""
				SELECT r.id, r.period, r.enterprise_name, f.name AS form FROM stat_report r JOIN stat_form f ON f.id = r.form_id
				WHERE r.region_code LIKE '320506%' AND f.period_type = 'MONTH' ORDER BY r.id LIMIT 1""").query().singleRow();
		long id = ((Number) report.get("id")).longValue();
		String[] period = ((String) report.get("period")).split("-");
		String title = period[0] + "年" + Integer.parseInt(period[1]) + "月 " + report.get("form") + " · "
				+ report.get("enterprise_name");
		String marker = "报表标题-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("statistics.report.approve", "StatReport", id, marker)
			.inRegion("320506")));

		String page = mvc.perform(get("/admin/audit").param("q", marker).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(">" + title + "</a>").contains("href=\"/statistics/reports/" + id + "\"")
			.doesNotContain("统计报表 #" + id);

		// a 昆山 administrator sees an event recorded in its region, but not the 吴中 report's title or page
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("statistics.report.approve", "StatReport", id, marker)
			.inRegion("320583")));
		String other = mvc.perform(get("/admin/audit").param("q", marker).session(SignIn.session(mvc, "ks.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(other).contains(marker).contains("统计报表 #" + id).doesNotContain(title).doesNotContain("/statistics/reports/" + id + "\"");
	}
}
