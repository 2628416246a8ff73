package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.PenaltyCases.Instalment;
import org.youguan.enforcement.PenaltyCases.Procedure;

/**
 * The payment deadline in force of a fine and its 加处罚款 (行政处罚法(2021) art.66–67, 72): a deferral's day, the next
 * unpaid instalment's, or the decision's days from delivery; what each unpaid instalment still demands; the surcharge
 * owed on a day (the surcharge paid is {@link Execution#paidSurcharge}).
 */
@Component
public class FinePayments {

	private final CaseWork caseWork;

	FinePayments(CaseWork caseWork) {
		this.caseWork = caseWork;
	}

	/**
	 * The last day to pay the whole fine: the deferral's day or the last instalment's where the head approved one,
	 * otherwise the decision's days from delivery.
	 */
	public LocalDate finalPaymentDue(CaseView c, Procedure proc) {
		return finalPaymentDue(c, proc, caseWork.clock(c));
	}

	/** {@link #finalPaymentDue(CaseView, Procedure)} on the case's clock {@code caseClock} (one of a list's, {@link CaseWork#clocks}). */
	public static LocalDate finalPaymentDue(CaseView c, Procedure proc, CaseClock caseClock) {
		if ("INSTALMENTS".equals(proc.paymentArrangement()) && !proc.instalments().isEmpty()) {
			return caseClock.lastDayToPay(proc.instalments().get(proc.instalments().size() - 1).dueOn());
		}
		if ("DEFERRAL".equals(proc.paymentArrangement()) && proc.paymentDeferredUntil() != null) {
			return caseClock.lastDayToPay(proc.paymentDeferredUntil());
		}
		return caseClock.paymentDue(c.deliveredOn());
	}

	/**
	 * The 加处罚款 an unpaid fine owes on {@code today}: with instalments, each unpaid instalment's on what it still
	 * demands ({@link #demanded}: after a 变更 lowered the fine, no more than the fine left owing — the amount a payment of
	 * it is charged on) from its own day (art.72: on what is overdue, each capped at its amount, so the whole never above
	 * the fine); otherwise the whole fine's from the deadline in force.
	 */
	public BigDecimal owedSurcharge(CaseView c, Procedure proc, LocalDate today) {
		return owedSurcharge(c, proc, today, caseWork.clock(c));
	}

