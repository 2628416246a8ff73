package org.youguan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No query's rows are read as a stream ({@code jdbc.sql(…).query(…).stream()}) unless the stream is closed: such a
 * stream holds its database connection until it is closed, and outside a transaction nothing closes it — the public
 * 双随机 list leaked one pool connection per anonymous request until every request, sign-in included, failed (attack
 * round 7). Read rows with {@code list()}, {@code optional()} or {@code single()}; a stream opened in a
 * try-with-resources ({@code try (Stream<…> rows = …stream())}) is allowed.
 */
class QueryStreamsTest {

	/** {@code .query(...)} followed, across lines, by {@code .stream()}. */
	static final Pattern QUERY_STREAM = Pattern.compile(
			"\\.query\\((?:[^()]|\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))*\\)\\s*\\.stream\\(\\)");

	@Test
	void noQueryIsReadAsAStreamLeftOpen() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(QualifiedNamesTest.SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String source = Files.readString(f);
				Matcher m = QUERY_STREAM.matcher(source);
				while (m.find()) {
					// the statement holding the query: from the last ';', '{' or '}' before it
					int start = Math.max(source.lastIndexOf(';', m.start()),
							Math.max(source.lastIndexOf('{', m.start()), source.lastIndexOf('}', m.start()))) + 1;
					String statement = source.substring(start, m.start());
					if (!statement.contains("try (")) {
						offences.add(QualifiedNamesTest.SOURCES.relativize(f) + ":"
								+ (source.substring(0, m.start()).split("\n", -1).length));
					}
				}
			}
		}
		assertThat(offences).as("query results read as a stream nobody closes").isEmpty();
	}
}
