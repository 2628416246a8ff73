package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.DeliveryMethod;
import org.youguan.kernel.PausedDays;
import org.youguan.rules.RuleUnit;
import org.youguan.rules.StatutoryRule;

/**
 * Every period of the penalty procedure, counted on the working-day calendar with the values of the rule catalogue
 * (units as the law gives them: 行政处罚法(2021) art.85 makes its 2-, 3-, 5- and 7-day periods working days, the others
 * are calendar days, a calendar-day period ending on a day off moving to the next working day).
 */
public final class CaseClock {

	/** A period that does not count towards the decision limit; {@code endedOn} null while it lasts. */
	public record Pause(LocalDate startedOn, LocalDate endedOn) implements PausedDays.Span {
	}

	private final Days days;

	private final Function<StatutoryRule, BigDecimal> values;

	/**
	 * @param days the working-day calendar
	 * @param values the value of each rule where the case is (the bureau's override or the default)
	 */
	public CaseClock(Days days, Function<StatutoryRule, BigDecimal> values) {
		this.days = days;
		this.values = values;
	}

	/**
	 * The terms a decision fixed on its case (null before the decision, and each one the decision did not fix): the days
	 * to perform what it imposes from delivery — to pay a fine (行政处罚法(2021) art.67) and to hand over what a
	 * confiscation takes ({@link StatutoryRule#PENALTY_CONFISCATION_HANDOVER}), each its own (并处) —, the daily
	 * 加处罚款 rate (art.72) and the remedies' periods.
	 */
	public record Terms(Integer paymentDays, Integer handoverDays, BigDecimal surchargePercent, Integer reviewDays,
			Integer litigationMonths) {

		/** The terms kept on {@code c} (V202, V211). */
		public static Terms of(CaseView c) {
			return new Terms(c.paymentDays(), c.handoverDays(), c.surchargePercent(), c.reviewDays(), c.litigationMonths());
		}
	}

	/**
	 * The rule values of a case: the terms its decision fixed (days to pay or hand over, 加处罚款 rate, remedies — kept on
	 * the case when it was decided) in place of the catalogue's, every other rule from {@code catalogue}. The one way a
	 * case's stored terms are applied, whether the case is read whole or as a row of figures.
	 * @param terms what the decision fixed
	 * @param catalogue the catalogue's value of each rule where the case is
	 */
	public static Function<StatutoryRule, BigDecimal> fixedBy(Terms terms, Function<StatutoryRule, BigDecimal> catalogue) {
		return rule -> {
			BigDecimal fixed = switch (rule) {
				case PENALTY_PAYMENT -> whole(terms.paymentDays());
				case PENALTY_CONFISCATION_HANDOVER -> whole(terms.handoverDays());
				case PENALTY_LATE_SURCHARGE -> terms.surchargePercent();
				case REMEDY_ADMINISTRATIVE_REVIEW -> whole(terms.reviewDays());
				case REMEDY_LITIGATION -> whole(terms.litigationMonths());
				default -> null;
			};
			return fixed != null ? fixed : catalogue.apply(rule);
		};
	}

	/**
	 * The rule that counts the days a decision gives to perform it from delivery: the fine's payment period when it
	 * imposes a fine (alone or 并处), else the confiscation's handover period.
	 */
	public static StatutoryRule performanceRule(boolean fineImposed) {
		return fineImposed ? StatutoryRule.PENALTY_PAYMENT : StatutoryRule.PENALTY_CONFISCATION_HANDOVER;
	}

	private static BigDecimal whole(Integer n) {
		return n == null ? null : BigDecimal.valueOf(n);
	}

	/**
	 * How many working days after {@code from} {@code due} is (the period a notice stated, from the day it kept):
	 * the least n with {@code from} + n working days on or after {@code due}.
	 */
	public int workingDaysUntil(LocalDate from, LocalDate due) {
		int n = 0;
		while (n < 366 && days.plusWorkingDays(from, n).isBefore(due)) {
			n++;
		}
		return n;
	}

	private int amount(StatutoryRule rule) {
		return values.apply(rule).intValueExact();
	}

