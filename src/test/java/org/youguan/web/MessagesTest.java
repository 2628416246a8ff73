package org.youguan.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English bundle has exactly the keys of the Chinese default bundle.
 */
class MessagesTest {

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		Properties zh = load("messages.properties");
		Properties en = load("messages_en.properties");
		assertThat(zh).isNotEmpty();
		assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
