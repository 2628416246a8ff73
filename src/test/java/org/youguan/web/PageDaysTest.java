package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day or moment a page writes into its own text beside other words follows the reader's rule, as every bundle
 * argument does: {@code @momentDays.text} writes 2026年3月5日 and 2026年3月5日 14:30 for a Chinese reader, the ISO
 * 2026-03-05 and 2026-03-05 14:30 for an English one; and no template concatenates a day, a moment or a
 * {@code #temporals.format} into text without it (a date standing alone as a value, or a bare range of two, stays ISO).
 */
class PageDaysTest {

	private final MomentDays days = new MomentDays();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDayMonthOrMomentIsWrittenAsTheReadersLanguageWritesIt() {
		Instant moment = Instant.parse("2026-03-05T06:30:00Z");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(days.text(LocalDate.of(2026, 3, 5))).isEqualTo("2026年3月5日");
		assertThat(days.text(YearMonth.of(2026, 3))).isEqualTo("2026年3月");
		assertThat(days.text(LocalDateTime.of(2026, 3, 5, 9, 5))).isEqualTo("2026年3月5日 09:05");
		assertThat(days.text(moment)).as("a stored moment in China time").isEqualTo("2026年3月5日 14:30");
		assertThat(days.text("2026-03-05")).as("a day a view carries as ISO text").isEqualTo("2026年3月5日");
		assertThat(days.text("14:30")).as("any other text as it is").isEqualTo("14:30");
		assertThat(days.text(null)).isEmpty();
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(days.text(LocalDate.of(2026, 3, 5))).isEqualTo("2026-03-05");
		assertThat(days.text(YearMonth.of(2026, 3))).isEqualTo("2026-03");
		assertThat(days.text(moment)).isEqualTo("2026-03-05 14:30");
	}

	/** A th:text-like attribute's expression. */
	private static final Pattern ATTRIBUTE = Pattern.compile("th:(?:text|utext|title|placeholder|aria-label)=\"([^\"]*)\"");

	/** A getter of a day or moment ({@code c.decidedOn()}, {@code r.submittedAt()} …) or a formatted moment. */
	private static final Pattern DAY = Pattern.compile(
			"(?<![\\w@.])(?:\\w+\\.)+\\w*(?:On|At|Due|Date|From|Until|Month)\\(\\)(?!\\s*}?\\s*[!=]=\\s*null)|#temporals\\.format\\([^)]*\\)");

	/** Two days alone with a dash between them: a range, a value as a date alone is. */
	private static final Pattern RANGE = Pattern.compile("^\\$\\{\\s*[\\w.]+\\(\\)\\s*\\+\\s*' — '\\s*\\+\\s*[\\w.]+\\(\\)\\s*}$");

	/** Getters named like a day that hold a time of day as typed (an inspection's 14:30), the same in every language. */
	private static final List<String> TIMES_OF_DAY = List.of("r.inspectedAt()");

	@Test
	void noTemplateConcatenatesADayIntoTextWithoutTheReadersRule() throws IOException {
		List<String> faults = new ArrayList<>();
		Path root = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					Matcher attribute = ATTRIBUTE.matcher(lines.get(i));
					while (attribute.find()) {
						String expression = attribute.group(1).strip();
						if (RANGE.matcher(expression).matches()) {
							continue;
						}
						String marked = expression.replace("@momentDays.text(", "@X(").replace("@momentDays.day(", "@X(");
						Matcher day = DAY.matcher(marked);
						while (day.find()) {
							String before = marked.substring(0, day.start());
							String after = marked.substring(day.end());
							boolean wrapped = before.stripTrailing().endsWith("@X(");
							boolean joined = before.matches("(?s).*\\+\\s*[${(]*\\s*") || after.matches("(?s)^[\\s})]*\\+.*");
							if (!wrapped && joined && !TIMES_OF_DAY.contains(day.group())) {
								faults.add(root.relativize(file) + ":" + (i + 1) + " " + day.group());
							}
						}
					}
				}
			}
		}
		assertThat(faults).as("days joined to text: write them with @momentDays.text(…) or as a bundle argument").isEmpty();
	}
}
