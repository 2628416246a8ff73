package org.youguan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The whole application on the shared embedded PostgreSQL with the demo city, MockMvc, and a clock tests can move.
 * Every integration test uses the same configuration, so one context serves them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(IntegrationTest.Clocks.class)
public @interface IntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		/**
		 * Sessions live in PostgreSQL: MockMvc's mock sessions carry the real session's cookie. Every request comes from
		 * an address of its own ({@link ClientAddress#anyAddress}) unless the test names one: the public rate limit and
		 * the sign-in throttle count per client address in the shared database, and the whole suite sharing 127.0.0.1
		 * met the public allowance (120 a minute) on a fast machine — a test's public lookup answered 429.
		 */
		@Bean
		MockMvcBuilderCustomizer sessionCookieJar() {
			return builder -> builder.apply(new SessionCookieJar())
				.defaultRequest(MockMvcRequestBuilders.get("/").with(ClientAddress.anyAddress()));
		}
	}
}
