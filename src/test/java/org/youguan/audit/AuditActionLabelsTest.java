package org.youguan.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.youguan.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack round (L3): {@code complaint.notice.correct} was recorded without a Chinese name, shown as its code in the
 * trail; {@code AuditReadabilityIntegrationTest} checks only the actions some test happened to record before it. Every
 * audit action code written in the main sources — the first argument of {@code AuditEntry.of("…")} and the action of a
 * module's audit helper ({@code records.audit(c, "complaint.close", …)}) — has its {@code audit.action.<code>} label
 * in the messages (tools/messages.py), whether or not a test records it.
 */
class AuditActionLabelsTest {

	private static final Pattern ENTRY = Pattern.compile("AuditEntry\\.of\\(\\s*\"([^\"]+)\"");

	private static final Pattern HELPER = Pattern
		.compile("\\b(?:audit|auditByFiler)\\(\\s*\\w+\\s*,\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");

	@Test
	void everyAuditActionInTheSourcesHasAChineseLabel() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				for (Pattern p : new Pattern[] { ENTRY, HELPER }) {
					Matcher m = p.matcher(source);
					while (m.find()) {
						codes.add(m.group(1));
					}
				}
			}
		}
		assertThat(codes).as("the scan finds the application's actions").hasSizeGreaterThan(100)
			.contains("complaint.close", "complaint.notice.correct");
		Properties messages = MessageBundles.load(MessageBundles.CHINESE);
		assertThat(codes).filteredOn(code -> messages.getProperty("audit.action." + code) == null).as("unlabelled").isEmpty();
	}
}
