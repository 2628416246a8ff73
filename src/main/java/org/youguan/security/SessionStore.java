package org.youguan.security;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so any node can serve any user, with two changes to the standard
 * statements:
 * <ul>
 * <li>Two requests of one session that run at once — a double click on a step, two tabs — may both add the same new
 * attribute (the flash message after a redirect, the saved request); with the standard statements the second insert
 * violates the attribute table's key and the user got an error page although the step itself ran once. Spring
 * Session's PostgreSQL statements insert an attribute with {@code ON CONFLICT … DO UPDATE}, so the later write wins.
 * <li>Every request moves the session's last-access time, and the standard statement rewrote the session row each
 * time: one row lock that all of a user's concurrent requests queue on (a page and its htmx fragments), and a write
 * per page view. The row is now rewritten when its id, timeout or principal changes, or when the stored access time
 * is {@link #ACCESS_TIME_RESOLUTION_MS} or more behind — so an idle session expires at most that much earlier than its
 * timeout ({@code server.servlet.session.timeout}) says. A request's touch that would not move the stored time that
 * far does not even mark the session changed ({@link AccessTimeSessions}, the repository the request filter uses), so a
 * page view that changes no attribute runs no statement for its session at all; and the filter's second commit of a
 * request finds the session the first one saved instead of reading its row again, so a view reads it once.
 * <li>A signed-in session's security context is deserialised once per stored form, not on every request
 * ({@link SessionAttributeCodec}; each request still gets a context of its own).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/** How far the stored last-access time may lag behind the real one (ms). */
	static final long ACCESS_TIME_RESOLUTION_MS = 60_000;

	/**
	 * Spring Session binds, in this order: session id, last access (epoch ms), max inactive interval (s), expiry
	 * (epoch ms), principal name, primary id.
	 */
	static final String UPDATE_SESSION_QUERY = """
			UPDATE %TABLE_NAME% s SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			       MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
			       PRINCIPAL_NAME = v.principal_name
			FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
			             CAST(? AS integer) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
			             CAST(? AS varchar(100)) AS principal_name, CAST(? AS char(36)) AS primary_id) v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
			       OR v.last_access_time - s.LAST_ACCESS_TIME >= """ + ACCESS_TIME_RESOLUTION_MS + ")";

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/** Attributes as Java serialisation stores them, a security context deserialised once per stored form. */
	@Bean
	SessionAttributeCodec sessionAttributeCodec(ResourceLoader loader) {
		return new SessionAttributeCodec(loader.getClassLoader());
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accessTimeWrittenOncePerMinute(
			SessionAttributeCodec codec) {
		return repository -> {
			repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
			repository.setConversionService(codec.conversionService());
		};
	}

	/**
	 * The session repository reads a session for the request filter without a transaction of its own (one
	 * {@code SELECT}: a begin and a commit around it were a seventh of a remembered page's cost), and does everything
	 * else in a new transaction as Spring Session does by default ({@link AccessTimeSessions#readsWithoutTransaction}).
	 * Set on Spring Session's configuration before it builds the repository: a {@code TransactionOperations} bean of the
	 * application's own would turn off Spring Boot's {@code TransactionTemplate}.
	 */
	@Bean
	static BeanPostProcessor sessionReadsWithoutTransaction(ObjectProvider<PlatformTransactionManager> transactions) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					Supplier<TransactionOperations> writes = SingletonSupplier.of(() -> {
						var template = new TransactionTemplate(transactions.getObject());
						template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
						return template;
					});
					configuration.setTransactionOperations(AccessTimeSessions.readsWithoutTransaction(writes));
				}
				return bean;
			}
		};
	}

	/**
	 * The request filter reads and saves sessions through {@link AccessTimeSessions} (a touch within the resolution
	 * saves nothing). Spring Session builds its filter on the one session repository there may be, so the filter Spring
	 * Session built is replaced by one over the lazy view of that repository, with the same session id resolver: the
	 * application's {@link HttpSessionIdResolver} if it has one, otherwise the session cookie as Spring Boot configures
	 * it ({@code server.servlet.session.cookie.*}). Everything else (sign-out, {@link SessionTermination}, the cleanup
	 * of expired sessions) uses the repository itself. The filter marks each request for {@link AccessTimeSessions}, so its
	 * second commit finds the session the first one saved without reading the row again.
	 */
	@Bean
	static BeanPostProcessor accessTimeSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions,
			ObjectProvider<HttpSessionIdResolver> resolver, ObjectProvider<CookieSerializer> cookies) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof SessionRepositoryFilter<?>)) {
					return bean;
				}
				var repository = new AccessTimeSessions(sessions.getObject(),
						Duration.ofMillis(ACCESS_TIME_RESOLUTION_MS));
				var filter = new SessionRepositoryFilter<>(repository) {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						repository.within(() -> super.doFilterInternal(request, response, chain));
					}
				};
				filter.setHttpSessionIdResolver(resolver.getIfAvailable(() -> {
					var cookie = new CookieHttpSessionIdResolver();
					cookie.setCookieSerializer(cookies.getObject());
					return cookie;
				}));
				return filter;
			}
		};
	}
}
