package org.youguan.universal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A 临时停业 the postal enterprise reported for one of its post offices: the days closed and why. */
public record SuspensionView(long id, long facilityId, String facilityName, String regionCode,
		String enterpriseCreditCode, LocalDate startsOn, LocalDate endsOn, String reason, OffsetDateTime reportedAt,
		String reportedBy) {
}
