package org.youguan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules talk through their API, their events or the read views another module publishes as its contract — never
 * through another module's tables. A table belongs to the module whose migration folder creates it
 * ({@code db/migration/<module>/}); a view created there is that module's read contract, open to every module. This
 * test reads every SQL statement in the Java sources of each module and fails when one names a table of another.
 */
class ModuleTablesTest {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path SOURCES = Path.of("src/main/java/org/youguan");

	static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	/** Owning module of every table, read from the migrations. */
	static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new HashMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
				String module = MIGRATIONS.relativize(f).getName(0).toString();
				Matcher m = CREATE_TABLE.matcher(Files.readString(f));
				while (m.find()) {
					owners.put(m.group(1).toLowerCase(), module);
				}
			}
		}
		return owners;
	}

	@Test
	void noModuleNamesAnotherModulesTable() throws IOException {
		Map<String, String> owners = owners();
		assertThat(owners).containsEntry("region", "region").containsEntry("department", "org")
			.containsEntry("complaint", "complaints");
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String module = SOURCES.relativize(f).getName(0).toString();
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i).strip();
					if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
						continue;
					}
					Matcher m = NAMED.matcher(line);
					while (m.find()) {
						String owner = owners.get(m.group(1).toLowerCase());
						if (owner != null && !owner.equals(module)) {
							offences.add(f + ":" + (i + 1) + " names " + owner + "'s table " + m.group(1));
						}
					}
				}
			}
		}
		assertThat(offences).as("read other modules through their API or their published views").isEmpty();
	}

	@Test
	void theTestSeesACrossModuleJoin() throws IOException {
		Matcher m = NAMED.matcher("FROM complaint c JOIN region r ON r.code = c.region_code");
		List<String> named = new ArrayList<>();
		while (m.find()) {
			named.add(m.group(1));
		}
		assertThat(named).containsExactly("complaint", "region");
		assertThat(owners().get("region")).isEqualTo("region");
	}
}
