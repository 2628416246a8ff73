package org.youguan;

import java.util.Locale;
import java.util.Map;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Markup a template wrote before Java took it over (issue 12), rendered again for a test to compare with what Java
 * writes now: Thymeleaf with Spring's expressions, the request's parameters as {@code param}, the given variables.
 */
public final class FormerMarkup {

	private FormerMarkup() {
	}

	/**
	 * The former markup rendered.
	 *
	 * @param template the markup, as the template held it
	 * @param variables the model
	 * @param request the request ({@code param} reads its parameters)
	 * @return the rendered markup
	 */
	public static String render(String template, Map<String, Object> variables, MockHttpServletRequest request) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, new MockHttpServletResponse());
		return engine.process(template, new WebContext(exchange, Locale.CHINA, variables));
	}

	/** Whitespace between elements left out (the template's indentation), nothing else changed. */
	public static String normalised(String html) {
		return html.replaceAll(">\\s+<", "><").trim();
	}
}
