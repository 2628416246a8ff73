package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.MutableClock;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The set-up the enforcement procedure's integration tests share: the case fixture ({@link PartyCases}), a step of the
 * API posted as a user ({@link #call}), a service called as a signed-in account ({@link #signedInAs}), and the clock moved to a day ({@link #today}) and put back to the real time
 * after each test. A test annotates itself {@code @IntegrationTest} and extends this.
 */
abstract class ClockedSteps {

	@Autowired
	MockMvc mvc;

	/** The shared enforcement fixture. */
	@Autowired
	PartyCases party;

	@Autowired
	JdbcClient jdbc;

	/** The application's clock (Asia/Shanghai), which {@link #today} moves: "today" is the platform's day. */
	@Autowired
	MutableClock clock;

	@Autowired
	UserDirectory accounts;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Moves the clock to 10:00 China time on {@code day} (ISO, {@code 2026-06-01}). */
	void today(String day) {
		today(LocalDate.parse(day));
	}

	/** Moves the clock to 10:00 China time on {@code day}. */
	void today(LocalDate day) {
		clock.set(day.atTime(10, 0));
	}

	/** Posts {@code json} to the API's {@code path} as the bearer {@code token}. */
	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/**
	 * Runs {@code call} as the account {@code login} signed in (its roles and region, as a request of it would), then
	 * signs it out again whatever {@code call} did.
	 * @return what {@code call} returned
	 */
	<T> T signedInAs(String login, Callable<T> call) throws Exception {
		CurrentUser user = accounts.principal(login).orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return call.call();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
