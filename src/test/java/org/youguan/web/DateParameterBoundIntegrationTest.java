package org.youguan.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A date parameter bound as a date (a calendar question's {@code date}, {@code from}, {@code to}; a form's 收到日期) is
 * held to the one bound of a date ({@code Validation.plausible}: 1949-10-01 … 2099-12-31, a record's), not to a looser
 * 1900–2199 of the binding's own: a day beyond it is a 400 naming the parameter, its value and the bound.
 */
@IntegrationTest
class DateParameterBoundIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aDateParameterBeyondTheOneBoundIsRefusedNamingTheParameterAndTheBound() throws Exception {
		for (String day : new String[] { "1949-10-01", "2099-12-31" }) {
			mvc.perform(get("/api/v1/calendar/working-day").param("date", day)).andExpect(status().isOk());
		}
		for (String day : new String[] { "1949-09-30", "1900-01-01", "2100-01-01", "2199-12-31" }) {
			mvc.perform(get("/api/v1/calendar/working-day").param("date", day))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("date"))
				.andExpect(jsonPath("$.errors[0].message").value(allOf(startsWith("日期的值“" + day + "”"),
						containsString("1949年10月1日至2099年12月31日"))));
		}
		mvc.perform(get("/api/v1/calendar/working-days-between").param("from", "2026-01-05").param("to", "2100-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value(allOf(startsWith("截止日期的值“2100-01-01”"),
					containsString("1949年10月1日至2099年12月31日"))));
	}
}
