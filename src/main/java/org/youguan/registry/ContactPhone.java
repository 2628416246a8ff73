package org.youguan.registry;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.MobilePhone;

/**
 * A contact number: a mobile number, or a landline with area code (0512-65551234).
 */
final class ContactPhone {

	private ContactPhone() {
	}

	static String of(String value) {
		String v = value.strip();
		if (v.matches("0\\d{2,3}-?\\d{7,8}")) {
			return v;
		}
		try {
			return MobilePhone.of(v).value();
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("phone", "phone", "联系电话应为11位手机号码或带区号的固定电话（如0512-65551234）");
		}
	}
}
