package org.youguan.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.RequestPath;
import org.youguan.kernel.Text;

/**
 * Refuses text that no field can hold: a parameter name or value (query string, form body, multipart text field), a
 * header value or the path carrying a control character such as U+0000 (PostgreSQL refuses it), and %-sequences that
 * are not UTF-8 ({@code ?q=%zz}). The answer is 400 naming the parameter or header — a problem response to an API
 * client ({@link Refusals#apiClient}), the error page elsewhere — an upload beyond the multipart limits is 413, and so
 * is a form body beyond Tomcat's {@code maxPostSize} ({@code server.tomcat.max-http-form-post-size}), whose error page
 * is then rendered without parameters. The error page's own address asked for directly ({@code /error} outside an
 * error dispatch) is 404: there is no error to show. Registered right after the character-encoding filter.
 *
 * <p>The values are checked here, before anything else reads them, but a refusal of the path alone is answered here:
 * a refusal of parameters, form fields, uploads or headers waits (request attribute {@link #PENDING}) until Spring
 * Security has decided who calls and whether the caller's role admits the request — an anonymous caller gets 401 and
 * a wrong role 403 whatever it sent, as the handler authorization decides before the body. Meanwhile the request goes
 * on with the refused parameters withheld ({@link ParametersWithheld}), so no security filter reads a control
 * character or meets Tomcat's parse failure; {@link Refusals#answerPending} answers the refusal once the security
 * filters let the request through (a servlet filter right after them), or before the sign-in form's authentication.
 */
class RequestValuesFilter extends OncePerRequestFilter {

	/** Request attribute holding the {@link Refusal} the error page shows. */
	static final String REFUSAL = RequestValuesFilter.class.getName() + ".refusal";

	/** Request attribute holding the {@link Refusal} of a request's values, answered after the security filters. */
	static final String PENDING = RequestValuesFilter.class.getName() + ".pending";

	/**
	 * Request attribute set when the pending refusal is of a form body to a path and method no handler answers: the
	 * route is judged first ({@link #answerPendingBeforeDispatch}).
	 */
	static final String BODY_BEFORE_ROUTE = RequestValuesFilter.class.getName() + ".bodyBeforeRoute";

	/** Request attribute set when the pending refusal left no parameter readable (Tomcat could not parse them). */
	static final String UNREADABLE = RequestValuesFilter.class.getName() + ".unreadable";

