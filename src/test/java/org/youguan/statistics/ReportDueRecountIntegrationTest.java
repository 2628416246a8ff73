package org.youguan.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Brands;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;

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

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

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
			.satisfies(s -> assertThat(s).startsWith("已加载2060年工作日历，").contains("截止日期由" + ChineseText.day(due) + "改为"));
	}

	/**
	 * One rule of a period's due date for a report and 报送进度 ({@link ReportForms#dueOn}): a report returned (已退回)
	 * is owed again and its 逾期未报 is judged by its due date, so a loaded year counts it again, as a draft's; a report
	 * standing sent keeps the date its timeliness was decided by, and gets the current one when it is returned.
	 * Finding: only reports never submitted were counted again, a returned one kept its stored date while 报送进度 used
	 * the form's current one. 2068 is used by no other test.
	 */
	@Test
	void aReturnedReportsDueDateFollowsTheCalendarAsReportingProgressDoes() {
		clock.set(LocalDateTime.of(2068, 3, 1, 10, 0));
		ReportForm monthly = forms.byCode("monthly");
		Reporters.Reporter r = Reporters.wuzhongExpress(enterprises, brands, licences, "日历重算测试快递有限公司");
		DataScope county = DataScope.region("320506");
		Period january = Period.month(YearMonth.of(2068, 1));
		Period february = Period.month(YearMonth.of(2068, 2));
		long returned = reports.open(r.own(), r.id(), monthly.id(), january);
		reports.submit(r.own(), returned, StatisticsStepsIntegrationTest.typed(), Map.of(), null);
		reports.returnForCorrection(county, returned, "请核实", "陈吴中（吴中区局）");
		long sent = reports.open(r.own(), r.id(), monthly.id(), february);
		reports.submit(r.own(), sent, StatisticsStepsIntegrationTest.typed(), Map.of(), null);
		LocalDate januaryDue = forms.dueOn(monthly, january);
		LocalDate februaryDue = forms.dueOn(monthly, february);
		assertThat(reports.get(r.own(), returned).dueOn()).isEqualTo(januaryDue);
		assertThat(calendar.isProvisional(januaryDue)).isTrue();

		notices.loadDaysOff(januaryDue, februaryDue);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reports.get(r.own(), returned).dueOn())
			.as("returned and owed again: counted as 报送进度 counts it").isEqualTo(forms.dueOn(monthly, january))
			.isAfter(januaryDue));
		assertThat(reports.get(county, sent).dueOn()).as("standing sent: its timeliness was decided by this date")
			.isEqualTo(februaryDue);
		reports.returnForCorrection(county, sent, "请核实", "陈吴中（吴中区局）");
		assertThat(reports.get(r.own(), sent).dueOn()).as("returned: owed again by the period's date as counted now")
			.isEqualTo(forms.dueOn(monthly, february))
			.isAfter(februaryDue);
	}
}
