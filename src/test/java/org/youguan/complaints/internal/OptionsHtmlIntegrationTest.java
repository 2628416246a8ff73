package org.youguan.complaints.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.FormerMarkup;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.kernel.OptionsHtml;
import org.youguan.kernel.WorkState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The staff complaint queue's filter options written by {@link OptionsHtml} are the options its template wrote before
 * (issue 12): the template's option markup, kept here as it was, rendered by Thymeleaf with Spring's expressions and
 * the request's parameters, gives the same markup, whitespace between elements aside — for every state's statuses and
 * the category catalogue plus categories full of characters HTML escapes, with no parameter, each option's value, a
 * value no option has, an empty one and a repeated one; and the page shows the option of its parameter selected.
 */
@IntegrationTest
class OptionsHtmlIntegrationTest {

	/** The filter's option lists of {@code complaints/queue.html} before they were written in Java. */
	static final String TEMPLATE_OPTIONS = """
			<select name="status">
			  <option th:each="s : ${statuses}" th:value="${s}" th:text="${s.label()}" th:selected="${param.status != null and s.name() == param.status.toString()}">s</option></select>
			<select name="category">
			  <option th:each="c : ${categories}" th:value="${c}" th:text="${c}" th:selected="${param.category != null and c == param.category.toString()}">延误</option></select>""";

	static final String NASTY = "<甲&乙 \"类\" 'x'>";

	@Autowired
	ComplaintIntake intake;

	@Autowired
	MockMvc mvc;

	@Test
	void theOptionsWrittenInJavaAreTheOptionsTheTemplateWrote() {
		List<String> categories = new ArrayList<>(intake.categories());
		assertThat(categories).isNotEmpty();
		categories.addAll(List.of(NASTY, "A&B", ""));
		List<Map<String, String[]>> parameters = new ArrayList<>();
		parameters.add(Map.of());
		for (ComplaintStatus s : ComplaintStatus.values()) {
			parameters.add(Map.of("status", new String[] { s.name() }));
		}
		for (String c : categories) {
			parameters.add(Map.of("category", new String[] { c }));
		}
		parameters.add(Map.of("status", new String[] { "NO_SUCH" }, "category", new String[] { "无此类别" }));
		parameters.add(Map.of("status", new String[] { "" }, "category", new String[] { "" }));
		parameters.add(Map.of("category", new String[] { categories.get(0), categories.get(0) }, "status",
				new String[] { ComplaintStatus.values()[0].name(), ComplaintStatus.values()[1].name() }));
		int selected = 0;
		for (WorkState state : WorkState.values()) {
			List<ComplaintStatus> statuses = ComplaintController.statuses(state);
			for (Map<String, String[]> p : parameters) {
				MockHttpServletRequest request = new MockHttpServletRequest("GET", "/complaints");
				request.setParameters(p);
				String template = FormerMarkup.render(TEMPLATE_OPTIONS,
						Map.of("statuses", statuses, "categories", categories), request);
				String java = "<select name=\"status\">"
						+ OptionsHtml.html(statuses, ComplaintStatus::name, ComplaintStatus::label,
								request.getParameterValues("status"))
						+ "</select>\n<select name=\"category\">"
						+ OptionsHtml.html(categories, c -> c, c -> c, request.getParameterValues("category")) + "</select>";
				assertThat(FormerMarkup.normalised(java)).as("%s %s", state, p.keySet())
					.isEqualTo(FormerMarkup.normalised(template));
				selected += java.split("selected=\"selected\"", -1).length - 1;
			}
		}
		// the comparison covered selected options, and the nasty category is escaped
		assertThat(selected).isGreaterThan(categories.size());
		assertThat(OptionsHtml.html(categories, c -> c, c -> c, null))
			.contains("<option value=\"&lt;甲&amp;乙 &quot;类&quot; &#39;x&#39;&gt;\">"
					+ "&lt;甲&amp;乙 &quot;类&quot; &#39;x&#39;&gt;</option>")
			.doesNotContain("selected");
	}

	@Test
	void theQueuePageShowsItsFiltersOptionsWithTheAskedOnesSelected() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String category = intake.categories().get(0);
		String page = mvc
			.perform(get("/complaints").param("status", ComplaintStatus.values()[0].name())
				.param("category", category)
				.param("state", "ALL")
				.session(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<option value=\"" + ComplaintStatus.values()[0].name() + "\" selected=\"selected\">"
				+ ComplaintStatus.values()[0].label() + "</option>");
		assertThat(page).contains("<option value=\"" + category + "\" selected=\"selected\">" + category + "</option>");
		for (ComplaintStatus s : ComplaintStatus.values()) {
			assertThat(page).contains("<option value=\"" + s.name() + "\"");
		}
		assertThat(page).doesNotContain("<option value=\"" + ComplaintStatus.values()[1].name() + "\" selected");
	}

}
