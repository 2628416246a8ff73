package org.youguan.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.youguan.kernel.FieldError;
import org.youguan.kernel.RequestRefusals;

/**
 * Writes the 401 and 403 problem responses of the security filters, where no controller advice runs: the project's one
 * problem shape ({@link RequestRefusals#problem}, answered by the shell), with {@code instance} and {@code errors} naming the field and rule refused,
 * as every other refusal of {@code /api/**} does.
 */
final class Problems {

	/** The title of a 401: no session and no valid API token. */
	static final String UNAUTHORIZED = "未登录或令牌无效";

	/** The title of a 403: signed in, but not allowed this. */
	static final String FORBIDDEN = "无权访问";

	/** The rule of a 401: neither a session nor a valid token. */
	static final String UNAUTHENTICATED = "unauthenticated";

	/** The rule of a 403 for a role or right the caller lacks (as {@code AccessRefusedException} answers). */
	static final String FORBIDDEN_RULE = "forbidden";

	private final RequestRefusals refusals;

	Problems(RequestRefusals refusals) {
		this.refusals = refusals;
	}

	/**
	 * Writes the problem: the detail in Chinese, and one error naming the field and rule refused.
	 * @param field the field the refusal concerns ({@code request} for the request as a whole, {@code Authorization} …)
	 * @param rule the rule refused ({@link #UNAUTHENTICATED}, {@link #FORBIDDEN_RULE}, {@code csrf} …)
	 * @throws IOException when the answer cannot be written
	 */
	void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String field,
			String rule, String detail) throws IOException {
		refusals.problem(request, response, status, title, detail, List.of(new FieldError(field, rule, detail)));
	}
}
