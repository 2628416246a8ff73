package org.youguan.calendar;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A calendar file refused on the calendar page (kernel.FormSteps): the refusal's 4xx with the page again and the error
 * naming the field, so no client reads it as loaded.
 */
@IntegrationTest
class CalendarPageRefusalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anEmptyFileIsRefusedIn400OnTheCalendarPage() throws Exception {
		mvc.perform(multipart("/admin/calendar/load").file(new MockMultipartFile("file", "日历.ics", "text/calendar", new byte[0]))
			.session(SignIn.session(mvc, "sys.admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择要上传的文件")))
			.andExpect(content().string(containsString("data-field=\"file\"")));
	}
}
