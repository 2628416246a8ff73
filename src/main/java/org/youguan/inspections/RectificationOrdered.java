package org.youguan.inspections;

import java.time.LocalDate;

/**
 * Published when a 责令改正通知书 addresses an enterprise with a deadline (邮政法(2015) art.63; 快递暂行条例(2025)
 * art.47; 行政处罚法(2021) art.28): when it is issued on the platform, and whenever its deadline is moved later (the
 * working days counted again once a year's holiday notice is loaded). The notifications module tells the enterprise's
 * users on their portal. Not published for an order imported from the paper record (served off the platform).
 * Everything a listener needs travels with the event.
 *
 * @param orderId the order (its portal page is {@code /enterprise/inspections/orders/{orderId}})
 * @param number its 文号
 * @param regionCode the region of its inspection
 * @param enterpriseCreditCode the enterprise ordered to rectify
 * @param issuedOn the day it was issued
 * @param dueOn the last day to rectify (the working days counted from {@code issuedOn} on the working-day calendar)
 * @param workingDays the working days it gives
 * @param moved whether the deadline was moved (false when the order was issued)
 */
public record RectificationOrdered(long orderId, String number, String regionCode, String enterpriseCreditCode,
		LocalDate issuedOn, LocalDate dueOn, int workingDays, boolean moved) {
}
