package org.youguan.security;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.youguan.TestDatabase;
import org.youguan.YouGuanApplication;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A production start (external database, no demo data) on an empty database: no default credentials. Without
 * YOUGUAN_ADMIN_PASSWORD it refuses to start; with it, it creates the administrator, who must change the password.
 */
class FirstAdministratorIntegrationTest {

	static final String DATABASE = "youguan_first_admin";

	@BeforeAll
	static void emptyDatabase() throws Exception {
		try (Connection c = TestDatabase.get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + DATABASE);
			s.execute("CREATE DATABASE " + DATABASE);
		}
	}

	SpringApplicationBuilder production(String... extra) {
		return new SpringApplicationBuilder(YouGuanApplication.class).properties("server.port=0",
				"youguan.db.url=" + TestDatabase.url(DATABASE), "youguan.db.user=postgres", "youguan.db.password=" + TestDatabase.password(),
				"youguan.data-dir=target/test-data-first-admin")
			.properties(extra);
	}

	@Test
	void refusesToStartWithoutAnAdministratorPasswordThenCreatesTheAdministratorWithIt() {
		assertThatThrownBy(() -> production().run().close()).hasStackTraceContaining("YOUGUAN_ADMIN_PASSWORD");

		assertThatThrownBy(() -> production("youguan.admin.password=weak").run().close())
			.as("the password policy applies to the first administrator too")
			.hasStackTraceContaining("10位");

		try (ConfigurableApplicationContext app = production("youguan.admin.password=First#Start2026",
				"youguan.admin.region=32").run()) {
			var admin = app.getBean(UserDirectory.class).principal("admin").orElseThrow();
			assertThat(admin.roles()).containsExactly(Role.SYSTEM_ADMIN);
			assertThat(admin.mustChangePassword()).isTrue();
			assertThat(admin.bureauName()).isEqualTo("江苏省邮政管理局");
			assertThat(app.getBean(Bureaus.class).findByRegion("3205")).as("no demo data").isEmpty();
			assertThat(app.getBean(Bureaus.class).list(DataScope.all(),
					new PageQuery("", 0, 10, null, false)).total()).isEqualTo(1);
		}
		// a second start finds the user and needs no password
		production().run().close();
	}
}
