package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.youguan.enforcement.Penalty;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every deadline of the penalty procedure on the 2026 calendar, with the catalogue's default values: the decision limit
 * (90 days, +30 once, suspension periods excluded — across 春节 and 国庆), the 5-working-day hearing window, the
 * 7-working-day hearing notice and delivery, the 15-day payment period, the 3 %/day surcharge capped at the fine, the
 * 2-year limitation, 7 working days to publish and 3 to withdraw.
 */
class CaseClockTest {

	final CaseClock clock = new CaseClock(new Calendar2026(), StatutoryRule::defaultValue);

	static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

	@Test
	void theDecisionIsDue90CalendarDaysAfterFiling() {
		// 2026-03-02 + 90 = 2026-05-31, a Sunday: moved to Monday 06-01
		assertThat(clock.decisionDue(d("2026-03-02"), false, List.of(), d("2026-03-02"))).isEqualTo(d("2026-06-01"));
		// 2026-01-05 + 90 = 2026-04-05, inside 清明 (04-04..06): moved to 04-07
		assertThat(clock.decisionDue(d("2026-01-05"), false, List.of(), d("2026-01-05"))).isEqualTo(d("2026-04-07"));
	}

	@Test
	void anExtensionAdds30DaysOnce() {
		// 2026-03-02 + 120 = 2026-06-30 (Tuesday)
		assertThat(clock.decisionDue(d("2026-03-02"), true, List.of(), d("2026-03-02"))).isEqualTo(d("2026-06-30"));
	}

	@Test
	void suspensionDaysAcrossSpringFestivalDoNotCount() {
		// filed 2026-01-12; suspended for appraisal 02-10..02-25 (16 days, 春节 inside): 90 + 16 = 106 days → 04-28
		List<CaseClock.Pause> pauses = List.of(new CaseClock.Pause(d("2026-02-10"), d("2026-02-25")));
		assertThat(clock.decisionDue(d("2026-01-12"), false, pauses, d("2026-03-01"))).isEqualTo(d("2026-04-28"));
		assertThat(clock.decisionDue(d("2026-01-12"), false, List.of(), d("2026-03-01"))).isEqualTo(d("2026-04-13"));
	}

	@Test
	void daysTwoPausesShareCountOnce() {
		// the same 16 days as above, a manual suspension 02-15..02-20 inside the appraisal and one 02-20..02-25 given
		// twice, still 106 days → 04-28; a pause reaching past the others adds only its own days (02-26..02-28: 3)
		List<CaseClock.Pause> overlapping = List.of(new CaseClock.Pause(d("2026-02-15"), d("2026-02-20")),
				new CaseClock.Pause(d("2026-02-10"), d("2026-02-25")), new CaseClock.Pause(d("2026-02-20"), d("2026-02-25")));
		assertThat(clock.decisionDue(d("2026-01-12"), false, overlapping, d("2026-03-01"))).isEqualTo(d("2026-04-28"));
		List<CaseClock.Pause> longer = List.of(new CaseClock.Pause(d("2026-02-10"), d("2026-02-25")),
				new CaseClock.Pause(d("2026-02-20"), d("2026-02-28")));
		assertThat(clock.decisionDue(d("2026-01-12"), false, longer, d("2026-03-01")))
			.isEqualTo(clock.decisionDue(d("2026-01-12"), false, List.of(new CaseClock.Pause(d("2026-02-10"), d("2026-02-28"))),
					d("2026-03-01")));
	}

	@Test
	void suspensionAcrossNationalDayAndAnExtensionAddUp() {
		// filed 2026-08-03 + 90 + 30 + pause 09-28..10-09 (12 days) = 132 days → 2026-12-13 (Sunday) → 12-14
		List<CaseClock.Pause> pauses = List.of(new CaseClock.Pause(d("2026-09-28"), d("2026-10-09")));
		assertThat(clock.decisionDue(d("2026-08-03"), true, pauses, d("2026-10-20"))).isEqualTo(d("2026-12-14"));
	}

