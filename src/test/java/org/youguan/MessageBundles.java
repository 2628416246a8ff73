package org.youguan;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;

/**
 * The message bundles as tests read them, key by key: {@code messages.properties} (Chinese, the default) and
 * {@code messages_en.properties}, written by {@code tools/messages.py} in UTF-8.
 */
public final class MessageBundles {

	/** The Chinese bundle's name on the class path. */
	public static final String CHINESE = "messages.properties";

	/** The English bundle's name on the class path. */
	public static final String ENGLISH = "messages_en.properties";

	private MessageBundles() {
	}

	/** The bundle {@code name} on the class path, read as UTF-8; an unreadable bundle fails the test. */
	public static Properties load(String name) {
		Properties p = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}
}
