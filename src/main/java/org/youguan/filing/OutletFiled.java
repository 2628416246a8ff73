package org.youguan.filing;

import java.time.LocalDate;

/**
 * Published when the bureau completes a new outlet's filing. {@code lateFiling}: the outlet was filed more than the
 * statutory 20 days after opening (快递暂行条例(2025) art.19) — a lead for enforcement (art.50), which the enforcement
 * module takes in once per filing.
 * @param filingNumber the outlet's 备案编号
 * @param applicationNumber the filing application's own number
 * @param openedOn the day the outlet opened, as filed
 * @param submittedOn the day the enterprise filed it
 * @param completedOn the day the bureau completed the filing
 */
public record OutletFiled(long filingId, long outletId, String filingNumber, String regionCode, String enterpriseCreditCode,
		boolean lateFiling, String applicationNumber, String outletName, LocalDate openedOn, LocalDate submittedOn,
		LocalDate completedOn) {
}
