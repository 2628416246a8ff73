package org.youguan.kernel;

/**
 * The one rule of an express waybill number (运单号), wherever it is recorded — an enterprise's parcel records and a
 * filer's complaint alike — so a number one path keeps is a number the other accepts: 1–{@value #MAX_LENGTH} Latin
 * letters, Arabic digits or '-', at least one letter or digit ("-" or "--" numbers no parcel); letters in either case,
 * kept upper-cased, as waybill numbers do not tell case apart ("sf1" is "SF1"). Character loops, no regular
 * expression: the parcel records run it for every record.
 */
public final class WaybillNumber {

	/** The most characters a waybill number has. */
	public static final int MAX_LENGTH = 40;

	/** The rule as a refusal states it, after the field's name ("运单号应为…"). */
	public static final String FORM = "1–40位字母、数字或“-”，至少含一个字母或数字（字母不分大小写，按大写记录）";

	private WaybillNumber() {
	}

	/**
	 * Whether {@code s} (without the spaces around it) keeps the rule: 1–{@value #MAX_LENGTH} letters A–Z or a–z,
	 * digits or '-', at least one letter or digit.
	 */
	public static boolean wellFormed(String s) {
		if (s == null || s.isEmpty() || s.length() > MAX_LENGTH || firstOther(s) >= 0) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) != '-') {
				return true;
			}
		}
		return false;
	}

	/** The index of the first character of {@code s} no waybill number is written with, or -1 when there is none. */
	public static int firstOther(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-')) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A well-formed waybill number as it is kept, claimed and compared: its letters upper-cased ("sf1" is "SF1"); null
	 * when it breaks the rule ({@link #wellFormed}). Allocates only for lower-case letters.
	 * @param s the number without the spaces around it
	 */
	public static String written(String s) {
		if (!wellFormed(s)) {
			return null;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 'a' && c <= 'z') {
				char[] up = s.toCharArray();
				for (int k = i; k < up.length; k++) {
					if (up[k] >= 'a' && up[k] <= 'z') {
						up[k] -= 'a' - 'A';
					}
				}
				return new String(up);
			}
		}
		return s;
	}
}
