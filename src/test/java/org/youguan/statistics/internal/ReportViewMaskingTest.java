package org.youguan.statistics.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.statistics.ReportStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A statistics report's comment and reasons show in lists with their ID and mobile numbers masked. */
class ReportViewMaskingTest {

	@Test
	void commentReturnReasonAndRevisionReasonAreMasked() {
		String typed = "填报人13912345678";
		ReportView r = new ReportView(1, 2, "快递月报", 3, "某公司", "91320506MA1XXXXXX0", "320506", "2026-05", 1,
				ReportStatus.RETURNED, LocalDate.of(2026, 6, 5), false, null, true, typed, typed, null, "某人", typed, false).masked();
		assertThat(List.of(r.comment(), r.returnReason(), r.revisionReason())).containsOnly("填报人139****5678");
	}
}
