package org.youguan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.Citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Finding (English mode showed whole Chinese sentences built without a key): the refusals of the public complaint
 * form, a lead, evidence, a head-only step, an alert's day, a hazard's close, a waiver, a mediated amount, an inspection
 * record and a name's characters carry their key with their values, and a basis the pages show cites the law in
 * English — each read here in English without a Han character but the values typed, and in Chinese word for word.
 */
class WholeSentencesInEnglishTest {

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	private static String english(Wording wording, String chinese) {
		String shown = RefusalWords.in(wording, chinese, Locale.ENGLISH);
		assertThat(RefusalWords.in(wording, chinese, Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
		assertThat(shown).as(wording.key()).isNotEqualTo(chinese);
		return shown;
	}

	@Test
	void theRefusalsOnceWrittenWithoutAKeyReadInEnglish() {
		assertThat(english(Wording.of("complaints.refusal.brandRequired"), "请填写被申诉企业品牌（没有明确的被申诉人不能受理）"))
			.doesNotContainPattern(HAN).contains("brand");
		assertThat(english(Wording.of("complaints.refusal.categoryChoose", "投递服务、延误"), "请选择申诉类别（投递服务、延误）"))
			.startsWith("Choose the complaint category (").doesNotContainPattern(HAN);
		assertThat(english(Wording.of("complaint.refusal.priorAnswerPending", 7, LocalDate.of(2026, 6, 16)), "…"))
			.doesNotContainPattern(HAN).contains("7 days").contains("2026-06-16");
		assertThat(english(Wording.of("complaints.refusal.amountNegative", "约定赔偿金额"), "约定赔偿金额不能为负数"))
			.endsWith("cannot be negative");
		assertThat(english(Wording.of("enforcement.refusal.leadPlaceRequired"), "未指明企业时须填写违法行为发生地"))
			.doesNotContainPattern(HAN);
		assertThat(english(Wording.of("enforcement.refusal.leadReceivedTooEarly", LocalDate.of(2024, 12, 1), LocalDate.of(2026, 12, 1)),
				"收到日期应在2024年12月1日至2026年12月1日之间：…"))
			.startsWith("The day received must be between 2024-12-01 and 2026-12-01: ").doesNotContainPattern(HAN)
			.contains("Article 36 of the Administrative Penalty Law (2021)");
		assertThat(english(Wording.of("enforcement.refusal.evidenceCollectors", 2), "收集证据的执法人员不得少于2人…"))
			.doesNotContainPattern(HAN).contains("(Articles 42 and 55 of the Administrative Penalty Law (2021))");
		assertThat(english(Wording.of("enforcement.refusal.notHandlingHead.leader",
				Wording.of("enforcement.headStep.reissueServed", org.youguan.enforcement.internal.CaseDocumentKind.DECISION),
				"苏州市邮政管理局", "张三"), "重新制作已送达当事人的…"))
			.startsWith("Remaking a ").contains("Article 57 of the Administrative Penalty Law (2021)");
		assertThat(english(Wording.of("enforcement.refusal.notHandlingHead", Wording.of("enforcement.headStep.批准立案"),
				"苏州市邮政管理局", "张三"), "批准立案须由…"))
			.startsWith("Approving the filing of a case is for a head of the handling bureau (苏州市邮政管理局)");
		assertThat(english(Wording.of("enforcement.refusal.confirmWaiver.STATEMENT"), "请确认放弃陈述申辩"))
			.isEqualTo("Confirm that you waive your statement and defence");
		assertThat(english(Wording.of("safety.refusal.detectDay", LocalDate.of(2026, 12, 6), LocalDate.of(2030, 1, 1)), "…"))
			.doesNotContainPattern(HAN).contains("2026-12-06").contains("2030-01-01");
		assertThat(english(Wording.of("safety.refusal.closeEvidence"), "销号须有整改佐证材料，请上传")).doesNotContainPattern(HAN);
		assertThat(english(Wording.of("inspections.refusal.inspectorsMin", 2), "检查人员不得少于2人…"))
			.isEqualTo("At least 2 inspectors (Article 63 of the Postal Law (2015) and Article 42 of the Administrative Penalty Law (2021))");
		assertThat(english(Wording.of("inspections.refusal.itemsRequired"), "检查事项至少选择一项")).doesNotContainPattern(HAN);
		assertThat(english(Wording.of("inspections.refusal.signatureRequired"), "签名：…")).doesNotContainPattern(HAN);
	}

	/** The kernel's name rule, as a form refuses 企业名称 holding "|": the key with the field's label and the character. */
	@Test
	void aNameWithASeparatorIsRefusedInEnglish() {
		Validation v = new Validation().name("legalName", "企业名称", "顺达|快递有限公司");
		DomainException refused = catchThrowableOfType(DomainException.class, v::throwIfInvalid);
		assertThat(refused.getMessage()).isEqualTo("企业名称只能含汉字、字母、数字和常用标点（如（）·、-），不能含“|”");
		List<org.youguan.kernel.FieldError> english = RefusalWords.in(refused.fieldErrors(), refused, Locale.ENGLISH);
		assertThat(english.get(0).message()).doesNotContainPattern(HAN).endsWith("not “|”");
		assertThat(RefusalWords.in(refused.fieldErrors(), refused, Locale.SIMPLIFIED_CHINESE)).isEqualTo(refused.fieldErrors());
	}

	/** A basis as the pages show it cites the law in English: the short and formal forms, a practice, the separators. */
	@Test
	void aBasisCitesTheLawInEnglish() {
		assertThat(Citation.englishIn("快递市场管理办法(2023) 第54条"))
			.isEqualTo("Article 54 of the Express Market Administration Measures (2023)");
		assertThat(Citation.englishIn("《快递市场管理办法》第五十六条"))
			.isEqualTo("Article 56 of the Express Market Administration Measures");
		assertThat(Citation.englishIn("《中华人民共和国行政诉讼法》第一百零三条；地方实践（未确认）"))
			.isEqualTo("Article 103 of the Administrative Litigation Law; local practice (not confirmed)");
		LawWords laws = new LawWords(new MessageSourceConfiguration().messageSource("messages", false));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(laws.cited("快递暂行条例(2025) 第50条、邮政法(2015) 第72条"))
			.isEqualTo("Article 50 of the Interim Regulations on Express Delivery (2025), Article 72 of the Postal Law (2015)");
		// the hazard's deadline as the record stated it: figure, unit and basis in English (the title by the catalogue)
		assertThat(laws.stated("一般隐患整改期限10个工作日（地方实践，未确认）"))
			.endsWith(" 10 working days (local practice (not confirmed))");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(laws.stated("一般隐患整改期限10个工作日（地方实践，未确认）")).isEqualTo("一般隐患整改期限10个工作日（地方实践，未确认）");
		assertThat(laws.cited("快递暂行条例(2025) 第50条")).isEqualTo("快递暂行条例(2025) 第50条");
	}
}
