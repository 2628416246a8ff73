package org.youguan.web;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;
import org.youguan.kernel.JsonSyntax;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field of a JSON body that cannot be bound, not the first alone: Jackson stops at the first value it cannot
 * read, so a body with a malformed date and a choice none of the offered was told only the date, and the second after
 * the first was corrected. Each other top-level field of the body ({@link JsonBodyReplay#object}) is read alone into
 * the handler's body type with the application's mapper; those that fail are told in the same answer, in the body's
 * order, as a form's fields are.
 */
final class JsonFields {

	private JsonFields() {
	}

	/**
	 * The fields of the request's JSON body that cannot be bound, each with its reading's failure, in the body's order.
	 * @param first the JSON path of the field the handler's reading failed on ("periodFrom", "priorComplaint.date")
	 * @param failure that reading's failure
	 * @return at least {@code first}; others only where the body, the handler's body type and the mapper are known
	 */
	static Map<String, Throwable> unbound(HttpServletRequest request, String first, Throwable failure,
			ObjectProvider<JsonMapper> mappers) {
		Map<String, Throwable> bad = new LinkedHashMap<>();
		JsonMapper mapper = mappers == null ? null : mappers.getIfAvailable();
		JsonNode body = JsonBodyReplay.object(request);
		Type type = bodyType(request);
		String top = first.split("[.\\[]", 2)[0];
		if (mapper == null || body == null || type == null) {
			bad.put(first, failure);
			return bad;
		}
		JavaType target = mapper.getTypeFactory().constructType(type);
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			if (name.equals(top)) {
				bad.put(first, failure);
				continue;
			}
			ObjectNode alone = mapper.createObjectNode();
			alone.set(name, field.getValue());
			try {
				mapper.readerFor(target).readValue(alone);
			}
			catch (RuntimeException ex) {
				String path = ErrorHandling.jsonPath(ex);
				if (path != null && path.split("[.\\[]", 2)[0].equals(name) && !bad.containsKey(path)) {
					bad.put(path, ex);
				}
			}
		}
		return withFirst(bad, first, failure);
	}

	/**
	 * The failures with the handler's own first: when the tree holds its field otherwise (an alias, a path the reading
	 * alone names differently), told first all the same.
	 */
	private static Map<String, Throwable> withFirst(Map<String, Throwable> bad, String first, Throwable failure) {
		if (bad.containsKey(first)) {
			return bad;
		}
		Map<String, Throwable> all = new LinkedHashMap<>();
		all.put(first, failure);
		all.putAll(bad);
		return all;
	}

	/**
	 * Every field of every item of a JSON body that is a list (the records of an import) that cannot be bound, not the
	 * first item's first alone: each top-level field of each item is read alone into the list's element type, as
	 * {@link #unbound} reads the fields of an object; an item that is no object is read whole.
	 * @param first the JSON path the handler's reading failed on ("[1].weeklyFrequency")
	 * @param failure that reading's failure
	 * @return the failures keyed by JSON path ("[1].weeklyFrequency", "[4].checkedOn"), in the body's order; at least
	 *     {@code first}
	 */
	static Map<String, Throwable> unboundItems(HttpServletRequest request, String first, Throwable failure,
			ObjectProvider<JsonMapper> mappers) {
		JsonMapper mapper = mappers == null ? null : mappers.getIfAvailable();
		JsonNode items = JsonBodyReplay.array(request);
		Type element = elementType(request);
		if (mapper == null || items == null || element == null) {
			return Map.of(first, failure);
		}
		Map<String, Throwable> bad = new LinkedHashMap<>();
		JavaType target = mapper.getTypeFactory().constructType(element);
		Map<Integer, String> twice = JsonBodyReplay.twiceInItems(request);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			if (twice.containsKey(i)) {
				// a key twice, told with the item's other failures (the tree holds its last value, read below)
				bad.putIfAbsent("[" + i + "]", JsonSyntax.duplicate(twice.get(i)));
			}
			if (!item.isObject() && !item.isNull()) {
				// text, a number or a list where a record is: told what it should be, not "类型或格式不正确" alone
				bad.putIfAbsent("[" + i + "]", new InvalidValueException("body", "format",
						Wording.of("web.invalid.itemNotObject", shape(item)), "应为对象（花括号中的“字段: 值”），不能是" + shape(item)));
				continue;
			}
			if (!item.isObject()) {
				read(mapper, target, item, "[" + i + "]", bad);
				continue;
			}
			for (Map.Entry<String, JsonNode> field : item.properties()) {
				ObjectNode alone = mapper.createObjectNode();
				alone.set(field.getKey(), field.getValue());
				read(mapper, target, alone, "[" + i + "]", bad);
			}
		}
		return withFirst(bad, first, failure);
	}

	/** What a JSON value that is no object is, in Chinese: 文字, 数字, 数组, true/false. */
	private static String shape(JsonNode node) {
		return node.isString() ? "文字" : node.isNumber() ? "数字" : node.isArray() ? "数组" : node.isBoolean() ? "true/false" : "其他值";
	}

	/**
	 * Whether the chosen handler takes a list of records ({@code @RequestBody List<…>}) and the body is JSON that is no
	 * list (an object, text, a number): the body is told it should be a JSON array, not that it cannot be parsed.
	 */
	static boolean listExpected(HttpServletRequest request) {
		JsonNode body = JsonBodyReplay.document(request);
		return body != null && !body.isArray() && !body.isNull() && elementType(request) != null;
	}

	/**
	 * Reads one item (or one field of it) alone, as strictly as the body's converter reads it (a field the item does
	 * not declare fails: {@link JsonText#strictBodies}), keeping its failure under the item's path + the failure's path.
	 */
	private static void read(JsonMapper mapper, JavaType target, JsonNode node, String item, Map<String, Throwable> bad) {
		try {
			mapper.readerFor(target).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
		}
		catch (RuntimeException ex) {
			String path = ErrorHandling.jsonPath(ex);
			bad.putIfAbsent(path == null ? item : item + "." + path, ex);
		}
	}

	/** The type of the chosen handler's {@code @RequestBody} when it is one object (a record), else null. */
	private static Type bodyType(HttpServletRequest request) {
		MethodParameter parameter = bodyParameter(request);
		return parameter != null && parameter.getParameterType().isRecord() ? parameter.getGenericParameterType() : null;
	}

	/** The element type of the chosen handler's {@code @RequestBody} when it is a list of records, else null. */
	private static Type elementType(HttpServletRequest request) {
		MethodParameter parameter = bodyParameter(request);
		if (parameter == null || !List.class.isAssignableFrom(parameter.getParameterType())) {
			return null;
		}
		Class<?> element = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
		return element != null && element.isRecord() ? element : null;
	}

	private static MethodParameter bodyParameter(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method)) {
			return null;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return parameter;
			}
		}
		return null;
	}
}
