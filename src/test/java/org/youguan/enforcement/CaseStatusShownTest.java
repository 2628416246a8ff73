package org.youguan.enforcement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.youguan.enforcement.internal.CaseClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CaseStatus#shown} with the deemed day from the one rule ({@link CaseClock#deemedDayAhead}): a decision
 * delivered with its deemed day still ahead (公告送达, 民事诉讼法(2023) art.95) reads 公告送达中 with that day, 已送达 from
 * it on; every other status, or a decision served, reads the status's label.
 */
class CaseStatusShownTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

	private static String shown(CaseStatus s, LocalDate deliveredOn) {
		return s.shown(CaseClock.deemedDayAhead(deliveredOn, TODAY));
	}

	@Test
	void aPublicNoticeBeforeItsDeemedDayReadsPendingWithTheDeemedDay() {
		assertThat(shown(CaseStatus.DELIVERED, TODAY.plusDays(1))).isEqualTo("公告送达中（视为送达日2026年3月6日）");
		assertThat(shown(CaseStatus.DELIVERED, LocalDate.of(2026, 4, 13))).isEqualTo("公告送达中（视为送达日2026年4月13日）");
	}

	@Test
	void onAndAfterTheDeemedDayOrNotDeliveredItReadsItsLabel() {
		assertThat(shown(CaseStatus.DELIVERED, TODAY)).isEqualTo("已送达");
		assertThat(shown(CaseStatus.DELIVERED, TODAY.minusDays(1))).isEqualTo("已送达");
		assertThat(shown(CaseStatus.DELIVERED, null)).isEqualTo("已送达");
	}

	@Test
	void theRuleIsOneTheServedRuleIsItsOtherSide() {
		for (LocalDate d : new LocalDate[] { null, TODAY.minusDays(2), TODAY, TODAY.plusDays(1), TODAY.plusDays(30) }) {
			boolean ahead = CaseClock.deemedDayAhead(d, TODAY) != null;
			assertThat(CaseClock.decisionServed(d, TODAY)).as(String.valueOf(d)).isEqualTo(d != null && !ahead);
		}
	}

	@Test
	void anyOtherStatusReadsItsLabel() {
		for (CaseStatus s : CaseStatus.values()) {
			if (s != CaseStatus.DELIVERED) {
				assertThat(shown(s, TODAY.plusDays(10))).as(s.name()).isEqualTo(s.label());
			}
		}
	}
}