	/** The last day of a period of {@code rule} counted from {@code start}, in the rule's unit. */
	public LocalDate due(StatutoryRule rule, LocalDate start) {
		return after(rule, start, amount(rule));
	}

	/** {@code n} of {@code rule}'s days (working or calendar, as the rule counts) after {@code start}. */
	private LocalDate after(StatutoryRule rule, LocalDate start, int n) {
		if (rule.unit() == RuleUnit.WORKING_DAYS) {
			return days.plusWorkingDays(start, n);
		}
		if (rule.unit() == RuleUnit.CALENDAR_DAYS) {
			return days.plusCalendarDays(start, n);
		}
		throw new IllegalArgumentException(rule.code() + " is not counted in days");
	}

	/**
	 * The day a decision is due: 90 days from 立案 (行政处罚法(2021) art.60), 30 more once extended, plus every day of
	 * suspension, hearing, public notice, testing or appraisal (邮政行政执法监督办法(2021) art.17) — a pause still lasting
	 * counts up to {@code today}; days of a pause before 立案 do not count, nor the day of 立案 itself (the 90 days run
	 * from the day after it, so a pause on that day holds back no day of the limit), and a day two pauses share (a
	 * suspension overlapping the hearing's pause) counts once.
	 */
	public LocalDate decisionDue(LocalDate filedOn, boolean extended, List<Pause> pauses, LocalDate today) {
		return days.plusCalendarDays(filedOn, Math.toIntExact(limitDays(filedOn, extended, pauses, today)));
	}

	/**
	 * The calendar days left while the clock stands still: those to the limit the case would have were the clock
	 * restarted tomorrow — {@link #decisionDue} with every pause lasting to {@code today} (shared days once), moved off a
	 * rest day by the same working-day calendar —, so the count shown while paused is the days to the 决定期限 shown with
	 * it and to the limit the case keeps once resumed that day (a limit falling on a rest day and moved on resume moves
	 * the count with it, never one without the other).
	 */
	public long daysLeftWhileStopped(LocalDate filedOn, boolean extended, List<Pause> pauses, LocalDate today) {
		return remaining(decisionDue(filedOn, extended, pauses, today), today);
	}

	/**
	 * The limit's days from 立案 (90, 30 more once extended) plus every paused day, counted as {@link #decisionDue} says.
	 * A pause that began and ended on the same day counts no day: the case went on that day, and an act of the case
	 * dated that day is accepted ({@code CaseWork#requireOutsidePauses} refuses only days strictly inside a pause) — the
	 * one rule of the days counted and the acts allowed, so no day is both paused and worked.
	 */
	private long limitDays(LocalDate filedOn, boolean extended, List<Pause> pauses, LocalDate today) {
		List<Pause> held = pauses.stream().filter(p -> p.endedOn() == null || p.endedOn().isAfter(p.startedOn())).toList();
		// the 90 days run from the day after 立案: a pause on that day holds back nothing
		long paused = PausedDays.count(held, filedOn.plusDays(1), today);
		return amount(StatutoryRule.PENALTY_DECISION) + (extended ? amount(StatutoryRule.PENALTY_DECISION_EXTENSION) : 0) + paused;
	}

	/** Calendar days from {@code today} to {@code due}: 0 on the last day, negative once overdue. */
	public static long remaining(LocalDate due, LocalDate today) {
		return ChronoUnit.DAYS.between(today, due);
	}

	/*
	 * The one rule of a stopped clock, written once for Java and once for SQL side by side: the decision clock of a case
	 * stands still from the first day of its open suspension or — while a requested hearing is still to be held — from
	 * the day it was requested (邮政行政执法监督办法(2021) art.17: the hearing's period does not count; once held, its
	 * period is recorded as a HEARING suspension and the limit moves by it), whichever began first. A pause keeps the
	 * days left when it began; one begun after the limit (recorded before that was refused) does not stop an overdue
	 * case.
	 */

