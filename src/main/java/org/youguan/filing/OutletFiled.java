package org.youguan.filing;

/**
 * Published when the bureau completes a new outlet's filing. {@code lateFiling}: the outlet was filed more than the
 * statutory 20 days after opening — a lead for enforcement (快递暂行条例(2025) art.50).
 */
public record OutletFiled(long filingId, long outletId, String filingNumber, String regionCode, String enterpriseCreditCode,
		boolean lateFiling) {
}
