package org.youguan.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;
import org.youguan.kernel.BodyTooLargeException;
import org.youguan.kernel.CappedStream;
import org.youguan.kernel.FieldError;

/**
 * The one limit on a request body ({@code youguan.web.max-json-body}, 5 MB by default: the largest raw body an endpoint
 * takes, the work-plan import's .docx or text, is at most 5 MB) for every body that is neither a multipart upload (its
 * own limits: {@code spring.servlet.multipart.*}), a POSTed form (Tomcat's
 * {@code server.tomcat.max-http-form-post-size}) nor sent to an endpoint that streams its body under limits of its own
 * ({@code youguan.web.streamed-body-paths}: the parcel-record ingest, with its batch-bytes and batch-lines). Without it
 * a JSON body of hundreds of megabytes was read whole into the heap (a String, a tree) and took the node down.
 *
 * <p>A body declared larger ({@code Content-Length}) is refused before a byte of it is read: 413, field {@code body},
 * rule {@code size}, naming the limit — answered, as the other refusals of a request's values, once the security
 * filters have let the caller through (an anonymous caller gets 401 whatever it sent). A body without a length (chunked)
 * is counted as it is read: the byte past the limit fails the read ({@link BodyTooLargeException}), and the failure is
 * answered the same 413 wherever it surfaces (here, or in {@link ErrorHandling} when a message converter met it).
 */
class BodySizeFilter extends OncePerRequestFilter {

	private final long limit;

	private final Set<String> streamedPaths;

	private final String detail;

	/**
	 * @param limit the most bytes a body may have
	 * @param streamedPaths paths (as routed, e.g. {@code /api/v1/safety/parcel-records}) whose handlers stream their
	 *        body under their own limits: not limited here
	 */
	BodySizeFilter(DataSize limit, Set<String> streamedPaths) {
		this.limit = limit.toBytes();
		this.streamedPaths = streamedPaths;
		this.detail = "请求内容超过大小限制（不超过" + shown(limit) + "），请精简内容或分批提交";
	}

	/** A size as a person reads it: whole megabytes, else kilobytes, else bytes. */
	static String shown(DataSize size) {
		long bytes = size.toBytes();
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + "MB";
		}
		return bytes >= 1024 && bytes % 1024 == 0 ? size.toKilobytes() + "KB" : bytes + "字节";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (exempt(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > limit) {
			// not one byte read: the refusal waits for the security filters' decision, the body is withheld meanwhile
			if (request.getAttribute(RequestValuesFilter.PENDING) == null) {
				request.setAttribute(RequestValuesFilter.PENDING, refusal());
			}
			chain.doFilter(new Limited(request, 0, detail), response);
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit, detail), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// a filter (Spring's form parse of a PUT body) or a handler's own read met the limit
			if (BodyTooLargeException.of(ex) == null || response.isCommitted()) {
				throw ex;
			}
			RequestValuesFilter.refuse(request, response, refusal());
		}
	}

	private RequestValuesFilter.Refusal refusal() {
		return new RequestValuesFilter.Refusal(413, "内容过大", detail, List.of(new FieldError("body", "size", detail)));
	}

	private boolean exempt(HttpServletRequest request) {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT).strip();
		if (type.startsWith("multipart/")) {
			return true;
		}
		if (type.startsWith("application/x-www-form-urlencoded") && "POST".equals(request.getMethod())) {
			// Tomcat parses it under its own maxPostSize (RequestValuesFilter tells that refusal)
			return true;
		}
		return streamedPaths.contains(Refusals.routedPath(request));
	}

	/**
	 * Whether {@code request}'s body is held to the limit here (it passed through this filter and is not exempt): a
	 * body that may be kept whole in memory ({@link JsonBodyReplay}).
	 */
	static boolean limits(ServletRequest request) {
		return WebUtils.getNativeRequest(request, Limited.class) != null;
	}

	/** The request whose body reads at most {@code limit} bytes: the next one fails the read. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private final String detail;

		private ServletInputStream stream;

		private BufferedReader reader;

		Limited(HttpServletRequest request, long limit, String detail) {
			super(request);
			this.limit = limit;
			this.detail = detail;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (reader != null) {
				throw new IllegalStateException("getReader() has already been called for this request");
			}
			if (stream == null) {
				stream = new Counted(super.getInputStream(), limit, detail);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				if (stream != null) {
					throw new IllegalStateException("getInputStream() has already been called for this request");
				}
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(new Counted(super.getInputStream(), limit, detail), charset));
			}
			return reader;
		}
	}

	/**
	 * The body's stream, failing at the first byte past the limit ({@link CappedStream}); what else a servlet stream
	 * tells (finished, ready, non-blocking reads) is the request's own.
	 */
	private static final class Counted extends ServletInputStream {

		private final ServletInputStream in;

		private final InputStream capped;

		Counted(ServletInputStream in, long limit, String detail) throws IOException {
			this.in = in;
			this.capped = CappedStream.capped(in, limit, () -> {
				throw new BodyTooLargeException(detail);
			});
		}

		@Override
		public int read() throws IOException {
			return capped.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return capped.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			capped.close();
		}
	}
}
