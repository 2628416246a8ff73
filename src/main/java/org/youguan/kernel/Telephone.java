package org.youguan.kernel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A telephone number in mainland China, in one canonical form whatever way it was typed: a mobile number
 * {@code 13800138000}, a landline with its area code {@code 0512-65551234} (with an extension
 * {@code 0512-65551234-801}), or a 400/800 service number {@code 400-811-1111}. Spaces, brackets, dots, full-width
 * characters, the country code ({@code +86}, {@code 0086}) and extension markers (转, 分机, ext, #) are understood:
 * {@code (0512)65551234}, {@code +86-512-65551234} and {@code ０５１２－６５５５１２３４} are all {@code 0512-65551234}. The area
 * code is 3 digits for 010 and 02x and 4 digits otherwise (the national numbering plan); a local number has 7 or 8
 * digits and does not start with 0 (the trunk prefix).
 */
public final class Telephone {

	/** What a number reaches. */
	public enum Kind {

		MOBILE, LANDLINE, SERVICE

	}

	private static final Pattern EXTENSION = Pattern
		.compile("^(.*?)-*(?:转|分机|ext\\.?|x|#)-*(\\d{1,6})$", Pattern.CASE_INSENSITIVE);

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern SERVICE = Pattern.compile("([48]00)(\\d{3})(\\d{4})");

	private static final Pattern LOCAL = Pattern.compile("[1-9]\\d{6,7}");

	private static final String MESSAGE = "应为11位手机号码或带区号的固定电话（如0512-65551234，分机号写在最后：0512-65551234-801）";

	private final String value;

	private final Kind kind;

	private Telephone(String value, Kind kind) {
		this.value = value;
		this.kind = kind;
	}

	/**
	 * Reads a telephone number as people write it; a refusal calls it 电话号码 ({@link #of(String, String)}).
	 * @throws InvalidValueException on field {@code phone}: required, area-code (a landline without its area code),
	 * phone (anything else that is no number)
	 */
	public static Telephone of(String text) {
		return of(text, "电话号码");
	}

	/**
	 * Reads a telephone number as people write it, a refusal naming it as the caller's form does: "经办人电话不能为空",
	 * "联系电话应为11位手机号码或带区号的固定电话（…）", "负责人电话是固定电话时请加区号（如0512-65551234）".
	 * @param label the field's name as its form shows it, in Chinese (经办人电话, 联系电话)
	 * @throws InvalidValueException on field {@code phone} (the caller's {@code Validation.check} renames it): required,
	 * area-code (a landline without its area code), phone (anything else that is no number)
	 */
	public static Telephone of(String text, String label) {
		if (text == null || Text.isBlank(text)) {
			throw new InvalidValueException("phone", "required", Wording.of("kernel.invalid.required", label), label + "不能为空");
		}
		Telephone phone = parse(text);
		if (phone == null) {
			// the digits as parse read them (NFKC: full-width and mathematical digits are ASCII ones)
			String digits = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\D", "");
			if (LOCAL.matcher(digits).matches()) {
				throw new InvalidValueException("phone", "area-code", Wording.of("kernel.invalid.areaCode", label), label + "是固定电话时请加区号（如0512-65551234）");
			}
			throw new InvalidValueException("phone", "phone", Wording.of("kernel.invalid.phone", label), label + MESSAGE);
		}
		return phone;
	}

	/** The number, if the text is one; for searches, where any text may be typed. */
	public static Optional<Telephone> find(String text) {
		return text == null || Text.isBlank(text) ? Optional.empty() : Optional.ofNullable(parse(text));
	}

	/** The canonical form. */
	public String value() {
		return value;
	}

	public Kind kind() {
		return kind;
	}

	public boolean isMobile() {
		return kind == Kind.MOBILE;
	}

	public String masked() {
		return Masking.phone(value);
	}

	private static Telephone parse(String text) {
		String s = Text.strip(Normalizer.normalize(text, Normalizer.Form.NFKC))
			.replaceAll("[\\s‐‑‒–—―−~]+", "-")
			.replaceAll("(?<=\\d)\\.(?=\\d)", "-");
		String extension = null;
		Matcher ext = EXTENSION.matcher(s);
		if (ext.matches()) {
			s = ext.group(1);
			extension = ext.group(2);
		}
		boolean international = false;
		if (s.startsWith("+86") || s.startsWith("0086")) {
			s = s.substring(s.startsWith("+") ? 3 : 4);
			international = true;
		}
		else if (s.matches("86(?:[-(].*|1[3-9]\\d{9})")) {
			s = s.substring(2);
			international = true;
		}
		if (international) {
			s = s.replaceFirst("^-+", "").replaceFirst("^\\(0\\)", "0");
		}
		s = s.replace("(", "").replace(")", "-");
		List<String> groups = new ArrayList<>();
		for (String group : s.split("-")) {
			if (!group.isEmpty()) {
				groups.add(group);
			}
		}
		if (groups.isEmpty() || groups.stream().anyMatch(g -> !g.chars().allMatch(c -> c >= '0' && c <= '9'))) {
			return null;
		}
		if (international && !groups.get(0).startsWith("0") && !MOBILE.matcher(String.join("", groups)).matches()
				&& !SERVICE.matcher(String.join("", groups)).matches()) {
			groups.set(0, "0" + groups.get(0));
		}
		Telephone phone = structured(groups, extension);
		if (phone != null) {
			return phone;
		}
		phone = number(String.join("", groups), extension);
		if (phone == null && extension == null && groups.size() >= 2 && groups.get(groups.size() - 1).length() <= 6) {
			phone = number(String.join("", groups.subList(0, groups.size() - 1)), groups.get(groups.size() - 1));
		}
		return phone;
	}

	/** A landline written with its area code as the first group: the local number ends at the first group boundary that makes it 7 or 8 digits. */
	private static Telephone structured(List<String> groups, String extension) {
		String area = groups.get(0);
		if (groups.size() < 2 || !area.startsWith("0") || area.length() != areaLength(area)) {
			return null;
		}
		StringBuilder local = new StringBuilder();
		for (int i = 1; i < groups.size(); i++) {
			local.append(groups.get(i));
			List<String> rest = groups.subList(i + 1, groups.size());
			if (LOCAL.matcher(local).matches()
					&& (rest.isEmpty() || rest.size() == 1 && extension == null && rest.get(0).length() <= 6)) {
				return landline(area, local.toString(), rest.isEmpty() ? extension : rest.get(0));
			}
		}
		return null;
	}

	private static Telephone number(String digits, String extension) {
		if (MOBILE.matcher(digits).matches()) {
			return extension == null ? new Telephone(digits, Kind.MOBILE) : null;
		}
		Matcher service = SERVICE.matcher(digits);
		if (service.matches()) {
			return new Telephone(service.group(1) + "-" + service.group(2) + "-" + service.group(3)
					+ (extension == null ? "" : "-" + extension), Kind.SERVICE);
		}
		if (digits.startsWith("0") && digits.length() > 3) {
			int area = areaLength(digits);
			String local = digits.substring(area);
			if (LOCAL.matcher(local).matches()) {
				return landline(digits.substring(0, area), local, extension);
			}
		}
		return null;
	}

	private static Telephone landline(String area, String local, String extension) {
		return new Telephone(area + "-" + local + (extension == null ? "" : "-" + extension), Kind.LANDLINE);
	}

	/** 010 and 02x are the 3-digit area codes; every other starts a 4-digit one (0xxx). */
	private static int areaLength(String digits) {
		return digits.startsWith("010") || digits.startsWith("02") ? 3 : 4;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Telephone t && t.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/** Masked, as in logs. */
	@Override
	public String toString() {
		return masked();
	}
}
