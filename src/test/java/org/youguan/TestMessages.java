package org.youguan;

import java.nio.charset.StandardCharsets;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The UI bundle (messages.properties and its English) as the application reads it, for unit tests of wording. */
public final class TestMessages {

	private TestMessages() {
	}

	/** The bundle read as UTF-8, without falling back to the machine's language. */
	public static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
