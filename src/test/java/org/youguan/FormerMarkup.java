package org.youguan;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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
		return render(template, variables, request, null, Locale.CHINA);
	}

	/**
	 * The former markup rendered with the application's messages ({@code #{…}}) in a language.
	 *
	 * @param template the markup, as the template held it
	 * @param variables the model
	 * @param request the request ({@code param} reads its parameters)
	 * @param messages the messages {@code #{…}} reads (null: none)
	 * @param locale the language
	 * @return the rendered markup
	 */
	public static String render(String template, Map<String, Object> variables, MockHttpServletRequest request,
			MessageSource messages, Locale locale) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		if (messages != null) {
			engine.setTemplateEngineMessageSource(messages);
		}
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, new MockHttpServletResponse());
		return engine.process(template, new WebContext(exchange, locale, variables));
	}

	/** Whitespace between elements left out (the template's indentation), nothing else changed. */
	public static String normalised(String html) {
		return html.replaceAll(">\\s+<", "><").trim();
	}
}
