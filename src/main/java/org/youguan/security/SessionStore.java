package org.youguan.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so any node can serve any user. Two requests of one session that
 * run at once — a double click on a step, two tabs — may both add the same new attribute (the flash message after a
 * redirect, the saved request); with the standard statements the second insert violates the attribute table's key and
 * the user got an error page although the step itself ran once. Spring Session's PostgreSQL statements insert an
 * attribute with {@code ON CONFLICT … DO UPDATE}, so the later write wins.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}
}
