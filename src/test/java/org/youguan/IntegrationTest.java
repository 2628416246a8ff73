package org.youguan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The whole application on the shared embedded PostgreSQL with the demo city, MockMvc, and a clock tests can move.
 * Every integration test uses the same configuration, so one context serves them all. The clock is put back to the
 * real time after every test ({@link ClockBack}), so no test runs on a day another one moved it to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(IntegrationTest.Clocks.class)
@ExtendWith(IntegrationTest.ClockBack.class)
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

	/**
	 * Puts the shared {@link MutableClock} back to the real time after each test. A test that moved it and did not put it
	 * back left every later test of the JVM on its day (2071, a 28 September): the order of the test classes is the
	 * file system's, another in a fresh clone than here, and a test reading "today" from the clock, or comparing it with
	 * the real date, passed or failed by which test ran before it. It also keeps the clock, which does not move by
	 * itself, within one test of the real time — a whole run crosses midnight China time (16:00 UTC) often enough.
	 * After the test rather than before it: an extension that sets a class's day before each test
	 * ({@code FilingFixture.Monday28September}) stays in charge of it, whichever extension runs first.
	 */
	final class ClockBack implements AfterEachCallback {

		@Override
		public void afterEach(ExtensionContext context) {
			SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
		}
	}
}
