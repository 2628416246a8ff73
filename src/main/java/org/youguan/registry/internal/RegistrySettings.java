package org.youguan.registry.internal;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registry settings ({@code youguan.registry.*}).
 *
 * @param licenceNumberPattern the format of express licence numbers (regular expression); the official format is not
 * confirmed, so it is configurable. Default: 4–40 characters of Chinese, upper-case letters, digits, brackets and '-'.
 */
@ConfigurationProperties("youguan.registry")
public record RegistrySettings(String licenceNumberPattern) {

	/** Fills in the default licence number pattern when none is configured. */
	public RegistrySettings {
		licenceNumberPattern = licenceNumberPattern == null ? "[\\p{IsHan}A-Z0-9()（）-]{4,40}" : licenceNumberPattern;
	}

	/** The licence number pattern, compiled. */
	public Pattern licenceNumber() {
		return Pattern.compile(licenceNumberPattern);
	}
}
