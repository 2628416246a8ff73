package org.youguan.registry.internal;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.youguan.kernel.Validation;

/**
 * Registry settings ({@code youguan.registry.*}).
 *
 * @param licenceNumberPattern the format of express licence numbers (regular expression); the official format is not
 * confirmed, so it is configurable. Default: 4–40 characters of Chinese, upper-case letters, digits, round brackets and '-'.
 * @param licenceNumberFormat the same format in words, as a clerk is told it when a number does not match (never the
 * regular expression); with a pattern configured and no words, the message only says the format is not the registry's.
 */
@ConfigurationProperties("youguan.registry")
public record RegistrySettings(String licenceNumberPattern, String licenceNumberFormat) {

	/**
	 * The default licence number pattern: 4–40 of the characters a licence number is recorded with, the one set the
	 * typed numbers are checked against too ({@link Validation#LICENCE_NUMBER_CHARACTERS}).
	 */
	static final String DEFAULT_PATTERN = "[" + Validation.LICENCE_NUMBER_CHARACTERS + "]{4,40}";

	/** The default pattern in words: exactly the characters it takes ({@link Validation#LICENCE_NUMBER_WORDS}). */
	static final String DEFAULT_FORMAT = "由" + Validation.LICENCE_NUMBER_WORDS + "组成，4至40个字符";

	/** Fills in the default licence number pattern (and its words) when none is configured. */
	public RegistrySettings {
		boolean own = licenceNumberPattern != null && !licenceNumberPattern.equals(DEFAULT_PATTERN);
		licenceNumberPattern = own ? licenceNumberPattern : DEFAULT_PATTERN;
		licenceNumberFormat = licenceNumberFormat != null && !licenceNumberFormat.isBlank() ? licenceNumberFormat.strip()
				: own ? null : DEFAULT_FORMAT;
	}

	/**
	 * Why a licence number that does not match {@link #licenceNumber} is refused, in words: the configured format
	 * ({@link #licenceNumberFormat}), never the regular expression.
	 */
	public String licenceNumberMessage() {
		return licenceNumberFormat == null ? "许可证编号格式不符合企业名录的规定，请按许可证上印制的编号填写"
				: "许可证编号格式不符合规定：应" + licenceNumberFormat;
	}

	/** The licence number pattern, compiled. */
	public Pattern licenceNumber() {
		return Pattern.compile(licenceNumberPattern);
	}
}
