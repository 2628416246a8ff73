package org.youguan.licensing.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.youguan.platform.DemoMode;

import static org.assertj.core.api.Assertions.assertThat;

/** The startup warning about certificates whose QR code points to the default, unreachable address. */
@ExtendWith(OutputCaptureExtension.class)
class VerifyBaseUrlCheckTest {

	static DemoMode demo(boolean on) {
		DemoMode mode = Mockito.mock(DemoMode.class);
		Mockito.when(mode.enabled()).thenReturn(on);
		return mode;
	}

	@Test
	void warnsWhenAnInstallationThatIsNotTheDemoKeepsTheDefaultAddress(CapturedOutput output) {
		new VerifyBaseUrlCheck(new LicensingSettings(null, null, null), demo(false)).warn();
		assertThat(output.getOut() + output.getErr()).contains("WARN").contains("YOUGUAN_LICENSING_VERIFY_BASE_URL");
	}

	@Test
	void staysQuietForTheDemoAndForAnAddressThatIsSet() {
		assertThat(new VerifyBaseUrlCheck(new LicensingSettings(" ", null, null), demo(true)).defaultAddressInProduction()).isFalse();
		assertThat(new VerifyBaseUrlCheck(new LicensingSettings("https://youguan.example.gov.cn/", null, null), demo(false))
			.defaultAddressInProduction()).isFalse();
		assertThat(new VerifyBaseUrlCheck(new LicensingSettings("", null, null), demo(false)).defaultAddressInProduction()).isTrue();
	}
}
