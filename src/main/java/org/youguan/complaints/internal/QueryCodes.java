package org.youguan.complaints.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.youguan.kernel.Text;

/**
 * The query code a filer receives with the complaint number: 8 characters without look-alikes (0/O, 1/I/L), shown once;
 * only its SHA-256 hash is kept.
 */
public final class QueryCodes {

	private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private QueryCodes() {
	}

	/** A new random query code. */
	public static String generate() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	/** The hash kept for a query code (hex SHA-256 of its UTF-8 bytes). */
	public static String hash(String queryCode) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(queryCode.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code typed} (any case, blank refused) is the code whose hash is {@code storedHash}; constant time. */
	public static boolean matches(String storedHash, String typed) {
		String secret = typed == null ? "" : Text.strip(typed);
		return !secret.isEmpty() && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
				hash(secret.toUpperCase()).getBytes(StandardCharsets.US_ASCII));
	}
}
