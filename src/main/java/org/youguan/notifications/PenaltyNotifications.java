package org.youguan.notifications;

import org.youguan.rules.Provision;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.PenaltyPaymentReminded;
import org.youguan.enforcement.PenaltyStepServed;
import org.youguan.kernel.ChineseText;

/**
 * Tells an enterprise's users, on their portal, of each step of a penalty case addressed to it
 * ({@link PenaltyStepServed}): the 事先告知书 with the last day to state its case (and to request a hearing when the
 * notice gave the right, 行政处罚法(2021) art.44, 63–64), the 听证通知书 with the hearing's day (art.64), the
 * 行政处罚决定书 served with the last day to pay or hand over (art.61, 67), and an approved deferral or instalments with
 * the next day due (art.66), a decision served and then changed (变更) with its new fine and the day to pay it, and the
 * 不予行政处罚决定书 served (art.33, 61) — one served by public notice (公告送达) told when the notice is published, with
 * that day, the later day it is deemed served and the day to pay counted from it (working days or days as the rule
 * catalogue counts them: the day the portal shows with the decision from the publication on), and told again on the
 * deemed day as served then, with the same day to pay ({@code DeemedServices}) —, and a decision served and then
 * revoked or declared invalid (no longer executed; told at once, a public notice still running included);
 * a change or annulment names who decided it (行政复议, 行政诉讼, 自行纠正) and what is to refund of what was paid. Amounts
 * as every text writes them ({@link ChineseText#yuan}: 1200.50元, never 1200.5元). Each last day is stated with the day included, as the portal states it. The key
 * holds the step and its days (and a change's fine), so a redelivered event notifies once and a new notice (a hearing
 * rescheduled, a notice after 退回调查, a second change) notifies again. It also passes on the reminders to pay a fine
 * ({@link PenaltyPaymentReminded}: a pay-by day near, or passed with the 加处罚款 owed, art.72), each once per decision
 * and pay-by day — every instalment and a deferred day on its own.
 */
@Component
class PenaltyNotifications {

	private final Notifications notifications;

	PenaltyNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(PenaltyStepServed served) {
		boolean changed = served.step() == PenaltyStepServed.Step.DECISION_CHANGED;
		boolean annulled = served.step() == PenaltyStepServed.Step.DECISION_ANNULLED;
		String title = served.caseNumber() + "：" + served.step().document()
				+ (annulled ? "已于" + ChineseText.day(served.servedOn()) + (served.remedy() == null ? "被撤销或确认无效" : "经" + served.remedy()) + "，不再执行"
						: served.publishedOn() != null ? publicNotice(served)
						: "已于" + ChineseText.day(served.servedOn())
								+ (served.step() == PenaltyStepServed.Step.PAYMENT_ARRANGED || changed ? "出具" : "送达")
								+ (changed ? by(served) + "，变更后" + (served.fine() == null ? "无罚款" : "罚款" + ChineseText.yuan(served.fine())) : ""))
				+ asked(served)
				+ (served.refund() == null ? "" : "；应退还已缴纳的" + ChineseText.yuan(served.refund()));
		// a public notice's publication and its deemed day tell the same service day and deadline: the publication day
		// keeps them two notifications
		String key = "penalty-" + served.caseId() + "-" + served.step() + "-" + served.servedOn() + "-" + served.dueOn()
				+ (changed ? "-" + served.fine() : "") + (served.publishedOn() == null ? "" : "-notice-" + served.publishedOn());
		notifications.toEnterprise(served.enterpriseCreditCode(), title, link(served.caseId()), key);
	}

	/**
	 * A document served by public notice, told when the notice is published: both days, the service not claimed before
	 * the day it is deemed (民事诉讼法(2023) art.95: 自发出公告之日起，经过三十日，即视为送达).
	 */
	private static String publicNotice(PenaltyStepServed served) {
		return "已于" + ChineseText.day(served.publishedOn()) + "公告送达，视为于" + ChineseText.day(served.servedOn()) + "送达";
	}

	/** Who decided a remedy's outcome and what it did, in brackets ("（行政复议变更）"); "" for another step. */
	private static String by(PenaltyStepServed served) {
		return served.remedy() == null ? "" : "（" + served.remedy() + "）";
	}

