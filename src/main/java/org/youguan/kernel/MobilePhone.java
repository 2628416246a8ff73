package org.youguan.kernel;

/**
 * A mainland China mobile number: 11 digits starting 1[3-9]. An optional +86 / 86 prefix, spaces and dashes are
 * dropped.
 */
public record MobilePhone(String value) {

	public MobilePhone {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("phone", "required", "手机号码不能为空");
		}
		value = value.replaceAll("[\\s-]", "");
		if (value.startsWith("+86")) {
			value = value.substring(3);
		}
		else if (value.length() == 13 && value.startsWith("86")) {
			value = value.substring(2);
		}
		if (!value.matches("1[3-9]\\d{9}")) {
			throw new InvalidValueException("phone", "mobile", "手机号码应为以13-19开头的11位数字");
		}
	}

	public static MobilePhone of(String value) {
		return new MobilePhone(value);
	}

	public String masked() {
		return Masking.phone(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
