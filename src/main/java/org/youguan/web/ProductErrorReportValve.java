package org.youguan.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.http.parser.HttpHeaderParser;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.RequestPath;
import org.youguan.kernel.Text;

/**
 * Tomcat's own error answer — for a request it refuses before or outside the application (an encoded "/" in the path,
 * an undecodable or non-normalised URI, a malformed request line or header, an HTTP version it does not speak), or one
 * the application left without a body — in the product's shape instead of Tomcat's English report: a problem response
 * with a Chinese title and detail and the part refused in {@code errors} for an API client ({@link Refusals#apiClient}),
 * a Chinese error page for anyone else. Neither names the server or repeats Tomcat's message. Installed in place of
 * the Host's {@link ErrorReportValve} ({@link WebConfiguration#productErrorReport}).
 *
 * <p>A request whose request line Tomcat could not parse (unencoded UTF-8, braces, a vertical bar or a control
 * character in the target) has no URI and no headers to the servlet API: it is judged on what can still be read ({@link Sent}) — the
 * target Tomcat's parse failure quotes, so a path under {@code /api/} is still an API call, and the part refused is the
 * query string, the path or the protocol, whichever holds the character Tomcat stopped at. A request line longer than
 * Tomcat's header buffer ({@code server.max-http-request-header-size}, 8 KB) is judged on the part of its target the
 * buffer kept ({@link Sent#keptTarget}): a 414 naming the query string or the path, a problem when that part is an API
 * path. Where nothing of the target can be read (another protocol's buffer), no header was read either: the error page.
 * Whether a path is an API path is decided as everywhere ({@link RequestPath#api(String, String)}), on the path as it
 * is routed.
 */
class ProductErrorReportValve extends ErrorReportValve {

	/** The page's title (bundle key {@code refusal.page.title}). */
	static final String PAGE_TITLE = "出错了 · 邮管通";

	/** The page's link home (bundle key {@code refusal.page.home}). */
	static final String HOME = "返回首页";

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
		String reason = response.getMessage() + " " + (throwable == null ? "" : throwable.getMessage());
		Sent sent = Sent.of(request, reason, soleContextPath());
		RequestValuesFilter.Refusal refusal = refusal(status, reason, sent);
		try {
			if (sent.apiClient()) {
				ProblemResponses.write(response, sent.path() == null ? "/" : sent.path(), refusal.status(),
						refusal.title(), refusal.detail(), refusal.errors());
			}
			else {
				response.setStatus(refusal.status());
				response.setContentType("text/html");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write(page(refusal.status(), refusal, sent.locale()));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer cannot be written: nothing more can be said
		}
	}

	/** The context path of the Host's only application, for a request Tomcat refused before mapping it; else null. */
	private String soleContextPath() {
		Container[] contexts = getContainer() == null ? new Container[0] : getContainer().findChildren();
		return contexts.length == 1 && contexts[0] instanceof Context context ? context.getPath() : null;
	}

	/** Tomcat's quote of a request target it could not parse ({@code iib.invalidRequestTarget}). */
	private static final Pattern QUOTED_TARGET = Pattern.compile("request target \\[(.*)\\]\\. The valid", Pattern.DOTALL);

	/** Tomcat's reason for a request line or headers beyond its header buffer ({@code iib.requestheadertoolarge.error}). */
	private static final String TOO_LARGE = "Request header is too large";

	/** A byte Tomcat quotes as {@code 0xNN}: a control character, DEL or a byte beyond ASCII. */
	private static final Pattern QUOTED_BYTE = Pattern.compile("0x([01][0-9a-fA-F]|7[fF]|[89a-fA-F][0-9a-fA-F])");

	/**
	 * What can be read of a request Tomcat refused, to tell an API client and the part refused by.
	 * @param contextPath the application's context path, null when unknown (then taken as the root)
	 * @param target the request target as sent (path and query, not decoded; Tomcat's quote of one it could not parse,
	 *        where a control character or a byte beyond ASCII reads {@code 0xNN}); null when nothing of it was read
	 * @param protocol the protocol named in the request line ({@code HTTP/1.1}), null when not read
	 * @param accept the {@code Accept} header, null when absent or not read
	 * @param authorization the {@code Authorization} header, null when absent or not read
	 * @param cut whether the target is cut: the request line was longer than Tomcat keeps, {@code target} is its start
	 */
	record Sent(String contextPath, String target, String protocol, String accept, String authorization, boolean cut) {

