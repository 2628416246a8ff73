package org.youguan.web;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

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
		if (!bad.containsKey(first)) {
			// the failing field was sent under a name the tree holds otherwise (an alias): told first all the same
			Map<String, Throwable> all = new LinkedHashMap<>();
			all.put(first, failure);
			all.putAll(bad);
			return all;
		}
		return bad;
	}

	/** The type of the chosen handler's {@code @RequestBody} when it is one object (a record), else null. */
	private static Type bodyType(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method)) {
			return null;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				Class<?> type = parameter.getParameterType();
				return type.isRecord() ? parameter.getGenericParameterType() : null;
			}
		}
		return null;
	}
}