	private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([^\\]]*)\\]");

	/** Why a request was refused: the status, the message and the fields it names. */
	record Refusal(int status, String title, String detail, List<FieldError> errors) {

		/**
		 * What an error status set outside the controllers says (Tomcat's 405 for TRACE, its 505 for an HTTP version it
		 * does not speak, a filter's failure): each status its own Chinese title and a detail, the field only where the
		 * status alone names one (401, 403).
		 * @param status the HTTP status, 400–599
		 */
		static Refusal ofStatus(int status) {
			return switch (status) {
				case 400 -> new Refusal(status, "请求有误", "请求的格式或内容不正确，无法处理", List.of());
				case 401 -> new Refusal(status, "未登录或令牌无效", "请先登录或提供有效的API令牌（Authorization: Bearer …）",
						List.of(new FieldError("request", "unauthenticated", "请先登录或提供有效的API令牌（Authorization: Bearer …）")));
				case 403 -> new Refusal(status, "无权访问", "您没有执行此操作的权限",
						List.of(new FieldError("request", "forbidden", "您没有执行此操作的权限")));
				case 404 -> new Refusal(status, "未找到", "请求的页面或资源不存在", List.of());
				case 405 -> new Refusal(status, "方法不允许", "不支持此请求方法", List.of());
				case 406 -> new Refusal(status, "无可接受的格式", "无法以请求的Accept所列格式作答，请检查Accept请求头", List.of());
				case 408 -> new Refusal(status, "请求超时", "请求未在限定时间内发送完毕，请重试", List.of());
				case 411 -> new Refusal(status, "缺少内容长度", "请求缺少Content-Length请求头，无法读取请求内容", List.of());
				case 413 -> new Refusal(status, "内容过大", "请求的内容超过大小限制", List.of());
				case 414 -> new Refusal(status, "请求地址过长", "请求的网址（路径和查询参数）过长，请缩短后重试", List.of());
				case 415 -> new Refusal(status, "内容类型不支持", "不支持请求内容的类型（Content-Type），请检查后重试", List.of());
				case 429 -> new Refusal(status, "请求过于频繁", "请求过于频繁，请稍后再试", List.of());
				case 431 -> new Refusal(status, "请求头过大", "请求头过大（如Cookie过多或过长），请清除本网站的Cookie后重试", List.of());
				case 501 -> new Refusal(status, "请求方式不受支持", "系统不支持该请求所需的功能（如所用的传输编码Transfer-Encoding）", List.of());
				case 503 -> new Refusal(status, "服务暂不可用", "系统暂时无法处理请求（维护中或繁忙），请稍后重试", List.of());
				case 505 -> new Refusal(status, "不支持的HTTP版本", "不支持请求所用的HTTP版本，请使用HTTP/1.1", List.of());
				default -> status < 500 ? new Refusal(status, "请求未能处理", "请求未能处理（HTTP " + status + "），请检查后重试", List.of())
						: new Refusal(status, "系统内部错误", "系统内部错误，请稍后重试或联系管理员", List.of());
			};
		}

		/**
		 * What a request Spring Security's firewall ({@code StrictHttpFirewall}) refuses is told, by what the refusal
		 * names: a method outside GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS is 405 ({@code method}); a header,
		 * parameter or host name it does not allow is 400 naming that part; anything else is the path (a ";", "//",
		 * an encoded "/" or "." or "%", "..", a backslash or a character outside printable ASCII): 400 {@code path}.
		 * The refused text is not repeated.
		 * @param reason the firewall's message (English, names what it refused)
		 */
		static Refusal ofFirewall(String reason) {
			String why = String.valueOf(reason);
			if (why.contains("HTTP method")) {
				String detail = "不支持此请求方法，请使用GET、POST、PUT、PATCH、DELETE等标准方法";
				return new Refusal(405, "方法不允许", detail, List.of(new FieldError("method", "method", detail)));
			}
			if (why.contains("header")) {
				return invalid("header", "rejected", "请求头含有不允许的名称或内容，请检查后重试");
			}
			if (why.contains("parameter")) {
				return invalid("parameter", "rejected", "请求参数的名称或内容含有不允许的字符，请检查后重试");
			}
			if (why.contains("domain")) {
				return invalid("Host", "rejected", "请求的主机名不被接受，请使用本系统的网址访问");
			}
			return invalid("path", "rejected", "请求路径含有不允许的内容（如分号、连续斜杠、“..”、编码的斜杠或点、非ASCII字符），请检查网址");
		}
	}

	private final String uploadLimits;

	private final String formLimit;

	private final FormBodyHandlers forms;

	/**
	 * @param uploadLimits how the multipart limits are told in a 413, e.g. "单个文件不超过50MB，整个请求不超过60MB"
	 * @param formLimit how Tomcat's limit on a form body ({@code server.tomcat.max-http-form-post-size}) is told, e.g.
	 *        "不超过2MB"
	 * @param forms which handlers take a form body: one that none takes is not judged (its 415 comes first)
	 */
	RequestValuesFilter(String uploadLimits, String formLimit, FormBodyHandlers forms) {
		this.uploadLimits = uploadLimits;
		this.formLimit = formLimit;
		this.forms = forms;
	}

	/** The error page of a refusal is rendered through this filter too (see {@link #doFilterInternal}). */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			String failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
			if (failed != null && Refusals.apiClient(request.getContextPath(), failed, request.getHeader(HttpHeaders.ACCEPT),
					request.getHeader(HttpHeaders.AUTHORIZATION))) {
				// an API client's request Tomcat or a filter answered with an error status (TRACE, a firewall refusal, a
				// filter's exception, Spring Security's 403 of a role): the same problem response as every other
				// refusal, in Chinese, not the English map Spring's error controller writes for a client
				if (!response.isCommitted()) {
					int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
							: 500;
					writeProblem(response, failed, request.getAttribute(REFUSAL) instanceof Refusal refusal ? refusal
							: ProductErrorReportValve.ofStatus(status));
				}
				return;
			}
			// Tomcat throws the same parse failure (a form over maxPostSize: 413) at every later parameter read, and the
			// error page reads parameters (?lang=, th:value="${param…}"): it would fail again and answer 500. The page
			// of a refused request — or of one refused by security while its values' refusal waited — is rendered as
			// if the request had no parameters. Anyone but an API client gets the page, also when its Accept names no
			// HTML (fetch, htmx, curl: */*), where Spring's error controller would write its English map.
			boolean refused = request.getAttribute(REFUSAL) != null || request.getAttribute(PENDING) != null
					|| request.getAttribute(UNREADABLE) != null;
			chain.doFilter(new AsPage(refused ? new ParametersWithheld(request) : request), response);
			return;
		}
		if ("/error".equals(Refusals.routedPath(request))) {
			// as routed: /%65rror and /error;x are the error page's address too
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String decodedPath = RequestPath.decoded(request.getRequestURI(), false);
		if (decodedPath == null || Text.forbiddenAt(decodedPath) >= 0) {
			// no handler can be told from an undecodable path, so no role decided for it: refused first, as the
			// firewall refuses a path it does not accept
			refuse(request, response, invalid("path", "control-character", "请求路径含有无效的编码或不允许的字符"));
			return;
		}
		// a form body no handler of this path and method takes: Spring answers 415 for its type before anything reads
		// it, so it is neither parsed nor judged — the request is read with its query's parameters only
		boolean notTaken = forms.bodyNotTaken(request);
		boolean routeFirst = !notTaken && forms.routeUnanswered(request);
		HttpServletRequest queryOnly = notTaken || routeFirst
				? new ParametersWithheld(request, queryParameters(request.getQueryString())) : request;
		HttpServletRequest read = notTaken ? queryOnly : request;
		Refusal refusal = check(routeFirst ? queryOnly : read);
		if (refusal == null && routeFirst) {
			// a form body to a path and method no handler answers: judged (a filter may answer the path — the sign-in
			// form), but its refusal gives way to the dispatcher's 404 or 405 (answerPendingBeforeDispatch)
			refusal = check(read);
			if (refusal != null) {
				read.setAttribute(BODY_BEFORE_ROUTE, Boolean.TRUE);
			}
		}
		if (refusal != null) {
			read.setAttribute(PENDING, refusal);
			chain.doFilter(ParametersWithheld.of(read), response);
			return;
		}
		chain.doFilter(read, response);
	}

	/**
	 * Answers the refusal of the request's values found before the security filters, if one waits: on the request's own
	 * dispatch only, once.
	 * @return whether a refusal was answered (the chain must then stop)
	 * @throws IOException when the answer cannot be written
	 */
	static boolean answerPending(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return answerPending(request, response, false);
	}

	/**
	 * {@link #answerPending} right after the security filters, before the dispatcher: a refusal of a form body to a
	 * path and method no handler answers ({@link FormBodyHandlers#routeUnanswered}) is dropped — the dispatcher's 404 or
	 * 405 comes first and reads no body (the request goes on with its parameters withheld).
	 * @return whether a refusal was answered (the chain must then stop)
	 * @throws IOException when the answer cannot be written
	 */
	static boolean answerPendingBeforeDispatch(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answerPending(request, response, true);
	}

	private static boolean answerPending(HttpServletRequest request, HttpServletResponse response, boolean routeFirst)
			throws IOException {
		if (routeFirst && request.getDispatcherType() == DispatcherType.REQUEST
				&& request.getAttribute(BODY_BEFORE_ROUTE) != null) {
			request.removeAttribute(PENDING);
			return false;
		}
		if (request.getDispatcherType() != DispatcherType.REQUEST
				|| !(request.getAttribute(PENDING) instanceof Refusal refusal)) {
			return false;
		}
		request.removeAttribute(PENDING);
		refuse(request, response, refusal);
		return true;
	}

	private Refusal check(HttpServletRequest request) {
		Refusal header = headers(request);
		if (header != null) {
			return header;
		}
		String path = FieldLabels.path(request);
		Refusal query = query(request.getQueryString(), path);
		if (query != null) {
			return query;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat throws its parse failure once; later reads get what it parsed before failing
			request.setAttribute(UNREADABLE, Boolean.TRUE);
			return unparsable(ex, request.getContentType(), path);
		}
		for (Map.Entry<String, String[]> p : parameters.entrySet()) {
			if (Text.forbiddenAt(p.getKey()) >= 0) {
				return control(p.getKey(), p.getKey(), path);
			}
			for (String value : p.getValue()) {
				if (Text.forbiddenAt(value) >= 0) {
					return control(p.getKey(), value, path);
				}
			}
		}
		return fileNames(request);
	}

	/** The most characters an uploaded file's name may have ({@link #FILE_NAME_TOO_LONG}). */
	static final int MAX_FILE_NAME = 100;

	/**
	 * A file part whose name is longer than {@link #MAX_FILE_NAME}: 400 on the part's own field (营业执照
	 * {@code businessLicence}, not a generic {@code file}), rule {@code file-name}. A name so long that Tomcat's part
	 * header limit ({@code server.tomcat.max-part-header-size}) stops the parse is told by {@link #unparsable}, which
	 * cannot know the part.
	 */
	private static Refusal fileNames(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		try {
			for (Part part : request.getParts()) {
				String name = part.getSubmittedFileName();
				if (name != null && name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
					return invalid(part.getName(), "file-name", FILE_NAME_TOO_LONG);
				}
			}
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			// parsed already when the parameters were read; a failure there was told then
		}
		return null;
	}

	private static Refusal headers(HttpServletRequest request) {
		for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
				String value = values.nextElement();
				// header bytes arrive as ISO-8859-1, so only C0 controls and DEL are refused (UTF-8 bytes map to C1)
				for (int at = 0; at < value.length(); at++) {
					char c = value.charAt(at);
					if ((c < 0x20 && c != '\t') || c == 0x7f) {
						return invalid(name, "control-character",
								"请求头“" + Text.printable(name) + "”含有不允许的字符（" + Text.codePoint(value, at) + "）");
					}
				}
			}
		}
		return null;
	}

	/** The raw query string, each name and value %-decoded strictly as UTF-8 (as Tomcat decodes it). */
	private static Refusal query(String raw, String path) {
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String rawName = eq < 0 ? pair : pair.substring(0, eq);
			String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
			String name = RequestPath.decoded(rawName, true);
			if (name == null) {
				String shown = SentNames.asSent(rawName);
				return invalid(shown, "encoding", "参数名“" + shown + "”不是有效的UTF-8网址编码" + encodingFault(rawName));
			}
			String value = RequestPath.decoded(rawValue, true);
			if (value == null) {
				return invalid(name, "encoding", FieldLabels.named(name, path) + "的值不是有效的UTF-8网址编码" + encodingFault(rawValue));
			}
			if (Text.forbiddenAt(name) >= 0) {
				return control(name, name, path);
			}
			if (Text.forbiddenAt(value) >= 0) {
				return control(name, value, path);
			}
		}
		return null;
	}

	/**
	 * Why a %-encoded text does not decode, for the refusal: a % not followed by two hexadecimal digits ("%G1", "%4"),
	 * else bytes that are no UTF-8 text ("%FF", "%C3%28": valid escapes whose bytes form no character in UTF-8).
	 * @param raw the text as sent, still %-encoded
	 * @return the reason in Chinese, in full-width brackets
	 */
	static String encodingFault(String raw) {
		for (int at = raw.indexOf('%'); at >= 0; at = raw.indexOf('%', at + 1)) {
			if (at + 2 >= raw.length() || Character.digit(raw.charAt(at + 1), 16) < 0
					|| Character.digit(raw.charAt(at + 2), 16) < 0) {
				return "（%后应为两位十六进制数）";
			}
		}
		return "（解码后的字节不是有效的UTF-8编码文字）";
	}

	/**
	 * The query string's parameters, each name and value %-decoded strictly as UTF-8 ({@link RequestPath#decoded}); a pair that
	 * does not decode is left out ({@link #query} refuses it).
	 */
	static Map<String, String[]> queryParameters(String raw) {
		Map<String, List<String>> read = new LinkedHashMap<>();
		for (String pair : raw == null ? new String[0] : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = RequestPath.decoded(eq < 0 ? pair : pair.substring(0, eq), true);
			String value = RequestPath.decoded(eq < 0 ? "" : pair.substring(eq + 1), true);
			if (!pair.isEmpty() && name != null && value != null) {
				read.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			}
		}
		Map<String, String[]> parameters = new LinkedHashMap<>();
		read.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
		return Collections.unmodifiableMap(parameters);
	}

	/** A parameter Tomcat could not read from the body: undecodable (400) or beyond the upload limits (413). */
	private Refusal unparsable(IllegalStateException ex, String contentType, String path) {
		int code = ex instanceof InvalidParameterException invalid ? invalid.getErrorCode() : 400;
		if (caused(ex, "FileCountLimitExceededException")) {
			String detail = "一次上传的文件和字段过多，请分批上传";
			return new Refusal(413, "文件过多", detail, List.of(new FieldError("file", "count", detail)));
		}
		if (String.valueOf(ex.getMessage()).contains("maximum number of request parameters")) {
			return invalid("request", "count", "请求参数过多，请减少一次提交的内容");
		}
		boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
		if (code == 413 && !multipart) {
			// a urlencoded form body beyond server.tomcat.max-http-form-post-size: Tomcat parsed none of it
			String detail = "表单内容超过大小限制（" + formLimit + "），请缩短填写的内容或改用文件上传";
			return new Refusal(413, "内容过大", detail, List.of(new FieldError("request", "size", detail)));
		}
		if (partHeaderTooLong(ex)) {
			return invalid("file", "file-name", FILE_NAME_TOO_LONG);
		}
		if (code == 413 || sizeLimit(ex)) {
			String detail = "上传的内容超过大小限制（" + uploadLimits + "），请压缩或分批上传";
			return new Refusal(413, "文件过大", detail, List.of(new FieldError(oversizedPart(ex), "size", detail)));
		}
		Matcher m = TOMCAT_PARAMETER.matcher(String.valueOf(ex.getMessage()));
		String name = m.find() ? SentNames.quotedByTomcat(m.group(1)) : "body";
		return invalid(name, "encoding", FieldLabels.named(name, path) + "无法读取：编码无效（应为UTF-8），或请求内容已损坏");
	}

	/**
	 * A request read as if it carried only the parameters that may be read: none when Tomcat could not parse them (the
	 * error page of such a request), else those whose name and values hold no forbidden character — what the security
	 * filters read while a refusal of the others waits.
	 */
	static final class ParametersWithheld extends HttpServletRequestWrapper {

		private final Map<String, String[]> readable;

		/** The request read without any parameter (Tomcat could not parse them, or they were refused). */
		ParametersWithheld(HttpServletRequest request) {
			this(request, Map.of());
		}

		/** The request read with these parameters only. */
		ParametersWithheld(HttpServletRequest request, Map<String, String[]> readable) {
			super(request);
			this.readable = readable;
		}

		/**
		 * The request with the parameters it may be read with: none when Tomcat could not parse them (then marked
		 * {@link #UNREADABLE}), else those without a forbidden character.
		 */
		static ParametersWithheld of(HttpServletRequest request) {
			Map<String, String[]> all;
			try {
				all = request.getAttribute(UNREADABLE) != null ? Map.of() : request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				request.setAttribute(UNREADABLE, Boolean.TRUE);
				return new ParametersWithheld(request);
			}
			Map<String, String[]> readable = new LinkedHashMap<>();
			all.forEach((name, values) -> {
				if (Text.forbiddenAt(name) < 0 && Arrays.stream(values).allMatch(v -> Text.forbiddenAt(v) < 0)) {
					readable.put(name, values);
				}
			});
			return new ParametersWithheld(request, Collections.unmodifiableMap(readable));
		}

		@Override
		public String getParameter(String name) {
			String[] values = readable.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return readable;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(readable.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = readable.get(name);
			return values == null ? null : values.clone();
		}
	}

	/** What a part whose headers are beyond Tomcat's part header limit is told: its file name is too long. */
	static final String FILE_NAME_TOO_LONG = "上传文件的文件名过长，请改短文件名（不超过100字）后重新上传";

	/**
	 * Whether the multipart parse failed on a part's headers beyond Tomcat's part header limit (a file name of
	 * thousands of characters) — reported as a size exceeded, but the file name's fault, not the file's.
	 */
	static boolean partHeaderTooLong(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (String.valueOf(t.getMessage()).contains("Header section")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The field a 413 of the multipart limits names: the part that was over the limit on one file (Tomcat's parse
	 * names it: {@code evidence}, {@code materials}), so the form marks that field; {@code request} when the request as
	 * a whole was over its limit, which no one part is to blame for.
	 */
	static String oversizedPart(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof FileSizeLimitExceededException part && part.getFieldName() != null
					&& !Text.isBlank(part.getFieldName())) {
				return Text.excerpt(Text.printable(part.getFieldName()), 40);
			}
		}
		return "request";
	}

	private static boolean sizeLimit(Throwable ex) {
		return caused(ex, "SizeLimitExceededException");
	}

	/** Whether Tomcat's exception or one of its causes is of the named kind (Tomcat's upload exceptions are internal). */
	private static boolean caused(Throwable ex, String simpleNameEnding) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getClass().getSimpleName().endsWith(simpleNameEnding)) {
				return true;
			}
		}
		return false;
	}

	private static Refusal control(String name, String value, String path) {
		return invalid(name, "control-character", FieldLabels.named(name, path) + "含有不允许的字符（"
				+ Text.codePoint(value, Text.forbiddenAt(value)) + "），请删除后重试");
	}

	private static Refusal invalid(String field, String rule, String message) {
		return new Refusal(400, "输入有误", message, List.of(new FieldError(Text.printable(field), rule, message)));
	}

	/**
	 * Answers a request a filter refuses: a problem response to an API client ({@link Refusals#apiClient}), the error
	 * page (in the user's language, with the refusal's title and detail) to anyone else.
	 */
	static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
			throws IOException {
		try {
			// let Tomcat finish (and fail) parsing now, so the error page's own reads do not fail again
			request.getParameterMap();
		}
		catch (IllegalStateException ignored) {
			// already answered by the refusal
		}
		if (Refusals.apiClient(request)) {
			writeProblem(response, request.getRequestURI(), refusal);
			return;
		}
		request.setAttribute(REFUSAL, refusal);
		response.sendError(refusal.status(), refusal.detail());
	}

	/**
	 * A request on the error dispatch of anyone but an API client ({@link Refusals#apiClient}), read as asking for
	 * HTML: Spring's error controller renders the error page for it, never its English map.
	 */
	static final class AsPage extends HttpServletRequestWrapper {

		AsPage(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.TEXT_HTML_VALUE : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.TEXT_HTML_VALUE))
					: super.getHeaders(name);
		}
	}

	/** Writes the refusal as a problem response ({@code application/problem+json}, {@link ProblemResponses}). */
	private static void writeProblem(HttpServletResponse response, String path, Refusal refusal) throws IOException {
		ProblemResponses.write(response, path, refusal.status(), refusal.title(), refusal.detail(), refusal.errors());
	}
}