	/**
	 * Since when the decision clock of {@code c} stands still — the earlier of its open suspension's first day and a
	 * pending hearing's request day —, or empty while it runs.
	 * @param openSuspensionStart the first day of the case's open suspension, if one is open
	 */
	public static Optional<LocalDate> pausedSince(CaseView c, Optional<LocalDate> openSuspensionStart) {
		Optional<LocalDate> hearing = Optional.ofNullable(
				c.status() == CaseStatus.HEARING && c.hearingOn() == null ? c.hearingPausedFrom() : null);
		return Stream.of(openSuspensionStart, hearing).flatMap(Optional::stream).min(Comparator.naturalOrder());
	}

	/**
	 * Whether a pause stops the clock of a case whose stored limit is {@code due}: one that began on or before it (a
	 * pause begun after the limit does not make an overdue case timely).
	 */
	public static boolean stops(Optional<LocalDate> pausedSince, LocalDate due) {
		return pausedSince.filter(s -> !s.isAfter(due)).isPresent();
	}

	/**
	 * {@link #pausedSince} as SQL over a {@code penalty_case c} left-joined with its open suspension
	 * {@code penalty_case_suspension s} ({@code s.ended_on IS NULL}): a date, or null while the clock runs
	 * ({@code LEAST} passes over a null).
	 */
	public static final String PAUSED_SINCE_SQL = "LEAST(s.started_on, CASE WHEN c.status = 'HEARING' AND c.hearing_on IS NULL"
			+ " THEN c.hearing_paused_from END)";

	/** SQL (same joins as {@link #PAUSED_SINCE_SQL}): {@link #stops} negated. */
	public static final String RUNNING_SQL = "(" + PAUSED_SINCE_SQL + " IS NULL OR " + PAUSED_SINCE_SQL
			+ " > c.decision_due_on)";

	/**
	 * The days left as SQL (same joins; binds {@code :today}), in calendar days: exact for a running clock; for a stopped
	 * one the stored limit less the pause's first day — the list's sort key, the shown figure being worked out in Java
	 * from every pause (a pending hearing that began inside a suspension since ended counts their shared days once).
	 */
	public static final String REMAINING_DAYS_SQL = "CASE WHEN " + RUNNING_SQL
			+ " THEN c.decision_due_on - CAST(:today AS date) ELSE c.decision_due_on - " + PAUSED_SINCE_SQL + " + 1 END";

	/** The last day to request a hearing: 5 working days after the notice (行政处罚法(2021) art.64, 85). */
	public LocalDate hearingRequestDue(LocalDate notifiedOn) {
		return due(StatutoryRule.PENALTY_HEARING_REQUEST, notifiedOn);
	}

	/**
	 * The earliest day a hearing noticed on {@code noticeOn} may be held: the notice is given 7 days before it
	 * (行政处罚法(2021) art.64(二): 七日前) — working days by art.85, as rule {@link StatutoryRule#PENALTY_HEARING_NOTICE}
	 * counts them (the 7th working day after the notice, the notice day not counted).
	 */
	public LocalDate hearingEarliest(LocalDate noticeOn) {
		return due(StatutoryRule.PENALTY_HEARING_NOTICE, noticeOn);
	}

	/**
	 * The latest day a hearing noticed on {@code noticeOn} may be held: the product rule
	 * {@link StatutoryRule#PENALTY_HEARING_LATEST} (working days from the notice; the law sets only the minimum, art.64(二)).
	 */
	public LocalDate hearingLatest(LocalDate noticeOn) {
		return due(StatutoryRule.PENALTY_HEARING_LATEST, noticeOn);
	}

	/** The last day to deliver a decision not handed over on the spot: 7 working days (art.61, 85). */
	public LocalDate deliveryDue(LocalDate decidedOn) {
		return due(StatutoryRule.PENALTY_DELIVERY, decidedOn);
	}

	/**
	 * The day a document served on {@code on} by {@code method} counts as served, the day every period running from
	 * service starts: for 公告送达 the day it is deemed served, {@link StatutoryRule#PENALTY_PUBLIC_NOTICE_SERVICE} (30)
	 * calendar days after the notice was published on {@code on} (民事诉讼法(2023) art.95, 行政处罚法(2021) art.61); for
	 * every other method {@code on} itself. The one rule of deemed service for every document of the case.
	 * @param method how it was served (null: as served on {@code on})
	 * @param on the day it was served — for 公告送达 the day the notice was published
	 */
	public LocalDate servedOn(DeliveryMethod method, LocalDate on) {
		return method == DeliveryMethod.PUBLIC_NOTICE ? due(StatutoryRule.PENALTY_PUBLIC_NOTICE_SERVICE, on) : on;
	}

