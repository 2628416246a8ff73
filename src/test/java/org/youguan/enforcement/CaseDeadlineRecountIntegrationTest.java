package org.youguan.enforcement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * A case filed in October and notified in late December has its decision limit and its last day to request a hearing
 * counted on the provisional calendar of a year whose holiday notice is not loaded; loading the notice counts both
 * again, so the case is not overdue a day early and the party keeps its five working days. 2052 is used by no other
 * test.
 */
@IntegrationTest
class CaseDeadlineRecountIntegrationTest extends ClockedSteps {

	@Autowired
	PastCases pastCases;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	HolidayNotices notices;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	AuditTrail audit;

	/** The team's certificates as the demo has them (valid until 2029): extended for a case of 2051, then restored. */
	List<Map<String, Object>> certificates;

	@BeforeEach
	void extendTheTeamsCertificates() {
		certificates = jdbc.sql("SELECT certificate_number, valid_until FROM inspector WHERE certificate_number IN (:numbers)")
			.param("numbers", numbers()).query().listOfRows();
		jdbc.sql("UPDATE inspector SET valid_until = DATE '2060-12-31' WHERE certificate_number IN (:numbers)")
			.param("numbers", numbers()).update();
	}

	@AfterEach
	void restore() {
		certificates.forEach(c -> jdbc.sql("UPDATE inspector SET valid_until = :until WHERE certificate_number = :number")
			.param("until", c.get("valid_until")).param("number", c.get("certificate_number")).update());
	}

	static List<String> numbers() {
		return PartyCases.TEAM.stream().map(CaseInvestigation.Member::certificateNumber).toList();
	}

	@Test
	void loadingTheYearRecountsTheDecisionLimitAndTheHearingRequestDayOfAnOpenCase() {
		clock.set(LocalDateTime.of(2051, 12, 27, 10, 0));
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", LocalDate.of(2051, 10, 4));
		noticeAndHearing.notifyParty(ALL, id, "2051-12-27");
		CaseView before = view(id);
		// 90 days from Wed 10-04 is Tue 01-02, a working day on the provisional calendar (only 01-01 off by law)
		assertThat(before.decisionDueOn()).isEqualTo(LocalDate.of(2052, 1, 2));
		// 5 working days from Wed 12-27: 12-28, 12-29, (01-01 元旦) 01-02, 01-03, 01-04
		assertThat(before.hearingRequestDue()).isEqualTo(LocalDate.of(2052, 1, 4));
		assertThat(calendar.isProvisional(LocalDate.of(2052, 1, 2))).isTrue();
		// a past case imported still open goes on under the platform's clock
		long imported = pastCases.importCase(ALL, new PastCases.ImportedCase(party.sfWuzhong().creditCode(),
				"DATA_NOT_REPORTED", "REPORT", "2051-10-04", null, null, null, null, null, null));
		assertThat(view(imported).decisionDueOn()).isEqualTo(LocalDate.of(2052, 1, 2));

		notices.loadDaysOff(LocalDate.of(2052, 1, 1), LocalDate.of(2052, 1, 2), LocalDate.of(2052, 1, 3));

		// the recount runs after the load commits, on the event publication registry
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(view(id).decisionDueOn())
			.as("a limit ending on a day off moves to the next working day").isEqualTo(LocalDate.of(2052, 1, 4)));
		assertThat(view(imported).decisionDueOn()).isEqualTo(LocalDate.of(2052, 1, 4));
		assertThat(view(id).hearingRequestDue()).as("12-28, 12-29, 01-04, 01-05, 01-08").isEqualTo(LocalDate.of(2052, 1, 8));
		assertThat(party.cases().get(ALL, id).deadlines().hearingRequestDue()).isEqualTo(LocalDate.of(2052, 1, 8));
		assertThat(audit.history(ALL, "penalty_case", id)).extracting(AuditEvent::action).contains("case.recount");
	}

	CaseView view(long id) {
		return party.cases().get(ALL, id).penaltyCase();
	}
}
