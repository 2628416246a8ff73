package org.youguan.safety.internal;

/**
 * A waybill number as the 64-bit key its claim is kept under ({@link WaybillClaims}): exact for numbers of 1–17
 * digits (most express waybills; the key is {@code digits × 10^17 + value}, zero or positive, so "007" and "7" stay
 * apart), else a 63-bit hash of the number with the sign bit set (FNV-1a over its characters, then MurmurHash3's
 * 64-bit finaliser). Two different hashed numbers of one enterprise share a key with a chance of about
 * n² / 2^64 within the window for n hashed numbers (10^8 a month: ≈ 0.05 %), and then the later one is refused as a
 * duplicate; exact keys never collide.
 */
final class WaybillKey {

	private static final long DIGITS_BASE = 100_000_000_000_000_000L;

	private WaybillKey() {
	}

	/** The key of a waybill number (checked: 1–40 letters, digits or '-'). */
	static long of(String waybill) {
		int n = waybill.length();
		if (n <= 17) {
			long value = 0;
			int i = 0;
			for (; i < n; i++) {
				char c = waybill.charAt(i);
				if (c < '0' || c > '9') {
					break;
				}
				value = value * 10 + (c - '0');
			}
			if (i == n) {
				return n * DIGITS_BASE + value;
			}
		}
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < n; i++) {
			h ^= waybill.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h | Long.MIN_VALUE;
	}
}
