package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases.Handover;
import org.youguan.enforcement.PenaltyCases.Instalment;
import org.youguan.enforcement.PenaltyCases.Refunded;
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
			String message = "处罚决定已于" + ChineseText.day(c.decisionAnnulledOn()) + "被撤销或确认无效，不再执行，不能" + step;
			throw DomainException.illegalTransition(field, "decision-annulled", message);
		}
	}

	/**
	 * Refuses a step that is only open while the fine is unpaid (罚款缴纳, 延期/分期缴纳的批准: 行政处罚法(2021) art.66–67)
	 * once the fine was paid in full — paid at once or every instalment (the case's {@code paid_on}). The status alone
	 * does not tell: a fine paid before a public notice's deemed day (or beside a confiscation still to hand over) leaves
	 * the case 已送达, so the step's state check passes again. The caller holds the case's row lock, so two requests at
	 * once are ordered and the second sees the first's payment.
	 * @throws DomainException (409, a conflict with the case's state: field {@code field}, rule {@code already-paid})
	 * naming the day and amount paid
	 */
	public static void requireUnpaid(CaseView c, String field, String step) {
		if (c.paidOn() != null) {
			String message = "罚款已于" + ChineseText.day(c.paidOn()) + "缴纳" + plain(c.paidAmount()) + "元，已缴足，不能再" + step;
			throw DomainException.illegalTransition(field, "already-paid", message);
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
		if (fine(c) != null && !paidUp(c, instalments)) {
			missing.add(FinePayments.demanded(c, instalments).stream().findFirst()
				.map(i -> "第" + i.position() + "期罚款" + plain(i.amount()) + "元（缴纳期限至" + ChineseText.day(i.dueOn()) + "）未缴纳")
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
	 * What was paid beyond what is now owed ({@link #overpaid}) is named with each refund made (day, amount) and what
	 * remains to refund. Every amount is written in figures and in capitals, as the 决定书 writes it
	 * ({@link ChineseText#yuanStated}: 缴纳罚款人民币3000元（大写：叁仟元整）).
	 */
	public static String report(CaseView c, List<Instalment> instalments, Handover handover, List<Refunded> refunds) {
		if (c.annulled()) {
			return "处罚决定已于" + ChineseText.day(c.decisionAnnulledOn()) + "被撤销或确认无效，不再执行" + paidBefore(c, instalments)
					+ refundNote(c, instalments, refunds);
		}
		if (c.penalty() == null || c.penalty() == Penalty.NONE) {
			return "无需执行";
		}
		List<String> parts = new ArrayList<>();
		if (c.penalty() == Penalty.WARNING) {
			parts.add("警告：" + delivered(c) + "，送达即执行完毕"
					+ (fine(c) == null ? refundNote(c, instalments, refunds) : ""));
		}
		if (fine(c) != null) {
			parts.add(fineReport(c, instalments) + refundNote(c, instalments, refunds));
		}
		if (confiscated(c) != null) {
			parts.add(handover == null ? "没收违法所得：" + stated(confiscated(c)) + "尚未上缴"
					: "没收违法所得：" + ChineseText.day(handover.handedOverOn()) + "上缴国库" + stated(handover.amount())
							+ (handover.receipt() == null ? "" : "（凭证：" + handover.receipt() + "）"));
		}
		if (c.penalty() == Penalty.SUSPENSION || c.penalty() == Penalty.REVOCATION) {
			parts.add(c.penalty().label() + "：" + delivered(c));
		}
		return String.join("；", parts);
	}

	/**
	 * "处罚决定书已于…送达"; a past case imported without its day of service (it came here decided and carried out,
	 * {@code PastCases}) says it was served without a day — its payment, refunds and handover are told all the same.
	 */
	private static String delivered(CaseView c) {
		return c.deliveredOn() == null ? "处罚决定书已送达（送达日期未录入）" : "处罚决定书已于" + ChineseText.day(c.deliveredOn()) + "送达";
	}

	private static String fineReport(CaseView c, List<Instalment> instalments) {
		if (!instalments.isEmpty()) {
			// what a 变更 left to pay of each unpaid instalment (none once what was paid covers the fine)
			Map<Integer, BigDecimal> demanded = new HashMap<>();
			FinePayments.demanded(c, instalments).forEach(i -> demanded.put(i.position(), i.amount()));
			List<String> lines = new ArrayList<>();
			for (Instalment i : instalments) {
				lines.add("第" + i.position() + "期" + stated(i.amount()) + "（缴纳期限至" + ChineseText.day(i.dueOn()) + "）"
						+ (i.paidOn() != null ? paidLine(i) : unpaidLine(i, demanded.get(i.position()), paidUp(c, instalments))));
			}
			return "罚款" + stated(c.fine()) + "分" + instalments.size() + "期缴纳：" + String.join("，", lines);
		}
		if (c.paidOn() == null) {
			return "罚款" + stated(c.fine()) + "尚未缴纳";
		}
		BigDecimal surcharge = orZero(c.surcharge());
		return "罚款：" + ChineseText.day(c.paidOn()) + "缴纳罚款" + stated(paidFine(c, instalments)) + surcharge(surcharge)
				+ (surcharge.signum() > 0 ? "，合计" + stated(c.paidAmount()) : "");
	}

	/** A paid instalment: its day, the fine paid when a 变更 made it differ from the plan, its 加处罚款. */
	private static String paidLine(Instalment i) {
		BigDecimal fine = paidFine(i);
		return ChineseText.day(i.paidOn()) + "缴纳" + (fine.compareTo(i.amount()) == 0 ? "" : stated(fine))
				+ surcharge(i.surcharge());
	}

	/**
	 * An unpaid instalment: what is still demanded of it, cut by a 变更 or as planned; or none — the fine paid up, or
	 * what the 变更 left demanded of earlier instalments (not yet paid: no 已缴足 then).
	 */
	private static String unpaidLine(Instalment i, BigDecimal demanded, boolean paidUp) {
		if (demanded == null) {
			return paidUp ? "无需缴纳（罚款经变更已缴足）" : "经变更无需缴纳";
		}
		return demanded.compareTo(i.amount()) < 0 ? "经变更应缴" + stated(demanded) + "，未缴纳" : "未缴纳";
	}

	/**
	 * What an annulled decision had collected, for its 结案报告: each instalment paid (day, amount, its 加处罚款), or the
	 * one payment; "" when nothing was paid.
	 */
	private static String paidBefore(CaseView c, List<Instalment> instalments) {
		List<String> paid = instalments.stream().filter(i -> i.paidOn() != null)
			.map(i -> ChineseText.day(i.paidOn()) + "缴纳第" + i.position() + "期罚款" + stated(paidFine(i))
					+ surcharge(i.surcharge()))
			.toList();
		if (!paid.isEmpty()) {
			return "（此前已于" + String.join("，", paid) + "）";
		}
		return c.paidOn() == null ? "" : "（此前已于" + ChineseText.day(c.paidOn()) + "缴纳罚款" + stated(paidFine(c, instalments))
				+ surcharge(c.surcharge()) + "）";
	}

	/**
	 * The 加处罚款 paid on a fine (¥): the one payment's, or the instalments' paid so far added up; 0 when none was paid.
	 * What was paid stays what it was when a 变更 lowers the fine afterwards — the case's API and page show this one.
	 */
	public static BigDecimal paidSurcharge(CaseView c, List<Instalment> instalments) {
		return c.paidOn() != null ? orZero(c.surcharge())
				: instalments.stream().filter(i -> i.paidOn() != null).map(i -> orZero(i.surcharge()))
					.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * What was paid as the fine (¥, 加处罚款 not counted): one payment's amount less its 加处罚款 (the fine as decided
	 * then, even if a 变更 lowered or removed it afterwards), or the instalments paid so far; null when nothing was paid.
	 */
	public static BigDecimal paidFine(CaseView c, List<Instalment> instalments) {
		if (c.paidOn() != null) {
			if (c.paidAmount() == null) {
				return c.fine();
			}
			return c.paidAmount().subtract(c.surcharge() == null ? BigDecimal.ZERO : c.surcharge());
		}
		List<Instalment> paid = instalments.stream().filter(i -> i.paidOn() != null).toList();
		if (paid.isEmpty()) {
			return null;
		}
		return paid.stream().map(Execution::paidFine).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** What a paid instalment paid as the fine (¥): its payment less its 加处罚款 (its amount where no payment was kept). */
	private static BigDecimal paidFine(Instalment i) {
		return (i.paidAmount() == null ? i.amount() : i.paidAmount()).subtract(orZero(i.surcharge()));
	}

	/**
	 * Whether what was paid as the fine covers the fine now owed though instalments remain unpaid: a 变更 lowered the
	 * fine below what the instalment plan still demanded, so nothing more is to be paid.
	 */
	public static boolean paidUp(CaseView c, List<Instalment> instalments) {
		BigDecimal paid = paidFine(c, instalments);
		return c.paidOn() != null || fine(c) != null && paid != null && paid.compareTo(fine(c)) >= 0;
	}

	/**
	 * What was paid beyond what the decision now demands and is to be refunded, before any refund made: the fine paid
	 * less the fine now owed (0 when a 变更 removed it — 警告 — or the decision was revoked or confirmed invalid); and,
	 * when the fine is removed or annulled, the 加处罚款 paid as well — it hangs on the fine (行政处罚法(2021) art.72) and
	 * falls with it. When the fine is only lowered the 加处罚款 paid stays: it was owed for paying late the fine then in
	 * force, and is not refunded. Null when nothing was paid or nothing was paid beyond.
	 * @param paidFine what was paid as the fine ({@link #paidFine})
	 * @param fineOwed the fine now owed (0 when none)
	 * @param fine the part of the fine to refund
	 * @param surcharge the part of the 加处罚款 to refund
	 */
	public record Overpaid(BigDecimal paidFine, BigDecimal fineOwed, BigDecimal fine, BigDecimal surcharge) {

		/** The whole to refund (the fine's part and the 加处罚款's). */
		public BigDecimal total() {
			return fine.add(surcharge);
		}
	}

	/** What case {@code c} paid beyond what it now owes ({@link Overpaid}), or null when nothing is to be refunded. */
	public static Overpaid overpaid(CaseView c, List<Instalment> instalments) {
		BigDecimal paid = paidFine(c, instalments);
		if (paid == null) {
			return null;
		}
		BigDecimal owed = orZero(fine(c));
		BigDecimal paidSurcharge = paidSurcharge(c, instalments);
		BigDecimal fine = paid.subtract(owed).max(BigDecimal.ZERO);
		BigDecimal surcharge = owed.signum() == 0 ? paidSurcharge : BigDecimal.ZERO;
		Overpaid o = new Overpaid(paid, owed, fine, surcharge);
		return o.total().signum() > 0 ? o : null;
	}

	/**
	 * The basis of a refund as it stands: what was paid, the fine now owed, what was refunded already and what remains
	 * to refund — "已缴罚款X元，变更后的罚款Y元，已退还Z元，应退还W元".
	 */
	public static String refundBasis(CaseView c, Overpaid o, BigDecimal refunded) {
		return "已缴罚款" + plain(o.paidFine()) + "元" + (o.surcharge().signum() > 0 ? "（另加处罚款" + plain(o.surcharge()) + "元）" : "")
				+ "，" + (c.annulled() ? "处罚决定已被撤销或确认无效，罚款为0元" : "变更后的罚款" + plain(o.fineOwed()) + "元")
				+ (o.surcharge().signum() > 0 ? "（加处罚款随罚款一并退还）" : "") + "，已退还" + plain(refunded) + "元，应退还"
				+ plain(o.total().subtract(refunded).max(BigDecimal.ZERO)) + "元";
	}

	/** The refund note of the 结案报告: what was paid beyond, each refund made (day, amount), and what remains due. */
	private static String refundNote(CaseView c, List<Instalment> instalments, List<Refunded> refunds) {
		Overpaid o = overpaid(c, instalments);
		if (o == null) {
			return "";
		}
		BigDecimal refunded = refunds.stream().map(Refunded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal due = o.total().subtract(refunded);
		List<String> made = refunds.stream().map(r -> ChineseText.day(r.refundedOn()) + "已退还" + stated(r.amount())).toList();
		// an annulled decision's report said so already: what it collected is all to refund
		return "（" + (c.annulled() ? "已缴纳的" : "罚款经变更为" + stated(o.fineOwed()) + "，多缴")
				+ stated(o.total()) + (o.surcharge().signum() > 0 ? "（含加处罚款" + stated(o.surcharge()) + "）" : "")
				+ (made.isEmpty() ? "应予退还" : "，" + String.join("，", made)
						+ (due.signum() > 0 ? "，尚有" + stated(due) + "应予退还" : "，已全部退还")) + "）";
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO : amount;
	}

	private static String surcharge(BigDecimal surcharge) {
		return surcharge != null && surcharge.signum() > 0 ? "，另加处罚款" + stated(surcharge) : "";
	}

	/**
	 * An amount as the 结案报告 states it, in figures and in capitals like every other document of the case
	 * ({@link ChineseText#yuanStated}): 人民币2500.50元（大写：贰仟伍佰元伍角）.
	 */
	private static String stated(BigDecimal amount) {
		return ChineseText.yuanStated(amount);
	}

	/**
	 * An amount in figures, both decimals where it has 角 or 分 ({@link ChineseText#yuanFigures}): for what is still to
	 * carry out ({@link #outstanding}) and the basis of a refund ({@link #refundBasis}), told on pages, in messages and in
	 * the audit — not in a document.
	 */
	private static String plain(BigDecimal amount) {
		return ChineseText.yuanFigures(amount);
	}
}
