package org.youguan.safety.internal.ledgers;

import java.time.Instant;
import java.time.LocalDate;

/** One enterprise's report for one day of a 寄递安保期. */
public record PeriodReportView(long id, long periodId, LocalDate day, String enterpriseCreditCode, String enterpriseName,
		long parcels, long screened, String issues, Instant reportedAt, String reportedBy) {
}
