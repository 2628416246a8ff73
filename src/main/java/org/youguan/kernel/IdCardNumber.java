package org.youguan.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * 居民身份证号码 (GB 11643-1999): a 6-digit address code whose first two digits are a province of GB/T 2260, the birth
 * date (a real date, not before 1900 and not after today in China), a sequence number and a check character (ISO 7064
 * MOD 11-2, 'X' for 10). The same structure serves 港澳台居民居住证 (81, 82, 83) and the 2023 外国人永久居留身份证,
 * whose first digit is 9 followed by the province code of the accepting authority. The legacy 15-digit form (before
 * 1999) is rejected: cards in that form expired long ago and a converted number cannot be told from a typing error, so
 * the user is asked for the 18-digit number. Retired county codes are accepted — people keep the number they were
 * given.
 */
public final class IdCardNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private final String value;

	private IdCardNumber(String value) {
		this.value = value;
	}

	/**
	 * Checks and normalises a number as typed ({@link Text#identifier}: NFKC, so the full-width digits and Ｘ of a Chinese
	 * input method and the mathematical digits beyond the BMP (U+1D7CE–U+1D7FF) are ASCII, spaces around it dropped; 'x'
	 * upper-cased). Digits of other scripts, which NFKC leaves, are refused (rule format); {@link Masking} reads them as
	 * digits all the same, so free text never shows one in the clear.
	 * @param today China's date today (from the application's {@code Clock}, never the JVM's zone): a birth date after
	 * it is refused
	 * @throws InvalidValueException on field {@code idNumber}, naming the rule: required, legacy-15, format, province,
	 * birth-date, check-digit
	 */
	public static IdCardNumber of(String text, LocalDate today) {
		if (text == null || Text.isBlank(text)) {
			throw new InvalidValueException("idNumber", "required", "身份证号码不能为空");
		}
		String value = Text.identifier(text).toUpperCase(Locale.ROOT);
		// ASCII digits only, as the format below: NFKC made the full-width and mathematical ones ASCII already, and other
		// scripts' digits (Arabic-Indic …) are no number of this standard (rule format, not legacy-15)
		if (value.length() == 15 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidValueException("idNumber", "legacy-15",
					"不受理15位旧身份证号码，请填写18位身份证号码（GB 11643-1999）");
		}
		if (!value.matches("\\d{17}[\\dX]")) {
			throw new InvalidValueException("idNumber", "format", "身份证号码应为17位数字加1位校验码（数字或X）");
		}
		String province = value.charAt(0) == '9' ? value.substring(1, 3) : value.substring(0, 2);
		if (!ProvinceCodes.exists(province)) {
			throw new InvalidValueException("idNumber", "province",
					Wording.of("kernel.invalid.idNumberRegion", value.substring(0, 6)), "身份证号码的地址码“" + value.substring(0, 6)
					+ "”不是有效的行政区划代码：前两位应为省级代码（GB 11643-1999、GB/T 2260）");
		}
		birthDate(value, Objects.requireNonNull(today, "today"));
		char expected = checkCharacter(value.substring(0, 17));
		if (value.charAt(17) != expected) {
			throw new InvalidValueException("idNumber", "check-digit", "身份证号码校验码错误（GB 11643-1999）");
		}
		return new IdCardNumber(value);
	}

	/**
	 * Whether a normalised number (ASCII digits, no spaces, upper-case 'X'; anything else is false, as a machine
	 * interface sends one) passes every rule of {@link #of} — 17 digits and the
	 * check character, a province code, a real birth date from 1900 up to {@code today} — without a regular expression
	 * or an exception: for hot paths that check millions of numbers (the safety module's parcel records).
	 */
	public static boolean isValid(String n, LocalDate today) {
		if (n == null || n.length() != 18) {
			return false;
		}
		for (int i = 0; i < 17; i++) {
			char c = n.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		char last = n.charAt(17);
		if ((last < '0' || last > '9') && last != 'X') {
			return false;
		}
		if (!ProvinceCodes.exists(n.charAt(0) == '9' ? n.substring(1, 3) : n.substring(0, 2))) {
			return false;
		}
		int year = (n.charAt(6) - '0') * 1000 + (n.charAt(7) - '0') * 100 + (n.charAt(8) - '0') * 10 + n.charAt(9) - '0';
		int month = (n.charAt(10) - '0') * 10 + n.charAt(11) - '0';
		int day = (n.charAt(12) - '0') * 10 + n.charAt(13) - '0';
		if (year < 1900 || month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()
				|| LocalDate.of(year, month, day).isAfter(today)) {
			return false;
		}
		return checkCharacter(n) == last;
	}

	/** The normalised 18 characters. */
	public String value() {
		return value;
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	public String masked() {
		return Masking.idNumber(value);
	}

	/** The check character (GB 11643-1999, ISO 7064 MOD 11-2) for 17 leading digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** Checks the birth date a number carries; the refusal never repeats its digits, which masking hides. */
	private static void birthDate(String value, LocalDate today) {
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			throw new InvalidValueException("idNumber", "birth-date", "身份证号码中的出生日期（第7–14位）不是存在的日期，请核对");
		}
		if (date.getYear() < 1900 || date.isAfter(today)) {
			throw new InvalidValueException("idNumber", "birth-date", "身份证号码中的出生日期（第7–14位）不合理：早于1900年或晚于今天，请核对");
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IdCardNumber id && id.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/** Never the full number: logs and toString show the masked form. */
	@Override
	public String toString() {
		return masked();
	}
}
