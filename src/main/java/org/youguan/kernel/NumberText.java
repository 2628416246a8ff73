package org.youguan.kernel;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * A quantity of a JSON body (¥, 件, 人 …) that the service checks from its text: sent as a JSON number
 * ({@code "fine": 5000}) or as text ({@code "fine": "5000"}), it arrives as the same text, so that the service's own
 * rule — whole, not negative, within its digits — names the field and the rule in its answer. A number arrives exactly
 * as written ({@code 100.10} as "100.10", {@code 1e2} as "1e2"), never rounded through a double. Text is checked like
 * every JSON string (a control character is refused); an object, a list or a boolean is refused (400 naming the field).
 * Used as {@code @JsonDeserialize(using = NumberText.class)} on a {@code String} record component, or as
 * {@code @JsonDeserialize(contentUsing = NumberText.class)} on a map of quantities (a statistics report's values).
 */
public final class NumberText extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
			// the number as the client wrote it: no rounding through a double (12345678901234567.89), no Infinity
			// (1e309), no billion-digit expansion of an exponent (1e999999999) — the service's rule judges the text
			return p.getString();
		}
		JsonNode n = ctxt.readTree(p);
		if (!n.isString()) {
			throw new InvalidValueException("body", "format", "应为数字");
		}
		String s = n.asString();
		int at = Text.forbiddenAt(s);
		if (at >= 0) {
			throw new InvalidValueException("body", "control-character", "含有不允许的字符（" + Text.codePoint(s, at) + "），请删除后重试");
		}
		return s;
	}

	@Override
	public String getNullValue(DeserializationContext ctxt) {
		return null;
	}
}
