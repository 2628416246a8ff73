package org.youguan.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * The password rule 等保2.0 level 3 expects (GB/T 22239-2019 8.1.4.1 身份鉴别: 口令具有复杂度要求): at least
 * {@value #MIN_LENGTH} characters, at least three of the four classes (upper case, lower case, digits, other
 * characters), not containing the user name (nor the user name reversed), not one of the common passwords shipped
 * in {@code security/common-passwords.txt} (compared case-insensitively), and not easily guessed — a word or common
 * password with digits and symbols around it ("Password1!"), a keyboard run, a repeated or sequential pattern
 * ("Ab1!Ab1!Ab1!"): zxcvbn's estimate ({@code com.nulab-inc:zxcvbn}) at least {@value #MIN_SCORE} of 4, about
 * 10^8 guesses, the score its authors recommend; at most {@value #MAX_BYTES} bytes in UTF-8
 * (what bcrypt reads) and no character that shows nothing or looks like a space ({@link Text#invisibleAt}: U+200B,
 * a no-break space — typed once, never again on another device).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	/** The most a password may hold, in UTF-8 bytes: bcrypt reads no more (and Spring's encoder refuses more). */
	public static final int MAX_BYTES = 72;

	/** The least zxcvbn score (0–4) a new password must reach: 3, "safely unguessable", about 10^8 guesses. */
	public static final int MIN_SCORE = 3;

	private static final Set<String> COMMON = load();

	private static final Zxcvbn STRENGTH = new Zxcvbn();

	private PasswordPolicy() {
	}

	/**
	 * Checks a new password and reports every rule it breaks at once.
	 * @param field the form field the errors are reported on
	 * @param username the account's user name (null when unknown)
	 * @param password the candidate password
	 * @throws InvalidValueException with one field error per broken rule (min-length, character-classes,
	 * not-username, max-length, invisible-character, common; guessable only when it breaks no other rule)
	 */
	public static void check(String field, String username, String password) {
		List<FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			errors.add(new FieldError(field, "min-length", "密码长度不能少于" + MIN_LENGTH + "位"));
		}
		if (password != null && classes(password) < 3) {
			errors.add(new FieldError(field, "character-classes", "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类"));
		}
		if (password != null && containsUsername(password, username)) {
			errors.add(new FieldError(field, "not-username", "密码不能包含用户名"));
		}
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.add(new FieldError(field, "max-length", "密码不能超过" + MAX_BYTES + "字节（英文字母、数字和符号每个1字节，汉字每个3字节）"));
		}
		int hidden = password == null ? -1 : Text.invisibleAt(password);
		if (hidden >= 0) {
			errors.add(new FieldError(field, "invisible-character", "密码含有看不见或形似空格的字符（" + Text.codePoint(password, hidden)
					+ "），在其他设备上无法输入，请删除后重试"));
		}
		if (password != null && COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			errors.add(new FieldError(field, "common", "该密码过于常见，容易被猜中，请换一个"));
		}
		else if (password != null && errors.isEmpty() && STRENGTH.measure(password, username == null ? List.of()
				: List.of(username)).getScore() < MIN_SCORE) {
			errors.add(new FieldError(field, "guessable", "该密码容易被猜中（常见单词或密码加数字符号、键盘连续键、重复或连续的字符），"
					+ "请换一个不易猜到的组合"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
	}

	private static boolean containsUsername(String password, String username) {
		if (username == null || Text.isBlank(username)) {
			return false;
		}
		String p = password.toLowerCase(Locale.ROOT);
		String u = Text.strip(username).toLowerCase(Locale.ROOT);
		if (u.length() < 3) {
			return p.equals(u);
		}
		return p.contains(u) || p.contains(new StringBuilder(u).reverse());
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

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("security/common-passwords.txt is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(Text::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.map(l -> l.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