	/**
	 * The day the 事先告知书 of {@code c} counts as served, from which the party's 陈述申辩/听证 window runs
	 * (行政处罚法(2021) art.44–45, 64): the day of service recorded with the notice (V296; for 公告送达 the deemed day,
	 * {@link #servedOn}), else — a notice recorded without its service — the notice's day, the notice handed over then;
	 * null before the notice. The one rule of where the window starts, for the case's documents and recounts alike.
	 */
	public static LocalDate noticeServedOn(CaseView c) {
		return c.noticeServedOn() != null ? c.noticeServedOn() : c.notifiedOn();
	}

	/**
	 * {@link #noticeServedOn(CaseView)} counted again on this calendar: a notice served by public notice is deemed
	 * served {@link StatutoryRule#PENALTY_PUBLIC_NOTICE_SERVICE} days after its publication as the calendar now stands
	 * (a holiday notice loaded since may move the deemed day off a day of rest); any other service keeps its day.
	 */
	public LocalDate noticeServedAgain(CaseView c) {
		return c.noticePublishedOn() != null ? servedOn(DeliveryMethod.PUBLIC_NOTICE, c.noticePublishedOn()) : noticeServedOn(c);
	}

	/**
	 * Whether a decision (行政处罚决定书 or 不予行政处罚决定书) delivered on {@code deliveredOn} is served by {@code today}:
	 * delivered on a day not after it — for 公告送达 {@code deliveredOn} is the deemed day ({@link #servedOn}), so a
	 * decision whose notice is published and whose thirty days have not passed is not yet served (民事诉讼法(2023) art.95,
	 * 行政处罚法(2021) art.61). What depends on service — its publication, the party reading it — waits for that day.
	 * @param deliveredOn the day the case records as served, null before delivery
	 */
	public static boolean decisionServed(LocalDate deliveredOn, LocalDate today) {
		return deliveredOn != null && deemedDayAhead(deliveredOn, today) == null;
	}

	/**
	 * The day a decision delivered but not yet served by {@code today} will be — the deemed day of a 公告送达 whose notice
	 * is published and whose thirty days have not passed (民事诉讼法(2023) art.95; 公告送达中) —, else null (not delivered,
	 * or served: every other method is served on the day recorded, never after today). The one rule of "deemed day still
	 * ahead" — {@link #decisionServed} is its other side —, for the status shown ({@link CaseStatus#shown}), the steps
	 * refused before it, the filters, figures and flags of every list, page, API and export.
	 * @param deliveredOn the day the case records as served (for 公告送达 the deemed day), null before delivery
	 * @param today the current day (China time)
	 */
	public static LocalDate deemedDayAhead(LocalDate deliveredOn, LocalDate today) {
		return deliveredOn != null && deliveredOn.isAfter(today) ? deliveredOn : null;
	}

	/** {@link #decisionServed} as SQL over a {@code penalty_case c}, binding {@code :today}. */
	public static final String DECISION_SERVED_SQL = "c.delivered_on <= CAST(:today AS date)";

	/**
	 * {@link #deemedDayAhead} as SQL over a {@code penalty_case c}, binding {@code :today}: delivered, its deemed day not
	 * yet reached (公告送达中).
	 */
	public static final String DEEMED_DAY_AHEAD_SQL = "c.delivered_on > CAST(:today AS date)";

	/** The last day to pay: 15 days from receiving the decision (art.67). */
	public LocalDate paymentDue(LocalDate deliveredOn) {
		return due(StatutoryRule.PENALTY_PAYMENT, deliveredOn);
	}

