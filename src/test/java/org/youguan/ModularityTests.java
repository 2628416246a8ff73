package org.youguan;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries hold (no cycles, no access to another module's internals), and the module documentation is
 * written to target/spring-modulith-docs.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(YouGuanApplication.class);

	@Test
	void verifiesModuleStructure() {
		MODULES.verify();
	}

	@Test
	void hasTheKernelModules() {
		assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("kernel", "region", "org",
				"calendar", "audit", "documents", "rules", "numbering", "security", "web", "demo", "platform");
	}

	/**
	 * The documenter reads the doc comments back with Spring Boot's {@code BasicJsonParser}, which counts brackets
	 * inside strings too: one comment with an unbalanced {@code [} (a range written {@code [from, to)}) made it split
	 * the list wrongly and fail on whatever type came next. Every doc comment keeps its brackets balanced.
	 */
	@Test
	void docCommentsKeepTheirBracketsBalancedForTheDocumenter() throws Exception {
		var json = java.nio.file.Path.of("target/generated-spring-modulith/javadoc.json");
		assertThat(json).as("written by spring-modulith-apt when compiling").exists();
		java.util.List<String> unbalanced = new java.util.ArrayList<>();
		for (var type : tools.jackson.databind.json.JsonMapper.shared().readTree(json.toFile())) {
			unbalanced.addAll(unbalanced(type.path("name").asString(), type.path("comment").asString()));
			for (var method : type.path("methods")) {
				unbalanced.addAll(unbalanced(type.path("name").asString() + "#" + method.path("name").asString(),
						method.path("comment").asString()));
			}
		}
		assertThat(unbalanced).as("doc comments with unbalanced [ ] or { }").isEmpty();
	}

	private static java.util.List<String> unbalanced(String name, String comment) {
		long squares = comment.chars().filter(c -> c == '[').count() - comment.chars().filter(c -> c == ']').count();
		long braces = comment.chars().filter(c -> c == '{').count() - comment.chars().filter(c -> c == '}').count();
		return squares == 0 && braces == 0 ? java.util.List.of() : java.util.List.of(name);
	}

	@Test
	void writesDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}
}
