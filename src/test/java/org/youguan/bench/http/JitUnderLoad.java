package org.youguan.bench.http;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * Keeps a warm-up's load running, in rounds, until the JVM's compilation time stops growing <em>under that load</em>:
 * a round of {@link #ROUND_SECONDS} that added less than {@link #QUIET_MS_PER_ROUND} of compilation ends the warm-up
 * (after at least {@code minSeconds}), or {@code maxSeconds} passed. Run 11's recording showed why waiting without load
 * ({@link JitSettling}) is not enough: the methods that run once per request cross the C2 compiler's thresholds only
 * under the endpoint's own full rate, so C2 compiled 34 methods of the floor's path (15.9 s of compiler time) inside
 * the floor's first 20 s phase, and every endpoint measured early paid the same. Every virtual user of the warm-up asks
 * {@link #keepWarming()} before each request; the first to cross a round's end samples the compilation time, and once
 * the warm-up is over it stays over for all of them. One instance per warm-up.
 */
final class JitUnderLoad {

	/** Length of a round of load between two samples of the compilation time (s). */
	static final int ROUND_SECONDS = 5;

	/** Compilation time per round under which the JIT counts as done with the load (ms; 20 ms a second). */
	static final long QUIET_MS_PER_ROUND = 100;

	private final String name;

	private final long minNanos;

	private final long maxNanos;

	private long started = -1;

	private long roundStarted;

	private long roundStartCompileMs;

	private long startCompileMs;

	private int rounds;

	private volatile boolean over;

	/**
	 * @param name what is warmed up, for the log
	 * @param minSeconds the shortest warm-up
	 * @param maxSeconds the longest warm-up
	 */
	JitUnderLoad(String name, int minSeconds, int maxSeconds) {
		this.name = name;
		this.minNanos = minSeconds * 1_000_000_000L;
		this.maxNanos = Math.max(minSeconds, maxSeconds) * 1_000_000_000L;
	}

	/** The JVM's total compilation time so far (ms). */
	static long compilationMs() {
		return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
	}

	/** True while the warm-up's load should go on; prints the warm-up's rounds when it ends. */
	boolean keepWarming() {
		if (over) {
			return false;
		}
		synchronized (this) {
			long now = System.nanoTime();
			if (started < 0) {
				started = now;
				roundStarted = now;
				startCompileMs = compilationMs();
				roundStartCompileMs = startCompileMs;
				return true;
			}
			if (over || now - roundStarted < ROUND_SECONDS * 1_000_000_000L) {
				return !over;
			}
			long compileMs = compilationMs();
			long grew = compileMs - roundStartCompileMs;
			rounds++;
			roundStarted = now;
			roundStartCompileMs = compileMs;
			boolean quiet = grew < QUIET_MS_PER_ROUND && now - started >= minNanos;
			boolean timedOut = now - started >= maxNanos;
			if (quiet || timedOut) {
				over = true;
				System.out.printf(Locale.ROOT, "BENCH JIT under load: %s %s after %.0f s, %d rounds, compilation +%d ms in "
						+ "all, +%d ms in the last round at %s%n", name, quiet ? "settled" : "still compiling",
						(now - started) / 1e9, rounds, compileMs - startCompileMs, grew, Instant.now());
				return false;
			}
			return true;
		}
	}

	/**
	 * The compilation time a measured phase contains: {@link #start()} when it begins, {@link #end()} when it ends
	 * (prints it). Run 11 read this from a flight recording; now every run prints it.
	 */
	static final class PhaseCompilation {

		private final String name;

		private long startMs;

		private long startNanos;

		PhaseCompilation(String name) {
			this.name = name;
		}

		synchronized void start() {
			startMs = compilationMs();
			startNanos = System.nanoTime();
		}

		synchronized void end() {
			System.out.printf(Locale.ROOT, "BENCH JIT compilation inside %s: +%d ms in %.0f s%n", name,
					compilationMs() - startMs, (System.nanoTime() - startNanos) / 1e9);
		}
	}
}
