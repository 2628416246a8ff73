package org.youguan.kernel;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A decimal of a JSON body (an amount in 元) sent as a JSON number ({@code 8000.5}) or as text typed as on a form
 * ({@code "8,000.50"}): read as {@link NumberText} reads it (exactly as written, a control character refused), then as
 * every typed number is read ({@link Decimals#parse}: thousands grouped by commas in well-formed groups of three;
 * {@code "1,00"} or {@code "50 000"} refused, rule {@code thousands-separator}) within {@link Decimals#TEXT_DIGITS}
 * integer and fraction digits. A refusal names its rule; the answer names the field from the JSON path. The field's
 * own rules (two decimals for money, its range) are its service's. Used as
 * {@code @JsonDeserialize(using = DecimalText.class)} on a {@link BigDecimal} record component.
 */
public class DecimalText extends ValueDeserializer<BigDecimal> {

	private final NumberText text = new NumberText();

	/**
	 * @throws InvalidValueException on "body": rule {@code format} for text that is no number (as every number field
	 *         of a JSON body answers it), {@code thousands-separator}, {@code digits}
	 */
	@Override
	public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
		try {
			return Decimals.parse("body", "", text.deserialize(p, ctxt), Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
		}
		catch (InvalidValueException e) {
			FieldError error = e.fieldErrors().get(0);
			if (!error.rule().equals("number")) {
				throw e;
			}
			throw new InvalidValueException(error.field(), "format", error.message());
		}
	}

	@Override
	public BigDecimal getNullValue(DeserializationContext ctxt) {
		return null;
	}
}
