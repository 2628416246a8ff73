package org.youguan.safety;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.youguan.safety.internal.Pseudonyms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed pseudonym: stable under one key (whatever the case of a trailing X or stray spaces), different under
 * another key (unlinkable without it), 64 lower-case hex digits, and shortened for display.
 */
class PseudonymsTest {

	static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	static final byte[] OTHER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

	@Test
	void stableUnderOneKeyAndUnlinkableUnderAnother() {
		Pseudonyms one = new Pseudonyms(KEY);
		String p = one.of("11010519491231002X");
		assertThat(p).matches("[0-9a-f]{64}").isEqualTo(one.of(" 11010519491231002x ")).isEqualTo(new Pseudonyms(KEY).of("11010519491231002X"));
		assertThat(new Pseudonyms(OTHER).of("11010519491231002X")).isNotEqualTo(p);
		assertThat(one.of("110105194912310038")).isNotEqualTo(p);
		assertThat(one.of(" ")).isNull();
	}

	@Test
	void shortenedForDisplay() {
		assertThat(Pseudonyms.shorten("0123456789abcdef".repeat(4))).isEqualTo("01234567…cdef");
	}
}
