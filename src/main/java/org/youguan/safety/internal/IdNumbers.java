package org.youguan.safety.internal;

import java.time.LocalDate;

import org.youguan.kernel.CreditCode;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.safety.SenderIdType;

/**
 * One reading and one check of a personal document number wherever the safety module takes one — a parcel record's
 * {@code senderIdNumber} and the courier roster's {@code idNumber} — so that one document gives one pseudonym and a
 * number refused on one is refused on the other (快递暂行条例(2025) art.23; 个人信息保护法 art.73(3)). The roster read the
 * number otherwise (full-width digits and inner spaces refused, a resident ID number or a mobile number taken as a
 * passport number), and rule (c) could never match what the records sent.
 */
public final class IdNumbers {

	/** The longest number of a document other than the resident-ID types and the credit code, in characters. */
	static final int MAX_LENGTH = 40;

	private IdNumbers() {
	}

	/**
	 * Why a number is refused: a stable rule code and the reason in Chinese, written to follow the field's label
	 * ("寄件人证件号码（senderIdNumber）" + reason); it never repeats the number.
	 */
	public record Refusal(String rule, String reason) {
	}

	/**
	 * An ID number as it is checked and hashed: spaces around and inside it dropped (of any width: a number typed in
	 * blocks, {@code 110105 19491231 002x}, is the number), full-width characters (０-９, Ａ-Ｚ, ｘ) read as the ASCII
	 * ones they show, letters upper-cased (a trailing 'x' becomes 'X'), and the joiners a number is typed with dropped —
	 * the hyphen-minus and every dash of its kind (U+2010–U+2015, U+2212 minus, U+FE58, U+FE63, full-width U+FF0D): no
	 * document number of the contract has a hyphen of its own, so {@code 110105-19491231-002X} is the resident ID
	 * number and {@code E12-345} the passport number E12345. One document gives one pseudonym however it was typed. A
	 * number with none of these is returned as it is (the ingest's hot path: one pass, no copy).
	 * @param number the number as sent, not null
	 * @return the number as checked and pseudonymised; empty when it held nothing but spaces and joiners
	 */
	public static String normalise(String number) {
		String t = Text.strip(number);
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c >= 'a' && c <= 'z' || c == ' ' || c == '\t' || c == '-' || c > 0x7F) {
				return rewritten(t);
			}
		}
		return t;
	}

	private static String rewritten(String t) {
		StringBuilder out = new StringBuilder(t.length());
		for (int i = 0; i < t.length(); i++) {
			char c = Text.halfWidth(t.charAt(i));
			if (Character.isSpaceChar(c) || c == '\t' || joiner(c)) {
				continue;
			}
			out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
		}
		return out.toString();
	}

	/** The hyphen-minus and the dashes typed for it (U+2010–U+2015, U+2212, U+FE58, U+FE63). */
	private static boolean joiner(char c) {
		return c == '-' || c >= '\u2010' && c <= '\u2015' || c == '\u2212' || c == '\uFE58' || c == '\uFE63';
	}

	/**
	 * The rule a normalised number ({@link #normalise}) breaks for its document type, or null when it is one:
	 * <ul>
	 * <li>居民身份证, 临时居民身份证, 港澳台居民居住证: a valid GB 11643-1999 number ({@link IdCardNumber#isValid}: province,
	 * real birth date from 1900 to today, check character) — rule {@code resident-id};</li>
	 * <li>统一社会信用代码: GB 32100-2015 — rule {@code credit-code} — and no valid resident ID number (one in about 31
	 * passes the code's check character from some prefixes: the person would get a second pseudonym) — rule
	 * {@code id-type-mismatch};</li>
	 * <li>the other documents (passport, permit, military card): 1–40 letters or digits, at least one — rule
	 * {@code format}; holding no valid resident ID number anywhere in it, alone or with letters or digits added
	 * ({@code G11010519491231002X}, {@code 11010519491231002X1}) — rule {@code id-type-mismatch}; and not, as its whole,
	 * a mainland mobile number ({@link #mobile}) — rule {@code mobile-number}.</li>
	 * </ul>
	 * @param type the document type named with the number
	 * @param n the normalised number
	 * @param today China's date today (a birth date after it is no resident ID number)
	 */
	public static Refusal refusal(SenderIdType type, String n, LocalDate today) {
		switch (type) {
			case RESIDENT_ID, TEMPORARY_ID, HK_MO_TW_RESIDENCE -> {
				if (!IdCardNumber.isValid(n, today)) {
					return new Refusal("resident-id",
							"不是有效的18位" + type.label() + "号码（GB 11643-1999：17位数字加校验码，出生日期、校验码正确）");
				}
			}
			case CREDIT_CODE -> {
				try {
					CreditCode.of(n);
				}
				catch (InvalidValueException ex) {
					return new Refusal("credit-code", "不是有效的统一社会信用代码（GB 32100-2015）");
				}
				if (IdCardNumber.isValid(n, today)) {
					return mismatch(type);
				}
			}
			default -> {
				if (n.isEmpty() || n.length() > MAX_LENGTH || !lettersAndDigits(n)) {
					return new Refusal("format", "应为1–40位字母或数字（“-”等连接符不计）");
				}
				// a passport, a permit or a military card has a number of its own: a resident ID number under another
				// type, alone or with something added, would be a second pseudonym of the same person; a mobile number
				// no document at all
				if (holdsResidentId(n, today)) {
					return mismatch(type);
				}
				if (mobile(n)) {
					return new Refusal("mobile-number", "是手机号码，不是" + type.label() + "号码：请填写所出示证件上的号码");
				}
			}
		}
		return null;
	}

	private static Refusal mismatch(SenderIdType type) {
		return new Refusal("id-type-mismatch", "是或含有居民身份证号码，不是" + type.label() + "号码：证件类型应为居民身份证");
	}

	/** A–Z and 0–9 only. */
	private static boolean lettersAndDigits(String n) {
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || digit(c))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a text of upper-case letters and digits (no joiners) holds a valid 18-character resident ID number
	 * anywhere in it (GB 11643-1999: province, birth date and check character right, {@link IdCardNumber#isValid}). A
	 * character loop; allocates only for an 18-character run of digits (and a final X) from a province's first digit.
	 * @param s the text, joiners already taken out
	 * @param today China's date today
	 */
	static boolean holdsResidentId(CharSequence s, LocalDate today) {
		int n = s.length();
		for (int from = 0; from + 18 <= n; from++) {
			char first = s.charAt(from);
			char last = s.charAt(from + 17);
			if (first >= '1' && first <= '9' && (last == 'X' || digit(last)) && digits(s, from, 17)
					&& IdCardNumber.isValid(s.subSequence(from, from + 18).toString(), today)) {
				return true;
			}
		}
		return false;
	}

	/** A mainland mobile number: 11 digits from 13 to 19, also after the country code (86, 0086), as the whole text. */
	static boolean mobile(CharSequence n) {
		int length = n.length();
		int from = length == 13 && n.charAt(0) == '8' && n.charAt(1) == '6' ? 2
				: length == 15 && n.charAt(0) == '0' && n.charAt(1) == '0' && n.charAt(2) == '8' && n.charAt(3) == '6' ? 4 : 0;
		if (length - from != 11 || n.charAt(from) != '1' || n.charAt(from + 1) < '3' || n.charAt(from + 1) > '9') {
			return false;
		}
		return digits(n, from + 2, 9);
	}

	/** Whether {@code count} characters from {@code from} are ASCII digits. */
	private static boolean digits(CharSequence s, int from, int count) {
		for (int i = from; i < from + count; i++) {
			if (!digit(s.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}
}
