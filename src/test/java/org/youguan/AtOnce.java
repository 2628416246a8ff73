package org.youguan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one step several times at the same moment, as a double click or people submitting together do. */
public final class AtOnce {

	private AtOnce() {
	}

	/**
	 * Runs {@code step} {@code n} times, each on its own thread released together.
	 * @return each run's outcome in order: what the step returned, or the runtime exception it threw
	 */
	public static List<Object> run(int n, Callable<Object> step) throws Exception {
		CyclicBarrier start = new CyclicBarrier(n);
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<Object>> runs = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				runs.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						return step.call();
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> run : runs) {
				outcomes.add(run.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
