package org.youguan.statistics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when a bureau reminds an enterprise that its report of a period is missing (催报), in the transaction that
 * records the reminder; the notifications module turns it into the enterprise's notification.
 *
 * @param period the period's code ({@code 2026-11}, {@code 2026-Q3})
 * @param periodLabel the period as people read it ({@code 2026年11月})
 * @param dueOn the period's due date
 * @param sentBy the reminding bureau
 */
public record ReportReminderSent(long enterpriseId, String creditCode, String enterpriseName, String regionCode,
		long formId, String formName, String period, String periodLabel, LocalDate dueOn, String sentBy,
		Instant sentAt) {
}
