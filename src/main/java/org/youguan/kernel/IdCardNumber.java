package org.youguan.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2, 'X' for 10), with a real
 * birth date. The legacy 15-digit form (before 1999) is rejected: cards in that form expired long ago and a converted
 * number cannot be told from a typing error, so the user is asked for the 18-digit number.
 */
public record IdCardNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	public IdCardNumber {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("idNumber", "required", "身份证号码不能为空");
		}
		value = value.strip().toUpperCase();
		if (value.length() == 15 && value.chars().allMatch(Character::isDigit)) {
			throw new InvalidValueException("idNumber", "legacy-15",
					"不受理15位旧身份证号码，请填写18位身份证号码（GB 11643-1999）");
		}
		if (!value.matches("\\d{17}[\\dX]")) {
			throw new InvalidValueException("idNumber", "format", "身份证号码应为17位数字加1位校验码（数字或X）");
		}
		birthDate(value);
		char expected = checkCharacter(value.substring(0, 17));
		if (value.charAt(17) != expected) {
			throw new InvalidValueException("idNumber", "check-digit", "身份证号码校验码错误（GB 11643-1999）");
		}
	}

	public static IdCardNumber of(String value) {
		return new IdCardNumber(value);
	}

	public LocalDate birthDate() {
		return birthDate(value);
	}

	public String masked() {
		return Masking.idNumber(value);
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	private static LocalDate birthDate(String value) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (date.getYear() < 1900 || date.isAfter(LocalDate.now())) {
				throw new InvalidValueException("idNumber", "birth-date", "身份证号码中的出生日期不合理：" + date);
			}
			return date;
		}
		catch (DateTimeException ex) {
			throw new InvalidValueException("idNumber", "birth-date", "身份证号码中的出生日期不存在：" + value.substring(6, 14));
		}
	}

	/** Never the full number: logs and toString show the masked form. */
	@Override
	public String toString() {
		return masked();
	}
}