		/**
		 * What the request shows: its URI and query and the headers Tomcat parsed, or, when the request line could not
		 * be parsed, the target Tomcat's parse failure quotes, or, when it was too long to keep, what Tomcat kept of it.
		 * @param reason Tomcat's message and its exception's
		 */
		static Sent of(Request request, String reason, String soleContextPath) {
			var coyote = request.getCoyoteRequest();
			String contextPath = request.getContext() != null ? request.getContextPath() : soleContextPath;
			String uri = coyote.requestURI().isNull() ? null : coyote.requestURI().toString();
			String protocol = coyote.protocol().isNull() ? null : coyote.protocol().toString();
			String accept = coyote.getHeader(HttpHeaders.ACCEPT);
			String authorization = coyote.getHeader(HttpHeaders.AUTHORIZATION);
			if (uri != null && !uri.isEmpty()) {
				String query = coyote.queryString().isNull() ? null : coyote.queryString().toString();
				return new Sent(contextPath, query == null ? uri : uri + "?" + query, protocol, accept, authorization,
						false);
			}
			Matcher quoted = QUOTED_TARGET.matcher(reason);
			if (quoted.find()) {
				return new Sent(contextPath, quoted.group(1), protocol, accept, authorization, false);
			}
			String kept = reason.contains(TOO_LARGE) ? keptTarget(coyote.getInputBuffer()) : null;
			return new Sent(contextPath, kept, protocol, accept, authorization, kept != null);
		}

		/**
		 * The language the visitor asked for in what was read of the target ({@code lang=en} in its query, read as the
		 * pages' {@code ?lang=} is, {@link LanguageResolver#asked(String)}): the headers, and so the language cookie,
		 * are not read here.
		 * @return English when the target asks for it, else Chinese (the default)
		 */
		Locale locale() {
			int query = target == null ? -1 : target.indexOf('?');
			Locale asked = query < 0 ? null : LanguageResolver.asked(target.substring(query + 1));
			return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		}

		/**
		 * The start of a request target too long for Tomcat's header buffer, as the buffer kept it: the bytes after the
		 * request line's method up to the buffer's end, read as ISO-8859-1 (Tomcat stops at any byte a target may not
		 * hold, so they are ASCII). Null when the buffer is not Tomcat's HTTP/1.1 one, holds no target, or holds its end
		 * (then the request line was kept whole: what overflowed came after it).
		 */
		static String keptTarget(InputBuffer buffer) {
			if (!(buffer instanceof HttpHeaderParser.HeaderDataSource source)
					|| source.getHeaderByteBuffer() == null) {
				return null;
			}
			ByteBuffer kept = source.getHeaderByteBuffer();
			int end = kept.limit();
			int at = 0;
			// as Tomcat reads a request line: blank lines, the method, blanks, then the target up to a blank or line end
			while (at < end && (kept.get(at) == '\r' || kept.get(at) == '\n')) {
				at++;
			}
			while (at < end && !blank(kept.get(at))) {
				at++;
			}
			while (at < end && blank(kept.get(at))) {
				at++;
			}
			int start = at;
			while (at < end && !blank(kept.get(at)) && kept.get(at) != '\r' && kept.get(at) != '\n') {
				at++;
			}
			if (start == end || at < end) {
				return null;
			}
			byte[] target = new byte[end - start];
			kept.get(start, target);
			return new String(target, StandardCharsets.ISO_8859_1);
		}

		private static boolean blank(byte b) {
			return b == ' ' || b == '\t';
		}

		/** The path asked for (the target without its query, an absolute form's scheme and authority), or null. */
		String path() {
			if (target == null) {
				return null;
			}
			String path = target;
			int scheme = path.indexOf("://");
			if (scheme > 0 && path.indexOf('/') > scheme) {
				int slash = path.indexOf('/', scheme + 3);
				path = slash < 0 ? "/" : path.substring(slash);
			}
			int query = path.indexOf('?');
			return query < 0 ? path : path.substring(0, query);
		}

