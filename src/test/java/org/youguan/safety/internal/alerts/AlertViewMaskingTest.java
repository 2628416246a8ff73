package org.youguan.safety.internal.alerts;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bureau's reason for deciding an alert shows in the list with its ID and mobile numbers masked. */
class AlertViewMaskingTest {

	@Test
	void theDecisionsReasonIsMasked() {
		AlertView a = new AlertView(1, AlertRule.COURIER_SELF, "K001", LocalDate.of(2026, 5, 1), "320506", "吴中区", 2L, "某公司",
				null, null, "详情", "DISMISSED", "已核实，快递员电话13912345678", "某人", null, null).masked();
		assertThat(a.reason()).isEqualTo("已核实，快递员电话139****5678");
		assertThat(a.detail()).isEqualTo("详情");
	}
}
