package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

/**
 * No page offers a form its reader may not submit: walking the pages a user reaches (the menu, and the first records
 * each list links to), every {@code <form method="post">} shown must lead to a handler whose {@code @PreAuthorize}
 * admits that user. A read-only leader shown 受理/送达 buttons that answer 403 was an attack-run finding; this checks
 * the kind on every page rather than the two where it was seen. The handler's expression is evaluated, not posted to,
 * so the walk changes no data.
 */
@IntegrationTest
class OfferedFormsIntegrationTest {

	private static final Pattern MENU_ITEM = Pattern.compile("class=\"dropdown-item\" href=\"([^\"#]+)\"");

	/** A record's own page as lists link it: {@code /enforcement/cases/12}, {@code /licensing/applications/3}. */
	private static final Pattern RECORD_LINK = Pattern.compile("href=\"(/[a-z-]+(?:/[a-z-]+)*/\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	ApplicationContext context;

	private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();

	/** Rules that name a bean ({@code @licensingPages.cancels(principal)}) resolve it as the application does. */
	@BeforeEach
	void beans() {
		expressions.setApplicationContext(context);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sz.leader", "js.leader" })
	void aReadOnlyLeaderIsOfferedNoFormItMayNotSubmit(String username) throws Exception {
		MockHttpSession session = SignIn.session(mvc, username);
		CurrentUser user = directory.principal(username).orElseThrow();
		Authentication auth = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());

		Set<String> pages = new LinkedHashSet<>();
		Matcher menu = MENU_ITEM.matcher(body("/", session));
		while (menu.find()) {
			String link = menu.group(1).replace("&amp;", "&");
			if (!link.startsWith("/api/")) {
				pages.add(link);
			}
		}
		// the first few records each list page links to, up to three per kind of record page (records in different
		// states offer different steps)
		Map<String, Set<String>> records = new LinkedHashMap<>();
		for (String page : List.copyOf(pages)) {
			Matcher m = RECORD_LINK.matcher(body(page, session));
			while (m.find()) {
				Set<String> ofKind = records.computeIfAbsent(m.group(1).replaceAll("\\d+$", ""), k -> new LinkedHashSet<>());
				if (ofKind.size() < 3) {
					ofKind.add(m.group(1));
				}
			}
		}
		records.values().forEach(pages::addAll);
		assertThat(records).as("record pages reached from the lists of " + username).isNotEmpty();

		List<String> offeredButRefused = new ArrayList<>();
		int forms = 0;
		for (String page : pages) {
			for (Element form : Jsoup.parse(body(page, session)).select("form[method=post]")) {
				String action = form.attr("action");
				if (action.isBlank() || action.startsWith("/logout") || action.contains("://")) {
					continue;
				}
				forms++;
				if (!admits(auth, action.replace("&amp;", "&"))) {
					offeredButRefused.add(page + " → " + action);
				}
			}
		}
		assertThat(forms).as("post forms seen by " + username).isPositive();
		assertThat(offeredButRefused).as("forms shown to " + username + " that its roles may not submit").isEmpty();
	}

	private String body(String path, MockHttpSession session) throws Exception {
		var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		return response.getStatus() == 200 ? response.getContentAsString() : "";
	}

	/** Whether the POST handler of {@code action} admits the user by its method's (or class's) {@code @PreAuthorize}. */
	private boolean admits(Authentication auth, String action) throws Exception {
		String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = handlers.getHandler(request);
		if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)) {
			return true;
		}
		Method method = handler.getMethod();
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return true;
		}
		EvaluationContext context = expressions.createEvaluationContext(() -> auth,
				new SimpleMethodInvocation(null, method));
		return Boolean.TRUE.equals(expressions.getExpressionParser().parseExpression(rule.value()).getValue(context,
				Boolean.class));
	}
}
