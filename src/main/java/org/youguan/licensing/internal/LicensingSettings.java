package org.youguan.licensing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.youguan.kernel.Text;

/**
 * Licensing settings ({@code youguan.licensing.*}).
 *
 * @param verifyBaseUrl the address the public reaches this installation under: the certificate's QR code points to
 * {@code <verifyBaseUrl>/public/licences/verify?number=…&code=…} ({@code YOUGUAN_LICENSING_VERIFY_BASE_URL})
 * @param maxMaterials the most material files one application holds, all kinds together (default 30: the seven
 * statutory materials with room for several files each)
 * @param maxMaterialsPerKind the most files of one material kind one application holds (default 5)
 */
@ConfigurationProperties("youguan.licensing")
public record LicensingSettings(String verifyBaseUrl, Integer maxMaterials, Integer maxMaterialsPerKind) {

	/** The address used when none is set: right only on the machine itself (a demo). */
	public static final String DEFAULT_VERIFY_BASE_URL = "http://localhost:8080";

	public LicensingSettings {
		verifyBaseUrl = verifyBaseUrl == null || Text.isBlank(verifyBaseUrl) ? DEFAULT_VERIFY_BASE_URL
				: Text.strip(verifyBaseUrl).replaceAll("/+$", "");
		maxMaterials = maxMaterials == null ? 30 : maxMaterials;
		maxMaterialsPerKind = maxMaterialsPerKind == null ? 5 : maxMaterialsPerKind;
	}
}
