package org.youguan.licensing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import org.youguan.kernel.PausedDays;
import org.youguan.registry.Licences;
import org.youguan.rules.RuleUnit;
import org.youguan.rules.StatutoryRule;

/**
 * Every period of the licensing procedure, counted on the working-day calendar with the values of the rule catalogue
 * in the unit the catalogue gives (working days; calendar days moved to the next working day when the last day is off).
 */
public final class LicensingClock {

	/** A period that does not count towards the decision limit; {@code endedOn} null while it lasts. */
	public record Pause(LocalDate startedOn, LocalDate endedOn) implements PausedDays.Span {
	}

	private final Days days;

	private final Function<StatutoryRule, BigDecimal> values;

	/**
	 * @param days the working-day calendar
	 * @param values the value of each rule where the application is (the bureau's override or the default)
	 */
	public LicensingClock(Days days, Function<StatutoryRule, BigDecimal> values) {
		this.days = days;
		this.values = values;
	}

	private int amount(StatutoryRule rule) {
		return values.apply(rule).intValueExact();
	}

	/** The last day of a period of {@code rule} counted from {@code start}, in the rule's unit. */
	public LocalDate due(StatutoryRule rule, LocalDate start) {
		int n = amount(rule);
		if (rule.unit() == RuleUnit.WORKING_DAYS) {
			return days.plusWorkingDays(start, n);
		}
		if (rule.unit() == RuleUnit.CALENDAR_DAYS) {
			return days.plusCalendarDays(start, n);
		}
		throw new IllegalArgumentException(rule.code() + " is not counted in days");
	}

	/**
	 * The last day to notify the applicant once of every missing material (补正, 行政许可法(2019) art.32: 5 days, counted
	 * in working days by art.82); after it the application counts as accepted on the day it was received.
	 */
	public LocalDate receiptDue(LocalDate submittedOn) {
		return due(StatutoryRule.LICENCE_MISSING_MATERIALS_NOTICE, submittedOn);
	}

	/**
	 * The last day for the applicant to hand in what the 补正通知 asked for: rule
	 * {@link StatutoryRule#LICENCE_CORRECTION_PERIOD} (10 working days by default, the bureau's practice: 行政许可法(2019)
	 * art.32 sets none) from the day of the notice. Until it has passed, 不予受理 for materials not corrected
	 * (art.32 para.1 (四)) is not open.
	 */
	public LocalDate correctionDue(LocalDate notifiedOn) {
		return due(StatutoryRule.LICENCE_CORRECTION_PERIOD, notifiedOn);
	}

	/** The last day of the delegated on-site verification's report (10 working days, configurable). */
	public LocalDate verificationDue(LocalDate acceptedOn) {
		return due(StatutoryRule.LICENCE_SITE_VERIFICATION_REPORT, acceptedOn);
	}

	/**
	 * The day the decision is due: 45 days from acceptance (邮政法(2015) art.53) plus the days paused (补正 of
	 * verification defects, hearing, expert review: 行政许可法(2019) art.45) — a pause from the day it began to the day it
	 * ended holds the clock back by the days between ({@link #heldBack}: resumed the day it began, none), one still
	 * lasting up to {@code today}; days before acceptance do not count, and a day two pauses share counts once
	 * ({@link PausedDays}).
	 */
	public LocalDate decisionDue(LocalDate acceptedOn, List<Pause> pauses, LocalDate today) {
		long paused = PausedDays.count(heldBack(pauses, today), acceptedOn, today);
		return days.plusCalendarDays(acceptedOn, Math.toIntExact(amount(StatutoryRule.LICENCE_DECISION) + paused));
	}

	/**
	 * The day a renewal's (延续) decision is due: its {@code decisionDue} (45 days from acceptance, pauses added), but
	 * never after the last day of the licence it renews — the decision is made before the licence expires, and one not
	 * made by then counts as granted (视为准予延续, 行政许可法(2019) art.50; rule
	 * {@link StatutoryRule#LICENCE_RENEWAL_DECISION}: that many days before {@code validUntil}, 0 by default). Not moved
	 * off a day off: the licence's expiry does not move.
	 * @param validUntil the last valid day of the licence renewed
	 */
	public LocalDate renewalDecisionDue(LocalDate decisionDue, LocalDate validUntil) {
		LocalDate last = validUntil.minusDays(amount(StatutoryRule.LICENCE_RENEWAL_DECISION));
		return decisionDue.isAfter(last) ? last : decisionDue;
	}

