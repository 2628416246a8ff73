package org.youguan.kernel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the code set 0-9 A-H J-N P-R T-U W-Y — the registration
 * department (1st), the organisation type allowed for that department (2nd), the registering authority's 6-digit
 * region code of GB/T 2260 (3rd–8th: a province that exists, or 100000 for national registration; county codes
 * retire, so only the province and the shape are checked), the organisation's identifier (9th–17th) and a check
 * character computed mod 31 over the first 17.
 */
public record CreditCode(String value) {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/**
	 * The registration departments (GB 32100-2015 and the code administration's later assignments) with the
	 * organisation types each may issue: 1 机构编制 (机关, 事业单位, 群众团体, 其他), 2 外交, 3 司法行政 (律师执业机构, 公证处,
	 * 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他), 4 文化, 5 民政 (社会团体, 民办非企业单位, 基金会, 其他), 6 旅游, 7 宗教,
	 * 8 工会, 9 工商/市场监管 (企业, 个体工商户, 农民专业合作社), A 中央军委改革和编制办公室, N 农业 (组级, 村级, 乡镇级集体经济组织,
	 * 其他), Y 其他 (1 only).
	 */
	private static final Map<Character, String> TYPES = Map.ofEntries(Map.entry('1', "1239"),
			Map.entry('2', "19"), Map.entry('3', "123459"), Map.entry('4', "19"),
			Map.entry('5', "1239"), Map.entry('6', "129"), Map.entry('7', "129"),
			Map.entry('8', "19"), Map.entry('9', "123"), Map.entry('A', "19"),
			Map.entry('N', "1239"), Map.entry('Y', "1"));

	/**
	 * Checks and normalises as typed anywhere (a form, an API call, an imported sheet): compatibility-normalised (NFKC:
	 * the full-width digits and letters of a Chinese input method, "９１３２…", are ASCII), characters no one sees
	 * (zero-width spaces, U+FEFF, soft hyphens: {@link Text#invisible}) dropped, spaces around it dropped, upper case.
	 * @throws InvalidValueException on field {@code creditCode}, naming the rule: required, length, charset, department,
	 * type, region, check-character
	 */
	public CreditCode {
		if (Text.isBlank(value)) {
			throw new InvalidValueException("creditCode", "required", Wording.of("kernel.invalid.required", "统一社会信用代码"),
					"统一社会信用代码不能为空");
		}
		value = normalise(value);
		if (value.length() != 18) {
			throw new InvalidValueException("creditCode", "length", Wording.of("kernel.invalid.creditCodeLength", value.length()),
					"统一社会信用代码应为18位，实际为" + value.length() + "位");
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(value.charAt(i)) < 0) {
				throw new InvalidValueException("creditCode", "charset",
						Wording.of("kernel.invalid.creditCodeCharset", i + 1, String.valueOf(value.charAt(i))), "统一社会信用代码第" + (i + 1) + "位“" + value.charAt(i) + "”不是允许的字符（不含I、O、Z、S、V）");
			}
		}
		String types = TYPES.get(value.charAt(0));
		if (types == null) {
			throw new InvalidValueException("creditCode", "department",
					Wording.of("kernel.invalid.creditCodeDepartment", String.valueOf(value.charAt(0))), "统一社会信用代码第1位“" + value.charAt(0) + "”不是登记管理部门代码（GB 32100-2015：1、2、3、4、5、6、7、8、9、A、N、Y）");
		}
		if (types.indexOf(value.charAt(1)) < 0) {
			throw new InvalidValueException("creditCode", "type", Wording.of("kernel.invalid.creditCodeType",
					String.valueOf(value.charAt(1)), String.valueOf(value.charAt(0)), String.join("、", types.split(""))), "统一社会信用代码第2位“" + value.charAt(1)
					+ "”不是登记管理部门" + value.charAt(0) + "的机构类别代码（GB 32100-2015：应为" + String.join("、", types.split("")) + "）");
		}
		String region = value.substring(2, 8);
		if (!region.matches("\\d{6}") || !(region.equals("100000") || ProvinceCodes.exists(region.substring(0, 2)))
				|| region.startsWith("00", 2) && !region.endsWith("00")) {
			throw new InvalidValueException("creditCode", "region", Wording.of("kernel.invalid.creditCodeRegion", region), "统一社会信用代码第3至8位“" + region
					+ "”不是登记管理机关的行政区划代码（GB 32100-2015、GB/T 2260：6位数字，前两位为省级代码）");
		}
		char expected = checkCharacter(value.substring(0, 17));
		if (value.charAt(17) != expected) {
			throw new InvalidValueException("creditCode", "check-character",
					Wording.of("kernel.invalid.creditCodeCheck", String.valueOf(expected)), "统一社会信用代码校验位错误（GB 32100-2015）：应为" + expected);
		}
	}

	/** A code as typed, normalised before it is checked (NFKC, invisible characters dropped, trimmed, upper case). */
	static String normalise(String typed) {
		StringBuilder kept = new StringBuilder(typed.length());
		Normalizer.normalize(typed, Normalizer.Form.NFKC).codePoints().filter(c -> c == ' ' || !Text.invisible(c))
			.forEach(kept::appendCodePoint);
		return Text.strip(kept.toString()).toUpperCase(Locale.ROOT);
	}

	/**
	 * A code as typed, written as a {@link CreditCode} keeps it but not checked — for a look-up or a comparison with a
	 * stored code ("９１３２…" or "9132…\u200B" typed is the code it shows): NFKC, invisible characters dropped, trimmed,
	 * upper case.
	 * @param typed the code as typed
	 * @return the written code; null when {@code typed} is null or blank
	 */
	public static String written(String typed) {
		return typed == null || Text.isBlank(typed) ? null : normalise(typed);
	}

	/**
	 * A code typed in a field of another name ({@code enterpriseCreditCode}, {@code parentCreditCode} …) before it is
	 * looked up: checked as {@link #CreditCode} checks it, a malformed one told on {@code field} by the rule it breaks
	 * (length, charset, department, type, region, check-character) — not as "no such enterprise" or another
	 * enterprise's code, which a look-up of a code that cannot exist would say.
	 * @param v where a malformed code's error is added, on {@code field}
	 * @param field the form's or body's field the code was typed in
	 * @param typed the code as typed
	 * @return the code written as stored; null when blank (left to the caller's own {@code required}) or malformed
	 */
	public static String checked(Validation v, String field, String typed) {
		if (typed == null || Text.isBlank(typed)) {
			return null;
		}
		CreditCode code = v.check(field, () -> of(typed));
		return code == null ? null : code.value();
	}

	public static CreditCode of(String value) {
		return new CreditCode(value);
	}

	/** The check character for 17 leading characters (GB 32100-2015 §5). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int c = 31 - sum % 31;
		return CHARSET.charAt(c == 31 ? 0 : c);
	}

	@Override
	public String toString() {
		return value;
	}
}
