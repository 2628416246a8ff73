package org.youguan.kernel;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a request refused outside the controllers is answered — by a filter of a module that must not depend on the
 * shell (the security filters' 401/403, the sign-in's pending refusal): the shell (the web module) implements it, so
 * every such refusal has the product's one shape, a problem response (RFC 9457) to an API client and the error page,
 * in Chinese, to anyone else.
 */
public interface RequestRefusals {

	/**
	 * The request attribute naming the roles that may take a step refused for the caller's role (a {@code List} of
	 * role names, in the roles' order), as the step's handler declares them ({@code @PreAuthorize} hasRole/hasAnyRole);
	 * absent where the handler names none — the refusal then names the caller's roles only.
	 */
	String STEP_ROLES = "youguan.stepRoles";

	/**
	 * Whether the request comes from an API client, the one rule by which every refusal chooses a problem response
	 * over the error page (an {@code /api} path as routed, else a client that takes no HTML and sends a token or asks
	 * for JSON).
	 */
	boolean apiClient(HttpServletRequest request);

	/**
	 * Whether a refusal of the request's values waits for which no parameter at all could be read (a form body that
	 * does not decode, or one beyond the size limits): its CSRF token cannot be read either, and it will be refused
	 * whatever it carries.
	 */
	boolean parametersUnreadable(HttpServletRequest request);

	/**
	 * Answers a refusal: a problem response to an API client ({@link #apiClient}), the error page to anyone else.
	 * @param status the HTTP status, 400–599
	 * @param title the title in Chinese
	 * @param detail what the user is told, in Chinese
	 * @param errors the fields and rules refused; at least one
	 * @throws IOException when the answer cannot be written
	 */
	void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail,
			List<FieldError> errors) throws IOException;

	/**
	 * Answers a problem response ({@code application/problem+json}) whoever asked: for the refusals only an API
	 * client meets (a bad token, the API's 401/403).
	 * @param status the HTTP status, 400–599
	 * @param title the title in Chinese
	 * @param detail the detail in Chinese (personal numbers are masked, long texts cut)
	 * @param errors the fields and rules refused; at least one
	 * @throws IOException when the answer cannot be written
	 */
	void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail,
			List<FieldError> errors) throws IOException;

	/**
	 * Answers a page's step on a record refused by the security filters for the caller's role — a staff member's form
	 * posted from the record's page to a step that role may not take: back to the record's page with the refusal,
	 * naming the caller's roles, in its error box (shown in 403), as a step its guard or handler refuses. Anything else
	 * (a read, an API client, a token, an address that is no record's step, a caller who is no staff member) is left
	 * to the ordinary 403. A record's page the caller may not open either ({@link PageAccess}) is not gone back to: the
	 * step's refusal, naming the caller's roles, is answered at once (403), as that page's own 403 would lose it.
	 * @return whether it was answered: nothing more may be written then
	 * @throws IOException when the answer cannot be written
	 */
	boolean backToRecordPage(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/**
	 * Answers a refusal by the security filters for the caller's role where the refused handlers name the roles they
	 * admit ({@link #STEP_ROLES}) and the caller is a staff member — a form's page or post, a read, an API call: 403
	 * naming the caller's roles and the roles that may act, one wording for every such refusal (a page in the reader's
	 * language, a problem in Chinese), as a record's step refused for its role is told. Anything else (no roles named,
	 * an anonymous caller or an enterprise's account) is left to the ordinary 403.
	 * @return whether it was answered: nothing more may be written then
	 * @throws IOException when the answer cannot be written
	 */
	boolean refuseRole(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/**
	 * Answers the refusal of the request's values that waited for the security filters' decision, if one waits.
	 * @return whether a refusal was answered: the chain must stop then
	 * @throws IOException when the answer cannot be written
	 */
	boolean answerPending(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
