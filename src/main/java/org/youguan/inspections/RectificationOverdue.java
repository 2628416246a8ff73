package org.youguan.inspections;

import java.time.LocalDate;

/**
 * Published when a 责令改正通知书 passes its deadline without the enterprise having rectified: the order becomes a case
 * lead (立案线索) for the enforcement module, which listens (行政处罚法(2021) art.54). Published once per order.
 *
 * @param orderId the order
 * @param recordId the inspection that issued it
 * @param number its 文号
 * @param regionCode the enterprise's region
 * @param enterpriseCreditCode the enterprise
 * @param dueOn the deadline that passed
 * @param raisedOn the day the lead was raised
 */
public record RectificationOverdue(long orderId, long recordId, String number, String regionCode,
		String enterpriseCreditCode, LocalDate dueOn, LocalDate raisedOn) {
}
