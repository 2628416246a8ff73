package org.youguan.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.youguan.complaints.ComplaintStatus;
import org.youguan.enforcement.Mitigation;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DecimalText;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.Listing;
import org.youguan.kernel.MobilePhone;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.RegionCode;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (English pages showed the kernel's shared rules half in Chinese — "Phone must be 11位手机号码…", "Amount
 * claimed must be a number（最多8位整数…）", "Sort by must be …之一", "Page size must be 1至200"): each shared rule carries
 * its sentence's key at its source, so an English page words the whole sentence — its label, its choices (their
 * {@code enum.*} English with the value to send, provision tokens cited) — with only what the user typed left as typed,
 * and a Chinese page keeps the module's sentence word for word.
 */
class KernelRulesInEnglishTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	record Claim(@JsonDeserialize(using = DecimalText.class) @NumberText.Digits(label = "索赔金额", integer = 8,
			fraction = 2) BigDecimal amount) {
	}

	@Test
	void aTelephoneRuleIsEnglishWholeAlsoThroughACheck() {
		DomainException phone = refusal(() -> Telephone.of("abc", "联系电话"));
		assertThat(english(phone)).singleElement().asString().doesNotContainPattern(HAN).endsWith(" must be an 11-digit mobile "
				+ "number or a landline with its area code (like 0512-65551234; an extension goes last: 0512-65551234-801)");
		assertThat(chinese(phone)).containsExactly("联系电话应为11位手机号码或带区号的固定电话（如0512-65551234，分机号写在最后：0512-65551234-801）");
		// a rule read inside a form's checks keeps its key when renamed to the form's field
		DomainException checked = refusal(() -> {
			Validation v = new Validation();
			v.check("contactPhone", () -> Telephone.of("abc", "联系电话"));
			v.throwIfInvalid();
		});
		assertThat(checked.fieldErrors()).extracting(FieldError::field).containsExactly("contactPhone");
		assertThat(english(checked)).isEqualTo(english(phone));
		DomainException mobile = refusal(() -> MobilePhone.of("0512-65551234"));
		assertThat(english(mobile)).singleElement().asString().doesNotContainPattern(HAN).contains("mobile number");
		assertThat(english(refusal(() -> MobilePhone.of("12")))).singleElement().asString().doesNotContainPattern(HAN);
	}

	@Test
	void anAmountOfAJsonBodyIsEnglishWhole() {
		DomainException amount = refusal(() -> JsonMapper.builder().build().readValue("{\"amount\":\"abc\"}", Claim.class));
		assertThat(english(amount)).containsExactly("Amount claimed must be a number (at most 8 integer and 2 decimal digits): abc");
		assertThat(chinese(amount)).containsExactly("索赔金额应为数字（最多8位整数、2位小数）：abc");
	}

	@Test
	void theFormulaRuleAndARegionCodeAreEnglish() {
		DomainException formula = refusal(() -> new Validation().documentText("title", "联系电话", "=cmd").throwIfInvalid());
		assertThat(english(formula)).singleElement().asString().doesNotContainPattern(HAN).contains(" cannot start with “=”");
		assertThat(chinese(formula)).singleElement().asString().startsWith("联系电话不能以“=”“+”“@”开头");
		DomainException region = refusal(() -> RegionCode.of("32a5"));
		assertThat(english(region)).containsExactly("A region code is made of digits only: 32a5");
		assertThat(chinese(region)).containsExactly("行政区划代码只能由数字组成：32a5");
	}

	@Test
	void aListsParametersAreEnglishWithOnlyTheTypedValueAsTyped() {
		DomainException range = refusal(() -> ListRequestArgumentResolver.requireWithinRange("-1", -1, "100000", 100000));
		assertThat(english(range)).containsExactly("The page is a whole number from 0 up (the first page is 0): -1",
				"The page size is 1 to 200: 100000");
		assertThat(chinese(range)).containsExactly("页码应为0或更大的整数（第一页为0）：-1", "每页条数应为1至200：100000");
		DomainException sort = refusal(() -> Listing.sortAmong(PageQuery.of(null, 0, 20, "zzz", null),
				List.of("region_code", "name")));
		assertThat(english(sort)).containsExactly("Sort by one of: region_code, name — not “zzz”");
		assertThat(chinese(sort)).containsExactly("排序字段应为region_code、name之一，不能为“zzz”");
	}

	@Test
	void aChoiceRefusedListsItsChoicesInEnglishWithTheirValues() {
		DomainException status = refusal(() -> ListFilter.oneOf(ComplaintStatus.class, "status", "状态", "ZZZ"));
		assertThat(english(status)).singleElement().asString().doesNotContainPattern(HAN)
			.contains(" must be one of: ").contains("(RECEIVED)");
		assertThat(chinese(status)).containsExactly("状态应为" + Choice.listed(ComplaintStatus.class) + "之一");
		// a choice whose English cites its provision: the citation, never the token
		String mitigation = RefusalWords.in(Wording.of("kernel.invalid.oneOf", "状态", Choice.choices(Mitigation.Ground.class)),
				"…", Locale.ENGLISH);
		assertThat(mitigation).doesNotContain("[[").doesNotContainPattern(HAN).contains("(ELIMINATED_HARM)");
		assertThat(RefusalWords.in(Wording.of("import.invalid.dictionaryOrCode", "状态", List.of(Mitigation.Ground.values()),
				List.of("ELIMINATED_HARM")), "…", Locale.ENGLISH)).doesNotContain("[[");
	}

	/** A module's sentence without its key, read back: its choices, listed or two, by their English. */
	@Test
	void aChoiceSentenceReadBackNamesItsChoicesInEnglish() {
		assertThat(RefusalWords.in("隐患等级应为一般隐患或重大隐患", Locale.ENGLISH)).doesNotContainPattern(HAN).contains(" or ");
		assertThat(RefusalWords.in("类别应为生产安全事故（ACCIDENT）或突发事件（EMERGENCY）", Locale.ENGLISH))
			.doesNotContainPattern(HAN).contains("(ACCIDENT) or ").endsWith("(EMERGENCY)");
		// (a module's own keyed "{0}应为{1}之一" — hazard forms' — may read it before the kernel's: either says its choices)
		assertThat(RefusalWords.in("隐患来源应为监督检查、企业自查、举报之一", Locale.ENGLISH)).doesNotContainPattern(HAN)
			.containsPattern(" must be one of:? ").contains("Inspection", "Self check", "Report");
		// a list parameter of the wrong choice (/complaints?status=ZZZ), told by the web layer's type mismatch
		assertThat(RefusalWords.in("类别的值“ZZZ”格式不正确（可选值：待受理（RECEIVED）、网上申诉（WEB））", Locale.ENGLISH))
			.doesNotContainPattern(HAN).contains("“ZZZ”").contains("(RECEIVED), ").endsWith("(WEB))");
		assertThat(RefusalWords.in("缴款金额不能为空", Locale.ENGLISH)).isEqualTo("Amount paid is required");
		assertThat(RefusalWords.in("隐患来源应为监督检查、企业自查、举报之一", Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("隐患来源应为监督检查、企业自查、举报之一");
	}

	/** A user's own sheet named 说明 is named so in English too, never "Note". */
	@Test
	void aSheetsOwnNameIsNotTranslated() {
		assertThat(RefusalWords.in(Wording.of("file.refusal.headersSheet", "罚款", Wording.typed("说明")), "…", Locale.ENGLISH))
			.contains("“说明”").doesNotContain("Note");
	}

	private static List<String> english(DomainException refusal) {
		return RefusalWords.in(refusal.fieldErrors(), refusal, Locale.ENGLISH).stream().map(FieldError::message).toList();
	}

	private static List<String> chinese(DomainException refusal) {
		return RefusalWords.in(refusal.fieldErrors(), refusal, Locale.SIMPLIFIED_CHINESE).stream().map(FieldError::message).toList();
	}

	interface Step {

		void run() throws Exception;

	}

	private static DomainException refusal(Step step) {
		try {
			step.run();
		}
		catch (Exception ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof DomainException refused) {
					return refused;
				}
			}
			throw new AssertionError("refused by no rule: " + ex, ex);
		}
		throw new AssertionError("not refused");
	}
}
