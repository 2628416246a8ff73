package org.youguan.credit;

import java.time.LocalDate;

/**
 * Published when staff review an enterprise's objection ({@link CreditObjections#review}; 快递业信用管理暂行办法(2017)
 * art.18), once per objection (a reviewed objection is not reviewed again). The notifications module tells the
 * enterprise's users the result and its reasons.
 *
 * @param objectionId the objection
 * @param entryId the entry objected to
 * @param enterpriseCreditCode the enterprise that filed it
 * @param regionCode the entry's region
 * @param sourceNumber the entry's origin number
 * @param result {@link CreditObjection.Status#UPHELD} or {@link CreditObjection.Status#REJECTED}
 * @param correction the correction owed when upheld, or null
 * @param reason the review's reasons
 * @param reviewedOn the day reviewed
 */
public record CreditObjectionReviewed(long objectionId, long entryId, String enterpriseCreditCode, String regionCode,
		String sourceNumber, CreditObjection.Status result, CreditEntry.CorrectionKind correction, String reason,
		LocalDate reviewedOn) {
}
