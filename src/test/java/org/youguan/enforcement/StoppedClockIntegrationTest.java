package org.youguan.enforcement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * A stopped decision clock keeps the days left when it stopped, whichever pause stopped it first (邮政行政执法监督办法
 * (2021) art.17) — counted to the limit it would have were it restarted tomorrow, moved off a rest day as resuming moves it — on the case's page, in the case list and in the deadline queue alike: a pending hearing followed by a
 * suspension recorded after the stored limit is not overdue, and a hearing requested inside a suspension since ended
 * counts their shared days once.
 */
@IntegrationTest
class StoppedClockIntegrationTest extends ClockedSteps {

	@Autowired
	DecisionLimit decisionLimit;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Test
	void aPendingHearingKeepsTheDaysLeftWhenASuspensionFollowsAfterTheStoredLimit() {
		today(LocalDate.of(2026, 6, 1));
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today(LocalDate.of(2026, 6, 2));
		// the days left once the clock stops that day (the pause's first day is not consumed)
		long leftWhenStopped = party.cases().get(ALL, id).deadlines().remainingDays() + 1;
		noticeAndHearing.requestHearing(ALL, id, "2026-06-02");
		LocalDate stored = party.cases().get(ALL, id).penaltyCase().decisionDueOn();
		LocalDate after = stored.plusDays(10);
		today(after);
		decisionLimit.suspend(ALL, id, "APPRAISAL", after.toString(), "鉴定");

		PenaltyCases.Deadlines d = party.cases().get(ALL, id).deadlines();
		assertThat(d.suspended()).isTrue();
		// the clock stands since the hearing was requested: the days left then, the limit were it restarted tomorrow
		// (08-25 plus the 95 paused days, Saturday 11-28) moved to Monday 11-30 as resuming would store it
		assertThat(stored).isEqualTo(LocalDate.of(2026, 8, 25));
		assertThat(d.decisionDue()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(d.remainingDays()).as("the clock stands since the hearing was requested").isEqualTo(leftWhenStopped + 2);
		assertThat(listed(id).remainingDays()).isEqualTo(leftWhenStopped + 2);
		assertThat(listed(id).suspended()).isTrue();
		assertThat(inDeadlineQueue(id, after)).as("a stopped clock is not due").isFalse();
	}

	@Test
	void aHearingRequestedInsideASuspensionCountsTheirSharedDaysOnce() {
		today(LocalDate.of(2026, 6, 1));
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today(LocalDate.of(2026, 6, 2));
		// the days left once the clock stops that day (the pause's first day is not consumed)
		long leftWhenStopped = party.cases().get(ALL, id).deadlines().remainingDays() + 1;
		decisionLimit.suspend(ALL, id, "APPRAISAL", "2026-06-02", "鉴定");
		today(LocalDate.of(2026, 6, 3));
		noticeAndHearing.requestHearing(ALL, id, "2026-06-03");
		today(LocalDate.of(2026, 6, 20));
		decisionLimit.resume(ALL, id, "2026-06-20");
		today(LocalDate.of(2026, 6, 25));

		PenaltyCases.CaseDetail detail = party.cases().get(ALL, id);
		assertThat(detail.deadlines().suspended()).as("the hearing still stops it").isTrue();
		assertThat(detail.suspensionOpen()).as("but no suspension is open to resume").isFalse();
		assertThat(detail.deadlines().remainingDays()).isEqualTo(leftWhenStopped);
		assertThat(listed(id).remainingDays()).isEqualTo(leftWhenStopped);
	}

	/**
	 * A stopped case's 决定期限 and its N天 agree as a running case's do (N = the limit less today, 0 on its last day):
	 * the limit shown is the one that stands today, today's paused day counted — not the stored limit of before the
	 * pause, a day short ("2027-03-08 93天" on 12-06) — on the case's page and in the list, and it moves on with the pause
	 * while the days left stay.
	 */
	@Test
	void aStoppedCasesLimitIsTodayPlusItsDaysLeft() {
		long id = pausedFromJune2();
		PenaltyCases.Deadlines first = party.cases().get(ALL, id).deadlines();
		assertThat(first.suspended()).isTrue();
		assertThat(first.decisionDue()).isEqualTo(LocalDate.of(2026, 6, 2).plusDays(first.remainingDays()));
		assertThat(listed(id).decisionDueOn()).isEqualTo(first.decisionDue());
		today(LocalDate.of(2026, 6, 4));
		PenaltyCases.Deadlines later = party.cases().get(ALL, id).deadlines();
		assertThat(later.remainingDays()).isEqualTo(first.remainingDays());
		assertThat(later.decisionDue()).isEqualTo(LocalDate.of(2026, 6, 4).plusDays(later.remainingDays()));
		assertThat(listed(id).decisionDueOn()).isEqualTo(later.decisionDue());
	}

	/**
	 * A paused case whose limit would fall on a rest day shows, while paused, the working day the limit moves to and the
	 * days to it — the one calendar computation the limit is stored by when the clock is resumed: filed 2026-05-27, 90
	 * days to 08-25; paused from 06-02, on 06-12 the limit counted with the paused days would be Saturday 09-05 — the page
	 * and the list say Monday 09-07 and 87 days, and resuming that day keeps exactly that limit and count.
	 */
	@Test
	void aPausedLimitOnARestDayIsShownMovedAsResumingItMovesIt() {
		long id = pausedFromJune2();
		LocalDate day = LocalDate.of(2026, 6, 12);
		today(day);
		PenaltyCases.Deadlines paused = party.cases().get(ALL, id).deadlines();
		assertThat(paused.suspended()).isTrue();
		assertThat(paused.decisionDue()).isEqualTo(LocalDate.of(2026, 9, 7));
		assertThat(paused.remainingDays()).isEqualTo(87);
		assertThat(listed(id).decisionDueOn()).isEqualTo(paused.decisionDue());
		assertThat(listed(id).remainingDays()).isEqualTo(paused.remainingDays());

		decisionLimit.resume(ALL, id, day.toString());
		PenaltyCases.Deadlines resumed = party.cases().get(ALL, id).deadlines();
		assertThat(resumed.suspended()).isFalse();
		assertThat(resumed.decisionDue()).isEqualTo(paused.decisionDue());
		assertThat(resumed.remainingDays()).isEqualTo(paused.remainingDays());
		assertThat(listed(id).remainingDays()).isEqualTo(paused.remainingDays());
	}

	/** A case notified on 2026-06-01 (filed 05-27, limit 08-25) whose clock is paused from 06-02 for an appraisal. */
	long pausedFromJune2() {
		today(LocalDate.of(2026, 6, 1));
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today(LocalDate.of(2026, 6, 2));
		decisionLimit.suspend(ALL, id, "APPRAISAL", "2026-06-02", "鉴定");
		return id;
	}

	PenaltyCases.CaseSummary listed(long id) {
		String number = party.cases().get(ALL, id).penaltyCase().number();
		return party.cases().list(ALL, true, null, PageQuery.of(number, 0, 20, "filed_on", "desc")).items().stream()
			.filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	/** The deadline queue's condition (a limit within the warning days, the clock running) for the case. */
	boolean inDeadlineQueue(long id, LocalDate today) {
		return jdbc.sql("SELECT count(*) FROM penalty_case c LEFT JOIN penalty_case_suspension s ON s.case_id = c.id"
				+ " AND s.ended_on IS NULL WHERE c.id = :id AND c.decision_due_on <= CAST(:today AS date) + 10 AND "
				+ CaseClock.RUNNING_SQL).param("id", id).param("today", today).query(Long.class).single() > 0;
	}
}
