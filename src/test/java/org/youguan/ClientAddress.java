package org.youguan;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A client address of its own for a test that signs in with wrong passwords (or types a wrong current password): the
 * sign-in throttle counts wrong passwords per client address — {@code address-max-failures} (30) under any names pause
 * the address for everyone — and every MockMvc request otherwise comes from 127.0.0.1, the address every other test
 * signs in from ({@link SignIn}). Addresses are drawn from 172.16.0.0/12, which no test uses for fixed addresses.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** A random address of 172.16.0.0/12 (about a million), so tests and their reruns in one database do not meet. */
	public static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "172." + random.nextInt(16, 32) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
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
