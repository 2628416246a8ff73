package org.youguan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's dependencies on the product's modules are its import lines (issue 12, "Hiding"): code never names a
 * YouGuan type by an inline fully qualified name such as {@code org.youguan.registry.Brands}, which hides a dependency
 * on another module from the reader and from the import list. Doc comments and comments may. (A JDK type may be
 * qualified where two share a simple name, e.g. {@code java.sql.Array} beside {@code java.lang.reflect.Array}.)
 */
class QualifiedNamesTest {

	static final Path SOURCES = Path.of("src/main/java/org/youguan");

	static final Pattern INLINE = Pattern.compile("(?<![\\w.\"])org\\.youguan(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");

	@Test
	void codeNamesTypesThroughItsImports() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i).strip();
					if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*")
							|| line.startsWith("//") || line.startsWith("/*")) {
						continue;
					}
					if (INLINE.matcher(line).find()) {
						offences.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + line);
					}
				}
			}
		}
		assertThat(offences).as("inline qualified type names").isEmpty();
	}
}
