package org.youguan.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.DataScope;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A report opened but never submitted whose due date (the form's due day of the month after the period) falls in a year
 * whose holiday notice is not loaded gets a provisional date; loading the year counts it again, and the change is in
 * the report's own history. 2060 is used by no other test.
 */
@IntegrationTest
class ReportDueRecountIntegrationTest extends CalendarRecountTest {

	@Autowired
	Reports reports;

	@Autowired
	ReportForms forms;

	@Autowired
	UserDirectory directory;

	@Autowired
	Enterprises enterprises;

	@Test
	void loadingTheYearMovesTheDueDateOfAnUnsubmittedReportAndRecordsItInTheReportsHistory() {
		// the first of the month after the period: a report opens only once its period has ended
		clock.set(LocalDateTime.of(2060, 1, 1, 10, 0));
		ReportForm monthly = forms.byCode("monthly");
		// the demo 顺丰 enterprise of 吴中; no other test opens a period of 2059
		String code = directory.principal("sf.wz").orElseThrow().enterpriseCreditCode();
		long enterprise = enterprises.findByCreditCode(code).orElseThrow().id();
		DataScope own = DataScope.enterprise(code);
		long id = reports.open(own, enterprise, monthly.id(), Period.month(YearMonth.of(2059, 12)));
		LocalDate due = LocalDate.of(2060, 1, monthly.dueDay());
		assertThat(reports.get(own, id).dueOn()).isEqualTo(due);
		assertThat(calendar.isProvisional(due)).isTrue();

		notices.loadDaysOff(LocalDate.of(2060, 1, 1), due);

		// the recount runs after the load commits, on the event publication registry
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reports.get(own, id).dueOn())
			.as(due + " is a day off under the notice").isEqualTo(calendar.onOrNextWorkingDay(due.plusDays(1))));
		assertThat(reports.get(own, id).dueOn()).isAfter(due);
		assertThat(audit.history(DataScope.region("320506"), "StatReport", id))
			.filteredOn(e -> e.action().equals("statistics.recount"))
			.extracting(AuditEvent::summary)
			.singleElement()
			.satisfies(s -> assertThat(s).startsWith("已加载2060年工作日历，").contains("截止日期由" + due + "改为"));
	}
}
