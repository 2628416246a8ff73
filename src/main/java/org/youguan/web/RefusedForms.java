package org.youguan.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;

/**
 * Names the refused form of a page of several forms ({@code refusedForm}, the element id its POST handler declares
 * with {@link PageForm}) when a step's own rules refuse it ({@link FormSteps} renders the page again with
 * {@code refused}; {@link PageSteps} flashes {@code refused} across its redirect, and the name goes with it — an
 * undeclared form by the address it posted to, {@code refusedAction}); {@link UnboundForms} names it the same way when
 * the form's values could not be bound. A page shown after a {@link PageSteps} refusal gets the flashed values as typed
 * as its posted parameters ({@link TypedValues}), and answers in the refusal's status
 * ({@link PageSteps#REFUSED_STATUS}: 400, 409, 422 …), not 200.
 */
@Component
class RefusedForms implements HandlerInterceptor {

	/** The model's name of the refused form's element id. */
	static final String REFUSED_FORM = "refusedForm";

	/** The model's name of the address an undeclared refused form posted to (it marks that form's fields only). */
	static final String REFUSED_ACTION = "refusedAction";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null) {
			return;
		}
		if (!ShellModel.rendersPage(view)) {
			FlashMap flashed = RequestContextUtils.getOutputFlashMap(request);
			if (flashed.containsKey("refused") && handler instanceof HandlerMethod posted) {
				// refused by a step's rules, back across a redirect (PageSteps): the page shown next names the form
				String form = of(posted, request);
				if (form != null) {
					flashed.putIfAbsent(REFUSED_FORM, form);
				}
				else {
					flashed.putIfAbsent(REFUSED_ACTION, request.getRequestURI());
				}
			}
			return;
		}
		// the values a redirect brought back (PageSteps) are the page's posted parameters while it is rendered
		TypedValues.giveBack(request, view.getModel().remove(PageSteps.TYPED));
		// and the page showing the refusal answers in its status, as a page FormSteps renders again does
		if (view.getModel().remove(PageSteps.REFUSED_STATUS) instanceof Integer status && view.getStatus() == null
				&& response.getStatus() == HttpServletResponse.SC_OK) {
			view.setStatus(HttpStatusCode.valueOf(status));
		}
		if (!view.getModel().containsKey("refused") || !(handler instanceof HandlerMethod posted)) {
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
