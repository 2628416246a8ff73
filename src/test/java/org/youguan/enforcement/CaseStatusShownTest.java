package org.youguan.enforcement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CaseStatus#shown}: a decision served by public notice reads 公告送达中 with its deemed day until that day
 * (民事诉讼法(2023) art.95), 已送达 from it; every other method, status or a missing day reads the status's label.
 */
class CaseStatusShownTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

	@Test
	void aPublicNoticeBeforeItsDeemedDayReadsPendingWithTheDeemedDay() {
		assertThat(CaseStatus.DELIVERED.shown(DeliveryMethod.PUBLIC_NOTICE, TODAY.plusDays(1), TODAY))
			.isEqualTo("公告送达中（视为送达日 2026年3月6日）");
		assertThat(CaseStatus.DELIVERED.shown(DeliveryMethod.PUBLIC_NOTICE, LocalDate.of(2026, 4, 13), TODAY))
			.isEqualTo("公告送达中（视为送达日 2026年4月13日）");
	}

	@Test
	void onAndAfterTheDeemedDayAndForEveryOtherMethodItReadsDelivered() {
		assertThat(CaseStatus.DELIVERED.shown(DeliveryMethod.PUBLIC_NOTICE, TODAY, TODAY)).isEqualTo("已送达");
		assertThat(CaseStatus.DELIVERED.shown(DeliveryMethod.PUBLIC_NOTICE, TODAY.minusDays(1), TODAY)).isEqualTo("已送达");
		for (DeliveryMethod m : DeliveryMethod.values()) {
			if (m != DeliveryMethod.PUBLIC_NOTICE) {
				assertThat(CaseStatus.DELIVERED.shown(m, TODAY.plusDays(3), TODAY)).as(m.name()).isEqualTo("已送达");
			}
		}
		assertThat(CaseStatus.DELIVERED.shown(null, TODAY.plusDays(3), TODAY)).isEqualTo("已送达");
		assertThat(CaseStatus.DELIVERED.shown(DeliveryMethod.PUBLIC_NOTICE, null, TODAY)).isEqualTo("已送达");
	}

	@Test
	void anyOtherStatusReadsItsLabel() {
		for (CaseStatus s : CaseStatus.values()) {
			if (s != CaseStatus.DELIVERED) {
				assertThat(s.shown(DeliveryMethod.PUBLIC_NOTICE, TODAY.plusDays(10), TODAY)).as(s.name()).isEqualTo(s.label());
			}
		}
	}
}
