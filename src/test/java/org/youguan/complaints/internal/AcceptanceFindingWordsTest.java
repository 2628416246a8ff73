package org.youguan.complaints.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.youguan.MessageBundles;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Wording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding B1: the acceptance review's findings are keyed (the page words them in the reader's language), and a
 * suspected duplicate names the earlier complaint's number once — 申诉-320506-2026-000073, never 申诉申诉-….
 */
class AcceptanceFindingWordsTest {

	private static final Properties CHINESE = MessageBundles.load(MessageBundles.CHINESE);

	private static final Properties ENGLISH = MessageBundles.load(MessageBundles.ENGLISH);

	private static String said(Properties bundle, Wording w, Locale locale) {
		Object[] args = w.arguments().stream().map(a -> ChineseText.sentenceArgument(a, locale)).toArray();
		return new MessageFormat(bundle.getProperty(w.key()), locale).format(args);
	}

	@Test
	void aDuplicateNamesTheEarlierNumberOnceInBothLanguages() {
		String number = "申诉-320506-2026-000073";
		AcceptanceRule.Breach b = new DuplicateRule()
			.check(new AcceptanceRule.Facts(LocalDate.of(2026, 3, 5), null, null, false, number), null)
			.orElseThrow();
		assertThat(b.finding()).isEqualTo("疑似与申诉-320506-2026-000073重复（同一手机号、运单号和类别，或当日对同一品牌内容相同）")
			.doesNotContain("申诉申诉");
		assertThat(b.findingWording().key()).isEqualTo("complaint.finding.duplicate");
		assertThat(said(CHINESE, b.findingWording(), Locale.CHINESE)).isEqualTo(b.finding());
		String english = said(ENGLISH, b.findingWording(), Locale.ENGLISH);
		assertThat(english).contains(number);
		// no Han but the number's own type word
		assertThat(english.replace(number, "")).doesNotContainPattern("\\p{IsHan}");
		// a number typed by hand gets its kind in front, once
		AcceptanceRule.Breach typed = new DuplicateRule()
			.check(new AcceptanceRule.Facts(LocalDate.of(2026, 3, 5), null, null, false, "2026-73"), null)
			.orElseThrow();
		assertThat(typed.finding()).startsWith("疑似与申诉2026-73重复");
	}

	@Test
	void theReviewLineIsWordedInEnglishWithoutAChineseColon() {
		String line = new MessageFormat(ENGLISH.getProperty("complaint.ui.assessmentLine"), Locale.ENGLISH)
			.format(new Object[] { "A repeated complaint without new content", "x", "y" });
		assertThat(line).isEqualTo("A repeated complaint without new content: x (y)");
		assertThat(new MessageFormat(CHINESE.getProperty("complaint.ui.assessmentLine"), Locale.CHINESE)
			.format(new Object[] { "重复申诉且无新的内容", "x", "y" })).isEqualTo("重复申诉且无新的内容：x（y）");
	}

	@Test
	void theOtherFindingsAreKeyedWithTheirDays() {
		Wording timeBarred = Wording.of("complaint.finding.timeBarred", LocalDate.of(2025, 1, 2));
		assertThat(said(CHINESE, timeBarred, Locale.CHINESE)).isEqualTo("交寄日期2025年1月2日，已超过申诉时效");
		assertThat(said(ENGLISH, timeBarred, Locale.ENGLISH)).contains("2025-01-02").doesNotContainPattern("\\p{IsHan}");
		Wording prior = Wording.of("complaint.finding.priorComplaint", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
		assertThat(said(CHINESE, prior, Locale.CHINESE)).isEqualTo("向企业投诉于2026年3月2日，尚在企业答复期内（至2026年3月9日）");
		assertThat(said(ENGLISH, prior, Locale.ENGLISH)).contains("2026-03-02", "2026-03-09").doesNotContainPattern("\\p{IsHan}");
	}
}
