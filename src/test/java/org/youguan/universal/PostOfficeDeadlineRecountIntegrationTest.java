package org.youguan.universal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A closure approval received before New Year has its 20-working-day decision day counted on the provisional calendar
 * of a year not yet loaded; loading that year's holiday notice counts it again. 2050 is used by no other test.
 */
@IntegrationTest
class PostOfficeDeadlineRecountIntegrationTest extends CalendarRecountTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Autowired
	PostOfficeApprovals approvals;

	@Test
	void loadingTheYearRecountsTheDecisionDayOfAnOpenApproval() throws Exception {
		clock.set(LocalDateTime.of(2049, 12, 20, 10, 0));
		ApprovalFixture fixture = new ApprovalFixture(mvc, jdbc, facilities);
		long id = fixture.apply(ApprovalFixture.POSTAL, fixture.newPostOffice("320506"), "CLOSURE", "跨年审批测试", null);
		// 20 working days from Mon 12-20, 01-01 元旦 off by law
		assertThat(approvals.get(DataScope.all(), id).decisionDueOn()).isEqualTo(LocalDate.of(2050, 1, 17));

		notices.loadDaysOff(LocalDate.of(2050, 1, 1), LocalDate.of(2050, 1, 3), LocalDate.of(2050, 1, 4));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(approvals.get(DataScope.all(), id).decisionDueOn())
			.as("01-03 and 01-04 are days off under the notice").isEqualTo(LocalDate.of(2050, 1, 19)));
		assertThat(audit.history(DataScope.all(), "PostOfficeApproval", id)).extracting(AuditEvent::action)
			.contains("post-office.approval.recount");
		fixture.step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"测试结束\"}");
	}
}
