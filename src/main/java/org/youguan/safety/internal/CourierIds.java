package org.youguan.safety.internal;

import java.util.Locale;

import org.youguan.kernel.Text;

/**
 * One rule for a courier id (快递员编号) wherever it is sent — on a parcel record ({@code courierId}) and on the courier
 * roster ({@code POST /api/v1/safety/couriers}) — so that rule (c) compares like with like: full-width letters and digits
 * of a Chinese input method read as ASCII ({@link Text#identifier}: Ｋ００１ is K001), surrounding spaces dropped, letters
 * upper-cased ({@code k001} is K001); the id is then 1–40 letters, digits, {@code -} or {@code _}. A roster refused
 * {@code 张三/01} while a record kept it, so the record's courier could never be matched.
 */
public final class CourierIds {

	/** What a courier id must be, in Chinese, for a refusal. */
	public static final String RULE = "快递员编号须为1至40位字母、数字、'-'或'_'";

	private CourierIds() {
	}

	/**
	 * A courier id as it is kept and compared: full-width forms as ASCII when it holds anything beyond ASCII (ASCII
	 * costs one pass, no copy), stripped, upper-cased; null when nothing was sent.
	 */
	public static String kept(String typed) {
		if (typed == null) {
			return null;
		}
		String s = typed.chars().allMatch(c -> c < 0x80) ? Text.strip(typed) : Text.identifier(typed);
		return s == null || s.isEmpty() ? null : s.toUpperCase(Locale.ROOT);
	}

	/**
	 * Whether a kept id ({@link #kept}) has the form of one: 1–40 capital letters, digits, '-' or '_' (one character
	 * loop, no allocation: it runs for every parcel record).
	 */
	public static boolean wellFormed(String kept) {
		if (kept == null || kept.isEmpty() || kept.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < kept.length(); i++) {
			char c = kept.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** The longest courier id, in characters. */
	public static final int MAX_LENGTH = 40;
}
