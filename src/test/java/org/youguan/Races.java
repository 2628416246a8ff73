package org.youguan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls at once, each on its own thread (so in its own transaction when the call opens one), started together
 * behind a barrier: two requests that race past each other's check.
 */
public final class Races {

	private Races() {
	}

	/**
	 * Each call's answer, in the calls' order: its result, or the exception it threw (unwrapped from the executor's).
	 * @throws Exception when a call does not end within a minute
	 */
	public static List<Object> atOnce(List<Callable<?>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CyclicBarrier start = new CyclicBarrier(calls.size());
		try {
			List<Future<?>> answers = new ArrayList<>();
			for (Callable<?> call : calls) {
				answers.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return call.call();
				}));
			}
			List<Object> out = new ArrayList<>();
			for (Future<?> a : answers) {
				try {
					out.add(a.get(60, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					out.add(ex.getCause());
				}
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
