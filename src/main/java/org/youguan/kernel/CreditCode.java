package org.youguan.kernel;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the code set 0-9 A-H J-N P-R T-U W-Y; the last is a check
 * character computed mod 31 over the first 17.
 */
public record CreditCode(String value) {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("creditCode", "required", "统一社会信用代码不能为空");
		}
		value = value.strip().toUpperCase();
		if (value.length() != 18) {
			throw new InvalidValueException("creditCode", "length", "统一社会信用代码应为18位，实际为" + value.length() + "位");
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(value.charAt(i)) < 0) {
				throw new InvalidValueException("creditCode", "charset",
						"统一社会信用代码第" + (i + 1) + "位“" + value.charAt(i) + "”不是允许的字符（不含I、O、Z、S、V）");
			}
		}
		char expected = checkCharacter(value.substring(0, 17));
		if (value.charAt(17) != expected) {
			throw new InvalidValueException("creditCode", "check-character",
					"统一社会信用代码校验位错误（GB 32100-2015）：应为" + expected);
		}
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
