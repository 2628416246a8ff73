package org.youguan.filing.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.filing.FilingStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** An outlet filing's free text shows in the queues with its ID and mobile numbers masked. */
class FilingViewMaskingTest {

	@Test
	void missingItemsDecisionNoteAndChangeDescriptionAreMasked() {
		String typed = "负责人13912345678";
		FilingView f = new FilingView(1, "备案申请-1", FilingKind.CHANGE, 2L, "某驿站", "91320506MA1XXXXXX0", "某公司", "中通",
				null, "320506001", "长桥街道", FilingStatus.MISSING_ITEMS, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1),
				LocalDate.of(2026, 5, 8), null, true, typed, typed, null, LocalDate.of(2026, 4, 30), false, typed, null, null, null, false,
				false).masked();
		assertThat(List.of(f.missingItems(), f.decisionNote(), f.changeDescription())).containsOnly("负责人139****5678");
	}
}
