package org.youguan.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code 201 Created} the API answers names in its {@code Location} an address a GET answers: a client following
 * it must find the record, not a 404 or 405 (POST /api/v1/safety/incidents named an incident address without a GET).
 */
@IntegrationTest
class LocationTargetsIntegrationTest {

	/** {@code ResponseEntity.created(URI.create(<expression>))} in the sources. */
	static final Pattern CREATED = Pattern.compile("created\\(URI\\.create\\((.+?)\\)\\)");

	/** A string constant of the same file, which an expression may start with. */
	static final String CONSTANT = "static final String %s = \"([^\"]*)\"";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyLocationNamesAnAddressAGetAnswers() throws IOException {
		List<String> gets = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			var methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				info.getPatternValues().forEach(gets::add);
			}
		}
		List<String> locations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/youguan"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher m = CREATED.matcher(source);
				while (m.find()) {
					locations.add(file.getFileName() + ": " + shape(m.group(1), source));
				}
			}
		}
		assertThat(locations).hasSizeGreaterThan(20);
		List<String> unanswered = locations.stream()
			.filter(l -> gets.stream().noneMatch(g -> matches(l.substring(l.indexOf(": ") + 2), g)))
			.toList();
		assertThat(unanswered).as("Location addresses without a GET").isEmpty();
	}

	/** The expression's address with every computed part as {@code *}: {@code "/a/" + id + "/b"} → {@code /a/x/b}. */
	static String shape(String expression, String source) {
		StringBuilder out = new StringBuilder();
		for (String part : expression.split("\\s*\\+\\s*")) {
			if (part.startsWith("\"") && part.endsWith("\"")) {
				out.append(part, 1, part.length() - 1);
			}
			else {
				Matcher constant = Pattern.compile(CONSTANT.formatted(Pattern.quote(part))).matcher(source);
				out.append(constant.find() ? constant.group(1) : "*");
			}
		}
		return out.toString();
	}

	/**
	 * Whether the address's segments meet the pattern's: literal to literal, {@code *} to one or more variables (a
	 * template's key is its module and name).
	 */
	static boolean matches(String address, String pattern) {
		return matches(address.split("/"), 0, pattern.split("/(?![^{]*})"), 0);
	}

	private static boolean matches(String[] a, int i, String[] p, int j) {
		if (i == a.length || j == p.length) {
			return i == a.length && j == p.length;
		}
		boolean variable = p[j].startsWith("{") && p[j].endsWith("}");
		if (!a[i].contains("*")) {
			return (a[i].equals(p[j]) || variable) && matches(a, i + 1, p, j + 1);
		}
		return variable && (matches(a, i + 1, p, j + 1) || matches(a, i, p, j + 1));
	}
}