	/**
	 * {@link #owedSurcharge(CaseView, Procedure, LocalDate)} on the case's clock {@code caseClock} (one of a list's,
	 * {@link CaseWork#clocks}: the rate and cap of 行政处罚法(2021) art.72 as the decision fixed them), for a list that
	 * reads many cases at once.
	 * @return ¥, scale 2; zero before the deadline in force has passed
	 */
	public static BigDecimal owedSurcharge(CaseView c, Procedure proc, LocalDate today, CaseClock caseClock) {
		if ("INSTALMENTS".equals(proc.paymentArrangement()) && !proc.instalments().isEmpty()) {
			return demanded(c, proc.instalments()).stream()
				.map(i -> caseClock.surcharge(i.amount(), caseClock.lastDayToPay(i.dueOn()), today))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		return caseClock.surcharge(c.fine(), finalPaymentDue(c, proc, caseClock), today);
	}

	/** The fine now owed less what was paid as the fine (¥; 0 or less once paid up). */
	public static BigDecimal stillOwed(CaseView c, Procedure proc) {
		return stillOwed(c, proc.instalments());
	}

	private static BigDecimal stillOwed(CaseView c, List<Instalment> instalments) {
		BigDecimal paid = Execution.paidFine(c, instalments);
		BigDecimal fine = Execution.fine(c) == null ? BigDecimal.ZERO : Execution.fine(c);
		return paid == null ? fine : fine.subtract(paid);
	}

	/**
	 * The unpaid instalments as they are still demanded, in order: each for its amount, but no more than what the fine
	 * now owed ({@link #stillOwed}) leaves after the instalments before it — a 变更 that lowered the fine cuts the next
	 * one and drops those beyond what is owed. Empty once paid up. The one reading of what an instalment demands: what a
	 * payment must be ({@link #paymentDue}) and the 加处罚款 shown as owed ({@link #owedSurcharge}) both go by it.
	 */
	public static List<Instalment> demanded(CaseView c, List<Instalment> instalments) {
		BigDecimal left = stillOwed(c, instalments);
		List<Instalment> demanded = new ArrayList<>();
		for (Instalment i : instalments) {
			if (i.paidOn() == null && left.signum() > 0) {
				BigDecimal amount = i.amount().min(left);
				demanded.add(new Instalment(i.position(), i.dueOn(), amount, null, null, null));
				left = left.subtract(amount);
			}
		}
		return demanded;
	}

	/**
	 * Every pay-by day of a fine still demanded, in order, each with the amount due by it: with instalments every
	 * unpaid one as still demanded ({@link #demanded}: its own day and amount, 行政处罚法(2021) art.66 — a later one is
	 * due on its day whether or not an earlier one was paid); otherwise the one deadline in force ({@link #paymentDue}:
	 * a deferral's day, or the decision's days from delivery). Empty when the fine is not delivered or nothing is
	 * demanded.
	 */
	public static List<PaymentDue> payDays(CaseView c, Procedure proc, CaseClock caseClock) {
		if (c.deliveredOn() == null || Execution.fine(c) == null || c.paidOn() != null) {
			return List.of();
		}
		if ("INSTALMENTS".equals(proc.paymentArrangement())) {
			return demanded(c, proc.instalments()).stream()
				.map(i -> new PaymentDue(caseClock.lastDayToPay(i.dueOn()), i.amount(), i))
				.toList();
		}
		PaymentDue due = paymentDue(c, proc, caseClock);
		return due == null ? List.of() : List.of(due);
	}

	/**
	 * The payment deadline in force and the amount it covers: a deferral's day, the next instalment's (each as the last
	 * day to pay by it, {@link CaseClock#lastDayToPay}), or 15 days.
	 */
	public record PaymentDue(LocalDate due, BigDecimal amount, Instalment instalment) {
	}

	/**
	 * The fine's payment due (null when the decision imposes no fine — a confiscation is handed over, not paid late).
	 * With instalments, the next unpaid one, demanding no more than the fine now owed less what was paid: a 变更 that
	 * lowered the fine below what the plan still demands cuts the next instalment to what is still owed, and leaves
	 * nothing due once what was paid covers the fine ({@link Execution#paidUp}).
	 */
	public PaymentDue paymentDue(CaseView c, Procedure proc) {
		return paymentDue(c, proc, caseWork.clock(c));
	}

	/** {@link #paymentDue(CaseView, Procedure)} on the case's clock {@code caseClock} (one of a list's, {@link CaseWork#clocks}). */
	public static PaymentDue paymentDue(CaseView c, Procedure proc, CaseClock caseClock) {
		if (c.deliveredOn() == null || Execution.fine(c) == null) {
			return null;
		}
		if ("INSTALMENTS".equals(proc.paymentArrangement())) {
			return demanded(c, proc.instalments()).stream().findFirst()
				.map(i -> new PaymentDue(caseClock.lastDayToPay(i.dueOn()), i.amount(), i))
				.orElse(null);
		}
		if ("DEFERRAL".equals(proc.paymentArrangement())) {
			return new PaymentDue(caseClock.lastDayToPay(proc.paymentDeferredUntil()), c.fine(), null);
		}
		return new PaymentDue(caseClock.paymentDue(c.deliveredOn()), c.fine(), null);
	}

	/**
	 * Whether a payment due by {@code lastDay} ({@link CaseClock#lastDayToPay}, {@link CaseClock#paymentDue}) was — or,
	 * unpaid, already is — late on {@code today}: paid after it, or unpaid past it (行政处罚法(2021) art.72: 到期不缴纳).
	 * The one test of lateness the figures share with the 加处罚款 the case page, the queues and the portal show
	 * ({@link CaseClock#surcharge} runs from the day after the same day).
	 * @param paidOn the day paid, null while unpaid
	 */
	public static boolean late(LocalDate lastDay, LocalDate paidOn, LocalDate today) {
		return paidOn != null ? paidOn.isAfter(lastDay) : today.isAfter(lastDay);
	}

	/**
	 * Whether a fine paid in instalments was paid late (行政处罚法(2021) art.66, 72): any instalment paid after — or
	 * unpaid past — its own last day ({@link CaseClock#lastDayToPay}: its day, moved off a day off), even when the last
	 * is on time.
	 * @param instalments the plan: each instalment's fixed day and the day it was paid (null while unpaid)
	 */
	public static boolean instalmentsLate(List<Instalment> instalments, CaseClock caseClock, LocalDate today) {
		return instalments.stream().anyMatch(i -> late(caseClock.lastDayToPay(i.dueOn()), i.paidOn(), today));
	}
}
