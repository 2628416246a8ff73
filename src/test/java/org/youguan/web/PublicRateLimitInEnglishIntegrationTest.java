package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;

/**
 * Finding D1: the public rate limit's 429 on an English page read «Too many requests 查询过于频繁，请16秒后再试» — its
 * sentence was built as a literal. It is keyed ({@code refusal.publicRateLimit}) and told in the reader's language with
 * the wait; the Chinese page and the API's problem (Chinese, as every problem) keep the Chinese.
 */
@IntegrationTest
class PublicRateLimitInEnglishIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	MockHttpServletResponse lookup(String address, String path, String lang) throws Exception {
		// the language asked in the query, as a browser's switch sends it
		return mvc.perform(get(lang == null ? path : path + "?lang=" + lang).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn().getResponse();
	}

	@Test
	void theRateLimitsRefusalIsWordedForItsReader() throws Exception {
		String address = "10.96." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250);
		clock.set(LocalDateTime.of(2031, 4, 7, 9, 30, 44));
		try {
			MockHttpServletResponse answer = PublicRateLimitRetryAfterIntegrationTest.beyondTheLimit(mvc, address, new int[1]);
			assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as("the API's problem in Chinese")
				.contains("查询过于频繁，请16秒后再试");
			// the error page's detail (MockMvc renders no error dispatch)
			String english = lookup(address, "/public/lookup", "en").getErrorMessage();
			assertThat(english).contains("Too many look-ups: try again in 16 seconds").doesNotContain("查询过于频繁");
			assertThat(lookup(address, "/public/lookup", "zh-CN").getErrorMessage())
				.contains("查询过于频繁，请16秒后再试");
		}
		finally {
			clock.reset();
		}
	}
}
