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
 * as written ({@code 100.10} as "100.10", {@code 1e2} as "1e2"), never rounded through a double; a number beyond
 * {@link Decimals#TEXT_DIGITS} integer or fraction digits ({@code 1e309}, {@code 1e-40000000}) is refused (rule
 * {@code digits}) as it is read. Text is checked like
 * every JSON string (a control character is refused); an object, a list or a boolean is refused (400 naming the field).
 * Used as {@code @JsonDeserialize(using = NumberText.class)} on a {@code String} record component, or as
 * {@code @JsonDeserialize(contentUsing = NumberText.class)} on a map of quantities (a statistics report's values).
 */
public class NumberText extends ValueDeserializer<String> {

	private final boolean bounded;

	/** The reader that refuses a number beyond {@link Decimals#TEXT_DIGITS} as it reads it. */
	public NumberText() {
		this(true);
	}

	private NumberText(boolean bounded) {
		this.bounded = bounded;
	}

	/**
	 * The reader of a quantity whose service judges every value's text through {@link Validation#decimal} (or
	 * {@link Decimals#parse}), which refuse any exponent before computing with it: a number beyond the bound
	 * ({@code 1e400}) is handed on as written too, so the service names it together with the body's other broken fields
	 * in one answer instead of the reading stopping at the first (an annual report's revenue hid its negative volume).
	 * Use it only for such a service.
	 */
	public static final class Judged extends NumberText {

		/** A reader that leaves the bound to the service. */
		public Judged() {
			super(false);
		}
	}

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
			// the number as the client wrote it: no rounding through a double (12345678901234567.89), no Infinity
			// (1e309) — the service's rule judges the text; an exponent no quantity has (1e309, 1e-40000000) is refused
			// here, before any service could write it out (unless the service judges it cheaply itself: Judged)
			String text = p.getString();
			if (bounded) {
				Decimals.require("body", "", p.getDecimalValue(), Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
			}
			return text;
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
