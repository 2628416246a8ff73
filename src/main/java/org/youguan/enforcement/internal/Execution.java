package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases.Handover;
import org.youguan.enforcement.PenaltyCases.Instalment;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DomainException;

/**
 * The executable parts of a decision (行政处罚法(2021) ch.6): the fine to pay (art.67, with 加处罚款 art.72, or by
 * instalments art.66) and what a confiscation takes, to hand over (art.74) — read in one place, so the service, the
 * queue, the figures and the 结案报告 agree on what a decision leaves to carry out. A warning (and 停业整顿 or 吊销)
 * is carried out by its delivery.
 */
public final class Execution {

	/**
	 * The confiscated amount as SQL over a {@code penalty_case c}: the one place the queue and the figures read it
	 * ({@code confiscated}, kept apart from the fine it is decided with: 并处), null when nothing is confiscated.
	 */
	public static final String CONFISCATED_SQL = "CASE WHEN c.decision_annulled_on IS NULL THEN NULLIF(c.confiscated, 0) END";

	/**
	 * The fine as SQL over a {@code penalty_case c}, null when the decision imposes none (whatever its heaviest kind) or
	 * was revoked or confirmed invalid.
	 */
	public static final String FINE_SQL = "CASE WHEN c.decision_annulled_on IS NULL THEN NULLIF(c.fine, 0) END";

	/** SQL over a {@code penalty_case c}: the decision still applies (not revoked nor confirmed invalid). */
	public static final String IN_FORCE_SQL = "c.decision_annulled_on IS NULL";

	private Execution() {
	}

	/**
	 * The amount a decision confiscates, to be handed over (¥), or null when it confiscates nothing — kept apart from
	 * the fine it may be decided with (没收违法所得，并处罚款).
	 */
	public static BigDecimal confiscated(CaseView c) {
		return c.annulled() ? null : positive(c.confiscated());
	}

	/**
	 * The fine a decision imposes (¥), or null when it imposes none: a fine alone or beside a heavier kind (并处罚款
	 * with 没收, 停业整顿 or 吊销). A decision revoked or confirmed invalid imposes nothing any more (no payment nor
	 * 加处罚款 is demanded).
	 */
	public static BigDecimal fine(CaseView c) {
		return c.penalty() == null || c.annulled() ? null : positive(c.fine());
	}

	/**
	 * Refuses a step that carries out the decision (delivery, payment, handover, deferral, publication) once it was
	 * revoked or confirmed invalid (行政复议法(2023) art.64, 67; 行政诉讼法(2017) art.70, 75).
	 * @throws DomainException (409, field {@code field}, rule {@code decision-annulled})
	 */
	public static void requireInForce(CaseView c, String field, String step) {
		if (c.annulled()) {
			String message = "处罚决定已于" + c.decisionAnnulledOn() + "被撤销或确认无效，不再执行，不能" + step;
			throw DomainException.illegalTransition(field, "decision-annulled", message);
		}
	}

	private static BigDecimal positive(BigDecimal amount) {
		return amount != null && amount.signum() > 0 ? amount : null;
	}

	/**
	 * What of a delivered decision is still to carry out: the fine unpaid (the next unpaid instalment named) and the
	 * confiscation not handed over — empty when everything executable is executed (a warning once delivered).
	 */
	public static List<String> outstanding(CaseView c, List<Instalment> instalments, Handover handover) {
		List<String> missing = new ArrayList<>();
		if (fine(c) != null && c.paidOn() == null) {
			missing.add(instalments.stream().filter(i -> i.paidOn() == null).findFirst()
				.map(i -> "第" + i.position() + "期罚款" + plain(i.amount()) + "元（" + i.dueOn() + "前）未缴纳")
				.orElse("罚款" + plain(fine(c)) + "元未缴纳"));
		}
		if (confiscated(c) != null && handover == null) {
			missing.add("没收的违法所得" + plain(confiscated(c)) + "元未上缴");
		}
		return missing;
	}

