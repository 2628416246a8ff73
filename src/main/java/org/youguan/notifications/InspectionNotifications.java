package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.RectificationOrdered;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;

/**
 * Tells an enterprise's users, on their portal, of a 责令改正通知书 addressed to it ({@link RectificationOrdered}) and
 * its last day to rectify (邮政法(2015) art.63; 快递暂行条例(2025) art.47), stated with the day included as the portal
 * states it; a deadline moved later is told again with its new day. The key holds the order and its day, so a
 * redelivered event notifies once.
 */
@Component
class InspectionNotifications {

	private final Notifications notifications;

	InspectionNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(RectificationOrdered ordered) {
		String order = BusinessNumbers.named("责令改正通知书", InspectionOrders.NUMBER_TYPE, ordered.number());
		String title = ordered.moved()
				? order + "的整改期限已改为至" + ChineseText.day(ordered.dueOn()) + "（含当日，" + ordered.workingDays() + "个工作日）"
				: order + "已于" + ChineseText.day(ordered.issuedOn()) + "下达，整改期限至" + ChineseText.day(ordered.dueOn()) + "（含当日），请按期整改并回复";
		String number = order.startsWith("责令改正通知书") ? order.substring("责令改正通知书".length()) : order;
		Wording words = ordered.moved()
				? Wording.of("notification.inspection.orderMoved", number, ordered.dueOn(), String.valueOf(ordered.workingDays()))
				: Wording.of("notification.inspection.ordered", number, ordered.issuedOn(), ordered.dueOn());
		notifications.toEnterprise(ordered.enterpriseCreditCode(), title, words,
				"/enterprise/inspections/orders/" + ordered.orderId(), "rectification-" + ordered.orderId() + "-" + ordered.dueOn());
	}
}
