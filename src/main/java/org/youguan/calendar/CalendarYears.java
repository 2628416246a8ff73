package org.youguan.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.platform.ChinaTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads calendar years: the JSON shape of the shipped {@code chinese-days.json} ({@code holidays} and
 * {@code workdays}, each a map from date to "English,中文,n") or an iCalendar file (RFC 5545, read with iCal4j) whose
 * events are days off, except events whose summary contains "班" (补班/上班), which are weekend working days. An
 * all-day event ({@code DTSTART;VALUE=DATE:20260214}) covers its dates; a timed event covers the China days it
 * touches — a UTC time ({@code DTSTART:20260213T160000Z} is 2026-02-14 00:00 in Beijing) or a TZID time converted to
 * Asia/Shanghai, a floating time read as China time. Recurring events are refused. Each year in the file replaces that
 * year's days, and must be a whole year (every statutory holiday of it a day off, rule {@code incomplete-year}); a
 * day's name follows the name rules. The whole file is validated first and loaded in one transaction, audited.
 */
@Service
public class CalendarYears {

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private final JdbcClient jdbc;

	/** For the day rows of a year: one batch instead of a statement per day (this runs at every first start). */
	private final JdbcTemplate batch;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CalendarYears(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, AuditTrail audit,
			WorkingCalendar calendar, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Parses a file by its content: iCalendar if it starts with BEGIN:VCALENDAR, JSON otherwise.
	 * @throws InvalidValueException on {@code file}: another kind of file than text (a PDF, a Word or Excel file …: rule
	 * {@code wrong-kind} naming it, {@link FileKind}), a forbidden character, neither format ({@code format}), a JSON or
	 * iCalendar error
	 */
	public SortedMap<Integer, List<CalendarDay>> parse(byte[] content) {
		FileKind.requireText(content, "file", "日历文件（JSON或iCalendar .ics文本）", "请上传节假日安排的JSON文件或.ics日历文件");
		String text = Text.strip(Text.utf8File(content));
		Text.requireClean("file", "日历文件", text);
		if (text.startsWith("BEGIN:VCALENDAR")) {
			return parseIcs(text);
		}
		if (text.startsWith("{")) {
			return parseJson(text);
		}
		throw new InvalidValueException("file", "format", "文件既不是日历JSON（holidays/workdays）也不是iCalendar（.ics）格式");
	}

	/**
	 * A file loads only whole years: for every year it touches, every statutory holiday of that year
	 * ({@link StatutoryHolidays}, 全国年节及纪念日放假办法) must be a day off in the file — listed among its days off, or
	 * a weekend day it does not list as a 调休 working day. A loaded year means the State Council's notice for it is
	 * in: its days replace the provisional ones, and due dates counted across it lose their 暂定 mark. A file with one
	 * day of a year not yet loaded (2027-01-01 alone), or a stray day of the following year in a notice, would
	 * otherwise make that year loaded with 春节 and 国庆 as working days, and every due date be recounted on them —
	 * whether the year was loaded before or not.
	 * @throws InvalidValueException (field {@code file}, rule {@code incomplete-year}, one error per year) naming the
	 * year and the holidays it lacks; nothing is loaded
	 */
	private static void refuseIncompleteYears(SortedMap<Integer, List<CalendarDay>> years, Set<Integer> loaded) {
		List<FieldError> errors = new ArrayList<>();
		for (var year : years.entrySet()) {
			Map<LocalDate, CalendarDay.Kind> listed = year.getValue().stream()
				.collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
			List<String> missing = StatutoryHolidays.of(year.getKey()).stream()
				.filter(d -> !dayOff(d.day(), listed.get(d.day())))
				.map(d -> d.day() + d.name()).toList();
			if (!missing.isEmpty()) {
				int y = year.getKey();
				errors.add(new FieldError("file", "incomplete-year", "文件中的" + y + "年不完整"
						+ (loaded.contains(y) ? "（该年的日历已加载）" : "") + "，缺少法定节假日"
						+ String.join("、", missing.subList(0, Math.min(5, missing.size())))
						+ (missing.size() > 5 ? "等" + missing.size() + "天" : "")
						+ "；文件涉及的每一年都须提供全年的放假安排（含全部法定节假日），未加载任何内容"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
	}

	/** Whether a file leaves {@code day} off: listed as a day off, or a weekend day not listed as a working day. */
	private static boolean dayOff(LocalDate day, CalendarDay.Kind listed) {
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		return listed == CalendarDay.Kind.HOLIDAY || listed == null && weekend;
	}

	/**
	 * Loads the years of a file (see {@link #parse(byte[])}), replacing those years' days, audited, and publishes
	 * {@link CalendarYearsLoaded} so that due dates computed on the provisional calendar are recomputed.
	 *
	 * @return the years loaded, ascending
	 * @throws InvalidValueException when the file is not a valid calendar, or lacks a statutory holiday of a year it
	 * touches (rule {@code incomplete-year}, see {@link #refuseIncompleteYears}); nothing is loaded
	 */
	@Transactional
	public List<Integer> load(byte[] content, String source, String loadedBy) {
		SortedMap<Integer, List<CalendarDay>> years = parse(content);
		refuseIncompleteYears(years, Set.copyOf(jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list()));
		for (var year : years.entrySet()) {
			jdbc.sql("DELETE FROM calendar_day WHERE day >= :from AND day < :to")
				.param("from", LocalDate.of(year.getKey(), 1, 1))
				.param("to", LocalDate.of(year.getKey() + 1, 1, 1))
				.update();
			batch.batchUpdate("INSERT INTO calendar_day (day, kind, name) VALUES (?, ?, ?)",
					year.getValue().stream().map(d -> new Object[] { d.day(), d.kind().name(), d.name() }).toList());
			jdbc.sql("""
					INSERT INTO calendar_year (year, source, loaded_at, loaded_by) VALUES (:year, :source, :at, :by)
					ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, loaded_at = EXCLUDED.loaded_at,
					    loaded_by = EXCLUDED.loaded_by""")
				.param("year", year.getKey())
				.param("source", source)
				.param("at", OffsetDateTime.now(clock))
				.param("by", loadedBy)
				.update();
			long holidays = year.getValue().stream().filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY).count();
			audit.record(AuditEntry.of("calendar.load-year", "CalendarYear", year.getKey(),
					"加载" + year.getKey() + "年工作日历：休息日" + holidays + "天，调休上班"
							+ (year.getValue().size() - holidays) + "天（来源：" + source + "）")
				.installationWide());
		}
		// First of the after-commit work, so that the listeners of CalendarYearsLoaded count on the new days.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				calendar.refresh();
			}

			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE;
			}
		});
		events.publishEvent(CalendarYearsLoaded.of(List.copyOf(years.keySet())));
		return List.copyOf(years.keySet());
	}

