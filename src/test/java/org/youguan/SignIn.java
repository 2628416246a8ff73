package org.youguan;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs a demo account in through the real login form and returns its session, for page tests.
 */
public final class SignIn {

	public static final String DEMO_PASSWORD = "Demo@2026";

	private SignIn() {
	}

	public static MockHttpSession session(MockMvc mvc, String username) throws Exception {
		return session(mvc, username, DEMO_PASSWORD);
	}

	/** The session of a user signed in with its own password (a user a test provisioned). */
	public static MockHttpSession session(MockMvc mvc, String username, String password) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession();
	}
}
