package org.youguan;

import java.util.Arrays;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurerAdapter;
import org.springframework.web.context.WebApplicationContext;

/**
 * Lets MockMvc tests keep using {@code .session(mockSession)} while sessions really live in PostgreSQL (Spring Session
 * JDBC, which finds a session by its {@code SESSION} cookie, not by the container's session): after every request the
 * {@code SESSION} cookie the application set is kept in the request's {@link MockHttpSession}, and every later request
 * made with that mock session carries the cookie. The mock session is only the test's cookie jar.
 */
final class SessionCookieJar extends MockMvcConfigurerAdapter {

	static final String COOKIE = "SESSION";

	private static final String ATTRIBUTE = SessionCookieJar.class.getName();

	@Override
	public void afterConfigurerAdded(ConfigurableMockMvcBuilder<?> builder) {
		builder.alwaysDo(result -> {
			Cookie set = result.getResponse().getCookie(COOKIE);
			if (set == null) {
				return;
			}
			MockHttpSession jar = (MockHttpSession) result.getRequest().getSession(true);
			if (set.getMaxAge() == 0) {
				jar.removeAttribute(ATTRIBUTE);
			}
			else {
				jar.setAttribute(ATTRIBUTE, set.getValue());
			}
		});
	}

	@Override
	public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> builder,
			WebApplicationContext context) {
		return SessionCookieJar::carryCookie;
	}

	private static MockHttpServletRequest carryCookie(MockHttpServletRequest request) {
		if (request.getSession(false) instanceof MockHttpSession jar && jar.getAttribute(ATTRIBUTE) instanceof String id
				&& (request.getCookies() == null
						|| Arrays.stream(request.getCookies()).noneMatch(c -> COOKIE.equals(c.getName())))) {
			Cookie[] existing = request.getCookies() == null ? new Cookie[0] : request.getCookies();
			request.setCookies(Stream.concat(Arrays.stream(existing), Stream.of(new Cookie(COOKIE, id)))
				.toArray(Cookie[]::new));
		}
		return request;
	}
}
