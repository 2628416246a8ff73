package org.youguan.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes RFC 9457 problem responses from filters, where no controller advice runs.
 */
final class Problems {

	/** The title of a 401: no session and no valid API token. */
	static final String UNAUTHORIZED = "未登录或令牌无效";

	/** The title of a 403: signed in, but not allowed this. */
	static final String FORBIDDEN = "无权访问";

	private Problems() {
	}

	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
				+ ",\"detail\":\"" + escape(detail) + "\"}");
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