	/**
	 * The last day to issue the certificate of an approval: 10 days (行政许可法(2019) art.44), working days because that
	 * law counts its own periods in working days (art.82).
	 */
	public LocalDate certificateDue(LocalDate decidedOn) {
		return due(StatutoryRule.LICENCE_CERTIFICATE_ISSUE, decidedOn);
	}

	/**
	 * The last day of validity of a licence whose term starts on {@code issuedOn}: the registry's one computation
	 * ({@link Licences#lastValidDay(LocalDate, int)}: the day before the anniversary) with the catalogue's validity where
	 * the application is ({@link StatutoryRule#LICENCE_VALIDITY}, 5 years).
	 */
	public LocalDate validUntil(LocalDate issuedOn) {
		return Licences.lastValidDay(issuedOn, amount(StatutoryRule.LICENCE_VALIDITY));
	}

	/**
	 * The last day to apply for renewal of a licence valid until {@code validUntil}: 30 days before it (快递业务经营许可管理办法).
	 */
	public LocalDate renewalDue(LocalDate validUntil) {
		return validUntil.minusDays(amount(StatutoryRule.LICENCE_RENEWAL_BEFORE_EXPIRY));
	}

	/**
	 * The first day to apply for renewal of a licence valid until {@code validUntil}: rule
	 * {@link StatutoryRule#LICENCE_RENEWAL_EARLIEST} months before it (6 by default; the measures set only the last day).
	 */
	public LocalDate renewalOpens(LocalDate validUntil) {
		return validUntil.minusMonths(amount(StatutoryRule.LICENCE_RENEWAL_EARLIEST));
	}

	/**
	 * Calendar days left before the decision limit while its clock stands still: the stored limit {@code storedDue}
	 * (which counts the ended pauses) moved on by the days the pause still lasting has held it back before {@code today}
	 * ({@link #heldBack}), a day it shares with an ended pause counted once ({@link PausedDays}) — so the figure stays as it was on the
	 * pause's first day (行政许可法(2019) art.45: the days paused do not count).
	 * @param acceptedOn the day the limit began (days before it do not count); null takes the first pause's start
	 * @param pauses every pause of the application, ended or lasting (endedOn null)
	 * @return calendar days from {@code today}: 0 on the last day, negative once overdue
	 */
	public static long remainingWhilePaused(LocalDate storedDue, LocalDate acceptedOn, List<Pause> pauses, LocalDate today) {
		LocalDate first = acceptedOn != null ? acceptedOn
				: pauses.stream().map(Pause::startedOn).min(LocalDate::compareTo).orElse(today);
		long heldBack = PausedDays.count(heldBack(pauses, today), first, today)
				- PausedDays.count(heldBack(pauses.stream().filter(p -> p.endedOn() != null).toList(), today), first, today);
		return remaining(storedDue.plusDays(heldBack), today);
	}

	/**
	 * The days each pause holds the clock back, as spans with both ends counted: from the day it began to the day before
	 * it ended (a period's first day is not counted, 民法典(2020) art.201: a pause from the 10th to the 12th holds back two
	 * days) — none for a pause resumed the day it began, which held nothing back; one still lasting up to the day before
	 * {@code today}.
	 */
	private static List<Pause> heldBack(List<Pause> pauses, LocalDate today) {
		return pauses.stream().map(p -> new Pause(p.startedOn(), (p.endedOn() == null ? today : p.endedOn()).minusDays(1)))
			.toList();
	}

	/** Calendar days from {@code today} to {@code due}: 0 on the last day, negative once overdue. */
	public static long remaining(LocalDate due, LocalDate today) {
		return ChronoUnit.DAYS.between(today, due);
	}
}
