package org.youguan.enforcement.internal;

import org.junit.jupiter.api.Test;
import org.youguan.numbering.BusinessNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead's origin names the document once: a complaint's or an order's automatic number already starts with its type
 * (申诉-320506-2026-000001, 责令改正-320506-2026-000003), so nothing is put in front of it; a number typed by hand
 * (吴邮管责改〔2025〕3号) gets what it is in front.
 */
class LeadIntakeOriginTest {

	@Test
	void theKindIsPutInFrontOnlyWhereTheNumberDoesNotSayIt() {
		assertThat(BusinessNumbers.named("申诉", "申诉", "申诉-320506-2026-000001")).isEqualTo("申诉-320506-2026-000001");
		assertThat(BusinessNumbers.named("申诉", "申诉", "SS2025-0001")).isEqualTo("申诉SS2025-0001");
		assertThat(BusinessNumbers.named("责令改正通知书", "责令改正", "责令改正-320506-2026-000003"))
			.isEqualTo("责令改正-320506-2026-000003");
		assertThat(BusinessNumbers.named("责令改正通知书", "责令改正", "吴邮管责改〔2025〕3号")).isEqualTo("责令改正通知书吴邮管责改〔2025〕3号");
		// an order numbered by the platform in the official form says its kind by its 代字 only: the title is put in front
		assertThat(BusinessNumbers.named("责令改正通知书", "责令改正", "苏吴邮管责改〔2026〕3号")).isEqualTo("责令改正通知书苏吴邮管责改〔2026〕3号");
		// a late outlet filing's lead: "备案申请-…", not "网点备案备案申请-…"
		assertThat(BusinessNumbers.named("网点备案申请", "备案申请", "备案申请-320506-2026-000002"))
			.isEqualTo("备案申请-320506-2026-000002");
		assertThat(BusinessNumbers.named("网点备案申请", "备案申请", "WD2025-7")).isEqualTo("网点备案申请WD2025-7");
	}
}
