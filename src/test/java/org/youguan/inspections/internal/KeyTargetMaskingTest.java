package org.youguan.inspections.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.inspections.InspectionOrders;

import static org.assertj.core.api.Assertions.assertThat;

/** A key inspection target's and a rectification order's free text show in lists with their ID and mobile numbers masked. */
class KeyTargetMaskingTest {

	static final String TYPED = "举报人13912345678";

	static final String SHOWN = "举报人139****5678";

	@Test
	void aKeyTargetsSourceDetailSummaryAndReasonAreMasked() {
		KeyTargets.KeyTarget t = new KeyTargets.KeyTarget(1, "320506", "吴中区", "91320506MA1XXXXXX0", "某公司", "COMPLAINT",
				TYPED, null, TYPED, TYPED, LocalDate.of(2026, 5, 1), "某人", null, null).masked();
		assertThat(List.of(t.sourceDetail(), t.summary(), t.reason())).containsOnly(SHOWN);
	}

	@Test
	void anOrdersReplyNotesFindingsAndResultAreMasked() {
		InspectionOrders.Order o = new InspectionOrders.Order(1, 2, "320506", "91320506MA1XXXXXX0", "某公司", "某网点",
				"责令改正-1", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 15), false, 10, "REPLIED", TYPED, null, null, TYPED, null,
				null, null, TYPED, "条例第50条", null, TYPED, TYPED).masked();
		assertThat(List.of(o.reply(), o.decisionNote(), o.findings(), o.reinspectionResult(), o.reinspectionNote()))
			.containsOnly(SHOWN);
		assertThat(o.basis()).isEqualTo("条例第50条");
	}
}
