package org.youguan.kernel;

/**
 * A mainland China mobile number, for fields that must reach a mobile phone (an account holder's 手机): 11 digits
 * starting 1[3-9], read as {@link Telephone} reads any number (+86 / 0086, spaces, dashes, brackets, full-width
 * digits) and kept in its canonical form {@code 13800138000}.
 */
public record MobilePhone(String value) {

	/**
	 * @throws InvalidValueException on field {@code phone}: required, or mobile (not a mobile number — a landline is
	 * named as such)
	 */
	public MobilePhone {
		if (value == null || Text.isBlank(value)) {
			throw new InvalidValueException("phone", "required", Wording.of("kernel.invalid.required", "手机号码"), "手机号码不能为空");
		}
		Telephone phone = Telephone.find(value).orElse(null);
		if (phone == null || !phone.isMobile()) {
			throw phone == null
					? new InvalidValueException("phone", "mobile", Wording.of("kernel.invalid.mobile"), "手机号码应为以13-19开头的11位数字")
					: new InvalidValueException("phone", "mobile", Wording.of("kernel.invalid.mobileOnly"),
							"此处应填写手机号码（以13-19开头的11位数字），不能填写固定电话或服务电话");
		}
		value = phone.value();
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
