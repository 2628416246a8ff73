package org.youguan.safety.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.Secrets;

/**
 * The keyed pseudonym of a sender's ID number (个人信息保护法 art.73(3) 去标识化; 快递暂行条例(2025) art.23): HMAC-SHA256
 * under a per-deployment key, as 64 lower-case hex characters. The key is kept outside the database like the
 * platform's other keys ({@link Secrets#moduleKey}): {@code youguan.safety.pseudonym-key} (base64 of 32 random bytes)
 * or the owner-only key file {@code <data dir>/keys/parcel-pseudonym.key} generated on first start. The same number
 * gives the same pseudonym under the same key (the anomaly rules link a sender's parcels) and an unrelated one under
 * another key (nobody without the key can tell whose parcels they are, nor test a guessed number). The parcel
 * records' senders and the courier roster use this one class, so a courier shipping to himself is seen.
 */
@Component
public class Pseudonyms {

	static final String PROPERTY = "youguan.safety.pseudonym-key";

	static final String FILE = "parcel-pseudonym.key";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final SecretKeySpec key;

	/** One Mac per thread: a Mac is not thread-safe and creating one per record is slow. */
	private final ThreadLocal<Mac> macs;

	@Autowired
	Pseudonyms(Secrets secrets, Environment environment) {
		this(secrets.moduleKey(PROPERTY, environment.getProperty(PROPERTY), FILE));
	}

	/** A pseudonymiser under a given raw key (tests, benchmarks). */
	public Pseudonyms(byte[] key) {
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The pseudonym of an ID number as the sender or courier showed it.
	 *
	 * @param idNumber the clear number (case of a trailing x, spaces, hyphens and full-width digits do not matter:
	 *        {@link IdNumbers#normalise})
	 * @return 64 lower-case hex characters; null for a null number or one of nothing but spaces and joiners
	 */
	public String of(String idNumber) {
		if (idNumber == null || Text.isBlank(idNumber)) {
			return null;
		}
		String normalised = IdNumbers.normalise(idNumber);
		return normalised.isEmpty() ? null : ofNormalised(normalised);
	}

	/**
	 * The pseudonym of an ID number already normalised (the ingest's hot path, which checks the normalised number first).
	 *
	 * @param normalisedNumber the number as {@link IdNumbers#normalise} returns it
	 * @return 64 lower-case hex characters
	 */
	String ofNormalised(String normalisedNumber) {
		Mac mac = macs.get();
		byte[] digest = mac.doFinal(normalisedNumber.getBytes(StandardCharsets.UTF_8));
		char[] out = new char[64];
		for (int i = 0; i < 32; i++) {
			out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
			out[2 * i + 1] = HEX[digest[i] & 0xF];
		}
		return new String(out);
	}

	/** A pseudonym shortened for display (its first 8 and last 4 characters): enough to tell two apart on a page. */
	public static String shorten(String pseudonym) {
		if (pseudonym == null || pseudonym.length() < 16) {
			return pseudonym;
		}
		return pseudonym.substring(0, 8) + "…" + pseudonym.substring(pseudonym.length() - 4);
	}
}
