package org.youguan.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this instance carries the demo city: forced by {@code youguan.demo}, otherwise on exactly when the embedded
 * database is used (a fresh machine), off for an external database.
 */
@Component
public class DemoMode {

	private final boolean enabled;

	DemoMode(PlatformSettings settings, Environment environment) {
		this.enabled = settings.demo() != null ? settings.demo() : !ExternalDatabaseConfigured.in(environment);
	}

	public boolean enabled() {
		return enabled;
	}
}
