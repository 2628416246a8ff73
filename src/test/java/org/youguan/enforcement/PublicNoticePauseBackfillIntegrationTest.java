package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.ChineseText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * A 事先告知书 served by public notice before the notice's step paused the decision limit for its 公告 period
 * (邮政行政执法监督办法(2021) art.17) is given that pause at start (V339, {@code PublicNoticePauseBackfill}): from the
 * day published to the day before the deemed day, the limit counted again on the working-day calendar — the day the
 * step itself gives a notice served so today — and audited; once only.
 */
@IntegrationTest
class PublicNoticePauseBackfillIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseWork caseWork;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** The start-up runner of V339 (package-private in enforcement.internal), run as the start runs it. */
	void backfill() throws Exception {
		ApplicationRunner runner = context.getBeansOfType(ApplicationRunner.class).values().stream()
			.filter(r -> r.getClass().getSimpleName().startsWith("PublicNoticePauseBackfill")).findFirst().orElseThrow();
		runner.run(null);
	}

	@Test
	void aNoticeServedByPublicNoticeBeforeThePauseExistedGetsItAndItsLimitCountedOnTheCalendar() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today.minusDays(5));
		noticeAndHearing.notifyParty(ALL, id, today.toString(), new CaseExecution.Delivery(today.toString(), "PUBLIC_NOTICE",
				null, "当事人下落不明，在苏州日报第3版公告"));
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		LocalDate limitWithPause = jdbc.sql("SELECT decision_due_on FROM penalty_case WHERE id = :id").param("id", id)
			.query(LocalDate.class).single();
		// as a notice recorded before the automatic pause left it: no pause, the limit without the 公告 period, and V339's mark
		jdbc.sql("DELETE FROM penalty_case_suspension WHERE case_id = :id AND kind = 'PUBLIC_NOTICE'").param("id", id).update();
		CaseView bare = caseWork.find(id);
		LocalDate limitWithout = caseWork.decisionDue(bare, bare.extended());
		assertThat(limitWithout).isBefore(limitWithPause);
		jdbc.sql("UPDATE penalty_case SET decision_due_on = :due, public_notice_pause_due = TRUE WHERE id = :id")
			.param("due", limitWithout).param("id", id).update();

		backfill();
		assertThat(jdbc.sql("SELECT started_on || '/' || ended_on FROM penalty_case_suspension WHERE case_id = :id AND kind = 'PUBLIC_NOTICE'")
			.param("id", id).query(String.class).list()).containsExactly(today + "/" + deemed.minusDays(1));
		assertThat(jdbc.sql("SELECT decision_due_on FROM penalty_case WHERE id = :id").param("id", id).query(LocalDate.class)
			.single()).as("the limit the notice's step gives, on the working-day calendar").isEqualTo(limitWithPause)
			.satisfies(d -> assertThat(calendar.isWorkingDay(d)).isTrue());
		assertThat(jdbc.sql("SELECT public_notice_pause_due FROM penalty_case WHERE id = :id").param("id", id)
			.query(Boolean.class).single()).isFalse();
		List<String> audited = jdbc.sql("SELECT summary FROM audit_event WHERE action = 'case.recount' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).list();
		assertThat(audited).singleElement().asString().contains("补登事先告知书公告期间", "决定期限由" + ChineseText.day(limitWithout));

		backfill();
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_suspension WHERE case_id = :id AND kind = 'PUBLIC_NOTICE'")
			.param("id", id).query(Long.class).single()).as("once").isEqualTo(1);
	}
}
