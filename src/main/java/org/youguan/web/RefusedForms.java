package org.youguan.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageForm;

/**
 * Names the refused form of a page of several forms ({@code refusedForm}, the element id its POST handler declares
 * with {@link PageForm}) when a step's own rules refuse it ({@link FormSteps} renders the page again with
 * {@code refused}); {@link UnboundForms} names it the same way when the form's values could not be bound.
 */
@Component
class RefusedForms implements HandlerInterceptor {

	/** The model's name of the refused form's element id. */
	static final String REFUSED_FORM = "refusedForm";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || !ShellModel.rendersPage(view) || !view.getModel().containsKey("refused")
				|| !(handler instanceof HandlerMethod posted)) {
			return;
		}
		String form = of(posted, request);
		if (form != null) {
			view.getModel().putIfAbsent(REFUSED_FORM, form);
		}
	}

	/**
	 * The element id of the form {@code handler} runs ({@link PageForm}), each {@code {name}} replaced by the
	 * address's variable of that name in {@code request}; null when the handler declares none (a page of one form).
	 */
	static String of(HandlerMethod handler, HttpServletRequest request) {
		PageForm form = handler.getMethodAnnotation(PageForm.class);
		if (form == null) {
			return null;
		}
		Map<?, ?> variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m
				? m : Map.of();
		Matcher named = VARIABLE.matcher(form.value());
		StringBuilder id = new StringBuilder();
		while (named.find()) {
			Object value = variables.get(named.group(1));
			named.appendReplacement(id, Matcher.quoteReplacement(value == null ? "" : value.toString()));
		}
		return named.appendTail(id).toString();
	}
}
