package org.youguan.licensing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.youguan.platform.DemoMode;

/**
 * Warns at startup when an installation that is not the demo prints its certificates' QR codes with the default public
 * address ({@code http://localhost:8080}): a phone scanning one would reach nothing, so the public could not verify a
 * licence. The address is {@code youguan.licensing.verify-base-url} ({@code YOUGUAN_LICENSING_VERIFY_BASE_URL}).
 */
@Component
class VerifyBaseUrlCheck {

	private static final Logger log = LoggerFactory.getLogger(VerifyBaseUrlCheck.class);

	private final LicensingSettings settings;

	private final DemoMode demo;

	VerifyBaseUrlCheck(LicensingSettings settings, DemoMode demo) {
		this.settings = settings;
		this.demo = demo;
	}

	/** Whether the warning applies: the default address on an installation that is not the demo. */
	boolean defaultAddressInProduction() {
		return !demo.enabled() && LicensingSettings.DEFAULT_VERIFY_BASE_URL.equals(settings.verifyBaseUrl());
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		if (defaultAddressInProduction()) {
			log.warn("youguan.licensing.verify-base-url is not set: licence certificates carry QR codes and links to {}"
					+ "/public/licences/verify, which the public cannot reach. Set YOUGUAN_LICENSING_VERIFY_BASE_URL to this "
					+ "installation's public address (e.g. https://youguan.example.gov.cn)", LicensingSettings.DEFAULT_VERIFY_BASE_URL);
		}
	}
}
