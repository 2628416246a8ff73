package org.youguan.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body that can be read twice: once as a tree by what decides before the handler ({@link StepAccessFirst}: the
 * region, bureau or enterprise a body names, so a caller outside it is told 404 before any field is bound) or by the
 * error handling (every field of a body that cannot be bound, not the first alone), and once by the handler's message
 * converter. The body is read only when one of them asks, through the request it was handed (the body's size limit,
 * {@link BodySizeFilter}, applies to that read as to the converter's); a failed read fails the converter's read the
 * same way.
 */
class JsonBodyReplay extends OncePerRequestFilter {

	private static final JsonMapper TREES = JsonMapper.builder().build();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(json(request) ? new Replayable(request) : request, response);
	}

	/** Whether the request is a step (POST, PUT, PATCH, DELETE) with a JSON body. */
	private static boolean json(HttpServletRequest request) {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		String method = request.getMethod();
		return type.contains("json") && (HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method)
				|| HttpMethod.PATCH.matches(method) || HttpMethod.DELETE.matches(method));
	}

	/**
	 * The top-level JSON object of the request's body, read once and kept for the handler, or null: no JSON body (not
	 * a step with a JSON content type), one that is no JSON object or cannot be read — the handler's reading then
	 * tells what is wrong with it.
	 */
	static JsonNode object(ServletRequest request) {
		Replayable body = WebUtils.getNativeRequest(request, Replayable.class);
		byte[] bytes = body == null ? null : body.bytes();
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try {
			JsonNode tree = TREES.readTree(new String(bytes, body.charset()));
			return tree != null && tree.isObject() ? tree : null;
		}
		catch (JacksonException | IllegalArgumentException unreadable) {
			return null;
		}
	}

	/** A request whose body, once read by {@link #bytes}, is served from memory to every later reader. */
	static final class Replayable extends HttpServletRequestWrapper {

		private byte[] bytes;

		private IOException failure;

		private boolean served;

		Replayable(HttpServletRequest request) {
			super(request);
		}

		/** The whole body (read now, if not yet), or null when reading it failed or a reader took it first. */
		byte[] bytes() {
			if (bytes == null && failure == null && !served) {
				try {
					bytes = super.getInputStream().readAllBytes();
				}
				catch (IOException ex) {
					failure = ex;
				}
				catch (RuntimeException ex) {
					// a limit's refusal (BodyTooLargeException) reaches the converter as the read's cause
					failure = new IOException(ex.getMessage(), ex);
				}
			}
			return bytes;
		}

		Charset charset() {
			String encoding = getCharacterEncoding();
			try {
				return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			}
			catch (IllegalArgumentException unknown) {
				return StandardCharsets.UTF_8;
			}
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (failure != null) {
				throw failure;
			}
			if (bytes == null) {
				served = true;
				return super.getInputStream();
			}
			return new Replayed(bytes);
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (bytes == null && failure == null) {
				served = true;
				return super.getReader();
			}
			return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
		}
	}

	/** A body served from memory. */
	private static final class Replayed extends ServletInputStream {

		private final ByteArrayInputStream in;

		Replayed(byte[] bytes) {
			this.in = new ByteArrayInputStream(bytes);
		}

		@Override
		public int read() {
			return in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("a replayed body is read blocking");
		}
	}
}
