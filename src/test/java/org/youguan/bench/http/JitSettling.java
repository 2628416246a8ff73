package org.youguan.bench.http;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * Waits, between a warm-up and the phase it warms up, until the JIT has compiled what the warm-up ran: the JVM's total
 * compilation time ({@link CompilationMXBean}) grew by less than {@link #QUIET_MS_PER_SECOND} in each of the last two
 * seconds, or {@code maxSeconds} passed. Without it the floor's first figure was measured while the compiler threads
 * still worked off the warm-up's queue (50–70 % of a core; run 9: 1,651 req/s at the start, 6,289 at the end). One
 * instance per wait; {@link #stillCompiling()} is asked once per second by a Gatling loop.
 */
final class JitSettling {

	/** Compilation time per second of wall time under which the JIT counts as idle (ms). */
	static final long QUIET_MS_PER_SECOND = 20;

	private final String name;

	private final long maxNanos;

	private long started;

	private long lastCompileMs = -1;

	private int quietSeconds;

	/**
	 * @param name what the wait is before, for the log
	 * @param maxSeconds the longest wait
	 */
	JitSettling(String name, int maxSeconds) {
		this.name = name;
		this.maxNanos = maxSeconds * 1_000_000_000L;
	}

	/** True while the JIT is still busy and the longest wait has not passed; prints how long the wait took when done. */
	synchronized boolean stillCompiling() {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long now = System.nanoTime();
		long compileMs = jit.getTotalCompilationTime();
		if (lastCompileMs < 0) {
			started = now;
			lastCompileMs = compileMs;
			return true;
		}
		long grew = compileMs - lastCompileMs;
		lastCompileMs = compileMs;
		quietSeconds = grew < QUIET_MS_PER_SECOND ? quietSeconds + 1 : 0;
		boolean timedOut = now - started >= maxNanos;
		if (quietSeconds >= 2 || timedOut) {
			// the instant lets a flight recording of the run be cut into the phases (the next phase starts now)
			System.out.printf(Locale.ROOT, "BENCH JIT %s before %s after %.0f s (compilation +%d ms in the last second) at %s%n",
					timedOut && quietSeconds < 2 ? "still compiling" : "settled", name, (now - started) / 1e9, grew,
					Instant.now());
			return false;
		}
		return true;
	}
}
