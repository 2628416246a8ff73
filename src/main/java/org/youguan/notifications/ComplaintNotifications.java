package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintClosed;
import org.youguan.complaints.ComplaintReferred;
import org.youguan.complaints.ComplaintStepDue;
import org.youguan.kernel.Actors;
import org.youguan.numbering.BusinessNumbers;

/**
 * What the complaint procedure tells people, each after its step commits, from the event publication registry (a
 * failure is retried, not lost; the keys make a redelivered event notify once):
 * <ul>
 * <li>a step due within a working day or overdue ({@link ComplaintStepDue}): the bureau of the complaint's county (and
 * the bureaus above it) and, while the reply is awaited, the enterprise it was transferred to;</li>
 * <li>a closed complaint ({@link ComplaintClosed}): the enterprise it was transferred to, with the outcome (有效申诉 or
 * not) — it answers for valid complaints in its figures; the filer follows the public status page instead;</li>
 * <li>a referral to enforcement ({@link ComplaintReferred}): the staff of the complaint's region (the county bureau and
 * the bureaus above it, where enforcement takes up leads) — never the enterprise, which is not told of a lead.</li>
 * </ul>
 */
@Component
class ComplaintNotifications {

	private final Notifications notifications;

	ComplaintNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ComplaintStepDue due) {
		String title = BusinessNumbers.named("申诉", "申诉", due.number()) + "（" + due.status().label() + "）" + (due.overdue() ? "已超期" : "即将到期")
				+ "，时限" + due.stepDue();
		String key = "complaint-" + due.complaintId() + "-" + due.status() + "-" + due.day();
		notifications.toRegion(county(due.regionCode()), title, "/complaints/" + due.complaintId(), key);
		if (due.awaitingReply() && due.enterpriseCreditCode() != null) {
			notifications.toEnterprise(due.enterpriseCreditCode(), title + "，请及时答复",
					"/enterprise/complaints/" + due.complaintId(), key + "-enterprise");
		}
	}

	@ApplicationModuleListener
	void on(ComplaintClosed closed) {
		if (closed.enterpriseCreditCode() == null) {
			return;
		}
		notifications.toEnterprise(closed.enterpriseCreditCode(), BusinessNumbers.named("申诉", "申诉", closed.number()) + "已办结"
				+ (closed.valid() ? "，认定为有效申诉" : "，未认定为有效申诉"), "/enterprise/complaints/" + closed.complaintId(),
				"complaint-closed-" + closed.complaintId());
	}

	@ApplicationModuleListener
	void on(ComplaintReferred referred) {
		String title = BusinessNumbers.named("申诉", "申诉", referred.number()) + "（" + referred.brandName() + "，" + referred.enterpriseName()
				+ "）已由" + Actors.shown(referred.referredBy()) + "移送执法线索：" + referred.referralReason();
		notifications.toRegion(county(referred.regionCode()), title.length() > 300 ? title.substring(0, 300) : title,
				"/complaints/" + referred.complaintId(), "complaint-referred-" + referred.complaintId());
	}

	private static String county(String regionCode) {
		return regionCode.length() > 6 ? regionCode.substring(0, 6) : regionCode;
	}
}
