package org.youguan.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.FormerMarkup;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.WorkState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 待办 / 已办结 / 全部 switch written by {@link WorkStateHtml} is the switch its fragment's template wrote before
 * (issue 12): the former markup, kept here as it was, rendered by Thymeleaf with the application's messages and the
 * same request gives the same markup, whitespace between elements and the line breaks between attributes aside — for every shown state and none, in Chinese
 * and English, for requests without a query, with filters the switch keeps and drops, and with a search full of
 * characters HTML and URLs escape; and the queue pages show it.
 */
@IntegrationTest
class WorkStateHtmlIntegrationTest {

	/** {@code fragments :: workState(state)} before it was written in Java. */
	static final String FORMER = """
			<div class="btn-group" role="group" id="work-state" th:aria-label="#{workstate.label}">
			  <a th:each="s : ${ {'OPEN', 'DONE', 'ALL'} }" class="btn btn-sm" th:id="'work-state-' + ${s}"
			     th:classappend="${state != null and state.name() == s} ? 'btn-primary active' : 'btn-outline-primary'"
			     th:attr="aria-current=${state != null and state.name() == s} ? 'true' : null"
			     th:href="${listUrl.state(s)}" th:text="#{${'workstate.' + s}}">待办</a>
			</div>""";

	@Autowired
	WorkStateHtml workStates;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Test
	void theSwitchWrittenInJavaIsTheSwitchTheTemplateWrote() {
		List<String> queries = Arrays.asList(null, "", "state=DONE",
				"q=%E9%A1%BA%E4%B8%B0&status=ACCEPTED&page=2&sort=number&dir=desc&category=%E5%BB%B6%E8%AF%AF",
				"q=%3Ca+%26+%22b%22+%27c%27%3E&overdue=true&awaitingReply=true&region=320506&region=320505",
				"q=C%2B%2B&brand=1&bad=%ZZ");
		List<WorkState> states = new ArrayList<>(Arrays.asList(WorkState.values()));
		states.add(null);
		int compared = 0;
		try {
			for (Locale locale : List.of(Locale.CHINA, Locale.ENGLISH)) {
				for (String query : queries) {
					for (WorkState state : states) {
						MockHttpServletRequest request = new MockHttpServletRequest("GET", "/complaints");
						request.setQueryString(query);
						RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
						LocaleContextHolder.setLocale(locale);
						Map<String, Object> model = new HashMap<>();
						model.put("listUrl", new ListUrls());
						model.put("state", state);
						String template = FormerMarkup.render(FORMER, model, request, messages, locale);
						String java = workStates.html(state);
						assertThat(spaced(java)).as("%s %s %s", locale, query, state).isEqualTo(spaced(template));
						compared++;
					}
				}
			}
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(compared).isEqualTo(2 * 6 * 4);
	}

	/** Whitespace between elements left out, and between attributes one space (the template's line breaks). */
	static String spaced(String html) {
		return FormerMarkup.normalised(html).replaceAll("\\s+", " ");
	}

	@Test
	void theQueuePagesShowTheSwitchWithTheShownStateActive() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String open = mvc.perform(get("/complaints").session(staff)).andReturn().getResponse().getContentAsString();
		assertThat(open)
			.contains("<a class=\"btn btn-sm btn-primary active\" id=\"work-state-OPEN\" href=\"/complaints?state=OPEN\" "
					+ "aria-current=\"true\">待办</a>")
			.contains("id=\"work-state-DONE\" href=\"/complaints?state=DONE\">已办结</a>");
		String done = mvc.perform(get("/filing/queue").param("state", "DONE").param("page", "1").session(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(done).contains("id=\"work-state-DONE\" href=\"/filing/queue?state=DONE\" aria-current=\"true\"")
			.contains("id=\"work-state-OPEN\" href=\"/filing/queue?state=OPEN\">待办</a>");
	}
}
