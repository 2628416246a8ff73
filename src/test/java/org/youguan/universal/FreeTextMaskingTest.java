package org.youguan.universal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free text of post-office approvals, suspensions and 通邮 checks shows in lists with its ID and mobile numbers
 * masked; everything else as recorded.
 */
class FreeTextMaskingTest {

	static final String TYPED = "联系人13912345678，身份证110105194912310021";

	static final String SHOWN = "联系人139****5678，身份证110105********0021";

	@Test
	void aPostOfficeApprovalsFreeTextIsMasked() {
		PostOfficeApproval a = new PostOfficeApproval(1, ApprovalKind.CLOSURE, 2, "某营业所", "320506", "91320506MA1XXXXXX0",
				TYPED, "新址", ApprovalStatus.CHECKED, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 29), true, TYPED,
				"局长", LocalDate.of(2026, 5, 5), TYPED, TYPED, null, TYPED, null, null, null, null, true, false, null, null,
				null, 3, false, false, false, List.of()).masked();
		assertThat(List.of(a.reason(), a.extensionReason(), a.checkFindings(), a.consultation(), a.decisionReasons()))
			.containsOnly(SHOWN);
		assertThat(a.newAddress()).isEqualTo("新址");
	}

	/** The addresses and names an approval prints and lists — new address, alternative post office, notice channel — too. */
	@Test
	void anApprovalsAddressesAndChannelAreMasked() {
		PostOfficeApproval a = new PostOfficeApproval(1, ApprovalKind.RELOCATION, 2, "某营业所", "320506", "91320506MA1XXXXXX0",
				"租约到期", TYPED, ApprovalStatus.ANNOUNCED, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 29), false, null,
				null, LocalDate.of(2026, 5, 5), null, null, LocalDate.of(2026, 5, 8), null, "局长", null,
				LocalDate.of(2026, 5, 9), TYPED, true, false, null, TYPED, null, null, false, false, false, List.of()).masked();
		assertThat(List.of(a.newAddress(), a.alternativeOffice(), a.noticeChannel())).containsOnly(SHOWN);
	}

	/** A village's profile as the register lists it: its post office, handover type and address. */
	@Test
	void aVillagesProfileIsMasked() {
		VillageView v = new VillageView("320506001001", "某村委会", "某镇", "320506", "吴中区", DeliveryMode.VILLAGE_POST, 5, null,
				TYPED, TYPED, TYPED, "91320506MA1XXXXXX0", null, null, false);
		assertThat(List.of(v.postOfficeName(), v.handoverType(), v.handoverAddress())).containsOnly(SHOWN);
	}

	@Test
	void aSuspensionsReasonAndAChecksFindingsAreMasked() {
		assertThat(new SuspensionView(1, 2, "某营业所", "320506", "91320506MA1XXXXXX0", LocalDate.of(2026, 5, 1),
				LocalDate.of(2026, 5, 2), TYPED, null, "某人").masked().reason()).isEqualTo(SHOWN);
		assertThat(new VillageCheck(1, "320506001001", "某村", LocalDate.of(2026, 5, 1), DeliveryMode.DIRECT, 3, true, true,
				TYPED, "张三、李四", 2, false, null).masked().findings()).isEqualTo(SHOWN);
	}
}