	/** The filing day is not one of the 90: a pause on it holds back nothing; one into the next day holds back that day. */
	@Test
	void aPauseOnTheFilingDayAddsNoDay() {
		// filed Tuesday 2026-03-03: 90 days → Monday 06-01, 91 → Tuesday 06-02
		LocalDate filed = d("2026-03-03");
		assertThat(clock.decisionDue(filed, false, List.of(new CaseClock.Pause(filed, filed)), filed)).isEqualTo(d("2026-06-01"));
		assertThat(clock.decisionDue(filed, false, List.of(new CaseClock.Pause(filed, d("2026-03-04"))), filed))
			.isEqualTo(d("2026-06-02"));
	}

	@Test
	void aPauseStillLastingCountsUpToToday() {
		List<CaseClock.Pause> ongoing = List.of(new CaseClock.Pause(d("2026-04-01"), null));
		// filed 03-02; paused since 04-01; today 04-10 → 10 days paused: 90 + 10 = 100 → 06-10
		assertThat(clock.decisionDue(d("2026-03-02"), false, ongoing, d("2026-04-10"))).isEqualTo(d("2026-06-10"));
	}

	@Test
	void remainingDaysAreZeroOnTheLastDayAndNegativeWhenOverdue() {
		assertThat(CaseClock.remaining(d("2026-06-01"), d("2026-05-22"))).isEqualTo(10);
		assertThat(CaseClock.remaining(d("2026-06-01"), d("2026-06-01"))).isZero();
		assertThat(CaseClock.remaining(d("2026-06-01"), d("2026-06-03"))).isEqualTo(-2);
	}

	@Test
	void theHearingMayBeRequestedWithinFiveWorkingDaysOfTheNotice() {
		// notice Thursday 2026-09-24: 09-25..27 中秋 off; 28, 29, 30; 10-01..07 国庆 off; 10-08, 10-09 → 5th working day
		assertThat(clock.hearingRequestDue(d("2026-09-24"))).isEqualTo(d("2026-10-09"));
		// notice Friday 2026-02-13: 02-14 (Sat, worked) is the first, then 02-24, 25, 26, 27
		assertThat(clock.hearingRequestDue(d("2026-02-13"))).isEqualTo(d("2026-02-27"));
	}

	/**
	 * 行政处罚法(2021) art.64(二) 七日前 is 7 working days (art.85; rule penalty.hearing-notice counts WORKING_DAYS), the
	 * notice day not counted: not 7 calendar days, and never across a holiday as if it were worked.
	 */
	@Test
	void thePartiesAreToldOfTheHearingSevenWorkingDaysAhead() {
		// told on Thursday 2026-03-05: 03-06, 09, 10, 11, 12, 13, 16 → held on Monday 03-16 at the earliest, not 03-12
		assertThat(clock.hearingEarliest(d("2026-03-05"))).isEqualTo(d("2026-03-16"));
		// told a day later (Friday 03-06): 03-16 is too early, 03-17 the first day
		assertThat(clock.hearingEarliest(d("2026-03-06"))).isEqualTo(d("2026-03-17"));
		// told on a Saturday (03-07, not worked): the days counted are the working days after it
		assertThat(clock.hearingEarliest(d("2026-03-07"))).isEqualTo(d("2026-03-17"));
		// told on 2026-09-24: 09-25..27 中秋 off; 28, 29, 30; 10-01..07 国庆 off; 10-08, 09, 10 (Sat, worked), 12
		assertThat(clock.hearingEarliest(d("2026-09-24"))).isEqualTo(d("2026-10-12"));
	}

	@Test
	void theDecisionIsDeliveredWithinSevenWorkingDays() {
		assertThat(clock.deliveryDue(d("2026-06-01"))).isEqualTo(d("2026-06-10"));
		// decided 2026-09-30: 10-08, 09, 10 (Sat, worked), 12, 13, 14, 15
		assertThat(clock.deliveryDue(d("2026-09-30"))).isEqualTo(d("2026-10-15"));
	}

