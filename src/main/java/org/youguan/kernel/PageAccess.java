package org.youguan.kernel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the signed-in caller may open a page — asked before a refused step sends the caller back to its record's
 * page ({@link RequestRefusals#backToRecordPage}): a page the caller may not open either (a 机构管理员's account page,
 * {@code /admin/users/7}, to a 处室工作人员) would answer its own 403 and lose the step's reason, so the step's refusal
 * is answered there and then instead. Implemented by the security module (its address rules and the page handler's
 * method security), asked by the web shell.
 */
public interface PageAccess {

	/**
	 * The request attribute holding the application's {@link PageAccess} while a handler runs (set by the web shell
	 * before the handler), so {@link PageSteps}, which is static, asks it before it sends a refused step back to its page.
	 */
	String ATTRIBUTE = PageAccess.class.getName();

	/**
	 * Whether a GET of {@code page} by the request's signed-in caller passes the security rules: the address rules of
	 * the filter chain and the {@code @PreAuthorize} of the page's handler. Whether the record itself is in the
	 * caller's scope is not asked (the page decides that, 404).
	 * @param request the request being answered (its context path and caller)
	 * @param page an address within the application, e.g. {@code /admin/users/7}
	 */
	boolean opens(HttpServletRequest request, String page);
}
