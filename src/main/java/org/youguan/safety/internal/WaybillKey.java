package org.youguan.safety.internal;

/**
 * A waybill number as the 64-bit key its claim is kept under ({@link WaybillClaims}). Exact, and in the numbers' order,
 * for the forms most express waybills have — numbers of 1–17 digits ({@code digits × 10^17 + value}: 1·10^17 …
 * 1.8·10^18) and 1–3 capital letters followed by 1–13 digits (顺丰 SF…, 圆通 YT…, 京东 JD…: from 1.8·10^18 on, by
 * prefix, then digit count, then value) — so a block of numbers issued in sequence claims neighbouring keys (cheap
 * index inserts) and never collides; "007" and "7" stay apart. Any other number is hashed into the negative half (FNV-1a
 * over its characters, then MurmurHash3's 64-bit finaliser, sign bit set): two different hashed numbers of one
 * enterprise share a key with a chance of about n² / 2^64 for n hashed numbers in the window (10^8: ≈ 0.05 %), and
 * then the later one is refused as a duplicate.
 * <p>
 * Letters count without their case ("sf1" has the key of "SF1"): the validator upper-cases a number before it is kept
 * ({@link ParcelValidator#waybill}), and a key made of any other spelling still matches it, so the claims of every
 * batch and the duplicates within one batch compare numbers the same way.
 */
final class WaybillKey {

	private static final long DIGITS_BASE = 100_000_000_000_000_000L;

	/** Where the lettered numbers start: past the all-digit ones (17 × 10^17 + 10^17). */
	private static final long LETTERED_BASE = 18 * DIGITS_BASE;

	/** Lettered numbers: 10^13 values for each digit count 1–13, so 14 × 10^13 per prefix. */
	private static final long DIGITS_13 = 10_000_000_000_000L;

	private static final long PER_PREFIX = 14 * DIGITS_13;

	private WaybillKey() {
	}

	/** The key of a waybill number (checked: 1–40 letters, digits or '-'; letters of either case). */
	static long of(String waybill) {
		int n = waybill.length();
		int letters = 0;
		while (letters < n && letters < 4 && upper(waybill.charAt(letters)) >= 'A' && upper(waybill.charAt(letters)) <= 'Z') {
			letters++;
		}
		int digits = n - letters;
		if (letters <= 3 && digits >= 1 && digits <= (letters == 0 ? 17 : 13)) {
			long value = 0;
			int i = letters;
			for (; i < n; i++) {
				char c = waybill.charAt(i);
				if (c < '0' || c > '9') {
					break;
				}
				value = value * 10 + (c - '0');
			}
			if (i == n) {
				if (letters == 0) {
					return digits * DIGITS_BASE + value;
				}
				return LETTERED_BASE + prefix(waybill, letters) * PER_PREFIX + digits * DIGITS_13 + value;
			}
		}
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < n; i++) {
			h ^= upper(waybill.charAt(i));
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h | Long.MIN_VALUE;
	}

	private static char upper(char c) {
		return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
	}

	/** 0–18,277: the 26 one-letter prefixes, then the 676 two-letter ones, then the 17,576 three-letter ones. */
	private static long prefix(String waybill, int letters) {
		long code = 0;
		for (int i = 0; i < letters; i++) {
			code = code * 26 + (upper(waybill.charAt(i)) - 'A');
		}
		return switch (letters) {
			case 1 -> code;
			case 2 -> 26 + code;
			default -> 702 + code;
		};
	}
}
