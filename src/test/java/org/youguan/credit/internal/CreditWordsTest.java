package org.youguan.credit.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.youguan.TestMessages;
import org.youguan.enforcement.Penalty;
import org.youguan.rules.ViolationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (a credit entry's content and the reason its correction is owed read in Chinese on an English page): the texts
 * the platform writes — a penalty's "违法行为：罚款人民币5000元", an overdue rectification, a remedy's or an upheld
 * objection's reason — read in English with their values; Chinese reads them as stored; a reason typed stays as typed.
 */
class CreditWordsTest {

	private final CreditWords words = new CreditWords(TestMessages.bundle());

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theTextsThePlatformWritesReadInEnglish() {
		String penalty = ViolationType.UNLICENSED.shortName() + "：" + Penalty.FINE.describe(new BigDecimal("5000"), null);
		String revoked = ViolationType.BRANCH_UNFILED.shortName() + "："
				+ Penalty.REVOCATION.describe(new BigDecimal("50000"), new BigDecimal("9999"));
		String overdue = "责令改正通知书苏邮责改〔2026〕3号限期2026年3月5日届满，逾期未改正";
		String remedy = "行政复议变更（苏复〔2026〕1号，2026年4月1日）：变更为" + Penalty.FINE.describe(new BigDecimal("2000"), null);
		String upheld = "异议成立（2026年4月2日）：决定已撤销";
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(words.summary(penalty)).isEqualTo("Express business without a licence: Fine of ¥5000");
		assertThat(words.summary(revoked)).doesNotContainPattern("\\p{IsHan}").contains("Licence revoked", "¥9999", "¥50000");
		// the order's number is quoted as written; the sentence around it is English
		assertThat(words.summary(overdue)).startsWith("Order to rectify 苏邮责改〔2026〕3号").contains("2026-03-05")
			.satisfies(text -> assertThat(text.replace("苏邮责改〔2026〕3号", "")).doesNotContainPattern("\\p{IsHan}"));
		assertThat(words.reason(remedy)).isEqualTo("Administrative review: Changed (苏复〔2026〕1号, 2026-04-01), changed to Fine of ¥2000");
		assertThat(words.reason(upheld)).isEqualTo("Objection upheld (2026-04-02): 决定已撤销");
		assertThat(words.reason(remedy + "；其后" + remedy + "，不取代撤销")).startsWith("Administrative review")
			.contains("; later Administrative review");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		for (String stored : new String[] { penalty, revoked, overdue }) {
			assertThat(words.summary(stored)).isEqualTo(stored);
		}
		assertThat(words.reason(remedy)).isEqualTo(remedy);
		assertThat(words.reason(upheld)).isEqualTo(upheld);
	}
}
