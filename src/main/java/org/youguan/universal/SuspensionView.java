package org.youguan.universal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.youguan.kernel.Masking;

/** A 临时停业 the postal enterprise reported for one of its post offices: the days closed and why. */
public record SuspensionView(long id, long facilityId, String facilityName, String regionCode,
		String enterpriseCreditCode, LocalDate startsOn, LocalDate endsOn, String reason, OffsetDateTime reportedAt,
		String reportedBy) {

	/** The same report with every ID and mobile number in its reason masked ({@link Masking#personalNumbersIn}), as lists show it. */
	public SuspensionView masked() {
		return new SuspensionView(id, facilityId, facilityName, regionCode, enterpriseCreditCode, startsOn, endsOn,
				Masking.personalNumbersIn(reason), reportedAt, reportedBy);
	}
}
