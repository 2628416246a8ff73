package org.youguan.safety.internal.ledgers;

import java.time.Instant;
import java.time.LocalDate;

import org.youguan.kernel.Masking;

/**
 * One enterprise's report for one day of a 寄递安保期; {@code late} when it was first made after the day's time limit
 * (迟报, {@code SecurityPeriods#report}).
 */
public record PeriodReportView(long id, long periodId, LocalDate day, String enterpriseCreditCode, String enterpriseName,
		long parcels, long screened, String issues, Instant reportedAt, String reportedBy, boolean late) {

	/** The same report with every ID and mobile number in its issues masked ({@link Masking#personalNumbersIn}), as lists show it. */
	public PeriodReportView masked() {
		return new PeriodReportView(id, periodId, day, enterpriseCreditCode, enterpriseName, parcels, screened,
				Masking.personalNumbersIn(issues), reportedAt, reportedBy, late);
	}
}
