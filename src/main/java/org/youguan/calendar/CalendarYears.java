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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.JsonSyntax;
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
 * events are days off, except those whose summary says a day is worked ({@link #workday}: 补班/上班, not 不上班 nor 休),
 * which are weekend working days. An
 * all-day event ({@code DTSTART;VALUE=DATE:20260214}) covers its dates; a timed event covers the China days it
 * touches — a UTC time ({@code DTSTART:20260213T160000Z} is 2026-02-14 00:00 in Beijing) or a TZID time converted to
 * Asia/Shanghai, a floating time read as China time. Recurring events are refused. Each year in the file replaces that
 * year's days, and must be a whole year (every statutory holiday of it a day off, rule {@code incomplete-year}) —
 * except a notice's year-end crossing into a loaded year (days next to the turn of the year only), merged into it
 * ({@link #crossings}); a day's name follows
 * the name rules. The whole file is validated first and loaded in one transaction, audited. A file in UTF-16/32 is
 * refused as such (rule {@code encoding}), so is one in another encoding (GBK); one that cannot be read is named by
 * line and column in Chinese.
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
	 * {@code wrong-kind} naming it, {@link FileKind}), a text in UTF-16, UTF-32 or GBK ({@code encoding}), a forbidden
	 * character, neither format ({@code format}), a JSON ({@code json}) or iCalendar ({@code ics}) error named by its line
	 */
	public SortedMap<Integer, List<CalendarDay>> parse(byte[] content) {
		FileKind.requireText(content, "file", "日历文件（JSON或iCalendar .ics文本）", "请上传节假日安排的JSON文件或.ics日历文件");
		String wide = FileKind.wideEncoding(Arrays.copyOf(content, Math.min(content.length, 1024)));
		if (wide != null) {
			// read as UTF-8, every other byte a NUL: refused for a NUL character, not for what the file is
			throw new InvalidValueException("file", "encoding", "日历文件是" + wide + "编码的文本，不是UTF-8："
					+ "请在编辑器中另存为UTF-8编码后重新上传");
		}
		String raw = Text.utf8File(content);
		if (raw.contains("\uFFFD")) {
			// a GBK file read as UTF-8: refused for what it is, not for a day's name holding a replacement character
			throw new InvalidValueException("file", "encoding", "日历文件不是UTF-8编码的文本（可能是GBK等本地编码）："
					+ "请在编辑器中另存为UTF-8编码后重新上传");
		}
		String text = Text.strip(raw);
		Text.requireClean("file", "日历文件", text);
		// the lines stripped before the text, so that a place in it is named as the file's editor counts its lines
		int linesBefore = (int) raw.substring(0, Math.max(0, raw.indexOf(text))).chars().filter(c -> c == '\n').count();
		if (text.startsWith("BEGIN:VCALENDAR")) {
			return parseIcs(text, linesBefore);
		}
		if (text.startsWith("{")) {
			return parseJson(text, linesBefore);
		}
		throw new InvalidValueException("file", "format", "文件既不是日历JSON（holidays/workdays）也不是iCalendar（.ics）格式");
	}

	/**
	 * The years of a file that are a year-end crossing of a notice rather than a year of their own: a year already
	 * loaded, next to a year of the file that is whole (every statutory holiday off), and not whole itself in the file.
	 * The State Council's notice for 2019 gave 2018-12-30/31 off and 2018-12-29 worked; a file of it holds those days of
	 * 2018, which {@link #load} merges into the loaded 2018 (day by day, audited) instead of replacing 2018 by them.
	 */
	private static Set<Integer> crossings(SortedMap<Integer, List<CalendarDay>> years, Set<Integer> loaded) {
		Set<Integer> whole = years.entrySet().stream().filter(y -> missing(y.getKey(), y.getValue()).isEmpty())
			.map(Map.Entry::getKey).collect(Collectors.toSet());
		return years.keySet().stream()
			.filter(y -> loaded.contains(y) && !whole.contains(y) && (whole.contains(y + 1) || whole.contains(y - 1)))
			.collect(Collectors.toSet());
	}

	/** How many days next to the turn of the year a notice's crossing may touch: 12-22…12-31, or 01-01…01-10. */
	private static final int CROSSING_DAYS = 10;

	/**
	 * A year-end crossing holds only days next to the turn of the year it crosses (the last {@value #CROSSING_DAYS}
	 * days of December before a whole following year, the first ones of January after a whole preceding year): a file
	 * for 2027 holding 2026-03-10 or tomorrow's date is no notice's crossing, and must not remake a loaded year's days
	 * (and every due date counted on them).
	 * @throws InvalidValueException (field {@code file}, rule {@code crossing-days}, one error per year) naming the days
	 * outside the turn of the year; nothing is loaded
	 */
	private static void refuseStrayCrossingDays(SortedMap<Integer, List<CalendarDay>> years, Set<Integer> crossings) {
		List<FieldError> errors = new ArrayList<>();
		for (int y : crossings) {
			LocalDate decemberFrom = LocalDate.of(y, 12, 31).minusDays(CROSSING_DAYS - 1);
			LocalDate januaryTo = LocalDate.of(y, 1, CROSSING_DAYS);
			boolean intoNext = years.containsKey(y + 1);
			boolean afterPrevious = years.containsKey(y - 1);
			List<String> stray = years.get(y).stream().map(CalendarDay::day)
				.filter(d -> !(intoNext && !d.isBefore(decemberFrom) || afterPrevious && !d.isAfter(januaryTo)))
				.map(LocalDate::toString).toList();
			if (!stray.isEmpty()) {
				errors.add(new FieldError("file", "crossing-days", "文件中" + y + "年的日期只能是跨年放假安排的日期（"
						+ (intoNext ? y + "年12月" + decemberFrom.getDayOfMonth() + "日至31日" : "")
						+ (intoNext && afterPrevious ? "或" : "")
						+ (afterPrevious ? y + "年1月1日至" + CROSSING_DAYS + "日" : "") + "），"
						+ String.join("、", stray.subList(0, Math.min(5, stray.size())))
						+ (stray.size() > 5 ? "等" + stray.size() + "天" : "") + "不在其中；" + y
						+ "年的日历已加载，其他日期的调整请上传" + y + "年的全年日历文件，未加载任何内容"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
	}

	/** The statutory holidays of {@code year} that {@code days} (its listed days) leave as working days, as "2027-10-01国庆节". */
	private static List<String> missing(int year, List<CalendarDay> days) {
		Map<LocalDate, CalendarDay.Kind> listed = days.stream().collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
		return StatutoryHolidays.of(year).stream()
			.filter(d -> !dayOff(d.day(), listed.get(d.day())))
			.map(d -> ChineseText.day(d.day()) + "（" + d.name() + "）").toList();
	}

	/**
	 * A file loads only whole years: for every year it touches, every statutory holiday of that year
	 * ({@link StatutoryHolidays}, 全国年节及纪念日放假办法) must be a day off in the file — listed among its days off, or
	 * a weekend day it does not list as a 调休 working day. A loaded year means the State Council's notice for it is
	 * in: its days replace the provisional ones, and due dates counted across it lose their 暂定 mark. A file with one
	 * day of a year not yet loaded (2027-01-01 alone), or a stray day of the following year in a notice, would
	 * otherwise make that year loaded with 春节 and 国庆 as working days, and every due date be recounted on them —
	 * whether the year was loaded before or not. A year-end crossing ({@link #crossings}) is judged with the loaded
	 * year's days it is merged into ({@code merged}): it must leave that year whole.
	 * @throws InvalidValueException (field {@code file}, rule {@code incomplete-year}, one error per year) naming the
	 * year and the holidays it lacks; nothing is loaded
	 */
	private static void refuseIncompleteYears(SortedMap<Integer, List<CalendarDay>> years, Set<Integer> loaded,
			Map<Integer, List<CalendarDay>> merged) {
		List<FieldError> errors = new ArrayList<>();
		for (var year : years.entrySet()) {
			int y = year.getKey();
			List<String> missing = missing(y, merged.getOrDefault(y, year.getValue()));
			if (!missing.isEmpty()) {
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
	 * Loads the years of a file (see {@link #parse(byte[])}), replacing those years' days (merging the days of a
	 * year-end crossing into the loaded year, {@link #crossings}), audited, and publishes
	 * {@link CalendarYearsLoaded} so that due dates computed on the provisional calendar are recomputed.
	 *
	 * @return the years loaded or merged into, ascending
	 * @throws InvalidValueException when the file is not a valid calendar, or lacks a statutory holiday of a year it
	 * touches (rule {@code incomplete-year}, see {@link #refuseIncompleteYears}); nothing is loaded
	 */
	@Transactional
	public List<Integer> load(byte[] content, String source, String loadedBy) {
		SortedMap<Integer, List<CalendarDay>> years = parse(content);
		Set<Integer> loaded = Set.copyOf(jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list());
		Map<Integer, List<CalendarDay>> merged = new TreeMap<>();
		Set<Integer> crossings = crossings(years, loaded);
		refuseStrayCrossingDays(years, crossings);
		for (int y : crossings) {
			Map<LocalDate, CalendarDay> days = new TreeMap<>();
			storedDays(y).forEach(d -> days.put(d.day(), d));
			years.get(y).forEach(d -> days.put(d.day(), d));
			merged.put(y, List.copyOf(days.values()));
		}
		refuseIncompleteYears(years, loaded, merged);
		for (var year : years.entrySet()) {
			if (merged.containsKey(year.getKey())) {
				merge(year.getKey(), year.getValue(), years.keySet(), source);
				continue;
			}
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

	/** The listed days of a loaded year, as stored. */
	private List<CalendarDay> storedDays(int year) {
		return jdbc.sql("SELECT day, kind, name FROM calendar_day WHERE day >= :from AND day < :to ORDER BY day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), CalendarDay.Kind.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	/**
	 * Merges the days a notice of another year gives for a loaded year (its year-end crossing, {@link #crossings}) into
	 * that year: each day set as the file says, the year's other days kept, audited as {@code calendar.merge-days}.
	 */
	private void merge(int year, List<CalendarDay> days, Set<Integer> fileYears, String source) {
		batch.batchUpdate("""
				INSERT INTO calendar_day (day, kind, name) VALUES (?, ?, ?)
				ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name""",
				days.stream().map(d -> new Object[] { d.day(), d.kind().name(), d.name() }).toList());
		int of = fileYears.contains(year + 1) ? year + 1 : year - 1;
		audit.record(AuditEntry.of("calendar.merge-days", "CalendarYear", year,
				"将" + of + "年放假安排中跨年的" + year + "年日期并入已加载的" + year + "年工作日历："
						+ days.stream().map(d -> d.day() + (d.kind() == CalendarDay.Kind.HOLIDAY ? "休息" : "调休上班"))
							.collect(Collectors.joining("、"))
						+ "（来源：" + source + "）")
			.installationWide());
	}

	/**
	 * The year a calendar file is about, for the page to show again when it is refused: the year most of the dates
	 * written in it (2027-10-01, 20271001) fall in, or null when it holds none — read from the text as written, so
	 * that a file refused before its days could be read still shows its year, not the current one.
	 */
	public static Integer yearOf(byte[] content) {
		Matcher m = DATE.matcher(Text.utf8File(content));
		Map<Integer, Integer> counts = new TreeMap<>();
		while (m.find()) {
			counts.merge(Integer.valueOf(m.group(1)), 1, Integer::sum);
		}
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	/** A date as a calendar file writes it, 2000–2100: 2027-10-01 or 20271001, its year in group 1. */
	private static final Pattern DATE = Pattern
		.compile("(?<!\\d)(20\\d\\d|2100)-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\\d|3[01])(?!\\d)");

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

	private SortedMap<Integer, List<CalendarDay>> parseJson(String text, int linesBefore) {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JacksonException ex) {
			// where and what in the user's words, never the parser's English (kernel JsonSyntax)
			throw new InvalidValueException("file", "json", JsonSyntax.message("日历文件", ex, linesBefore));
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

	private SortedMap<Integer, List<CalendarDay>> parseIcs(String text, int linesBefore) {
		net.fortuna.ical4j.model.Calendar ics;
		try {
			ics = new CalendarBuilder().build(new StringReader(text));
		}
		catch (ParserException ex) {
			// the line iCal4j stopped at, never its English text ("Text 'garbage' could not be parsed at index 0")
			throw new InvalidValueException("file", "ics", "日历文件不是有效的iCalendar（.ics）文件"
					// iCal4j counts the line it stopped at, which may be the one after the fault: "附近"
					+ (ex.getLineNo() > 0 ? "（第" + (ex.getLineNo() + linesBefore) + "行附近有误）" : "")
					+ "：每行应为“名称:值”（如DTSTART;VALUE=DATE:20271001），日期写作YYYYMMDD，事件以BEGIN:VEVENT开始、END:VEVENT结束");
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidValueException("file", "ics", "日历文件不是有效的iCalendar（.ics）文件：每行应为“名称:值”，"
					+ "事件以BEGIN:VEVENT开始、END:VEVENT结束");
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
			CalendarDay.Kind kind = workday(summary) ? CalendarDay.Kind.WORKDAY : CalendarDay.Kind.HOLIDAY;
			String name = Text.strip(MARKS.matcher(summary).replaceAll(""));
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

	/** What says a day is worked: 班 (补班, 上班, 调休上班, 班). */
	private static final Pattern WORKED = Pattern.compile("班");

	/** A worked day denied: 不上班, 不用上班, 无需上班, 非上班, 不补班 … (不/不用/无需/非/免 right before 上班 or 补班). */
	private static final Pattern NOT_WORKED = Pattern.compile("(不用|无需|不|非|免)(上班|补班)");

	/** What says a day is off: 放假, 休息, 休假, or 休 alone in brackets or at the end ("国庆节（休）", "元旦休"). */
	private static final Pattern OFF = Pattern.compile("放假|休息|休假|[（(]休[）)]|休$");

	/** The marks taken off a summary to name the day: a (bracketed) 不上班, 调休上班, 补班, 上班, 休息, 休, 放假. */
	private static final Pattern MARKS = Pattern
		.compile("[（(]?((不用|无需|不|非|免)(上班|补班)|调休上班|补班|上班|休息|休假|休|放假)[）)]?");

	/**
	 * Whether an iCalendar event is a 调休 working day: its summary says 班 (补班, 上班, 调休上班, "春节（班）") once the
	 * denials of it are taken out (不上班, 不用上班, 无需上班, 非上班, 免补班 …), and says no day off (放假, 休息, 休假, or 休
	 * standing alone: "国庆节（休）"). "调休" alone is neither: "春节调休上班" is worked, "国庆节（不上班）" and "春节放假（调休）"
	 * are days off. Every other event is a day off.
	 */
	static boolean workday(String summary) {
		String said = NOT_WORKED.matcher(summary).replaceAll("");
		return WORKED.matcher(said).find() && !OFF.matcher(said).find();
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