	/**
	 * 执行情况 of the 结案报告, by kind: a warning is carried out by its delivery; a fine by its payment — day, amount and
	 * the 加处罚款 paid on top, or each instalment with its own; a confiscation by its handover — day and amount; 停业整顿
	 * and 吊销 by their delivery. Empty for a case that ended without a penalty. A decision revoked or confirmed invalid
	 * ({@link CaseView#annulled}) is carried out no further: the report says so with its day, and what was paid before.
	 */
	public static String report(CaseView c, List<Instalment> instalments, Handover handover) {
		if (c.annulled()) {
			return "处罚决定已于" + ChineseText.day(c.decisionAnnulledOn()) + "被撤销或确认无效，不再执行"
					+ (c.paidOn() == null ? "" : "（此前已于" + ChineseText.day(c.paidOn()) + "缴纳罚款）");
		}
		if (c.penalty() == null || c.penalty() == Penalty.NONE || c.deliveredOn() == null) {
			return c.penalty() == null || c.penalty() == Penalty.NONE ? "无需执行" : "";
		}
		List<String> parts = new ArrayList<>();
		if (c.penalty() == Penalty.WARNING) {
			parts.add("警告：处罚决定书已于" + ChineseText.day(c.deliveredOn()) + "送达，送达即执行完毕");
		}
		if (fine(c) != null) {
			parts.add(fineReport(c, instalments));
		}
		if (confiscated(c) != null) {
			parts.add(handover == null ? "没收违法所得：" + plain(confiscated(c)) + "元尚未上缴"
					: "没收违法所得：" + ChineseText.day(handover.handedOverOn()) + "上缴国库" + plain(handover.amount()) + "元"
							+ (handover.receipt() == null ? "" : "（凭证：" + handover.receipt() + "）"));
		}
		if (c.penalty() == Penalty.SUSPENSION || c.penalty() == Penalty.REVOCATION) {
			parts.add(c.penalty().label() + "：处罚决定书已于" + ChineseText.day(c.deliveredOn()) + "送达");
		}
		return String.join("；", parts);
	}

	private static String fineReport(CaseView c, List<Instalment> instalments) {
		if (!instalments.isEmpty()) {
			List<String> lines = new ArrayList<>();
			for (Instalment i : instalments) {
				lines.add("第" + i.position() + "期" + plain(i.amount()) + "元（" + ChineseText.day(i.dueOn()) + "前）"
						+ (i.paidOn() == null ? "未缴纳" : ChineseText.day(i.paidOn()) + "缴纳" + surcharge(i.surcharge())));
			}
			return "罚款" + plain(c.fine()) + "元分" + instalments.size() + "期缴纳：" + String.join("，", lines);
		}
		if (c.paidOn() == null) {
			return "罚款" + plain(c.fine()) + "元尚未缴纳";
		}
		BigDecimal surcharge = c.surcharge() == null ? BigDecimal.ZERO : c.surcharge();
		BigDecimal paidFine = paidFine(c);
		return "罚款：" + ChineseText.day(c.paidOn()) + "缴纳罚款" + plain(paidFine) + "元" + surcharge(surcharge)
				+ (surcharge.signum() > 0 ? "，合计" + plain(c.paidAmount()) + "元" : "")
				+ (paidFine.compareTo(c.fine()) > 0 ? "（罚款经变更为" + plain(c.fine()) + "元，多缴" + plain(paidFine.subtract(c.fine()))
						+ "元应予退还）" : "");
	}

	/**
	 * What was paid as the fine in one payment (paid less 加处罚款): the fine as decided then, even if a 变更 lowered it
	 * afterwards; null when not paid in one payment.
	 */
	private static BigDecimal paidFine(CaseView c) {
		if (c.paidOn() == null || c.fine() == null) {
			return null;
		}
		BigDecimal surcharge = c.surcharge() == null ? BigDecimal.ZERO : c.surcharge();
		return c.paidAmount() == null ? c.fine() : c.paidAmount().subtract(surcharge);
	}

	/**
	 * The fine to be refunded: what was paid as the fine beyond the fine as a 变更 lowered it after the payment; null
	 * when nothing is to be refunded (not paid in one payment, or not lowered below what was paid).
	 */
	public static BigDecimal refundDue(CaseView c) {
		BigDecimal paid = paidFine(c);
		return paid == null || paid.compareTo(c.fine()) <= 0 ? null : paid.subtract(c.fine());
	}

	private static String surcharge(BigDecimal surcharge) {
		return surcharge != null && surcharge.signum() > 0 ? "，另加处罚款" + plain(surcharge) + "元" : "";
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}
}
