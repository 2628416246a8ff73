package org.youguan.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No query maps a row to a record through Spring's class-based mappers ({@code JdbcClient.query(View.class)},
 * {@code DataClassRowMapper}, {@code BeanPropertyRowMapper}): they ask the driver for enum and {@code Instant} values it
 * does not support and catch the exception per cell. Records go through {@link Rows#of}; single columns of the types
 * the driver reads directly may still be mapped by class.
 */
class RowMappingTest {

	static final Set<String> DRIVER_NATIVE = Set.of("Long", "String", "Boolean", "Integer", "BigDecimal", "LocalDate",
			"Double");

	static final Pattern BY_CLASS = Pattern.compile("\\.query\\(([A-Z][A-Za-z0-9_.]*)\\.class\\)");

	@Test
	void everyRecordIsMappedByTheKernelRowMapper() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
						continue;
					}
					Matcher m = BY_CLASS.matcher(line);
					while (m.find()) {
						if (!DRIVER_NATIVE.contains(m.group(1))) {
							offenders.add(file + ":" + (i + 1) + " " + m.group());
						}
					}
					if (line.contains("DataClassRowMapper") || line.contains("BeanPropertyRowMapper")) {
						offenders.add(file + ":" + (i + 1) + " " + line.strip());
					}
				}
			}
		}
		assertThat(offenders).as("map records with Rows.of(…)").isEmpty();
	}
}
