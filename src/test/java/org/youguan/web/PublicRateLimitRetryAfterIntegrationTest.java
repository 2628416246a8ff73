package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;

/**
 * Finding (a fixed Retry-After): the public rate limit answered every 429 with {@code Retry-After: 60} and "请一分钟后再试",
 * though its window is the clock's minute and frees at the minute's turn — a request refused at second 15 waits 45
 * seconds, not 60. The header and the sentence now say the time left of the window, as every other 429 does
 * ({@code LimitReachedException}).
 */
@IntegrationTest
class PublicRateLimitRetryAfterIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	/**
	 * Sends public look-ups from {@code address} until one is refused 429 (at most 200): that answer.
	 * @param tries holds the count of requests sent
	 */
	static MockHttpServletResponse beyondTheLimit(MockMvc mvc, String address, int[] tries) throws Exception {
		MockHttpServletResponse answer = null;
		while (tries[0] < 200 && (answer == null || answer.getStatus() != 429)) {
			answer = mvc.perform(get("/api/v1/public/licences").param("query", "顺丰").with(r -> {
				r.setRemoteAddr(address);
				return r;
			})).andReturn().getResponse();
			tries[0]++;
		}
		assertThat(answer.getStatus()).isEqualTo(429);
		return answer;
	}

	@Test
	void aRequestBeyondThePublicLimitIsToldTheTimeLeftOfItsWindow() throws Exception {
		// an address of its own, so no other test's public requests share its count
		String address = "10.95." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250);
		clock.set(LocalDateTime.of(2031, 3, 5, 10, 17, 15));
		try {
			int[] tries = { 0 };
			MockHttpServletResponse answer = beyondTheLimit(mvc, address, tries);
			assertThat(tries[0]).as("the 121st request of the minute").isEqualTo(121);
			assertThat(answer.getHeader("Retry-After")).as("45 seconds left of the minute").isEqualTo("45");
			assertThat(answer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("请45秒后再试");
			// later in the same window, less is left
			clock.set(LocalDateTime.of(2031, 3, 5, 10, 17, 50));
			answer = mvc.perform(get("/api/v1/public/licences").param("query", "顺丰").with(r -> {
				r.setRemoteAddr(address);
				return r;
			})).andReturn().getResponse();
			assertThat(answer.getStatus()).isEqualTo(429);
			assertThat(answer.getHeader("Retry-After")).isEqualTo("10");
		}
		finally {
			clock.reset();
		}
	}
}
