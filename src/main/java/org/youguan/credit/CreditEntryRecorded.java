package org.youguan.credit;

import java.time.LocalDate;

/**
 * Published when a fact is entered in an enterprise's credit record (快递业信用管理暂行办法(2017)), once per origin —
 * a redelivered intake event enters nothing and publishes nothing. The notifications module tells the enterprise's
 * users. Everything a listener needs travels with the event.
 *
 * @param entryId the entry
 * @param enterpriseCreditCode the enterprise whose record it is
 * @param regionCode the entry's region
 * @param kind what it records
 * @param sourceNumber the 行政处罚决定书文号 or 责令改正通知书文号
 * @param summary what the entry says
 * @param occurredOn the day of the fact
 */
public record CreditEntryRecorded(long entryId, String enterpriseCreditCode, String regionCode, CreditEntry.Kind kind,
		String sourceNumber, String summary, LocalDate occurredOn) {
}