	/**
	 * A reminder to pay: what is due (the fine, or an instalment of it with its position and amount) and its day —
	 * before it "缴纳期限至…（含当日）"; past it, the 加处罚款 owed as of the reminder's day with its rate and cap as the
	 * catalogue gave them (行政处罚法(2021) art.72(1)) and the total to pay then. Keyed by the day reminded, so each
	 * instalment and a deferred day are told once each, and a redelivered event once. A reminder published before V256
	 * (redelivered from the event registry) carries no amount nor 加处罚款: it is told as it was then, under its key then.
	 */
	@ApplicationModuleListener
	void on(PenaltyPaymentReminded reminded) {
		if (reminded.amount() == null || reminded.surcharge() == null) {
			notifications.toEnterprise(reminded.enterpriseCreditCode(), reminded.caseNumber() + "：行政处罚决定书（"
					+ reminded.decisionNumber() + "）确定的罚款" + ChineseText.yuan(reminded.fine())
					+ (reminded.kind() == PenaltyPaymentReminded.Kind.BEFORE ? "缴纳期限至" + ChineseText.day(reminded.dueOn()) + "（含当日），请按期缴纳"
							: "已超过缴纳期限（" + ChineseText.day(reminded.dueOn()) + "），逾期每日加处罚款（" + Provision.PENALTY_SURCHARGE.formal() + "），请尽快缴纳"),
					link(reminded.caseId()), "penalty-" + reminded.caseId() + "-PAYMENT_" + reminded.kind());
			return;
		}
		boolean instalment = reminded.instalment() != null;
		String due = instalment ? "罚款" + ChineseText.yuan(reminded.fine()) + "分期缴纳，第" + reminded.instalment() + "期"
				+ ChineseText.yuan(reminded.amount()) : "罚款" + ChineseText.yuan(reminded.amount());
		String title = reminded.caseNumber() + "：行政处罚决定书（" + reminded.decisionNumber() + "）确定的" + due
				+ (reminded.kind() == PenaltyPaymentReminded.Kind.BEFORE
						? "缴纳期限至" + ChineseText.day(reminded.dueOn()) + "（含当日），请按期缴纳"
						: "已超过缴纳期限（" + ChineseText.day(reminded.dueOn()) + "），截至" + ChineseText.day(reminded.asOf()) + "已加处罚款"
								+ ChineseText.yuan(reminded.surcharge()) + "（自期限届满次日起每日按" + (instalment ? "该期" : "罚款")
								+ "数额的" + reminded.surchargePercent().stripTrailingZeros().toPlainString() + "%加处，至多"
								+ ChineseText.yuan(reminded.surchargeCap()) + "，" + Provision.PENALTY_SURCHARGE.formal() + "），应缴合计"
								+ ChineseText.yuan(reminded.amount().add(reminded.surcharge())) + "，请尽快缴纳");
		notifications.toEnterprise(reminded.enterpriseCreditCode(), title, link(reminded.caseId()),
				"penalty-" + reminded.caseId() + "-PAYMENT_" + reminded.kind() + "-" + reminded.dueOn());
	}

	/** The case's page on the enterprise portal. */
	private static String link(long caseId) {
		return "/enterprise/penalties/" + caseId;
	}

	/** What the step asks of the party by its day ("" when nothing). */
	private static String asked(PenaltyStepServed served) {
		if (served.dueOn() == null) {
			return "";
		}
		return switch (served.step()) {
			case PRIOR_NOTICE -> "，陈述申辩" + (served.hearingRight() ? "、申请听证" : "") + "期限至" + ChineseText.day(served.dueOn()) + "（含当日）";
			case HEARING_NOTICE -> "，听证定于" + ChineseText.day(served.dueOn()) + "举行，请查看时间和地点";
			case DECISION_SERVED, DECISION_CHANGED -> "，缴纳期限至" + ChineseText.day(served.dueOn()) + "（含当日）";
			case NO_PENALTY_SERVED, DECISION_ANNULLED -> "";
			case PAYMENT_ARRANGED -> "，下一次缴款期限至" + ChineseText.day(served.dueOn())
					+ "（含当日）";
		};
	}
}
