package org.youguan;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random decimal digits for unique test values (waybill numbers, credit-code bodies, tags). The digits of a random UUID
 * were used before: a UUID has 32 hex characters but not always the 10 digits asked for, and a test failed with
 * StringIndexOutOfBoundsException once in a while.
 */
public final class RandomDigits {

	private RandomDigits() {
	}

	/** {@code count} random decimal digits (leading zeros possible). */
	public static String of(int count) {
		StringBuilder digits = new StringBuilder(count);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < count; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return digits.toString();
	}
}