	/**
	 * The latest day a deferral or the last instalment may be set to (行政处罚法(2021) art.66): the catalogue's longest
	 * deferral ({@link StatutoryRule#PENALTY_PAYMENT_DEFERRAL_MAX}, calendar days) counted from the original payment
	 * deadline and NOT moved past a rest day — it bounds a day the head chooses, it is not itself a deadline to meet; a
	 * day chosen must be a working day ({@link #isWorkingDay}), so the longest allowed is the last working day on or
	 * before it.
	 */
	public LocalDate deferralLimit(LocalDate originalDue) {
		return originalDue.plusDays(amount(StatutoryRule.PENALTY_PAYMENT_DEFERRAL_MAX));
	}

	/** Whether {@code day} is a working day of the calendar. */
	public boolean isWorkingDay(LocalDate day) {
		return days.isWorkingDay(day);
	}

	/** {@code day} itself when it is a working day, else the next working day. */
	public LocalDate onOrNextWorkingDay(LocalDate day) {
		return days.plusCalendarDays(day.minusDays(1), 1);
	}

	/**
	 * The last day to pay by a day the decision or the head fixed — a deferral's day or an instalment's (行政处罚法(2021)
	 * art.66) —: the day itself when the calendar counts it a working day, else the next working day, as a calendar-day
	 * period of art.67 ending on a day off ({@link #paymentDue}; DOMAIN.md "Working days"). A day approved as a working
	 * day stays one until the calendar's year is loaded with it as a holiday or a 调休 rest day: then the party pays on
	 * the next working day, and no 加处罚款 (art.72) runs for the day off. The one reading of such a day by which the
	 * case page, the queues, the reminders, the party's portal and the figures judge a payment late
	 * ({@code FinePayments#late}).
	 * @param fixed the day fixed (the stored instalment or deferral day)
	 * @return the last day to pay, never before {@code fixed}
	 */
	public LocalDate lastDayToPay(LocalDate fixed) {
		return fixed == null ? null : onOrNextWorkingDay(fixed);
	}

	/**
	 * The last day to hand over what a confiscation takes (没收违法所得 paid into the treasury): the handover period from
	 * receiving the decision ({@link StatutoryRule#PENALTY_CONFISCATION_HANDOVER}). No 加处罚款 runs after it — art.72
	 * provides it for fines only.
	 */
	public LocalDate handoverDue(LocalDate deliveredOn) {
		return due(StatutoryRule.PENALTY_CONFISCATION_HANDOVER, deliveredOn);
	}

	/**
	 * 加处罚款 for a fine paid on {@code paidOn} (or still unpaid that day), 行政处罚法(2021) art.72(1): "到期不缴纳罚款的，
	 * 每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额" — the daily rate
	 * ({@link StatutoryRule#PENALTY_LATE_SURCHARGE}, the one the decision fixed on its case) times the days late, capped at
	 * {@link StatutoryRule#PENALTY_LATE_SURCHARGE_CAP} of the amount charged on, both from the rule catalogue; in yuan,
	 * rounded half up to the fen (cents kept: 3 % of 1000.50 a day is 30.02).
	 *
	 * <p>The days are <b>calendar days</b>, counted from the day after {@code paymentDue} up to and including
	 * {@code paidOn} (paid the day after the deadline: one day; on or before it: none). "每日" is a daily rate, not a
	 * period: art.85's working days are only its 二日、三日、五日、七日 periods, so a weekend or a holiday after the deadline
	 * is surcharged like any other day. The deadline itself is already a working day — the calendar-day period of art.67
	 * ending on a day off moves to the next working day (DOMAIN.md "Working days") — and no 加处罚款 runs before it.
	 * @param fine the amount charged on (¥): the fine, or an instalment's amount (art.66: each on its own day)
	 * @param paymentDue the last day to pay it in force
	 * @param paidOn the day paid, or the day the surcharge is worked out for while unpaid
	 * @return the 加处罚款 (¥, scale 2), 0 when paid in time
	 */
	public BigDecimal surcharge(BigDecimal fine, LocalDate paymentDue, LocalDate paidOn) {
		long late = Math.max(0, ChronoUnit.DAYS.between(paymentDue, paidOn));
		BigDecimal percent = values.apply(StatutoryRule.PENALTY_LATE_SURCHARGE);
		BigDecimal hundred = BigDecimal.valueOf(100);
		BigDecimal surcharge = fine.multiply(percent).multiply(BigDecimal.valueOf(late)).divide(hundred, 2, RoundingMode.HALF_UP);
		return surcharge.min(surchargeCap(fine));
	}

