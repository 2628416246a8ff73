package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;

/**
 * Reads the figures breakdown for tests outside this package: the 缴纳罚款 on-time line of the cases decided on one day.
 */
@Component
public final class EnforcementBreakdownProbe {

	private final EnforcementBreakdown breakdown;

	EnforcementBreakdownProbe(EnforcementBreakdown breakdown) {
		this.breakdown = breakdown;
	}

	/** How many payments of the cases decided on {@code day} are judged, and how many of them on time. */
	public List<Long> paymentStep(DataScope scope, String prefix, LocalDate day) {
		EnforcementBreakdown.Line line = breakdown.breakdown(scope, prefix, day, day).steps().get(2);
		return List.of(line.count(), line.onTime() == null ? 0L : line.onTime());
	}
}