	@Test
	void theFineIsPaidWithinFifteenCalendarDays() {
		assertThat(clock.paymentDue(d("2026-06-10"))).isEqualTo(d("2026-06-25"));
		// delivered 2026-09-20 + 15 = 10-05, inside 国庆: moved to 10-08
		assertThat(clock.paymentDue(d("2026-09-20"))).isEqualTo(d("2026-10-08"));
	}

	@Test
	void aDecisionThatFixedItsOwnPaymentDaysIsDueByThemCountedTheSameWay() {
		assertThat(fixed(new CaseClock.Terms(10, null, null, null, null)).paymentDue(d("2026-06-10")))
			.as("06-20 is a Saturday").isEqualTo(d("2026-06-22"));
		assertThat(fixed(new CaseClock.Terms(null, null, null, null, null)).paymentDue(d("2026-06-10")))
			.as("without fixed days: the catalogue's").isEqualTo(clock.paymentDue(d("2026-06-10")));
	}

	@Test
	void aConfiscationIsHandedOverWithinItsOwnPeriodNotTheFinesDays() {
		// the catalogue's handover default (15, local practice) counted as the fine's: 06-10 + 15 = 06-25
		assertThat(clock.handoverDue(d("2026-06-10"))).isEqualTo(d("2026-06-25"));
		// a confiscation that fixed 20 days: its handover day moves, the fine's payment rule keeps the catalogue's value
		CaseClock confiscation = fixed(new CaseClock.Terms(null, 20, null, null, null));
		assertThat(confiscation.handoverDue(d("2026-06-10"))).isEqualTo(d("2026-06-30"));
		assertThat(confiscation.paymentDue(d("2026-06-10"))).isEqualTo(d("2026-06-25"));
		assertThat(CaseClock.performanceRule(false)).isEqualTo(StatutoryRule.PENALTY_CONFISCATION_HANDOVER);
		assertThat(CaseClock.performanceRule(true)).isEqualTo(StatutoryRule.PENALTY_PAYMENT);
	}

	CaseClock fixed(CaseClock.Terms terms) {
		return new CaseClock(new Calendar2026(), CaseClock.fixedBy(terms, StatutoryRule::defaultValue));
	}

	@Test
	void theSurchargeIsThreePercentADayAfterTheDeadline() {
		BigDecimal fine = new BigDecimal("10000");
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2026-06-25"))).isEqualByComparingTo("0");
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2026-06-20"))).isEqualByComparingTo("0");
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2026-06-26"))).isEqualByComparingTo("300");
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2026-07-05"))).isEqualByComparingTo("3000");
	}

	@Test
	void theSurchargeNeverExceedsTheFine() {
		BigDecimal fine = new BigDecimal("8000");
		// 34 days late = 102 % → capped at the fine
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2026-07-29"))).isEqualByComparingTo("8000");
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2027-06-25"))).isEqualByComparingTo("8000");
		// 33 days = 99 %
		assertThat(clock.surcharge(fine, d("2026-06-25"), d("2026-07-28"))).isEqualByComparingTo("7920");
	}

	/**
	 * The cap is the catalogue's {@code penalty.late-surcharge-cap} (art.72(1), 100 % of the amount charged on), not a
	 * figure of the code: a catalogue that said 50 % would stop the surcharge at half the fine.
	 */
	@Test
	void theSurchargeStopsAtTheCataloguesCap() {
		CaseClock halfCap = new CaseClock(new Calendar2026(),
				rule -> rule == StatutoryRule.PENALTY_LATE_SURCHARGE_CAP ? new BigDecimal("50") : rule.defaultValue());
		BigDecimal fine = new BigDecimal("8000");
		assertThat(halfCap.surchargeCap(fine)).isEqualByComparingTo("4000");
		assertThat(halfCap.surcharge(fine, d("2026-06-25"), d("2026-07-25"))).isEqualByComparingTo("4000");
		assertThat(halfCap.surcharge(fine, d("2026-06-25"), d("2026-07-10"))).isEqualByComparingTo("3600");
		assertThat(clock.surchargeCap(fine)).isEqualByComparingTo("8000");
	}

