package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.PenaltyPaymentReminded;
import org.youguan.enforcement.PenaltyStepServed;

/**
 * Tells an enterprise's users, on their portal, of each step of a penalty case addressed to it
 * ({@link PenaltyStepServed}): the 事先告知书 with the last day to state its case (and to request a hearing when the
 * notice gave the right, 行政处罚法(2021) art.44, 63–64), the 听证通知书 with the hearing's day (art.64), the
 * 行政处罚决定书 served with the last day to pay or hand over (art.61, 67), and an approved deferral or instalments with
 * the next day due (art.66), a decision served and then changed (变更) with its new fine and the day to pay it, and the
 * 不予行政处罚决定书 served (art.33, 61). Each last day is stated with the day included, as the portal states it. The key
 * holds the step and its days (and a change's fine), so a redelivered event notifies once and a new notice (a hearing
 * rescheduled, a notice after 退回调查, a second change) notifies again. It also passes on the reminders to pay a fine
 * ({@link PenaltyPaymentReminded}: its day near, or passed and 加处罚款 running, art.72), each once per decision.
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
		String title = served.caseNumber() + "：" + served.step().document() + "已于" + served.servedOn()
				+ (served.step() == PenaltyStepServed.Step.PAYMENT_ARRANGED || changed ? "出具" : "送达")
				+ (changed ? "，变更后" + (served.fine() == null ? "无罚款" : "罚款" + served.fine().stripTrailingZeros().toPlainString() + "元") : "")
				+ asked(served);
		String key = "penalty-" + served.caseId() + "-" + served.step() + "-" + served.servedOn() + "-" + served.dueOn()
				+ (changed ? "-" + served.fine() : "");
		notifications.toEnterprise(served.enterpriseCreditCode(), title, link(served.caseId()), key);
	}

	@ApplicationModuleListener
	void on(PenaltyPaymentReminded reminded) {
		String fine = "罚款" + reminded.fine().stripTrailingZeros().toPlainString() + "元";
		String title = reminded.caseNumber() + "：行政处罚决定书（" + reminded.decisionNumber() + "）"
				+ (reminded.kind() == PenaltyPaymentReminded.Kind.BEFORE
						? "确定的" + fine + "缴纳期限至" + reminded.dueOn() + "（含当日），请按期缴纳"
						: "确定的" + fine + "已超过缴纳期限（" + reminded.dueOn() + "），逾期每日加处罚款（行政处罚法第七十二条），请尽快缴纳");
		notifications.toEnterprise(reminded.enterpriseCreditCode(), title, link(reminded.caseId()),
				"penalty-" + reminded.caseId() + "-PAYMENT_" + reminded.kind());
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
			case PRIOR_NOTICE -> "，陈述申辩" + (served.hearingRight() ? "、申请听证" : "") + "期限至" + served.dueOn() + "（含当日）";
			case HEARING_NOTICE -> "，听证定于" + served.dueOn() + "举行，请查看时间和地点";
			case DECISION_SERVED, DECISION_CHANGED -> "，缴纳期限至" + served.dueOn() + "（含当日）";
			case NO_PENALTY_SERVED -> "";
			case PAYMENT_ARRANGED -> "，下一次缴款期限至" + served.dueOn()
					+ "（含当日）";
		};
	}
}
