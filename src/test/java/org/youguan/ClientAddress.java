package org.youguan;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A client address of its own for a test that signs in with wrong passwords (or types a wrong current password): the
 * sign-in throttle counts wrong passwords per client address — {@code address-max-failures} (30) under any names pause
 * the address for everyone. A MockMvc request that names no address comes from a new one of 10.0.0.0/8
 * ({@link #anyAddress}, the integration tests' default request); a test's own addresses are drawn from 172.16.0.0/12,
 * which no test uses for fixed addresses, so the two never meet.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** A random address of 172.16.0.0/12 (about a million), so tests and their reruns in one database do not meet. */
	public static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "172." + random.nextInt(16, 32) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
	}

	/**
	 * Sends each request from a new random address of 10.0.0.0/8: the default of every integration test's request, so
	 * tests do not share one address's public allowance or sign-in failures; a test's own {@link #from} comes after it
	 * and wins.
	 */
	public static RequestPostProcessor anyAddress() {
		return request -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			request.setRemoteAddr("10." + random.nextInt(0, 256) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255));
			return request;
		};
	}

	/** Sends the request from {@code address}. */
	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** Sends the request from a new random address ({@link #newAddress}). */
	public static RequestPostProcessor fromANewAddress() {
		return from(newAddress());
	}
}
