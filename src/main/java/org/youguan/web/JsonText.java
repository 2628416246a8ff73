package org.youguan.web;

import java.math.BigDecimal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;

/**
 * JSON bodies hold text as forms do: a string value or object key carrying a control character ({@code "\u0000"}, which
 * PostgreSQL refuses) fails reading, and the API answers 400 naming the field by its JSON path. And a value of the wrong
 * JSON type is refused rather than quietly converted: a number or {@code true} where text is expected
 * ({@code "statement":123} would be stored as a 陈述 "123"), a fraction where a whole number is expected
 * ({@code "deliveriesPerWeek":5.5} would be saved as 5), a number or any text where {@code true} or {@code false} is
 * expected ({@code "valid":1} or {@code "valid":"true"} was taken as the bureau's 有效申诉 decision), a number where a
 * choice is expected ({@code 0} was the first one), a single value where a list is expected; and a key given twice
 * in one object ({@code "source"} twice: the last one silently won) fails reading (400 {@code duplicate-key} naming the
 * key, as the parcel lines answer theirs). Text holding a number
 * ({@code "registeredCapital":"500000"}) stays accepted: spreadsheets and other systems send numbers as text. A decimal
 * ({@code BigDecimal} field or map value, as number or text) has at most {@link Decimals#TEXT_DIGITS} integer and
 * fraction digits, checked before anything computes with it: {@code 1e-40000000} would cost seconds to round and
 * megabytes to write out (rule {@code digits}, 400 naming the field by its JSON path). The bound is the loose one of a
 * quantity read for its service to judge ({@link Decimals#TEXT_DIGITS}): within it, the field's own check names the
 * field's own limit (a fine's 12 integer digits, not a limit of the reader that the field does not have).
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

	/**
	 * The converter that reads JSON request bodies, made strict about names: a field the body's type does not declare
	 * ({@code "value"} for a seizure's {@code valueYuan}, {@code "regionCode"} for a period's {@code region}) fails the
	 * reading, and the API answers 400 naming it, rule {@code unknown}, with the fields it takes
	 * ({@link ErrorHandling}) — it was dropped without a word and the record saved without it (no value) or with a
	 * default (the caller's own region). Only request bodies: the application's {@code JsonMapper} also reads back
	 * what was stored (event publications, saved answers, sealed proposals), which a field since removed must not make
	 * unreadable, so that mapper stays tolerant and this converter gets a strict copy of it (same modules and checks).
	 * The copy also answers who-did-it stamps as the pages show them ({@link ApiActors}).
	 * @param converter one of the server's converters
	 * @return the strict JSON converter in place of Jackson's, any other converter unchanged
	 */
	static HttpMessageConverter<?> strictBodies(HttpMessageConverter<?> converter) {
		if (converter instanceof JacksonJsonHttpMessageConverter json && json.getClass() == JacksonJsonHttpMessageConverter.class) {
			return new JacksonJsonHttpMessageConverter(
					json.getMapper().rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
						// who did something answered as the pages show it (system: 系统), on answers only
						.addModule(ApiActors.module()).build());
		}
		return converter;
	}

	/**
	 * The application's mapper refuses a value of the wrong JSON type rather than converting it (each failure a 400
	 * naming the field by its JSON path and the shape expected, {@link ErrorHandling}): a number or any text
	 * ({@code 1}, {@code "1"}, {@code "true"}, {@code "yes"}, {@code ""}) for a yes/no field — {@code "valid":1} was
	 * taken as the bureau's 有效申诉 decision {@code true}; a fraction for a whole number ({@code "count":1.5} is not 1);
	 * null for a primitive; a number or a numeric text for a choice ({@code "filerRole":0} was its first constant); a
	 * number or {@code true} for text; a single value for a list; a key twice. Whole numbers and decimals sent as text
	 * ({@code "12"}) stay accepted: spreadsheets and other systems send them so. What the mapper wrote itself (event
	 * publications, saved answers) holds only JSON's own types, so reading it back is unaffected. A decimal is written
	 * out plainly ({@code 10}, not {@code 1E+1}), as every message and stored text shows a number.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictShapes() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// a decimal read as 1e1 is answered as 10, never Java's 1E+1 (the readers bound its digits, so it is short)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Collection, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

	@Bean
	JacksonModule cleanTextModule() {
		SimpleModule module = new SimpleModule("youguan-clean-text");
		module.addDeserializer(String.class, new CleanString());
		module.addKeyDeserializer(String.class, new CleanKey());
		module.addDeserializer(BigDecimal.class, new BoundedDecimal());
		module.addDeserializer(Integer.class, new AsciiWhole<>(Integer.class, new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
		module.addDeserializer(Integer.TYPE, new AsciiWhole<>(Integer.TYPE, new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0)));
		module.addDeserializer(Long.class, new AsciiWhole<>(Long.class, new NumberDeserializers.LongDeserializer(Long.class, null)));
		module.addDeserializer(Long.TYPE, new AsciiWhole<>(Long.TYPE, new NumberDeserializers.LongDeserializer(Long.TYPE, 0L)));
		// a Double or Float field reads a number sent as text as a decimal does (full width, thousands grouped)
		module.addDeserializer(Double.class, new FormFloating<>(Double.class, new NumberDeserializers.DoubleDeserializer(Double.class, null)));
		module.addDeserializer(Double.TYPE, new FormFloating<>(Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0d)));
		module.addDeserializer(Float.class, new FormFloating<>(Float.class, new NumberDeserializers.FloatDeserializer(Float.class, null)));
		module.addDeserializer(Float.TYPE, new FormFloating<>(Float.TYPE, new NumberDeserializers.FloatDeserializer(Float.TYPE, 0f)));
		return module;
	}

	private static String clean(String s) {
		int at = Text.forbiddenAt(s);
		if (at >= 0) {
			throw new InvalidValueException("body", "control-character",
					Wording.of("kernel.invalid.bodyControlCharacter", Text.codePoint(s, at)), "含有不允许的字符（" + Text.codePoint(s, at) + "），请删除后重试");
		}
		return s;
	}

	private static final class CleanString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String s = super.deserialize(p, ctxt);
			return s == null ? null : clean(s);
		}
	}

	/**
	 * A number sent as text typed with a Chinese input method ({@code "１２３４．５"}, {@code "－７"}) in the ASCII a form
	 * reads it in ({@link Decimals#ascii}), stripped; null when the text is ASCII already or holds anything else (digits
	 * of other scripts stay for the reader to refuse).
	 */
	static String fullWidthNumber(String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String ascii = Decimals.ascii(Text.strip(text));
		return ascii == null || ascii.equals(Text.strip(text)) ? null : ascii;
	}

	/**
	 * A decimal sent as text as a page form reads it ({@link Decimals#parse}): typed with a Chinese input method
	 * ({@link #fullWidthNumber}) and with its thousands grouped by commas as a spreadsheet shows them ("1,234.50",
	 * "１,２３４", "１，２３４"; {@link Decimals#ungrouped}) in ASCII without the commas; null when the text is a plain
	 * ASCII number already or holds anything else.
	 * @throws InvalidValueException rule {@code thousands-separator} (400 naming the field by its JSON path) for commas
	 *         out of their place ("1,00") or digits grouped by spaces ("50 000"), as a form refuses them
	 */
	static String formNumber(String text) {
		String ascii = fullWidthNumber(text);
		String typed = ascii != null ? ascii : text == null || Text.isBlank(text) ? null : Text.strip(text);
		if (typed == null || Decimals.ascii(typed) == null) {
			return ascii;
		}
		String plain = Decimals.ungrouped("body", "", typed);
		return plain.equals(Text.strip(text)) ? null : plain;
	}

	/**
	 * Jackson's own reading (number or text; a text typed in full-width forms or with thousands commas read as a form
	 * reads it, {@link #formNumber}), then the digits bound of {@link Decimals}; a zero of any scale is 0.
	 */
	private static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
			String typed = p.hasToken(JsonToken.VALUE_STRING) ? formNumber(p.getString()) : null;
			BigDecimal d = typed == null ? super.deserialize(p, ctxt) : fromAscii(typed, p.getString(), ctxt);
			if (d == null) {
				return null;
			}
			Decimals.require("body", "", d, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
			return Decimals.tame(d);
		}

		private static BigDecimal fromAscii(String ascii, String text, DeserializationContext ctxt) {
			// the length is bounded before BigDecimal reads the exponent (1e-40000000 costs nothing to parse, only to use)
			if (!ascii.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?")) {
				return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a number");
			}
			return new BigDecimal(ascii);
		}
	}

	/**
	 * A {@code Double} or {@code Float} field's number sent as text, read as a decimal's is ({@link BoundedDecimal}):
	 * typed in full-width forms or with its thousands grouped as the pages show numbers ("1,234.5", "１，２３４"), a
	 * misplaced comma refused with the form's rule ({@code thousands-separator}); digits of other scripts are no number.
	 * A JSON number, and text that is a plain ASCII number, are read by Jackson's deserializer as before.
	 */
	private static final class FormFloating<T> extends FormTextNumber<T> {

		FormFloating(Class<T> type, ValueDeserializer<T> standard) {
			super(type, standard);
		}

		@Override
		T read(String typed, String text, DeserializationContext ctxt) {
			if (!typed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
				throw ctxt.weirdStringException(text, type, "not a number");
			}
			boolean isFloat = type == Float.class || type == Float.TYPE;
			@SuppressWarnings("unchecked")
			T value = (T) (isFloat ? (Object) Float.valueOf(typed) : (Object) Double.valueOf(typed));
			return value;
		}
	}

	/**
	 * A number field's text as a form reads it ({@link #formNumber}: full-width, thousands grouped) handed to
	 * {@link #read}; text of other scripts' digits refused as no number; a JSON number, or text that is a plain ASCII
	 * number, read by Jackson's own deserializer.
	 */
	private abstract static class FormTextNumber<T> extends ValueDeserializer<T> {

		final Class<T> type;

		private final ValueDeserializer<T> standard;

		FormTextNumber(Class<T> type, ValueDeserializer<T> standard) {
			this.type = type;
			this.standard = standard;
		}

		/** The value of {@code typed}, the text in ASCII without its grouping ({@code text} as sent, for a refusal). */
		abstract T read(String typed, String text, DeserializationContext ctxt);

		@Override
		public T deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_STRING)) {
				String text = p.getString();
				if (text != null && !Text.isBlank(text) && Decimals.ascii(text) == null) {
					throw ctxt.weirdStringException(text, type, "not a number in ASCII digits");
				}
				String typed = formNumber(text);
				if (typed != null) {
					return read(typed, text, ctxt);
				}
			}
			return standard.deserialize(p, ctxt);
		}

		@Override
		public Object getNullValue(DeserializationContext ctxt) {
			return standard.getNullValue(ctxt);
		}

		@Override
		public Object getEmptyValue(DeserializationContext ctxt) {
			return standard.getEmptyValue(ctxt);
		}
	}

	/**
	 * A whole number sent as a JSON string ({@code "outletId":"12"}) in ASCII digits only (full-width ones and thousands
	 * grouped by commas read as a form reads them, {@link #formNumber}; {@link Decimals#ascii}): Jackson's own reading falls back on {@link Integer#parseInt}, which takes Arabic-Indic digits
	 * ({@code "٣"} as 3). Such a text is refused as any text that is no number; everything else is read by Jackson's
	 * deserializer as before.
	 */
	private static final class AsciiWhole<T> extends FormTextNumber<T> {

		AsciiWhole(Class<T> type, ValueDeserializer<T> standard) {
			super(type, standard);
		}

		@Override
		T read(String typed, String text, DeserializationContext ctxt) {
			// typed in full-width forms ("１２") or with its thousands grouped ("1,234"): read as a form reads it
			// (Decimals.whole), else no whole number
			Long whole = Decimals.whole(typed);
			boolean isInt = type == Integer.class || type == Integer.TYPE;
			if (whole == null || isInt && (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE)) {
				throw ctxt.weirdStringException(text, type, "not a whole number of its type");
			}
			@SuppressWarnings("unchecked")
			T value = (T) (isInt ? (Object) whole.intValue() : (Object) whole);
			return value;
		}
	}

	private static final class CleanKey extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			return clean(key);
		}
	}
}
