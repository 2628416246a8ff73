package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The one table the bundles are written from ({@code tools/messages.py}) holds each key once: a key written twice keeps
 * only its last text, so the other use shows the wrong sentence (a refund's receipt fragment stood in as the form's
 * placeholder; a filing's twin refusal lost its receipt number in English).
 */
class MessageTableTest {

	private static final Pattern KEY = Pattern.compile("^ \"([^\"]+)\":", Pattern.MULTILINE);

	@Test
	void everyKeyIsWrittenOnce() throws IOException {
		String table = Files.readString(Path.of("tools/messages.py"), StandardCharsets.UTF_8);
		Map<String, Long> counts = KEY.matcher(table).results().map(m -> m.group(1))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(counts).as("keys in the table").hasSizeGreaterThan(1000);
		assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList())
			.as("keys written twice").isEmpty();
	}
}
