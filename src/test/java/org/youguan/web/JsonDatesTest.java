package org.youguan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each date or time type a JSON body uses is read from its ISO text only ({@link JsonDates}): a number (a count since
 * the epoch), an array of numbers, an object, a boolean and a text of another form (a date-time for a date, a count in
 * text for a moment) fail as a {@link MismatchedInputException} naming the type and the field; the ISO text, null and
 * an empty text read as before.
 */
class JsonDatesTest {

	static final JsonMapper JSON = JsonMapper.builder().addModule(new JsonDates().isoDatesModule()).build();

	record Dates(LocalDate date, YearMonth month, LocalDateTime local, OffsetDateTime offset, Instant instant,
			LocalTime time, ZonedDateTime zoned) {
	}

	@Test
	void theIsoTextOfEachTypeIsRead() {
		Dates d = JSON.readValue("""
				{"date":" 2026-11-20 ","month":"2026-11","local":"2026-11-20T08:30:00","offset":"2026-11-20T08:30:00+08:00",
				 "instant":"2026-11-20T00:30:00Z","time":"08:30","zoned":"2026-11-20T08:30:00+08:00[Asia/Shanghai]"}""",
				Dates.class);
		assertThat(d.date()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(d.month()).isEqualTo(YearMonth.of(2026, 11));
		assertThat(d.local()).isEqualTo(LocalDateTime.of(2026, 11, 20, 8, 30));
		assertThat(d.offset().toInstant()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 8, 30, 0, 0, ZoneOffset.ofHours(8)).toInstant());
		assertThat(d.instant()).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
		assertThat(d.time()).isEqualTo(LocalTime.of(8, 30));
		assertThat(d.zoned().toInstant()).isEqualTo(d.offset().toInstant());
		assertThat(JSON.readValue("{\"date\":null,\"month\":\"\"}", Dates.class)).isEqualTo(
				new Dates(null, null, null, null, null, null, null));
	}

	@Test
	void aDateIsNoDayCountArrayOrDateTime() {
		refused("date", LocalDate.class, "20771", "[2026,11,23]", "[\"2026-11-23\"]", "\"2026-11-20T00:00:00\"",
				"\"2026-11-20T00:00:00Z\"", "\"20771\"", "\"2026/11/20\"", "\"2026-11-31\"", "{\"date\":\"2026-11-20\"}",
				"true", "20771.5");
	}

	@Test
	void aMonthIsNoNumberArrayOrDate() {
		refused("month", YearMonth.class, "202611", "[2026,11]", "\"2026-11-20\"", "\"2026-13\"", "\"202611\"");
	}

	@Test
	void aLocalDateTimeIsNoNumberArrayOrMoment() {
		refused("local", LocalDateTime.class, "1790000000", "[2026,11,20,8,30]", "\"2026-11-20T08:30:00Z\"",
				"\"2026-11-20\"", "\"2026-11-20 08:30:00\"");
	}

	@Test
	void aMomentIsNoEpochCountInNumberOrText() {
		for (String field : List.of("offset", "instant", "zoned")) {
			Class<?> type = field.equals("offset") ? OffsetDateTime.class : field.equals("instant") ? Instant.class
					: ZonedDateTime.class;
			refused(field, type, "1790000000", "1790000000.5", "\"1790000000\"", "\"1790000000.5\"",
					"[2026,11,20,8,30,0]", "\"2026-11-20\"", "\"2026-11-20T08:30:00\"");
		}
	}

	@Test
	void aTimeOfDayIsNoSecondCountOrArray() {
		refused("time", LocalTime.class, "30600", "[8,30]", "\"30600\"", "\"2026-11-20T08:30:00\"");
	}

	/**
	 * An offset in ISO 8601's basic format ({@code +0800}) after a date-time in its extended format mixes the two: it
	 * is refused for every moment type alike, while {@code +08:00}, {@code +08} and {@code Z} are read.
	 */
	@Test
	void anOffsetWithoutItsColonIsRefusedForEveryMoment() {
		for (String field : List.of("offset", "instant", "zoned")) {
			Class<?> type = field.equals("offset") ? OffsetDateTime.class : field.equals("instant") ? Instant.class
					: ZonedDateTime.class;
			refused(field, type, "\"2026-11-20T08:30:00+0800\"", "\"20261120T083000+0800\"", "\"2026-11-20T08:30:00 +08:00\"");
		}
		Dates d = JSON.readValue("{\"offset\":\"2026-11-20T08:30:00+08\",\"instant\":\"2026-11-20T08:30:00+08:00\"}",
				Dates.class);
		assertThat(d.offset().toInstant()).isEqualTo(d.instant()).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
	}

	record Years(Year year) {
	}

