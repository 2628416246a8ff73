package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.youguan.MessageBundles;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.registry.Outlets;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Finding (English mode showed Chinese where a text was built without a key): the registry's, outlets', credit and
 * complaints modules' refusals carry their sentence's key at source — a credit code read inside a form's checks
 * ({@link Validation#check}) keeps the key the code's own refusal has, a filing number's format and issued-form
 * refusals, every "…不能晚于今天" — the twin text of a supervision import and the rules catalogue's titles read in
 * English too; Chinese keeps the module's sentence word for word.
 */
class EnglishWithoutKeysTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Properties EN = MessageBundles.load(MessageBundles.ENGLISH);

	private static final Properties ZH = MessageBundles.load(MessageBundles.CHINESE);

	private static List<FieldError> english(DomainException refusal) {
		return RefusalWords.in(refusal.fieldErrors(), refusal, Locale.ENGLISH);
	}

	@Test
	void aCreditCodeReadInsideAFormsChecksKeepsItsKey() {
		Validation v = new Validation();
		assertThat(CreditCode.checked(v, "enterpriseCreditCode", "91320500")).isNull();
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, v::throwIfInvalid);
		assertThat(english(refused)).extracting(FieldError::field, FieldError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("enterpriseCreditCode",
					"A unified social credit code has 18 characters, not 8"));
		assertThat(RefusalWords.in(refused.fieldErrors(), refused, Locale.SIMPLIFIED_CHINESE))
			.extracting(FieldError::message).containsExactly("统一社会信用代码应为18位，实际为8位");
		InvalidValueException blank = catchThrowableOfType(InvalidValueException.class, () -> new CreditCode(" "));
		assertThat(english(blank)).extracting(FieldError::message).singleElement().asString()
			.endsWith("is required").doesNotContainPattern(HAN);
		assertThat(blank.getMessage()).isEqualTo("统一社会信用代码不能为空");
	}

	@Test
	void aFilingNumbersRefusalsReadInEnglish() {
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
				() -> Outlets.checkFiledNumber(new Validation(), "filingNumber", "WD<b>1").throwIfInvalid());
		assertThat(refused.getMessage()).startsWith("备案编号只能由汉字、数字、英文字母").endsWith("不能含有“<”");
		assertThat(english(refused)).extracting(FieldError::message).singleElement().asString()
			.startsWith("Filing number is written only with").endsWith("not “<”").doesNotContainPattern(HAN);
		String issued = "网点备案3205062026000999";
		InvalidValueException own = catchThrowableOfType(InvalidValueException.class,
				() -> Outlets.checkFiledNumber(new Validation(), "filingNumber", issued).throwIfInvalid());
		assertThat(own.getMessage()).startsWith("备案编号“").contains("”是本系统签发的编号格式，只能由系统在备案通过时生成");
		// the number as typed is quoted as it was written: the sentence around it is English
		assertThat(english(own)).extracting(FieldError::message).singleElement().asString()
			.startsWith("Filing number “").contains("” has the form YouGuan issues")
			.satisfies(text -> assertThat(text.replaceAll("“[^”]*”", "")).doesNotContainPattern(HAN));
		InvalidValueException tooLong = catchThrowableOfType(InvalidValueException.class,
				() -> Outlets.checkFiledNumber(new Validation(), "filingNumber", "A".repeat(41)).throwIfInvalid());
		assertThat(english(tooLong)).extracting(FieldError::message).containsExactly("Filing number is at most 40 characters");
	}

	@Test
	void aDateLaterThanTodayReadsInEnglish() {
		LocalDate today = LocalDate.of(2026, 12, 7);
		Validation v = new Validation();
		v.within("foundOn", today.plusDays(1), today.minusYears(10), "发现日期不能早于2016年12月7日", today,
				Wording.of("kernel.invalid.notAfterToday", "备案日期", today.toString()), "备案日期不能晚于今天（2026年12月7日）");
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, v::throwIfInvalid);
		assertThat(refused.getMessage()).isEqualTo("备案日期不能晚于今天（2026年12月7日）");
		assertThat(english(refused)).extracting(FieldError::message)
			.containsExactly("Filed on: cannot be later than today (2026-12-07)");
		assertThat(RefusalWords.in(Wording.of("registry.refusal.filedOnFuture"), "备案日期不能晚于今天", Locale.ENGLISH))
			.isEqualTo("The filing date cannot be later than today");
		assertThat(RefusalWords.in(Wording.of("workplans.refusal.issuedInFuture", "2027-11-30", "2026-11-30"),
				"印发日期（2027年11月30日）不能晚于今天（2026年11月30日）", Locale.ENGLISH))
			.isEqualTo("The issue date (2027-11-30) cannot be later than today (2026-11-30)");
	}

	/** The modules whose refusals are keyed where they are raised. */
	private static final List<String> KEYED = List.of("registry", "credit", "complaints", "filing");

	private static final Pattern CALL = Pattern.compile("\\.require\\(|new DomainException\\(|DomainException\\.(?:illegalTransition|rule|duplicate)\\("
			+ "|new InvalidValueException\\(");

	private static final Pattern CHINESE_LITERAL = Pattern.compile("\"[^\"]*\\p{IsHan}[^\"]*\"");

	/**
	 * Every refusal of the registry, outlets (registry and filing), credit and complaints modules written with a Chinese
	 * sentence — a field's {@code v.require(…)}, a {@code DomainException}, an {@code InvalidValueException} — names its
	 * key beside it; each key its refusals name reads without Chinese in English, and a whole sentence's key reads in
	 * Chinese as the sentence the module wrote.
	 */
	@Test
	void everyRefusalOfTheKeyedModulesCarriesItsKey() throws IOException {
		List<String> unkeyed = new ArrayList<>();
		List<String> chineseInEnglish = new ArrayList<>();
		List<String> otherChinese = new ArrayList<>();
		Pattern named = Pattern.compile("Wording\\.of\\(\\s*\"([\\w.-]+)\"\\s*([,)])");
		Pattern whole = Pattern.compile("Wording\\.of\\(\\s*\"([\\w.-]+)\"\\s*\\)\\s*,\\s*\"([^\"]*)\"\\s*[,)]");
		int calls = 0;
		for (String module : KEYED) {
			try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/youguan", module))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
					String source = Files.readString(file, StandardCharsets.UTF_8);
					Matcher call = CALL.matcher(source);
					while (call.find()) {
						String arguments = RefusalWordsTest.arguments(source, call.end());
						if (CHINESE_LITERAL.matcher(arguments).find()) {
							calls++;
							if (!arguments.toLowerCase(Locale.ROOT).contains("wording")) {
								unkeyed.add(file.getFileName() + ": " + arguments.strip().replaceAll("\\s+", " "));
							}
						}
					}
					Matcher key = named.matcher(source);
					while (key.find()) {
						String english = EN.getProperty(key.group(1));
						if (english != null && HAN.matcher(english).find()) {
							chineseInEnglish.add(key.group(1) + "=" + english);
						}
					}
					Matcher sentence = whole.matcher(source);
					while (sentence.find()) {
						if (!sentence.group(2).equals(ZH.getProperty(sentence.group(1)))) {
							otherChinese.add(sentence.group(1) + ": " + sentence.group(2));
						}
					}
				}
			}
		}
		assertThat(calls).as("refusals with a Chinese sentence found").isGreaterThan(100);
		assertThat(unkeyed).as("refusals without their sentence's key").isEmpty();
		assertThat(chineseInEnglish).as("keys whose English holds Chinese").isEmpty();
		assertThat(otherChinese).as("whole sentences whose key's Chinese is another sentence").isEmpty();
	}

	/**
	 * Finding (a supervision import's duplicate row read "同一地区、检查日期和被检查单位的记录与第3行重复" in English): the twin's
	 * identity is keyed with the kind's labels.
	 */
	@Test
	void aSupervisionTwinReadsInEnglish() {
		Wording twin = Wording.of("import.invalid.twin", Wording.of("import.twin.supervision",
				Wording.of("enum.SupervisionKind.CONFIDENTIAL.dayLabel"), Wording.of("enum.SupervisionKind.CONFIDENTIAL.subjectLabel")),
				"3");
		String chinese = "同一地区、检查日期和被检查单位的记录与第3行重复";
		assertThat(RefusalWords.in(twin, chinese, Locale.ENGLISH)).doesNotContainPattern(HAN).contains("Checked on", "Unit checked", "3");
		assertThat(RefusalWords.in(twin, chinese, Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
		assertThat(RefusalWords.in(Wording.of("import.invalid.twin", Wording.of("import.twin.villageCheck"), "2"),
				"同一建制村和检查日期的检查与第2行重复", Locale.ENGLISH)).doesNotContainPattern(HAN);
	}

	/**
	 * Finding (a rule's reset flashed its Chinese title in English): every entry of the rules catalogue has an English
	 * title ({@code enum.StatutoryRule.*}), its Chinese the catalogue's title word for word, and a reset's message names
	 * the rule by it.
	 */
	@Test
	void everyRuleOfTheCatalogueHasAnEnglishTitle() {
		for (StatutoryRule rule : StatutoryRule.values()) {
			String key = "enum.StatutoryRule." + rule.name();
			assertThat(EN.getProperty(key)).as(key).isNotBlank().doesNotContainPattern(HAN);
			assertThat(ZH.getProperty(key)).as(key).isEqualTo(rule.title());
		}
		String chinese = "已恢复“" + StatutoryRule.BRANCH_FILING.title() + "”";
		assertThat(RefusalWords.in(Wording.of("done.rules.reset", StatutoryRule.BRANCH_FILING), chinese, Locale.ENGLISH))
			.isEqualTo("Reset: “Time to file a branch (from its business licence)”");
		assertThat(RefusalWords.in(Wording.of("done.rules.reset", StatutoryRule.BRANCH_FILING), chinese,
				Locale.SIMPLIFIED_CHINESE)).isEqualTo("已恢复“分支机构备案时限（自领取营业执照）”");
	}
}
