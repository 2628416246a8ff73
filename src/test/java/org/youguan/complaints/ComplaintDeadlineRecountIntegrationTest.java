package org.youguan.complaints;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.CalendarRecountTest;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A complaint received just before a year whose holiday notice is not loaded gets a provisional transfer limit (元旦 is
 * off by law); loading the year recomputes it from the same day of receipt. 2045 and 2046 are used by no other test.
 */
@IntegrationTest
class ComplaintDeadlineRecountIntegrationTest extends CalendarRecountTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	MockMvc mvc;

	@Test
	void loadingTheYearRecomputesTheStepAndAnswerDueDatesOfAnOpenComplaint() throws Exception {
		clock.set(LocalDateTime.of(2045, 12, 28, 10, 0));
		var filed = intake.file(ComplaintIntegrationTest.form(LocalDate.of(2045, 12, 1), LocalDate.of(2045, 12, 15),
				null, ComplaintIntegrationTest.waybill()), Channel.PHONE, null, false);
		// 2 working days from Thu 12-28: Fri 12-29, (weekend, Mon 01-01 元旦 by law) Tue 01-02
		assertThat(queries.get(WUZHONG, filed.id()).stepDue()).isEqualTo(LocalDate.of(2046, 1, 2));
		assertThat(calendar.isProvisional(LocalDate.of(2046, 1, 2))).isTrue();
		LocalDate answerDue = queries.get(WUZHONG, filed.id()).answerDue();
		// the export marks the step's date as the queue does, and the answer limit's as the complaint's page does: 30
		// calendar days, but its last day moves off a day off on the calendar, so it is provisional in an unloaded year
		String number = queries.get(WUZHONG, filed.id()).number();
		assertThat(calendar.isProvisional(answerDue)).isTrue();
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"), "/complaints/export.xlsx", "q", number).get(1))
			.contains("2046-01-02（暂定）", answerDue + "（暂定）");

		notices.loadDaysOff(LocalDate.of(2046, 1, 1), LocalDate.of(2046, 1, 2));

		// the recount runs after the load commits, on the event publication registry
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queries.get(WUZHONG, filed.id()).stepDue())
			.as("01-02 is a day off under the notice").isEqualTo(LocalDate.of(2046, 1, 3)));
		ComplaintView c = queries.get(WUZHONG, filed.id());
		assertThat(c.answerDue()).as("30 days from receipt, unchanged here").isEqualTo(answerDue);
		assertThat(audit.history(WUZHONG, "Complaint", filed.id())).extracting(AuditEvent::action)
			.contains("complaint.recount");
		assertThat(audit.history(WUZHONG, "Complaint", filed.id())).filteredOn(e -> e.action().equals("complaint.recount"))
			.extracting(AuditEvent::summary).as("names the load by its years, not as a list")
			.allMatch(s -> s.startsWith("已加载2046年工作日历，"));
	}
}
