package org.youguan.safety.internal.alerts;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bureau's reason for deciding an alert shows in the list with its ID and mobile numbers masked. */
class AlertViewMaskingTest {

	@Test
	void theDecisionsReasonIsMasked() {
		AlertView a = new AlertView(1, AlertRule.COURIER_SELF, "K001", LocalDate.of(2026, 5, 1), "320506", "吴中区", 2L, "某公司",
				null, null, "详情", null, null, "DISMISSED", "已核实，快递员电话13912345678", "某人", null, null).masked();
		assertThat(a.reason()).isEqualTo("已核实，快递员电话139****5678");
		assertThat(a.detail()).isEqualTo("详情");
	}

	/** Attack finding 5: the 对象 cell showed the internal enterprise id ("6:C-WZ-007"); it names the enterprise. */
	@Test
	void aCourierIsShownWithHisEnterprisesName() {
		AlertView a = new AlertView(1, AlertRule.COURIER_SELF, "6:C-WZ-007@330302", LocalDate.of(2026, 5, 1), "330302", "鹿城区",
				6L, "顺丰速运（温州）有限公司", null, null, "详情", null, null, "OPEN", null, null, null, null);
		assertThat(a.subjectShown()).isEqualTo("顺丰速运（温州）有限公司 快递员C-WZ-007");
	}
}
