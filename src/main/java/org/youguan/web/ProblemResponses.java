package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Masking;

/**
 * Problem responses written by filters, where no controller advice runs (a refused request value, a 401 or 403 of the
 * security filters): the same RFC 9457 shape {@link ErrorHandling} gives every {@code /api/**} failure — type, title,
 * status, a Chinese detail, the instance (the path, masked and cut as {@link ErrorHandling#maskedPath} does) and
 * {@code errors} naming each field and rule ({@code field}, {@code rule}, {@code message}).
 */
public final class ProblemResponses {

	/**
	 * The one content type of every problem answer, whoever writes it (the controller advice, a filter, Spring
	 * Security's entry points, Tomcat's error report): {@code application/problem+json;charset=UTF-8} (RFC 9457 §3).
	 * The charset is named although JSON is UTF-8 by definition (RFC 8259 §8.1): a client that does not know the
	 * {@code +json} suffix decodes the Chinese detail right only when told.
	 */
	public static final MediaType CONTENT_TYPE = new MediaType("application", "problem+json", StandardCharsets.UTF_8);

	/** The problem's {@code type}: none but the status's own meaning (RFC 9457 §4.2.1), written out in every answer. */
	static final String TYPE = "about:blank";

	private ProblemResponses() {
	}

	/**
	 * Writes the problem as the answer to the request.
	 * @param request the request answered (its path becomes the instance)
	 * @param response the response, not yet committed
	 * @param status the HTTP status
	 * @param title the title in Chinese
	 * @param detail the detail in Chinese (personal numbers are masked, long texts cut as in every message)
	 * @param errors the failed fields and rules; a refusal names at least one
	 * @throws IOException when the answer cannot be written
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<FieldError> errors) throws IOException {
		write(response, request.getRequestURI(), status, title, detail, errors);
	}

	/**
	 * Writes the problem for the path given (on an error dispatch: the path that failed, not the error page's).
	 * @param path the request's path, not decoded
	 */
	static void write(HttpServletResponse response, String path, int status, String title, String detail,
			List<FieldError> errors) throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(CONTENT_TYPE.toString());
		response.getWriter().write(json(path, status, title, detail, errors));
	}

	/**
	 * The problem as JSON: type, title, status, detail, instance and errors.
	 * @param path the request's path, not decoded
	 */
	static String json(String path, int status, String title, String detail, List<FieldError> errors) {
		StringBuilder json = new StringBuilder("{\"type\":").append(quote(TYPE)).append(",\"title\":").append(quote(title))
			.append(",\"status\":")
			.append(status)
			.append(",\"detail\":")
			.append(quote(FieldError.capped(Masking.personalNumbersIn(detail))))
			.append(",\"instance\":")
			.append(quote(ErrorHandling.maskedPath(path)))
			.append(",\"errors\":[");
		for (int i = 0; i < errors.size(); i++) {
			FieldError e = errors.get(i);
			json.append(i == 0 ? "" : ",")
				.append("{\"field\":")
				.append(quote(e.field()))
				.append(",\"rule\":")
				.append(quote(e.rule()))
				.append(",\"message\":")
				.append(quote(e.message()))
				.append('}');
		}
		return json.append("]}").toString();
	}

	private static String quote(String s) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> out.append(c < 0x20 || Character.isSurrogate(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}
}
