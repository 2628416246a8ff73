package org.youguan.inspections;

import java.time.LocalDate;

/**
 * Published when an inspection becomes a lead for a penalty case (立案线索): a record concluded with outcome
 * {@link InspectionOutcome#LEAD}, or a 责令改正通知书 whose re-inspection (复查) found it not rectified
 * ({@link InspectionOrders#recordReinspection}; an order merely past its deadline is announced by
 * {@link RectificationOverdue}). The enforcement module listens (行政处罚法(2021) art.54: 立案 "及时").
 *
 * @param recordId the inspection record
 * @param regionCode the inspected enterprise's region
 * @param enterpriseCreditCode the inspected enterprise
 * @param findings what the inspectors found (for a failed re-inspection: the order's number and what was found)
 * @param raisedOn the day the lead was raised
 * @param imported whether the record came with a bureau's history (a past lead, possibly handled off the platform)
 */
public record InspectionLeadRaised(long recordId, String regionCode, String enterpriseCreditCode, String findings,
		LocalDate raisedOn, boolean imported) {
}