	/**
	 * 加处罚款 runs on calendar days — "每日", not one of art.85's working-day periods — from the day after the deadline:
	 * a deadline of 30 September 2026 paid on 8 October, after 国庆 (10-01..10-07, all days off), is 8 days late, each day
	 * of the holiday counted; the fen of an amount with 角 and 分 is kept (3 % of 1000.50 is 30.015 → 30.02).
	 */
	@Test
	void theSurchargeCountsCalendarDaysHolidaysIncludedAndKeepsTheFen() {
		BigDecimal fine = new BigDecimal("1000.50");
		assertThat(clock.surcharge(fine, d("2026-09-30"), d("2026-10-01"))).isEqualByComparingTo("30.02");
		assertThat(clock.surcharge(fine, d("2026-09-30"), d("2026-10-08"))).isEqualByComparingTo("240.12");
	}

	@Test
	void aViolationIsTimeBarredTwoYearsAfterItEndedOrFiveWithHarm() {
		assertThat(clock.limitationEnds(d("2024-03-15"), false)).isEqualTo(d("2026-03-15"));
		assertThat(clock.limitationEnds(d("2024-02-29"), false)).isEqualTo(d("2026-02-28"));
		// life and health or financial safety with harmful consequences: 5 years (art.36)
		assertThat(clock.limitationEnds(d("2024-03-15"), true)).isEqualTo(d("2029-03-15"));
	}

	@Test
	void decisionsArePublishedWithinSevenWorkingDaysAndWithdrawnWithinThree() {
		// 09-30, 10-08, 10-09, 10-10 (Saturday, worked), 10-12, 10-13, 10-14
		assertThat(clock.publicationDue(d("2026-09-29"))).isEqualTo(d("2026-10-14"));
		assertThat(clock.withdrawalDue(d("2026-09-30"))).isEqualTo(d("2026-10-10"));
	}

	@Test
	void aBureausValueOfARuleIsUsed() {
		CaseClock local = new CaseClock(new Calendar2026(),
				r -> r == StatutoryRule.PENALTY_LEAD_FILING_WARNING ? new BigDecimal("5") : r.defaultValue());
		assertThat(local.leadFilingWarning(d("2026-03-02"))).isEqualTo(d("2026-03-07"));
		assertThat(clock.leadFilingWarning(d("2026-03-02"))).isEqualTo(d("2026-03-17"));
	}

	@Test
	void theLongestDeferralIs180DaysFromTheOriginalDeadlineNotMovedPastARestDay() {
		// original deadline Monday 2026-03-02 + 180 = Saturday 2026-08-29: the limit stays there (moving it would
		// allow 182 days); a day the head approves must itself be a working day, so the longest is Friday 08-28
		assertThat(clock.deferralLimit(d("2026-03-02"))).isEqualTo(d("2026-08-29"));
		assertThat(clock.due(StatutoryRule.PENALTY_PAYMENT_DEFERRAL_MAX, d("2026-03-02")))
			.as("a deadline counted from it would move").isEqualTo(d("2026-08-31"));
		assertThat(clock.isWorkingDay(d("2026-08-29"))).isFalse();
		assertThat(clock.isWorkingDay(d("2026-08-28"))).isTrue();
	}

	@Test
	void aPaymentDayOnARestDayIsKnownAndItsNextWorkingDayNamed() {
		// 国庆 2026: 10-01..10-07 off; 调休 Saturday 02-14 is a working day
		assertThat(clock.isWorkingDay(d("2026-10-05"))).isFalse();
		assertThat(clock.onOrNextWorkingDay(d("2026-10-05"))).isEqualTo(d("2026-10-08"));
		assertThat(clock.isWorkingDay(d("2026-02-14"))).isTrue();
		assertThat(clock.onOrNextWorkingDay(d("2026-02-14"))).isEqualTo(d("2026-02-14"));
	}
}
