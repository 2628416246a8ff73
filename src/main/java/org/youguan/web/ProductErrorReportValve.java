package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.web.util.HtmlUtils;
import org.youguan.kernel.FieldError;

/**
 * Tomcat's own error answer — for a request it refuses before or outside the application (an encoded "/" in the path,
 * an undecodable or non-normalised URI, a malformed request line or header), or one the application left without a
 * body — in the product's shape instead of Tomcat's English report: a problem response with a Chinese detail and the
 * part refused in {@code errors} for an API client ({@link Refusals#apiClient}: a path under {@code /api/} in any case,
 * a token or {@code Accept: application/json} without HTML), a Chinese error page for a browser. Neither names the
 * server or repeats Tomcat's message. Installed in place of the Host's {@link ErrorReportValve}
 * ({@link WebConfiguration#productErrorReport}).
 */
class ProductErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// as Tomcat's own report: nothing for a success, an answer already written, or one already reported
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		RequestValuesFilter.Refusal refusal = refusal(status,
				response.getMessage() + " " + (throwable == null ? "" : throwable.getMessage()));
		String path = request.getRequestURI();
		try {
			if (Refusals.apiClient(request)) {
				ProblemResponses.write(response, path == null ? "/" : path, status, refusal.title(), refusal.detail(),
						refusal.errors());
			}
			else {
				response.setContentType("text/html");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write(page(status, refusal));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer cannot be written: nothing more can be said
		}
	}

	/**
	 * What Tomcat's refusal is told, by its status and its (English) reason: a 400 names the path when the reason is
	 * about the URI, a header when about a header, else the request; other statuses as every refusal of that status.
	 * @param status the status Tomcat set
	 * @param reason Tomcat's message and the exception's, only read to tell which part was refused
	 */
	static RequestValuesFilter.Refusal refusal(int status, String reason) {
		String why = reason.toLowerCase(Locale.ROOT);
		if (status == 400) {
			if (why.contains("uri") || why.contains("request target") || why.contains("path") || why.contains("slash")
					|| why.contains("solidus")) {
				return rejected("path", "请求路径含有不允许的内容（如编码的斜杠“%2F”、无效的%编码、“..”或控制字符），请检查网址");
			}
			if (why.contains("header") || why.contains("host")) {
				return rejected("header", "请求头的名称或内容不正确，请检查后重试");
			}
			return rejected("request", "请求的格式不正确（请求行、请求头或编码无效），无法处理");
		}
		RequestValuesFilter.Refusal known = RequestValuesFilter.Refusal.ofStatus(status);
		if (!known.errors().isEmpty() || status >= 500) {
			return known;
		}
		String field = switch (status) {
			case 404 -> "path";
			case 405 -> "method";
			default -> "request";
		};
		String rule = switch (status) {
			case 404 -> "not-found";
			case 405 -> "method";
			case 413 -> "size";
			default -> "rejected";
		};
		return new RequestValuesFilter.Refusal(status, known.title(), known.detail(),
				List.of(new FieldError(field, rule, known.detail())));
	}

	private static RequestValuesFilter.Refusal rejected(String field, String detail) {
		return new RequestValuesFilter.Refusal(400, "请求有误", detail, List.of(new FieldError(field, "rejected", detail)));
	}

	/** The error page for a browser: the layout's look (its style sheets), the status, title, detail and fields. */
	static String page(int status, RequestValuesFilter.Refusal refusal) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>出错了 · 邮管通</title>")
			.append("<link rel=\"stylesheet\" href=\"/webjars/tabler__core/dist/css/tabler.min.css\">")
			.append("<link rel=\"stylesheet\" href=\"/css/youguan.css\"></head>")
			.append("<body><div class=\"page\"><div class=\"container-xl py-4\"><div class=\"empty\">")
			.append("<div class=\"empty-header\">").append(status).append("</div>")
			.append("<p class=\"empty-title\">").append(HtmlUtils.htmlEscape(refusal.title())).append("</p>")
			.append("<p class=\"empty-subtitle text-secondary\" id=\"error-detail\">")
			.append(HtmlUtils.htmlEscape(refusal.detail()))
			.append("</p>");
		if (!refusal.errors().isEmpty()) {
			html.append("<ul class=\"text-start\">");
			for (FieldError e : refusal.errors()) {
				html.append("<li data-field=\"").append(HtmlUtils.htmlEscape(e.field())).append("\" data-rule=\"")
					.append(HtmlUtils.htmlEscape(e.rule())).append("\">").append(HtmlUtils.htmlEscape(e.message()))
					.append("</li>");
			}
			html.append("</ul>");
		}
		return html.append("<div class=\"empty-action\"><a href=\"/\" class=\"btn btn-primary\">返回首页</a></div>")
			.append("</div></div></div></body></html>\n")
			.toString();
	}
}