	/**
	 * A year is held to the rule of dates: its ISO text only ({@code "2026"}) — not the number Jackson took, a float, an
	 * array, nor a text with a sign, a leading zero or fewer digits — and it is written as that text, read back alike.
	 */
	@Test
	void aYearIsItsIsoTextOnly() {
		assertThat(JSON.readValue("{\"year\":\"2026\"}", Years.class).year()).isEqualTo(Year.of(2026));
		assertThat(JSON.readValue("{\"year\":null}", Years.class).year()).isNull();
		for (String value : List.of("2026", "2026.0", "2026.5", "[2026]", "\"+2026\"", "\"02026\"", "\"26\"", "\"2026-01\"",
				"\"2026.0\"", "true", "{\"year\":2026}")) {
			assertThatThrownBy(() -> JSON.readValue("{\"year\":" + value + "}", Years.class)).as(value)
				.isInstanceOfSatisfying(MismatchedInputException.class, e -> {
					assertThat(e.getTargetType()).isEqualTo(Year.class);
					assertThat(e.getPath().get(e.getPath().size() - 1).getPropertyName()).isEqualTo("year");
				});
		}
		String written = JSON.writeValueAsString(new Years(Year.of(2026)));
		assertThat(written).isEqualTo("{\"year\":\"2026\"}");
		assertThat(JSON.readValue(written, Years.class)).isEqualTo(new Years(Year.of(2026)));
	}

	record Days(Map<LocalDate, Integer> days, Map<Year, Integer> years, Map<OffsetDateTime, Integer> moments) {
	}

	/**
	 * A date, a year or a moment as a map's key is held to its ISO form as its value is: a day count, a date-time, a
	 * compact date or a year of eight digits is refused, naming the map's field and the key's type.
	 */
	@Test
	void dateKeysOfAMapAreTheirIsoTextOnly() {
		Days d = JSON.readValue("{\"days\":{\"2026-11-20\":1},\"years\":{\"2026\":2},\"moments\":{\"2026-11-20T08:30:00+08:00\":3}}",
				Days.class);
		assertThat(d.days()).containsEntry(LocalDate.of(2026, 11, 20), 1);
		assertThat(d.years()).containsEntry(Year.of(2026), 2);
		assertThat(d.moments()).hasSize(1);
		keyRefused("days", LocalDate.class, "20771", "2026-11-20T00:00:00", "20261120", "+2026-11-20", "2026/11/20");
		keyRefused("years", Year.class, "20261120", "+2026", "26", "02026");
		keyRefused("moments", OffsetDateTime.class, "2026-11-20T08:30:00+0800", "1790000000", "2026-11-20T08:30:00");
	}

	/**
	 * A date typed with a Chinese input method (full-width digits and hyphens) is read as a form reads it
	 * ({@code Validation.parseDate}), as a value and as a map's key; digits of other scripts, a full-width space inside
	 * and another separator stay refused, and a month or moment is held to its ASCII form as its form holds it.
	 */
	@Test
	void aDateTypedInFullWidthFormsIsReadAsAFormReadsIt() {
		assertThat(JSON.readValue("{\"date\":\"２０２６－１２－０１\"}", Dates.class).date()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(JSON.readValue("{\"date\":\" ２０２６-１２-０１ \"}", Dates.class).date()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(JSON.readValue("{\"days\":{\"２０２６-１１-２０\":1}}", Days.class).days())
			.containsEntry(LocalDate.of(2026, 11, 20), 1);
		refused("date", LocalDate.class, "\"\u0662\u0660\u0662\u0666-\u0661\u0662-\u0660\u0661\"", "\"２０２６\u3000-１２-０１\"",
				"\"２０２６／１２／０１\"", "\"２０２６－１３－０１\"");
		refused("month", YearMonth.class, "\"２０２６－１１\"");
		keyRefused("days", LocalDate.class, "２０２６／１１／２０");
	}

	private static void keyRefused(String field, Class<?> type, String... keys) {
		for (String key : keys) {
			assertThatThrownBy(() -> JSON.readValue("{\"" + field + "\":{\"" + key + "\":1}}", Days.class))
				.as("%s key %s", field, key)
				.isInstanceOfSatisfying(MismatchedInputException.class, e -> {
					assertThat(e.getTargetType()).isEqualTo(type);
					assertThat(e.getPath()).extracting(r -> r.getPropertyName()).contains(field);
				});
		}
	}

	private static void refused(String field, Class<?> type, String... values) {
		for (String value : values) {
			assertThatThrownBy(() -> JSON.readValue("{\"" + field + "\":" + value + "}", Dates.class))
				.as("%s = %s", field, value)
				.isInstanceOfSatisfying(MismatchedInputException.class, e -> {
					assertThat(e.getTargetType()).isEqualTo(type);
					assertThat(e.getPath().get(e.getPath().size() - 1).getPropertyName()).isEqualTo(field);
				});
		}
	}
}
