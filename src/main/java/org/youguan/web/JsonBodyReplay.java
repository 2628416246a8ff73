package org.youguan.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body that can be read twice: once as a tree by what decides before the handler ({@link StepAccessFirst}: the
 * region, bureau or enterprise a body names, so a caller outside it is told 404 before any field is bound) or by the
 * error handling (every field of a body that cannot be bound, not the first alone), and once by the handler's message
 * converter. Every JSON step body ({@code application/json}, {@code application/*+json}; never a streamed
 * {@code application/x-ndjson} or {@code jsonl} ingest, nor a body the size limit does not hold) is kept whole when it is
 * first read, by whichever reader comes first, so the error handling can always name every field that cannot be bound
 * ({@link JsonFields}), whether or not a guard read the body before the handler. The body is read through the request
 * this filter was handed (the body's size limit, {@link BodySizeFilter}, applies to that read as to the converter's); a
 * failed read fails the converter's read the same way.
 */
class JsonBodyReplay extends OncePerRequestFilter {

	private static final JsonMapper TREES = JsonMapper.builder().build();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(json(request) ? new Replayable(request, BodySizeFilter.limits(request)) : request, response);
	}

	/**
	 * Whether the request is a step (POST, PUT, PATCH, DELETE) with one JSON document as its body: the media type
	 * {@code application/json} or a {@code +json} one — not {@code application/x-ndjson}, {@code application/jsonl}
	 * (a stream of documents, read line by line by its handler).
	 */
	private static boolean json(HttpServletRequest request) {
		String method = request.getMethod();
		if (!(HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method) || HttpMethod.PATCH.matches(method)
				|| HttpMethod.DELETE.matches(method)) || request.getContentType() == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(request.getContentType());
			String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
			return "application".equalsIgnoreCase(type.getType()) && (subtype.equals("json") || subtype.endsWith("+json"));
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
	}

	/**
	 * The top-level JSON object of the request's body, read once and kept for the handler, or null: no JSON body (not
	 * a step with a JSON content type), one that is no JSON object or cannot be read — the handler's reading then
	 * tells what is wrong with it.
	 */
	static JsonNode object(ServletRequest request) {
		JsonNode tree = tree(request);
		return tree != null && tree.isObject() ? tree : null;
	}

	/**
	 * The top-level JSON array of the request's body (the records of an import), read as {@link #object} reads an
	 * object, or null: no JSON body, one that is no array or cannot be read.
	 */
	static JsonNode array(ServletRequest request) {
		JsonNode tree = tree(request);
		return tree != null && tree.isArray() ? tree : null;
	}

	/**
	 * The first key each item of the request's JSON body gives twice, by the item's index from 0, when the body is a
	 * list of objects (the records of an import): the tree of {@link #array} keeps the last of such a key, and the
	 * converter stops at the first item it cannot read, so a key twice in a later item would go untold. Empty for no
	 * JSON body or one that is no list; read up to the first point the text cannot be read.
	 */
	static Map<Integer, String> twiceInItems(ServletRequest request) {
		Map<Integer, String> twice = new LinkedHashMap<>();
		String text = text(request);
		if (text == null) {
			return twice;
		}
		try (JsonParser p = TREES.createParser(text)) {
			if (p.nextToken() != JsonToken.START_ARRAY) {
				return twice;
			}
			int i = 0;
			for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
				if (t != JsonToken.START_OBJECT) {
					p.skipChildren();
					continue;
				}
				Set<String> seen = new HashSet<>();
				for (JsonToken f = p.nextToken(); f == JsonToken.PROPERTY_NAME; f = p.nextToken()) {
					if (!seen.add(p.currentName())) {
						twice.putIfAbsent(i, p.currentName());
					}
					p.nextToken();
					p.skipChildren();
				}
			}
		}
		catch (JacksonException | IllegalArgumentException unreadable) {
			// what was read is told; the rest is the converter's to tell
		}
		return twice;
	}

	/** The request's JSON body read whole ({@link #object}), whatever it is, or null: no JSON body, or unreadable. */
	static JsonNode document(ServletRequest request) {
		return tree(request);
	}

	private static JsonNode tree(ServletRequest request) {
		String text = text(request);
		if (text == null) {
			return null;
		}
		try (JsonParser parser = TREES.createParser(text)) {
			// the first document, as the handler's converter reads it: what trails it is the converter's to tell
			return TREES.readTree(parser);
		}
		catch (JacksonException | IllegalArgumentException unreadable) {
			return null;
		}
	}

	/**
	 * Every string's text or whole number's digits the top-level object of the request's JSON body holds under one of
	 * {@code names}, in the body's order — each of a key sent twice (the tree of {@link #object} keeps the last; the
	 * converter refuses the duplicate only once it reaches it), read up to the end of that object or the first point it
	 * cannot be read (what precedes it is what the converter reads before it fails). Any other value (a list, an
	 * object, {@code true}) is left out: the handler's reading tells it. Empty for no JSON body or one that is no object.
	 */
	static List<String> values(ServletRequest request, Collection<String> names) {
		String text = text(request);
		List<String> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		try (JsonParser parser = TREES.createParser(text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return found;
			}
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (names.contains(name) && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
					found.add(parser.getValueAsString());
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException | IllegalArgumentException unreadable) {
			// the values before the point that cannot be read are still the body's
		}
		return found;
	}

	/**
	 * The request's JSON body as text, decoded as the handler's converter decodes it (its charset, UTF-8 when none is
	 * given; a leading byte-order mark is no part of the document), or null for none.
	 */
	private static String text(ServletRequest request) {
		Replayable body = WebUtils.getNativeRequest(request, Replayable.class);
		byte[] bytes = body == null ? null : body.bytes();
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		String text = new String(bytes, body.charset());
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** A request whose body, once read by {@link #bytes}, is served from memory to every later reader. */
	static final class Replayable extends HttpServletRequestWrapper {

		private byte[] bytes;

		private IOException failure;

		private boolean served;

		/** Whether the body is kept whole at its first read (a body the size limit holds), not handed on as a stream. */
		private final boolean kept;

		Replayable(HttpServletRequest request, boolean kept) {
			super(request);
			this.kept = kept;
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
			if (kept) {
				bytes();
			}
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
			if (kept) {
				bytes();
			}
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
