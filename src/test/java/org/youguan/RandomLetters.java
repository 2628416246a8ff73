package org.youguan;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random lower-case letters for unique test values that must never read as a number: a tag or source reference held
 * in a text a test searches for the absence of a phone or ID number's digits. {@code System.nanoTime()} or
 * {@link RandomDigits} there put a run of digits beside the number looked for, and a test asserting "no 6688" failed
 * once in a while because the reference's own digits held it.
 */
public final class RandomLetters {

	private RandomLetters() {
	}

	/** {@code count} random letters a–z. */
	public static String of(int count) {
		return ThreadLocalRandom.current().ints(count, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
	}
}
