package org.youguan.registry;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registry settings ({@code youguan.registry.*}).
 *
 * @param licenceNumberPattern the format of express licence numbers (regular expression); the official format is not
 * confirmed, so it is configurable. Default: 4–40 characters of Chinese, upper-case letters, digits, brackets and '-'.
 */
@ConfigurationProperties("youguan.registry")
record RegistrySettings(String licenceNumberPattern) {

	RegistrySettings {
		licenceNumberPattern = licenceNumberPattern == null ? "[\\p{IsHan}A-Z0-9()（）-]{4,40}" : licenceNumberPattern;
	}

	Pattern licenceNumber() {
		return Pattern.compile(licenceNumberPattern);
	}
}
