package org.youguan.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where YouGuan keeps its files and whether it loads the demo city.
 *
 * @param dataDir the data directory ({@code YOUGUAN_DATA_DIR}); the embedded database lives in {@code pg/} below it
 * @param demo {@code true}/{@code false} to force demo data on or off ({@code YOUGUAN_DEMO}); unset: on for the
 * embedded database, off for an external one
 */
@ConfigurationProperties("youguan")
public record PlatformSettings(Path dataDir, Boolean demo) {

	public PlatformSettings {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
	}
}
