package org.youguan.licensing.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.youguan.registry.Licences;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The licensing periods on the 2026 calendar (State Council notice: 中秋 09-25…27, 国庆 10-01…07 off, 09-20 and 10-10
 * worked; 春节 02-15…23 off, 02-14 and 02-28 worked) with the catalogue's default values: the 5-working-day 补正 notice,
 * the 45-day decision with pauses, the 10-working-day verification report, the 10-day certificate, the 5-year validity
 * and the renewal window.
 */
class LicensingClockTest {

	static final Set<LocalDate> OFF = Set.of(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
			LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21),
			LocalDate.of(2026, 2, 22), LocalDate.of(2026, 2, 23), LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26),
			LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
			LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));

	static final Set<LocalDate> WORKED = Set.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 9, 20),
			LocalDate.of(2026, 10, 10));

	static boolean working(LocalDate d) {
		if (WORKED.contains(d)) {
			return true;
		}
		return !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	static final Days CALENDAR = new Days() {

		@Override
		public LocalDate plusWorkingDays(LocalDate from, int n) {
			LocalDate d = from;
			for (int i = 0; i < n;) {
				d = d.plusDays(1);
				if (working(d)) {
					i++;
				}
			}
			return d;
		}

		@Override
		public LocalDate plusCalendarDays(LocalDate from, int n) {
			LocalDate d = from.plusDays(n);
			while (!working(d)) {
				d = d.plusDays(1);
			}
			return d;
		}
	};

	final LicensingClock clock = new LicensingClock(CALENDAR, StatutoryRule::defaultValue);

	@Test
	void theCorrectionNoticeIsDueFiveWorkingDaysAfterReceiptSkippingNationalDayAndCountingTheWorkedSaturday() {
		// 10-08, 10-09, 10-10 (Saturday worked), 10-12, 10-13
		assertThat(clock.receiptDue(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 13));
		// 中秋 09-25…27 off: 09-28, 09-29, 09-30, 10-08, 10-09
		assertThat(clock.receiptDue(LocalDate.of(2026, 9, 24))).isEqualTo(LocalDate.of(2026, 10, 9));
		// 春节: 02-14 (Saturday worked), then 02-15…23 off: 02-24, 02-25, 02-26, 02-27
		assertThat(clock.receiptDue(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 27));
	}

	@Test
	void theDecisionIsDue45DaysAfterAcceptanceMovedOffAHolidayAndLaterByEveryPausedDay() {
		// 08-20 + 45 = 10-04 (国庆) → 10-08
		assertThat(clock.decisionDue(LocalDate.of(2026, 8, 20), List.of(), LocalDate.of(2026, 8, 20)))
			.isEqualTo(LocalDate.of(2026, 10, 8));
		// expert review from 08-25 to 08-30, resumed on the 30th: 5 days held back → 08-20 + 50 = 10-09
		List<LicensingClock.Pause> review = List.of(new LicensingClock.Pause(LocalDate.of(2026, 8, 25), LocalDate.of(2026, 8, 30)));
		assertThat(clock.decisionDue(LocalDate.of(2026, 8, 20), review, LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 10, 9));
		// a pause still lasting holds the days before today: 09-01, 09-02 → 08-20 + 47 = 10-06 (国庆) → 10-08
		List<LicensingClock.Pause> ongoing = List.of(new LicensingClock.Pause(LocalDate.of(2026, 9, 1), null));
		assertThat(clock.decisionDue(LocalDate.of(2026, 8, 20), ongoing, LocalDate.of(2026, 9, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
		// days paused before acceptance do not count
		List<LicensingClock.Pause> before = List.of(new LicensingClock.Pause(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 19)));
		assertThat(clock.decisionDue(LocalDate.of(2026, 8, 20), before, LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	/**
	 * Attack (L4): a hearing paused and resumed the same day moved the decision limit on by a day, and four of them by
	 * one day again — a pause resumed the day it began held nothing back, it adds none (民法典(2020) art.201: a period's
	 * first day is not counted); overlapping pauses count a day once.
	 */
	@Test
	void aPauseResumedTheDayItBeganHoldsTheDecisionBackNotAtAll() {
		// four hearings paused and resumed on 08-25, then an expert review from 08-25 to 08-30: five days, not nine
		LocalDate day = LocalDate.of(2026, 8, 25);
		List<LicensingClock.Pause> repeated = List.of(new LicensingClock.Pause(day, day), new LicensingClock.Pause(day, day),
				new LicensingClock.Pause(day, day), new LicensingClock.Pause(day, day),
				new LicensingClock.Pause(day, LocalDate.of(2026, 8, 30)));
		assertThat(clock.decisionDue(LocalDate.of(2026, 8, 20), repeated, LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 10, 9));
		// one day paused and resumed four times in December: 12-01 + 45 = 01-15, as with no pause at all
		LocalDate december = LocalDate.of(2026, 12, 3);
		LocalDate none = clock.decisionDue(LocalDate.of(2026, 12, 1), List.of(), LocalDate.of(2026, 12, 10));
		assertThat(none).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(clock.decisionDue(LocalDate.of(2026, 12, 1), List.of(new LicensingClock.Pause(december, december),
				new LicensingClock.Pause(december, december), new LicensingClock.Pause(december, december),
				new LicensingClock.Pause(december, december)), LocalDate.of(2026, 12, 10))).isEqualTo(none);
	}

	/**
	 * A renewal's decision is due within 45 days of acceptance but never after the licence's last valid day (行政许可法(2019)
	 * art.50: decided before the licence expires, else deemed granted): accepted 08-20 for a licence valid until 09-15,
	 * due 09-15, not 10-08; a licence valid longer keeps the 45 days.
	 */
	@Test
	void aRenewalsDecisionIsDueNoLaterThanTheLicencesLastValidDay() {
		LocalDate due = clock.decisionDue(LocalDate.of(2026, 8, 20), List.of(), LocalDate.of(2026, 8, 20));
		assertThat(clock.renewalDecisionDue(due, LocalDate.of(2026, 9, 15))).isEqualTo(LocalDate.of(2026, 9, 15));
		// the last day is a Sunday: not moved to the next working day, the licence ends on it
		assertThat(clock.renewalDecisionDue(due, LocalDate.of(2026, 9, 13))).isEqualTo(LocalDate.of(2026, 9, 13));
		assertThat(clock.renewalDecisionDue(due, LocalDate.of(2026, 12, 31))).isEqualTo(due);
	}

	@Test
	void theVerificationReportIsDueTenWorkingDaysAfterAcceptance() {
		// 10-08, 09, 10 (Sat worked), 12, 13, 14, 15, 16, 19, 20
		assertThat(clock.verificationDue(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 20));
	}

	@Test
	void theCertificateIsDueTenWorkingDaysAfterApprovalAndTheLicenceRunsFiveYearsWithRenewal30DaysBeforeExpiry() {
		// 09-24 + 10 working days: 09-28, 29, 30 (09-25 中秋, 10-01…07 国庆), 10-08, 09, 10 (Sat worked), 12, 13, 14, 15
		assertThat(clock.certificateDue(LocalDate.of(2026, 9, 24))).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThat(clock.validUntil(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2031, 2, 28));
		assertThat(clock.renewalDue(LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 1, 29));
	}

	/**
	 * The licence's term is the registry's one computation ({@link Licences#lastValidDay}): licensing's clock grants and
	 * renews with it for every start day (29 February included) and with the catalogue's value where the application is,
	 * not a figure of its own — a clock whose catalogue says 3 years ends the term after 3.
	 */
	@Test
	void theTermIsTheRegistrysComputationWithTheCataloguesValidity() {
		for (LocalDate d = LocalDate.of(2027, 12, 1); d.isBefore(LocalDate.of(2029, 4, 1)); d = d.plusDays(1)) {
			assertThat(clock.validUntil(d)).as(d.toString()).isEqualTo(Licences.lastValidDay(d, 5));
		}
		assertThat(clock.validUntil(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2033, 2, 27));
		LicensingClock threeYears = new LicensingClock(CALENDAR,
				rule -> rule == StatutoryRule.LICENCE_VALIDITY ? BigDecimal.valueOf(3) : rule.defaultValue());
		assertThat(threeYears.validUntil(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2029, 2, 28))
			.isEqualTo(Licences.lastValidDay(LocalDate.of(2026, 3, 1), 3));
	}

	@Test
	void aRenewalMayBeAppliedForFromSixMonthsBeforeExpiry() {
		assertThat(clock.renewalOpens(LocalDate.of(2028, 6, 3))).isEqualTo(LocalDate.of(2027, 12, 3));
		assertThat(clock.renewalOpens(LocalDate.of(2031, 8, 31))).isEqualTo(LocalDate.of(2031, 2, 28));
	}

	@Test
	void whilePausedTheDaysLeftStayAsOnThePausesFirstDayAndADayAnEndedPauseHeldBackCountsOnce() {
		LocalDate accepted = LocalDate.of(2026, 11, 2);
		LocalDate due = LocalDate.of(2026, 12, 20);
		List<LicensingClock.Pause> alone = List.of(new LicensingClock.Pause(LocalDate.of(2026, 11, 10), null));
		assertThat(LicensingClock.remainingWhilePaused(due, accepted, alone, LocalDate.of(2026, 11, 10))).isEqualTo(40);
		assertThat(LicensingClock.remainingWhilePaused(due, accepted, alone, LocalDate.of(2026, 11, 30))).isEqualTo(40);
		// resumed and paused again on the 10th: the stored limit holds the 10th back already
		List<LicensingClock.Pause> again = List.of(new LicensingClock.Pause(LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 10)),
				new LicensingClock.Pause(LocalDate.of(2026, 11, 10), null));
		assertThat(LicensingClock.remainingWhilePaused(due, accepted, again, LocalDate.of(2026, 11, 10))).isEqualTo(40);
		assertThat(LicensingClock.remainingWhilePaused(due, accepted, again, LocalDate.of(2026, 12, 25))).isEqualTo(40);
	}

	@Test
	void remainingDaysAreZeroOnTheLastDayAndNegativeOnceOverdue() {
		assertThat(LicensingClock.remaining(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 8))).isZero();
		assertThat(LicensingClock.remaining(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 10))).isEqualTo(-2);
	}
}
