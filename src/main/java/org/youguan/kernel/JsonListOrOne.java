package org.youguan.kernel;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads a JSON list field that also takes a single value standing for a list of one ({@code "items": "REAL_NAME"}),
 * each element through the reading context's own deserializers — so that an element is as strict as any other value
 * of the body ({@code web.JsonText}): a number or {@code true} where text is expected, a key given twice, a field its
 * object does not declare all fail the reading, and the API answers 400 naming the element by its JSON path
 * ({@code [0].inspectors[1]}, rule {@code format}, {@code duplicate-key} or {@code unknown}). A hand-written walk over
 * a {@code JsonNode} ({@code asString()} on any value) stored {@code [123,true]} as "123、true".
 */
public final class JsonListOrOne {

	private JsonListOrOne() {
	}

	/** How one element is read; the parser stands on the element's first token. */
	@FunctionalInterface
	public interface Element<T> {

		/**
		 * @param p the parser, on the element's first token (never {@code null} token: null elements are given to
		 *     {@code onNull})
		 * @param ctxt the reading context, whose deserializers refuse a value of the wrong type
		 * @return the element read
		 */
		T read(JsonParser p, DeserializationContext ctxt);
	}

	/**
	 * The elements of the field the parser stands on: those of a list, the one value of any other value, none for
	 * {@code null}.
	 * @param p the parser, on the field's value
	 * @param ctxt the reading context
	 * @param element how one (non-null) element is read
	 * @param onNull what a {@code null} element of a list stands for; a {@link RuntimeException} thrown by it refuses
	 *     the element (named by its index)
	 * @param <T> the element type
	 * @return the elements read, in order
	 * @throws JacksonException an element that cannot be read, its index prepended to the path
	 */
	public static <T> List<T> read(JsonParser p, DeserializationContext ctxt, Element<T> element,
			java.util.function.Supplier<T> onNull) {
		List<T> out = new ArrayList<>();
		if (p.hasToken(JsonToken.VALUE_NULL)) {
			return out;
		}
		if (!p.isExpectedStartArrayToken()) {
			out.add(element.read(p, ctxt));
			return out;
		}
		for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
			try {
				out.add(t == JsonToken.VALUE_NULL ? onNull.get() : element.read(p, ctxt));
			}
			catch (RuntimeException e) {
				throw JacksonException.wrapWithPath(e, out, out.size());
			}
		}
		return out;
	}

	/**
	 * One text element: a JSON string only, read as every string of a body is (a control character is refused).
	 * @param p the parser, on the element
	 * @param ctxt the reading context
	 * @return the text
	 */
	public static String text(JsonParser p, DeserializationContext ctxt) {
		return ctxt.readValue(p, String.class);
	}
}