		/** {@link Refusals#apiClient} on what was read: with no header read, a path under {@code /api/} decides. */
		boolean apiClient() {
			return Refusals.apiClient(contextPath, path(), accept, authorization);
		}

		/**
		 * Whether the character Tomcat stopped at is in the query string: the target has a question mark and its path
		 * before it holds none of the characters a request target may not (a quoted {@code 0xNN} byte, a space, a
		 * double quote, angle brackets, a backslash, a caret, a backtick, braces or a vertical bar).
		 */
		boolean queryRefused() {
			int query = target == null ? -1 : target.indexOf('?');
			return query >= 0 && refusedAt(target.substring(0, query)) < 0;
		}

		private static int refusedAt(String part) {
			Matcher quotedByte = QUOTED_BYTE.matcher(part);
			int at = quotedByte.find() ? quotedByte.start() : -1;
			for (int i = 0; i < part.length() && (at < 0 || i < at); i++) {
				if ("\"<>\\^`{|} ".indexOf(part.charAt(i)) >= 0) {
					return i;
				}
			}
			return at;
		}
	}

	/**
	 * What Tomcat's refusal is told, by its status and its (English) reason: a request line too long to keep (the
	 * {@code Sent} target cut) is a 414 naming the query string, when the kept part reaches into it, else the path
	 * (rule {@code size}); a 400 names the part refused — the query
	 * string or the path a request line holds a character it may not in (the {@code Sent} target tells which), the
	 * path when the URI does not decode or normalise, the protocol, a header, else the request; a 505 names the
	 * protocol; other statuses as every refusal of that status ({@link RequestValuesFilter.Refusal#ofStatus}), the part
	 * they refuse named.
	 * @param status the status Tomcat set
	 * @param reason Tomcat's message and the exception's, only read to tell which part was refused
	 * @param sent what was read of the request
	 */
	static RequestValuesFilter.Refusal refusal(int status, String reason, Sent sent) {
		String why = reason.toLowerCase(Locale.ROOT);
		if (status < 500 && sent.cut()) {
			return sent.target().indexOf('?') >= 0
					? named(414, "query", "size",
							"请求网址中“?”之后的查询参数过长，请减少或缩短参数后重试（大量内容请用POST提交）")
					: named(414, "path", "size", "请求路径过长，请检查网址后重试");
		}
		if (status == 400) {
			if (why.contains("request target")) {
				return sent.queryRefused()
						? rejected("query", "请求的查询字符串（网址中“?”之后的参数）含有不允许的字符（如未编码的中文、空格、“{}”“|”或控制字符），请将参数按UTF-8进行%编码后重试")
						: rejected("path", "请求路径含有不允许的内容（如未编码的中文、空格、“{}”“|”或控制字符），请检查网址");
			}
			if (why.contains("http protocol")) {
				return rejected("protocol", "请求行的协议版本不正确（应为HTTP/1.1），请检查客户端");
			}
			if (why.contains("uri") || why.contains("path") || why.contains("slash") || why.contains("solidus")) {
				return rejected("path", "请求路径含有不允许的内容（如编码的斜杠“%2F”、无效的%编码、“..”或控制字符），请检查网址");
			}
			if (why.contains("header") && why.contains("too large")) {
				return named(status, "header", "size", "请求头过大（如Cookie过多或过长、网址过长），请清除本网站的Cookie或缩短网址后重试");
			}
			if (why.contains("header") || why.contains("host")) {
				return rejected("header", "请求头的名称或内容不正确，请检查后重试");
			}
			return rejected("request", "请求的格式不正确（请求行、请求头或编码无效），无法处理");
		}
		if (status == 505) {
			String version = sent.protocol() == null || sent.protocol().isEmpty() ? "" : "“" + Text.excerpt(Text.printable(sent.protocol()), 20) + "”";
			return named(status, "protocol", "version", "不支持请求所用的HTTP版本" + version + "，请使用HTTP/1.1");
		}
		return ofStatus(status);
	}

