package org.youguan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A date or time in a JSON body is read only from its ISO-8601 text: {@code "2026-11-20"} for a date,
 * {@code "2026-11"} for a month, {@code "2026-11-20T08:30:00"} for a local date-time,
 * {@code "2026-11-20T08:30:00+08:00"} for a moment (ISO_OFFSET_DATE_TIME; an {@code Instant} also as
 * {@code "…Z"}), {@code "08:30:00"} for a time of day. Jackson's own reading also took a number as a count since the
 * epoch ({@code "postedOn":20771} was stored as 2026-11-14, 20771 days after 1970-01-01; a moment's number as seconds,
 * also when sent as text, {@code "1790000000"}), an array of numbers ({@code [2026,11,23]}) and, for a date, a
 * date-time whose time it dropped ({@code "2026-11-20T00:00:00"}, or a {@code …Z} instant). Each of those is now a
 * reading failure of the field's type, which {@link ErrorHandling} answers 400 naming the field by its JSON path, rule
 * {@code format}, with the form it takes ({@link ErrorHandling#expected}: "格式 YYYY-MM-DD…").
 * <p>
 * <p>
 * A year ({@code java.time.Year}) is held to the same rule: Jackson took a number ({@code 2025}), a text with a sign
 * or more digits ({@code "+2025"}, {@code "02025"}) and one of any width ({@code "25"} as the year 25); it is read
 * only from its ISO text, {@code "2025"} (four digits; a sign only beyond them, as a date's year), and written as that
 * text, so what the mapper writes it reads back. A date or time as a map's key ({@code {"2026-11-20": …}} for a
 * {@code Map<LocalDate, …>}) is held to its type's ISO form too, a key of another form refused as its value would be
 * (naming the map's field, rule {@code format}).
 * <p>
 * An offset is written as ISO 8601's extended format writes it, {@code +08:00} (or {@code Z}): a date-time in
 * extended format ({@code 2026-11-20T08:30:00}) with an offset in basic format ({@code +0800}) mixes the two, which
 * ISO 8601 does not allow in one representation (and RFC 3339, the internet's profile of it, writes the colon). So
 * {@code "2026-11-20T08:30:00+0800"} is refused for every moment type, as every other reader of moments in the
 * application refuses it (the parcel records' {@code acceptedAt}), the message naming the field and the form.
 * <p>
 * A date ({@code LocalDate}) typed as a form takes it is read as the form reads it ({@link Validation#parseDate}:
 * full-width digits and hyphens, {@code "２０２６－１２－０１"}, as ASCII): the API and the page take the same dates.
 * <p>
 * On the application's mapper, so every reader of JSON bodies (and of what the mapper wrote itself, which holds these
 * types as the same ISO text) reads them one way. A text that is empty or blank is left to Jackson as before (no date).
 */
@Configuration(proxyBeanMethods = false)
class JsonDates {

	/**
	 * The ISO text each covered type is read from, checked in full before Jackson reads the value (which then applies
	 * the mapper's time zone settings as before).
	 */
	static final Map<Class<?>, DateTimeFormatter> ISO_FORMS = Map.of(
			LocalDate.class, DateTimeFormatter.ISO_LOCAL_DATE,
			YearMonth.class, DateTimeFormatter.ofPattern("uuuu-MM"),
			LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME,
			LocalTime.class, DateTimeFormatter.ISO_LOCAL_TIME,
			OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			ZonedDateTime.class, DateTimeFormatter.ISO_ZONED_DATE_TIME,
			OffsetTime.class, DateTimeFormatter.ISO_OFFSET_TIME,
			Instant.class, DateTimeFormatter.ISO_INSTANT,
			MonthDay.class, DateTimeFormatter.ofPattern("--MM-dd"),
			Year.class, new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
				.toFormatter().withResolverStyle(ResolverStyle.STRICT));

	/** @return the module that puts {@link IsoText} in front of Jackson's reader of each type of {@link #ISO_FORMS} */
	@Bean
	JacksonModule isoDatesModule() {
		SimpleModule module = new SimpleModule("youguan-iso-dates");
		module.setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
					ValueDeserializer<?> deserializer) {
				Class<?> type = bean.getBeanClass();
				DateTimeFormatter form = ISO_FORMS.get(type);
				return form == null ? deserializer : new IsoText(type, form, deserializer);
			}

			@Override
			public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
					KeyDeserializer deserializer) {
				DateTimeFormatter form = ISO_FORMS.get(type.getRawClass());
				return form == null ? deserializer : new IsoKey(type.getRawClass(), form, deserializer);
			}
		});
		module.addSerializer(Year.class, new ValueSerializer<Year>() {

			@Override
			public void serialize(Year year, JsonGenerator out, SerializationContext context) {
				out.writeString(ISO_FORMS.get(Year.class).format(year));
			}
		});
		return module;
	}

	/**
	 * A date as a form reads it ({@link Validation#parseDate}: YYYY-MM-DD, full-width digits and hyphens typed with a
	 * Chinese input method as ASCII, {@code "２０２６－１２－０１"} is 2026-12-01), so a JSON body takes every date a
	 * form takes; null when it is none (digits of other scripts, a full-width space inside), for the ISO refusal.
	 */
	static LocalDate typedDate(String text) {
		try {
			return Validation.parseDate(text);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	/** Whether a non-blank text is in the ISO form. */
	private static boolean iso(DateTimeFormatter form, String text) {
		try {
			form.parse(text.trim());
			return true;
		}
		catch (DateTimeParseException notIso) {
			return false;
		}
	}

	/**
	 * Jackson's reader of a date or time type as a map's key, given only a key in the type's ISO form: any other fails
	 * as a malformed key of the type ({@code InvalidFormatException}), so the answer tells the form expected.
	 */
	private static final class IsoKey extends KeyDeserializer {

		private final Class<?> type;

		private final DateTimeFormatter form;

		private final KeyDeserializer jackson;

		IsoKey(Class<?> type, DateTimeFormatter form, KeyDeserializer jackson) {
			this.type = type;
			this.form = form;
			this.jackson = jackson;
		}

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			if (key != null && !Text.isBlank(key) && !iso(form, key)) {
				LocalDate typed = type == LocalDate.class ? typedDate(key) : null;
				return typed != null ? typed : ctxt.handleWeirdKey(type, key, "not in the ISO form of its type");
			}
			return jackson.deserializeKey(key, ctxt);
		}
	}

	/**
	 * Jackson's reader of a date or time type, given only a JSON string in the type's ISO form: any other JSON value
	 * (number, array, object, true) fails as a value of the wrong shape, a text of another form as a malformed one —
	 * both {@code MismatchedInputException}s naming the type, so the answer tells the form expected.
	 */
	private static final class IsoText extends DelegatingDeserializer {

		private final Class<?> type;

		private final DateTimeFormatter form;

		IsoText(Class<?> type, DateTimeFormatter form, ValueDeserializer<?> jackson) {
			super(jackson);
			this.type = type;
			this.form = form;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> jackson) {
			return new IsoText(type, form, jackson);
		}

		@Override
		public Class<?> handledType() {
			return type;
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return ctxt.handleUnexpectedToken(type, p);
			}
			String text = p.getString();
			if (!Text.isBlank(text) && !iso(form, text)) {
				LocalDate typed = type == LocalDate.class ? typedDate(text) : null;
				return typed != null ? typed : ctxt.handleWeirdStringValue(type, text, "not in the ISO form of its type");
			}
			return _delegatee.deserialize(p, ctxt);
		}
	}
}
