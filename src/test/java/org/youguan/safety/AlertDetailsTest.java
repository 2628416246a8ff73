package org.youguan.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.StoredWords;
import org.youguan.kernel.Wording;

/**
 * An alert's stored detail values read back by the one rule of stored words ({@link StoredWords}): the day the
 * detection stored is the day again, lists and unnamed enterprises as before.
 */
class AlertDetailsTest {

	@Test
	void aStoredDayIsReadBackAsTheDayItWas() {
		LocalDate day = LocalDate.of(2026, 3, 5);
		Wording words = AlertDetails.words("safety.alert.detail.machineIdle",
				List.of("1号机", "SN-1", StoredWords.text(day)));
		assertThat(words.arguments()).containsExactly("1号机", "SN-1", day);
	}

	@Test
	void listsAndUnnamedEnterprisesAreWordedAsBefore() {
		Wording words = AlertDetails.words("safety.alert.detail.courierSelf",
				List.of("企业9001", "C-1", "2026-03-05", "2", "SF1、SF2"));
		assertThat(words.arguments().get(0)).isEqualTo(Wording.of(AlertDetails.UNNAMED_ENTERPRISE_KEY, "9001"));
		assertThat(words.arguments().get(2)).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(words.arguments().get(4)).isEqualTo(List.of("SF1", "SF2"));
	}
}
