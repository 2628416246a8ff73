package org.youguan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A year no other test of this JVM has used, for tests that count a region's figures over a period: every test shares
 * one fresh database ({@link TestDatabase}), and two tests that each drew a random year out of thirty counted each
 * other's complaints once in a while (a satisfaction rate read 83.3% for 80.0%). Years from 2061 to 2099 (a posting
 * date is held to 2099): no test that files complaints sets a fixed year in them.
 */
public final class UnusedYears {

	private static final AtomicInteger NEXT = new AtomicInteger(2061);

	private UnusedYears() {
	}

	/** A year (2061, 2062, … 2099) handed out once per JVM. */
	public static int next() {
		int year = NEXT.getAndIncrement();
		if (year > 2099) {
			throw new IllegalStateException("no unused year left before 2100: hand out fewer, or widen the range");
		}
		return year;
	}
}
