package org.youguan.safety.internal;

/**
 * The waybill keys ({@link WaybillKey}) one upload has taken so far, so that the first line of a waybill in the batch
 * wins and every later one is refused, whichever province's chunk is sent first. Open addressing over a {@code long[]}
 * (no boxing: 8–16 bytes a record, 2,000,000 lines — the default cap — in at most 32 MB); a key is never 0.
 */
final class WaybillKeySet {

	private long[] slots = new long[1024];

	private int size;

	/** Adds the key; false when it was there already. */
	boolean add(long key) {
		int mask = slots.length - 1;
		int i = mix(key) & mask;
		while (slots[i] != 0) {
			if (slots[i] == key) {
				return false;
			}
			i = i + 1 & mask;
		}
		slots[i] = key;
		if (++size * 4 > slots.length * 3) {
			grow();
		}
		return true;
	}

	private void grow() {
		long[] old = slots;
		slots = new long[old.length * 2];
		int mask = slots.length - 1;
		for (long key : old) {
			if (key != 0) {
				int i = mix(key) & mask;
				while (slots[i] != 0) {
					i = i + 1 & mask;
				}
				slots[i] = key;
			}
		}
	}

	/** Spreads sequential keys (numbers issued in order) over the table. */
	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ h >>> 32);
	}
}
