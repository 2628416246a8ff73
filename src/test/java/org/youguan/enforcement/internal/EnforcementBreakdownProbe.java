package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;

/**
 * Reads the figures breakdown for tests outside this package: the 缴纳罚款, 没收违法所得上缴 and 公示 on-time lines of the
 * cases decided on one day.
 */
@Component
public final class EnforcementBreakdownProbe {

	private final EnforcementBreakdown breakdown;

	EnforcementBreakdownProbe(EnforcementBreakdown breakdown) {
		this.breakdown = breakdown;
	}

	/** How many payments of the cases decided on {@code day} are judged, and how many of them on time. */
	public List<Long> paymentStep(DataScope scope, String prefix, LocalDate day) {
		return step(scope, prefix, day, 2);
	}

	/** How many handovers of confiscated gains of the cases decided on {@code day} are judged, and how many on time. */
	public List<Long> handoverStep(DataScope scope, String prefix, LocalDate day) {
		return step(scope, prefix, day, 3);
	}

	/** How many publications (双公示) of the cases decided on {@code day} are due, and how many were on time. */
	public List<Long> publicationStep(DataScope scope, String prefix, LocalDate day) {
		return step(scope, prefix, day, 4);
	}

	private List<Long> step(DataScope scope, String prefix, LocalDate day, int index) {
		EnforcementBreakdown.Line line = breakdown.breakdown(scope, prefix, day, day).steps().get(index);
		return List.of(line.count(), line.onTime() == null ? 0L : line.onTime());
	}
}