	public List<LoadedYear> loadedYears() {
		return jdbc.sql("""
				SELECT y.year, y.source, y.loaded_at, y.loaded_by,
				    (SELECT count(*) FROM calendar_day d WHERE d.kind = 'HOLIDAY' AND extract(year FROM d.day) = y.year) AS holidays,
				    (SELECT count(*) FROM calendar_day d WHERE d.kind = 'WORKDAY' AND extract(year FROM d.day) = y.year) AS workdays
				FROM calendar_year y ORDER BY y.year DESC""").query(Rows.of(LoadedYear.class)).list();
	}

	public record LoadedYear(int year, String source, OffsetDateTime loadedAt, String loadedBy, long holidays,
			long workdays) {
	}

	private SortedMap<Integer, List<CalendarDay>> parseJson(String text) {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidValueException("file", "json", "JSON格式错误：" + ex.getOriginalMessage());
		}
		if (!root.has("holidays") && !root.has("workdays")) {
			throw new InvalidValueException("file", "json-shape", "JSON中应有 holidays 和 workdays 两项");
		}
		Map<LocalDate, CalendarDay> days = new TreeMap<>();
		List<FieldError> errors = new ArrayList<>();
		collect(root, "holidays", CalendarDay.Kind.HOLIDAY, days, errors);
		collect(root, "workdays", CalendarDay.Kind.WORKDAY, days, errors);
		return byYear(days, errors);
	}

	/**
	 * The days of {@code holidays} or {@code workdays}: an object of date → text ("New Year's Day,元旦,2"). Anything else
	 * is refused as a JSON body's value of the wrong type is (rule {@code format}, naming its path): a list or a number
	 * for the object was read as no days at all, and a number or {@code true} for a day's text was taken as its name.
	 */
	private void collect(JsonNode root, String field, CalendarDay.Kind kind, Map<LocalDate, CalendarDay> days,
			List<FieldError> errors) {
		JsonNode node = root.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return;
		}
		if (!node.isObject()) {
			errors.add(new FieldError(field, "format", field + "应为对象（{\"日期\":\"名称\"}）"));
			return;
		}
		for (var entry : node.properties()) {
			if (!entry.getValue().isString() && !entry.getValue().isNull()) {
				// named by its path in the file, as every hand-written JSON reader names a value of the wrong type
				String path = field + "." + Text.printable(entry.getKey());
				errors.add(new FieldError(path, "format", path + "应为文字，写在英文双引号中"));
				continue;
			}
			String label = entry.getValue().asString("");
			String[] parts = label.split(",");
			String name = parts.length >= 2 ? parts[1] : label;
			add(field, entry.getKey(), kind, name, days, errors);
		}
	}

	private SortedMap<Integer, List<CalendarDay>> parseIcs(String text) {
		net.fortuna.ical4j.model.Calendar ics;
		try {
			ics = new CalendarBuilder().build(new StringReader(text));
		}
		catch (ParserException ex) {
			throw new InvalidValueException("file", "ics", "iCalendar格式错误（第" + ex.getLineNo() + "行）：" + ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidValueException("file", "ics", "iCalendar格式错误：" + ex.getMessage());
		}
		Map<LocalDate, CalendarDay> days = new TreeMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (VEvent event : ics.<VEvent>getComponents(Component.VEVENT)) {
			String summary = Text.strip(event.<Summary>getProperty(Property.SUMMARY).map(Summary::getValue).orElse(""));
			if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
				errors.add(new FieldError("file", "recurrence",
						"不支持重复事件（RRULE/RDATE）：" + summary + "；请导出为逐日或逐段的事件"));
				continue;
			}
			Optional<DtStart<Temporal>> start = event.getProperty(Property.DTSTART);
			if (start.isEmpty()) {
				errors.add(new FieldError("file", "required", "日历事件缺少DTSTART：" + summary));
				continue;
			}
			CalendarDay.Kind kind = summary.contains("班") ? CalendarDay.Kind.WORKDAY : CalendarDay.Kind.HOLIDAY;
			String name = Text.strip(summary.replaceAll("[（(]?(补班|上班|休|放假)[）)]?", ""));
			try {
				Temporal from = start.get().getDate();
				Optional<DtEnd<Temporal>> dtEnd = event.getProperty(Property.DTEND);
				Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
				Temporal to = dtEnd.<Temporal>map(DtEnd::getDate)
					.or(() -> duration.map(d -> from.plus(d.getDuration())))
					.orElse(null);
				LocalDate first = chinaDate(from);
				LocalDate last = to == null ? first : lastDay(to);
				if (last.isBefore(first)) {
					last = first;
				}
				if (ChronoUnit.DAYS.between(first, last) > 366) {
					errors.add(new FieldError("file", "range", "日历事件跨度超过一年：" + summary));
					continue;
				}
				for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
					add("file", d.toString(), kind, name.isEmpty() ? summary : name, days, errors);
				}
			}
			catch (RuntimeException ex) {
				errors.add(new FieldError("file", "date", "无法识别的日期：" + start.get().getValue()
						+ (summary.isEmpty() ? "" : "（" + summary + "）")));
			}
		}
		return byYear(days, errors);
	}

	/**
	 * The day in China of an iCalendar date or time: an all-day date as it is; a time in UTC
	 * ({@code 20260213T160000Z}) or with a TZID converted to Asia/Shanghai; a floating local time read as China time.
	 */
	static LocalDate chinaDate(Temporal t) {
		return t instanceof LocalDate d ? d : chinaTime(t).toLocalDate();
	}

	/**
	 * The last day an event covers, from its exclusive end: the day before an all-day end; for a timed end the day it
	 * falls on in China, or the day before when it ends exactly at midnight.
	 */
	static LocalDate lastDay(Temporal end) {
		if (end instanceof LocalDate d) {
			return d.minusDays(1);
		}
		LocalDateTime local = chinaTime(end);
		return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
	}

	private static LocalDateTime chinaTime(Temporal t) {
		if (t instanceof LocalDateTime floating) {
			return floating;
		}
		if (t instanceof ZonedDateTime zdt) {
			return zdt.withZoneSameInstant(CHINA).toLocalDateTime();
		}
		if (t instanceof OffsetDateTime odt) {
			return odt.atZoneSameInstant(CHINA).toLocalDateTime();
		}
		if (t instanceof Instant i) {
			return LocalDateTime.ofInstant(i, CHINA);
		}
		throw new IllegalArgumentException("unsupported iCalendar date " + t);
	}

	/** The most characters a day's name has (column {@code calendar_day.name}, varchar(60)). */
	static final int MAX_NAME = 60;

	/**
	 * Adds one day of the file, or the errors of it: each on {@code field} (the file's {@code holidays} or
	 * {@code workdays}, or {@code file} for an iCalendar file), the day named in the message. Its name is a name written
	 * in words (kernel {@code Validation}): one line ({@code line-break}), no hidden character, at most {@value #MAX_NAME}
	 * characters counted as code points ({@code max-length}: refused, never cut — a cut emoji was stored as "?"), no
	 * markup, emoji nor other symbol ({@code characters}).
	 */
	private static void add(String field, String date, CalendarDay.Kind kind, String name,
			Map<LocalDate, CalendarDay> days, List<FieldError> errors) {
		LocalDate day;
		String shown = Text.excerpt(date, 40);
		try {
			day = LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "date", "日期格式错误（应为YYYY-MM-DD）：" + shown));
			return;
		}
		if (day.getYear() < 2000 || day.getYear() > 2100) {
			errors.add(new FieldError(field, "year", "年份超出范围（2000–2100）：" + date));
			return;
		}
		if (kind == CalendarDay.Kind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
				&& day.getDayOfWeek() != DayOfWeek.SUNDAY) {
			errors.add(new FieldError(field, "workday-weekend", "调休上班日应为周六或周日：" + date));
			return;
		}
		CalendarDay existing = days.get(day);
		if (existing != null && existing.kind() != kind) {
			errors.add(new FieldError(field, "conflict", "同一天既是休息日又是调休上班日：" + date));
			return;
		}
		String label = date + "的名称";
		List<FieldError> bad = new Validation().line(field, label, name, MAX_NAME).wordsOnly(field, label, Text.strip(name))
			.errors();
		if (!bad.isEmpty()) {
			errors.addAll(bad);
			return;
		}
		String stored = Text.name(name);
		days.put(day, new CalendarDay(day, kind, stored == null ? "" : stored));
	}

	private static SortedMap<Integer, List<CalendarDay>> byYear(Map<LocalDate, CalendarDay> days,
			List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		if (days.isEmpty()) {
			throw new InvalidValueException("file", "empty", "文件中没有任何节假日或调休日期");
		}
		SortedMap<Integer, List<CalendarDay>> years = new TreeMap<>();
		for (CalendarDay d : days.values()) {
			years.computeIfAbsent(d.day().getYear(), y -> new ArrayList<>()).add(d);
		}
		return years;
	}
}
