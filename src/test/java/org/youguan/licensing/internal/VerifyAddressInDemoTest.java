package org.youguan.licensing.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.licensing.internal.VerifyBaseUrlCheckTest.demo;

/**
 * Attack: the licence certificate's QR code and verify link pointed to http://localhost:8080 while the demo ran on
 * another port. Unset, the demo's address is this machine at the port the server listens on; a set address wins, and
 * an installation that is not the demo keeps the default (and is warned at startup).
 */
class VerifyAddressInDemoTest {

	static LicensingDocuments documents(String base, boolean demo, String port) {
		MockEnvironment environment = new MockEnvironment();
		if (port != null) {
			environment.setProperty("local.server.port", port);
		}
		return new LicensingDocuments(null, new LicensingSettings(base, null, null), null, null, demo(demo), environment);
	}

	@Test
	void theDemoOnAnotherPortPrintsItsOwnPort() {
		assertThat(documents(null, true, "9090").verifyUrl("苏邮1", "AB12"))
			.startsWith("http://localhost:9090/public/licences/verify?number=");
	}

	@Test
	void aSetAddressWinsAndProductionKeepsTheDefault() {
		assertThat(documents("https://youguan.example.gov.cn/", true, "9090").verifyUrl("1", "A"))
			.startsWith("https://youguan.example.gov.cn/public/licences/verify");
		assertThat(documents(null, false, "9090").verifyUrl("1", "A")).startsWith("http://localhost:8080/public/");
		assertThat(documents(null, true, null).verifyUrl("1", "A")).startsWith("http://localhost:8080/public/");
	}
}
