package org.youguan.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.youguan.kernel.PageAccess;

/**
 * {@link PageAccess} by the rules that decide a page's GET: the filter chain's address rules
 * ({@link SecurityConfiguration}, asked through Spring Security's {@link WebInvocationPrivilegeEvaluator}) and the
 * page handler's {@code @PreAuthorize} ({@link HandlerAuthorizationFilter#admits}), the same two the GET itself meets.
 */
@Component
class SecurityPageAccess implements PageAccess {

	/** Looked up when first asked: the evaluator is built with the filter chain, which needs this module's beans. */
	private final ObjectProvider<WebInvocationPrivilegeEvaluator> addressRules;

	private final HandlerAuthorizationFilter handlers;

	SecurityPageAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> addressRules, ApplicationContext context) {
		this.addressRules = addressRules;
		this.handlers = new HandlerAuthorizationFilter(context);
	}

	@Override
	public boolean opens(HttpServletRequest request, String page) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		WebInvocationPrivilegeEvaluator rules = addressRules.getIfUnique();
		if (rules != null && !rules.isAllowed(request.getContextPath(), page, "GET", caller)) {
			return false;
		}
		return handlers.admits(PathContainer.parsePath(page), RequestMethod.GET);
	}
}
