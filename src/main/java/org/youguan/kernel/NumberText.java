package org.youguan.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanProperty;
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
 * A field that names its service's own label and digits ({@link Digits}) is refused beyond the bound in the service's
 * own words, so that 1e40 and 1e20 read alike.
 */
public class NumberText extends ValueDeserializer<String> {

	/**
	 * The label and digits the field's service judges it by ({@link Validation#decimal}), for the refusal of a number
	 * beyond {@link Decimals#TEXT_DIGITS} as it is read: "罚款金额（proposedFine）超出允许的位数（最多12位整数、2位小数）：1E+40",
	 * the words the service uses for 1e20 — not the body reader's own bound. Give the service the same constants.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	public @interface Digits {

		/** The service's label of the field; {@code {n}} stands for the 1-based position in a list (第{n}期金额). */
		String label();

		/** Integer digits the service allows. */
		int integer();

		/** Fraction digits the service allows. */
		int fraction();
	}

	private final boolean bounded;

	/** The field's own label and digits, or null: the refusal then names "body" and the loose bound. */
	private final Digits digits;

	/** The reader that refuses a number beyond {@link Decimals#TEXT_DIGITS} as it reads it. */
	public NumberText() {
		this(true, null);
	}

	private NumberText(boolean bounded, Digits digits) {
		this.bounded = bounded;
		this.digits = digits;
	}

	/** This reader for a field that states its service's {@link Digits}; itself for any other. */
	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
		Digits own = property == null ? null : property.getAnnotation(Digits.class);
		return own == null || !bounded || getClass() != NumberText.class ? this : new NumberText(true, own);
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
			super(false, null);
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
				BigDecimal d = p.getDecimalValue();
				if (digits != null && !Decimals.fits(d, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS)) {
					// beyond the bound, in the words the service gives a number within it: its label, its digits
					Decimals.require(p.currentName() == null ? "body" : p.currentName(), label(p), d, digits.integer(),
							digits.fraction());
				}
				Decimals.require("body", "", d, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
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
			throw new InvalidValueException("body", "control-character",
					Wording.of("kernel.invalid.bodyControlCharacter", Text.codePoint(s, at)), "含有不允许的字符（" + Text.codePoint(s, at) + "），请删除后重试");
		}
		return s;
	}

	/** The field's label, {@code {n}} filled in with its 1-based position when it sits in a list's object. */
	private String label(JsonParser p) {
		TokenStreamContext list = p.streamReadContext() == null ? null : p.streamReadContext().getParent();
		String n = list != null && list.inArray() ? String.valueOf(list.getCurrentIndex() + 1) : "";
		return digits.label().replace("{n}", n);
	}

	@Override
	public String getNullValue(DeserializationContext ctxt) {
		return null;
	}
}
