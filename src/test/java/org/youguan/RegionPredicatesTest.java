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
 * Every "region and everything in it" is {@code RegionPrefix}'s predicate (the checked digits written in, so each
 * region's statement gets one plan that fits it — see {@code RegionPrefix}), never a bound pattern such as
 * {@code region_code LIKE :prefix} or {@code col LIKE :region || '%'}: a generic plan cannot turn a bound pattern into
 * an index range, so such a query scans once PostgreSQL stops re-planning it. (The reverse test — which regions
 * contain a given code, {@code :code LIKE region_code || '%'} — is not a range and stays bound.)
 */
class RegionPredicatesTest {

	static final Pattern BOUND_PREFIX = Pattern.compile("\\w+\\.?\\w*\\s+LIKE\\s+:\\w+(\\s*\\|\\|\\s*'%')?");

	@Test
	void noQueryMatchesACodeColumnWithABoundPattern() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(QualifiedNamesTest.SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					var m = BOUND_PREFIX.matcher(lines.get(i));
					while (m.find()) {
						String column = m.group().split("\\s+")[0];
						if (column.endsWith("code") || column.endsWith("_region") || column.equals("code")) {
							offences.add(QualifiedNamesTest.SOURCES.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
						}
					}
				}
			}
		}
		assertThat(offences).as("code columns matched with a bound LIKE pattern").isEmpty();
	}
}
