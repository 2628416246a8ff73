package org.youguan.licensing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.youguan.kernel.Text;

/**
 * Licensing settings.
 *
 * @param verifyBaseUrl the address the public reaches this installation under: the certificate's QR code points to
 * {@code <verifyBaseUrl>/public/licences/verify?number=…&code=…} ({@code YOUGUAN_LICENSING_VERIFY_BASE_URL})
 */
@ConfigurationProperties("youguan.licensing")
public record LicensingSettings(String verifyBaseUrl) {

	/** The address used when none is set: right only on the machine itself (a demo). */
	public static final String DEFAULT_VERIFY_BASE_URL = "http://localhost:8080";

	public LicensingSettings {
		verifyBaseUrl = verifyBaseUrl == null || Text.isBlank(verifyBaseUrl) ? DEFAULT_VERIFY_BASE_URL
				: Text.strip(verifyBaseUrl).replaceAll("/+$", "");
	}
}
