package org.youguan.kernel;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A decimal of a JSON body (an amount in 元) sent as a JSON number ({@code 8000.5}) or as text typed as on a form
 * ({@code "8,000.50"}): read as {@link NumberText} reads it (exactly as written, a control character refused), then as
 * every typed number is read ({@link Decimals#parse}: thousands grouped by commas in well-formed groups of three;
 * {@code "1,00"} or {@code "50 000"} refused, rule {@code thousands-separator}) within {@link Decimals#TEXT_DIGITS}
 * integer and fraction digits. A refusal names its rule; the answer names the field from the JSON path. The field's
 * own rules (two decimals for money, its range) are its service's. Used as
 * {@code @JsonDeserialize(using = DecimalText.class)} on a {@link BigDecimal} record component; a field that states
 * its service's label and digits ({@link NumberText.Digits}) is refused in those words — "索赔金额应为数字（最多8位整数、
 * 2位小数）：٣٠٠" —, never with the reader's loose bound, which is no limit of the field.
 */
public class DecimalText extends ValueDeserializer<BigDecimal> {

	private final NumberText text = new NumberText();

	/** The field's own label and digits, or null: a refusal then names "body" and the loose bound. */
	private final NumberText.Digits digits;

	/** The reader of a field that states no {@link NumberText.Digits}. */
	public DecimalText() {
		this(null);
	}

	private DecimalText(NumberText.Digits digits) {
		this.digits = digits;
	}

	/** This reader for a field that states its service's {@link NumberText.Digits}; itself for any other. */
	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
		NumberText.Digits own = property == null ? null : property.getAnnotation(NumberText.Digits.class);
		return own == null ? this : new DecimalText(own);
	}

	/**
	 * @throws InvalidValueException on "body" (on the field's name when it states {@link NumberText.Digits}): rule
	 *         {@code format} for text that is no number (as every number field of a JSON body answers it),
	 *         {@code thousands-separator}, {@code digits}
	 */
	@Override
	public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
		String typed = null;
		try {
			typed = text.deserialize(p, ctxt);
			return Decimals.parse("body", "", typed, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
		}
		catch (InvalidValueException e) {
			// a JSON number beyond the bound is refused as it is read, before it is text: its text is the parser's
			String shown = typed != null ? typed : p.currentToken() != null && p.currentToken().isNumeric() ? p.getString() : null;
			InvalidValueException told = digits == null || shown == null ? e : inOwnWords(p, shown, e);
			FieldError error = told.fieldErrors().get(0);
			if (!error.rule().equals("number")) {
				throw told;
			}
			throw new InvalidValueException(error.field(), "format", told.wording(error), error.message());
		}
	}

	/**
	 * The refusal of a text beyond the loose bound or no number at all, told as the field's service tells it: its label
	 * and its own digits — the same text read within them breaks the same rule (no number, a misplaced comma, too many
	 * digits).
	 */
	private InvalidValueException inOwnWords(JsonParser p, String typed, InvalidValueException loose) {
		String field = p.currentName() == null ? "body" : p.currentName();
		try {
			Decimals.parse(field, digits.label(), typed, digits.integer(), digits.fraction());
			return loose;
		}
		catch (InvalidValueException own) {
			return own;
		}
	}

	@Override
	public BigDecimal getNullValue(DeserializationContext ctxt) {
		return null;
	}
}
