package org.youguan.statistics;

import java.util.List;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.kernel.FieldError;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/** The enterprise portal's report pages as the tests drive them. */
final class EnterpriseReportPages {

	private EnterpriseReportPages() {
	}

	/** Opens (or creates) the signed-in enterprise's report of a form and period on the portal: the report page's address. */
	static String open(MockMvc mvc, MockHttpSession session, long formId, String period) throws Exception {
		return mvc.perform(post("/enterprise/statistics/open").session(session).with(csrf())
			.param("form", String.valueOf(formId)).param("period", period))
			.andExpect(redirectedUrlPattern("/enterprise/statistics/reports/*"))
			.andReturn().getResponse().getRedirectedUrl();
	}

	/**
	 * Tries to open a report of a form and period the portal refuses: it answers the portal's home again, with the
	 * errors in the flash.
	 * @return the errors the refusal carries
	 */
	@SuppressWarnings("unchecked")
	static List<FieldError> refused(MockMvc mvc, MockHttpSession session, long formId, String period) throws Exception {
		return (List<FieldError>) mvc.perform(post("/enterprise/statistics/open").session(session).with(csrf())
			.param("form", String.valueOf(formId)).param("period", period))
			.andExpect(redirectedUrl("/enterprise/statistics"))
			.andReturn().getFlashMap().get("errors");
	}

	/** The report's id in a report page's address. */
	static long id(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}
}
