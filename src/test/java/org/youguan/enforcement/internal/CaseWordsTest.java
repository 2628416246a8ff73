package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.Penalty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise's penalty page in English shows its status and proposed penalty in English (attack B4), and in
 * Chinese exactly what the domain writes.
 */
class CaseWordsTest {

	final CaseWords words = new CaseWords(messages());

	static ResourceBundleMessageSource messages() {
		return org.youguan.TestMessages.bundle();
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aStatusAndAPenaltyInEnglish() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		LocalDate deemed = LocalDate.of(2026, 3, 5);
		assertThat(words.status(CaseStatus.DELIVERED, deemed, true))
			.isEqualTo("Being served by public notice (deemed served on 5 March 2026)");
		assertThat(words.status(CaseStatus.NOTIFIED, null, false)).doesNotContainPattern("\\p{IsHan}");
		assertThat(words.penalty(Penalty.FINE, new BigDecimal("5000"), null, null, "罚款人民币5000元"))
			.isEqualTo("Fine of ¥5000");
		assertThat(words.penalty(Penalty.REVOCATION, new BigDecimal("50000"), new BigDecimal("9999"), null, "x"))
			.isEqualTo("Licence revoked, confiscation of illegal gains of ¥9999 and a fine of ¥50000");
		assertThat(words.penalty(Penalty.SUSPENSION, null, null, 30, "x")).isEqualTo("Suspension for rectification for 30 days");
	}

	@Test
	void chineseIsWhatTheDomainWrites() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		LocalDate deemed = LocalDate.of(2026, 3, 5);
		assertThat(words.status(CaseStatus.DELIVERED, deemed, true)).isEqualTo(CaseStatus.DELIVERED.shown(deemed));
		assertThat(words.status(CaseStatus.NOTIFIED, null, false)).isEqualTo(CaseStatus.NOTIFIED.label());
		String described = Penalty.FINE.describe(new BigDecimal("5000"), null);
		assertThat(words.penalty(Penalty.FINE, new BigDecimal("5000"), null, null, described)).isEqualTo(described);
	}
}