	/**
	 * What an error status set outside the controllers (by Tomcat, a filter's {@code sendError}) says: as every
	 * refusal of that status ({@link RequestValuesFilter.Refusal#ofStatus}), a 4xx (and 501) naming the part it
	 * refuses — {@code path} for 404 and 414, {@code method} for 405, {@code Accept} for 406, {@code Content-Type} for
	 * 415 …; a server error names none.
	 * @param status the HTTP status, 400–599
	 */
	static RequestValuesFilter.Refusal ofStatus(int status) {
		RequestValuesFilter.Refusal known = RequestValuesFilter.Refusal.ofStatus(status);
		if (!known.errors().isEmpty() || status >= 500 && status != 501) {
			return known;
		}
		return switch (status) {
			case 404 -> named(status, "path", "not-found", known.detail());
			case 405 -> named(status, "method", "method", known.detail());
			case 406 -> named(status, HttpHeaders.ACCEPT, "media-type", known.detail());
			case 408 -> named(status, "request", "timeout", known.detail());
			case 411 -> named(status, HttpHeaders.CONTENT_LENGTH, "required", known.detail());
			case 413 -> named(status, "request", "size", known.detail());
			case 414 -> named(status, "path", "size", known.detail());
			case 415 -> named(status, HttpHeaders.CONTENT_TYPE, "media-type", known.detail());
			case 431 -> named(status, "header", "size", known.detail());
			case 501 -> named(status, HttpHeaders.TRANSFER_ENCODING, "rejected", known.detail());
			default -> named(status, "request", "rejected", known.detail());
		};
	}

	/** A refusal of {@code status}, titled as every refusal of it, naming the field and rule with {@code detail}. */
	private static RequestValuesFilter.Refusal named(int status, String field, String rule, String detail) {
		return new RequestValuesFilter.Refusal(status, RequestValuesFilter.Refusal.ofStatus(status).title(), detail,
				List.of(new FieldError(field, rule, detail)));
	}

	private static RequestValuesFilter.Refusal rejected(String field, String detail) {
		return named(400, field, "rejected", detail);
	}

	/**
	 * The error page for a browser: the layout's look (its style sheets), the status, title, detail and fields, in
	 * {@code locale}'s language where the bundle has the sentence ({@link RefusalWords}).
	 */
	static String page(int status, RequestValuesFilter.Refusal refusal, Locale locale) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
			.append(locale.toLanguageTag()).append("\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>").append(HtmlUtils.htmlEscape(RefusalWords.in(PAGE_TITLE, locale))).append("</title>")
			.append("<link rel=\"stylesheet\" href=\"/webjars/tabler__core/dist/css/tabler.min.css\">")
			.append("<link rel=\"stylesheet\" href=\"/css/youguan.css\"></head>")
			.append("<body><div class=\"page\"><div class=\"container-xl py-4\"><div class=\"empty\">")
			.append("<div class=\"empty-header\">").append(status).append("</div>")
			.append("<p class=\"empty-title\">").append(HtmlUtils.htmlEscape(RefusalWords.in(refusal.title(), locale))).append("</p>")
			.append("<p class=\"empty-subtitle text-secondary\" id=\"error-detail\">")
			.append(HtmlUtils.htmlEscape(RefusalWords.in(refusal.detail(), locale)))
			.append("</p>");
		if (!refusal.errors().isEmpty()) {
			html.append("<ul class=\"text-start\">");
			for (FieldError e : refusal.errors()) {
				html.append("<li data-field=\"").append(HtmlUtils.htmlEscape(e.field())).append("\" data-rule=\"")
					.append(HtmlUtils.htmlEscape(e.rule())).append("\">").append(HtmlUtils.htmlEscape(RefusalWords.in(e.message(), locale)))
					.append("</li>");
			}
			html.append("</ul>");
		}
		return html.append("<div class=\"empty-action\"><a href=\"/\" class=\"btn btn-primary\">")
			.append(HtmlUtils.htmlEscape(RefusalWords.in(HOME, locale))).append("</a></div>")
			.append("</div></div></div></body></html>\n")
			.toString();
	}
}
