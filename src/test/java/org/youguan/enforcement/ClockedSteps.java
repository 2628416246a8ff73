package org.youguan.enforcement;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.MutableClock;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The set-up the enforcement procedure's integration tests share: the case fixture ({@link PartyCases}), a step of the
 * API posted as a user ({@link #call}), and the clock moved to a day ({@link #today}) and put back to the real time
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
}