	/**
	 * The most 加处罚款 {@code fine} can bear (¥, scale 2): {@link StatutoryRule#PENALTY_LATE_SURCHARGE_CAP} of it
	 * (100 %: "加处罚款的数额不得超出罚款的数额", 行政处罚法(2021) art.72(1)).
	 */
	public BigDecimal surchargeCap(BigDecimal fine) {
		return fine.multiply(values.apply(StatutoryRule.PENALTY_LATE_SURCHARGE_CAP)).divide(BigDecimal.valueOf(100), 2,
				RoundingMode.HALF_UP);
	}

	/**
	 * The days after its publication a document served by public notice (公告送达) is deemed served, as the rule
	 * catalogue gives them where the case is ({@link StatutoryRule#PENALTY_PUBLIC_NOTICE_SERVICE}: 30, 民事诉讼法(2023)
	 * art.95), in the rule's own unit — for the messages that name the figure ("自公告之日起经过30日").
	 */
	public int publicNoticeDays() {
		return amount(StatutoryRule.PENALTY_PUBLIC_NOTICE_SERVICE);
	}

	/** The daily 加处罚款 rate in force for the case (%, {@link StatutoryRule#PENALTY_LATE_SURCHARGE}). */
	public BigDecimal surchargePercent() {
		return values.apply(StatutoryRule.PENALTY_LATE_SURCHARGE);
	}

	/**
	 * The last day a violation that ended on {@code endedOn} may be discovered and still be penalised: 2 years, or 5
	 * where it concerns citizens' life and health or financial safety and had harmful consequences (行政处罚法(2021)
	 * art.36, counted from the end of a continuing violation).
	 * @param harm whether the violation is of the 5-year kind
	 */
	public LocalDate limitationEnds(LocalDate endedOn, boolean harm) {
		return endedOn.plusYears(amount(harm ? StatutoryRule.PENALTY_LIMITATION_HARM : StatutoryRule.PENALTY_LIMITATION));
	}

	/**
	 * The earliest day a lead recorded on {@code today} may say it was received: the (2-year) limitation period back
	 * ({@link StatutoryRule#PENALTY_LIMITATION}). A product bound, not a rule of law: the day received is the day the
	 * violation was discovered (行政处罚法(2021) art.36), so a day typed further back would let the 立案 check pass a
	 * violation time-barred when the lead is really recorded; the catalogue has no lead-verification period to bound it
	 * more tightly ({@link StatutoryRule#PENALTY_LEAD_FILING_WARNING} only flags leads late).
	 */
	public LocalDate limitationStart(LocalDate today) {
		return today.minusYears(amount(StatutoryRule.PENALTY_LIMITATION));
	}

	/**
	 * The last day to publish a penalty decision (双公示, {@link StatutoryRule#DISCLOSURE_PUBLICATION}: 7 working days by
	 * default, configurable), counted from its delivery: the decision takes effect on delivery (行政处罚法(2021) art.61)
	 * and is not published before it ({@code not-delivered}), so counting from the decision would let the period end
	 * before publishing is even possible. A past case imported without a delivery day counts from its decision.
	 */
	public LocalDate publicationDue(LocalDate deliveredOn) {
		return due(StatutoryRule.DISCLOSURE_PUBLICATION, deliveredOn);
	}

	/** The last day to withdraw a published decision that was changed or revoked: 3 working days (art.48, 85). */
	public LocalDate withdrawalDue(LocalDate changedOn) {
		return due(StatutoryRule.PENALTY_PUBLICATION_WITHDRAWAL, changedOn);
	}

	/** The day after which a lead not yet filed or closed is flagged (及时立案, art.54; days configurable). */
	public LocalDate leadFilingWarning(LocalDate receivedOn) {
		return receivedOn.plusDays(amount(StatutoryRule.PENALTY_LEAD_FILING_WARNING));
	}
}
