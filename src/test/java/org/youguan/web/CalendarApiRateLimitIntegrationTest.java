package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Attack round: the public working-day calendar API ({@code /api/v1/calendar/**}, open without signing in, each answer
 * walking up to 3650 days of the calendar) was outside the public rate limit, so one address could call it without
 * end. It counts against the address's public allowance (120 a minute) as {@code /public/**} does, and is refused with
 * 429 beyond it.
 */
@IntegrationTest
class CalendarApiRateLimitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anAddressCallingTheCalendarApiIsLimitedAsOnThePublicPages() throws Exception {
		// an address of its own, so no other test's public requests share its count
		String address = "10.95." + (1 + Integer.parseInt(RandomDigits.of(2))) + "." + (1 + Integer.parseInt(RandomDigits.of(2)));
		String[] paths = { "/api/v1/calendar/add-working-days?from=2026-09-30&days=1",
				"/api/v1/calendar/working-days-between?from=2026-09-30&to=2026-10-08",
				"/api/v1/calendar/working-day?date=2026-10-01" };
		int status = 0;
		int tries = 0;
		while (tries < 200 && status != 429) {
			String path = paths[tries % paths.length];
			status = mvc.perform(get(path).with(r -> {
				r.setRemoteAddr(address);
				return r;
			})).andReturn().getResponse().getStatus();
			tries++;
		}
		assertThat(status).as("refused once the address's public allowance is spent").isEqualTo(429);
		assertThat(tries).isEqualTo(121);
	}
}
