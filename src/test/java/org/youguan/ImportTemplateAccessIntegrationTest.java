package org.youguan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An import's template is handed out only to whoever may import (attack 71 C2: a staff member refused the 历史审批
 * import downloaded its template): for every template route of the application ({@code …/import/template.xlsx}) and
 * every demo account, the template answers 403 whenever the import's page ({@code GET …/import}) does. The routes are
 * read from the application, so a template added later is checked too.
 */
@IntegrationTest
class ImportTemplateAccessIntegrationTest {

	/** A path variable with its alternatives: {@code {target:enterprises|outlets}}. */
	private static final Pattern CHOICE = Pattern.compile("\\{\\w+:([\\w|-]+)\\}");

	private static final List<String> ACCOUNTS = List.of("sz.admin", "sz.leader", "sz.office", "sz.market",
			"sz.universal", "sz.safety", "wz.leader", "wz.staff", "sf.wz");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Every template route's concrete paths of the application, a path variable of alternatives taken as each of them.
	 * @param mappings the application's request mappings
	 */
	static List<String> templates(RequestMappingHandlerMapping mappings) {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				info.getPatternValues().stream().filter(p -> p.endsWith("/import/template.xlsx")).forEach(routes::add);
			}
		});
		List<String> paths = new ArrayList<>();
		for (String route : routes) {
			Matcher m = CHOICE.matcher(route);
			if (m.find()) {
				for (String choice : m.group(1).split("\\|")) {
					paths.add(route.substring(0, m.start()) + choice + route.substring(m.end()));
				}
			}
			else {
				paths.add(route);
			}
		}
		return paths;
	}

	@Test
	void aTemplateIsRefusedToWhoeverTheImportRefuses() throws Exception {
		List<String> templates = templates(mappings);
		assertThat(templates).contains("/universal/post-office-approvals/import/template.xlsx",
				"/registry/brands/import/template.xlsx", "/statistics/history/import/template.xlsx");
		List<String> handedOut = new ArrayList<>();
		int refusals = 0;
		for (String account : ACCOUNTS) {
			MockHttpSession session = SignIn.session(mvc, account);
			for (String template : templates) {
				String form = template.substring(0, template.length() - "/template.xlsx".length());
				int page = mvc.perform(get(form).session(session)).andReturn().getResponse().getStatus();
				if (page != 403) {
					continue;
				}
				refusals++;
				int file = mvc.perform(get(template).session(session)).andReturn().getResponse().getStatus();
				if (file != 403) {
					handedOut.add(account + " " + template + " " + file);
				}
			}
		}
		assertThat(refusals).as("imports refused to some account").isGreaterThan(5);
		assertThat(handedOut).as("templates handed out to an account the import refuses").isEmpty();
	}
}
