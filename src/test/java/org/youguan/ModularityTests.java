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

	@Test
	void writesDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}
}
