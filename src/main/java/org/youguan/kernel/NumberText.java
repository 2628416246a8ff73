package org.youguan.kernel;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * A quantity of a JSON body (¥, 件, 人 …) that the service checks from its text: sent as a JSON number
 * ({@code "fine": 5000}) or as text ({@code "fine": "5000"}), it arrives as the same text, so that the service's own
 * rule — whole, not negative, within its digits — names the field and the rule in its answer. Text is checked like
 * every JSON string (a control character is refused); an object, a list or a boolean is refused (400 naming the field).
 * Used as {@code @JsonDeserialize(using = NumberText.class)} on a {@code String} record component.
 */
public final class NumberText extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonNode n = ctxt.readTree(p);
		if (n.isNumber()) {
			return n.isIntegralNumber() ? n.bigIntegerValue().toString() : n.decimalValue().toPlainString();
		}
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
