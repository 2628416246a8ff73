package org.youguan.documents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@code youguan.documents.*} to {@link OfficeFiles} and POI at startup, before any upload is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
class DocumentLimits {

	DocumentLimits(DocumentSettings settings) {
		OfficeFiles.configure(settings);
	}
}
