package org.youguan.credit;

import java.time.LocalDate;

/**
 * Published when staff record the correction an entry owed ({@link CreditRecords#correct}; 快递业信用管理暂行办法(2017)
 * arts.17–18): the entry changed or removed. The notifications module tells the enterprise's users.
 *
 * @param entryId the entry
 * @param enterpriseCreditCode the enterprise whose record it is
 * @param regionCode the entry's region
 * @param status {@link CreditEntry.Status#CHANGED} or {@link CreditEntry.Status#REMOVED}
 * @param sourceNumber the entry's origin number
 * @param summary the entry's text after the correction
 * @param reason why it was corrected (the outcome of 复议/诉讼/纠正, or the objection upheld)
 * @param correctedOn the day corrected
 */
public record CreditEntryCorrected(long entryId, String enterpriseCreditCode, String regionCode, CreditEntry.Status status,
		String sourceNumber, String summary, String reason, LocalDate correctedOn) {
}
