package org.youguan.org;

import java.util.ArrayList;
import java.util.List;

import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

/**
 * 等保 password rule: at least 8 characters, at least three of the four classes (upper case, lower case, digits,
 * other characters), and not the user name (nor the user name reversed).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	private PasswordPolicy() {
	}

	public static void check(String field, String username, String password) {
		List<FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			errors.add(new FieldError(field, "min-length", "密码长度不能少于" + MIN_LENGTH + "位"));
		}
		if (password != null && classes(password) < 3) {
			errors.add(new FieldError(field, "character-classes", "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类"));
		}
		if (password != null && username != null && (password.equalsIgnoreCase(username)
				|| password.equalsIgnoreCase(new StringBuilder(username).reverse().toString()))) {
			errors.add(new FieldError(field, "not-username", "密码不能与用户名相同"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
	}

	static int classes(String password) {
		boolean upper = false, lower = false, digit = false, other = false;
		for (char c : password.toCharArray()) {
			if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}
}
