package org.youguan.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.youguan.documents.SheetDay;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Rows;
import org.youguan.platform.EveryNode;

/**
 * Working days in mainland China: Monday to Friday, except the State Council's holidays, plus the weekend days it
 * declares working days (调休). The one place deadlines are computed; no module adds days on its own.
 *
 * <p>A year whose notice is not loaded is <em>provisional</em>: its days off are the weekends and the statutory
 * holidays of 全国年节及纪念日放假办法 ({@link StatutoryHolidays}: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆), which are
 * days off by law before the notice adds 调休 and 补假. A deadline whose count touches such a year is provisional
 * ({@link #isProvisional(LocalDate, LocalDate)}) and is shown as 暂定; loading the year publishes
 * {@link CalendarYearsLoaded} so modules recompute the due dates they store. The dashboard warns administrators until
 * the year is loaded.
 */
@Service
public class WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	/**
	 * The last answer of {@link #nextHoliday(LocalDate)}, for one day on one snapshot of the calendar: 工作台 asks on
	 * every view, and working it out copies every loaded year's days into a sorted map (issue 12: a twentieth of the
	 * dashboard's CPU). A reloaded calendar is a new snapshot, so the answer is worked out afresh.
	 */
	private volatile NextHoliday nextHoliday;

	private record NextHoliday(Snapshot calendar, LocalDate today, Optional<CalendarDay> holiday) {
	}

	private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

	WorkingCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Snapshot(Map<LocalDate, CalendarDay> days, Set<Integer> years, String version) {
	}

	public boolean isWorkingDay(LocalDate day) {
		CalendarDay exception = snapshot().days().get(day);
		if (exception != null) {
			return exception.kind() == CalendarDay.Kind.WORKDAY;
		}
		DayOfWeek dow = day.getDayOfWeek();
		boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
		if (!isLoaded(day.getYear())) {
			if (warnedYears.add(day.getYear())) {
				log.warn("Working-day calendar for {} is not loaded; using weekends and the statutory holidays "
						+ "(provisional)", day.getYear());
			}
			return !weekend && !StatutoryHolidays.isHoliday(day);
		}
		return !weekend;
	}

	/**
	 * Whether {@code day} is counted on the provisional calendar: its year's notice is not loaded, so its days off are
	 * the weekends and statutory holidays only.
	 */
	public boolean isProvisional(LocalDate day) {
		return !isLoaded(day.getYear());
	}

	/**
	 * Whether a deadline counted from {@code from} to {@code to} (either order) is provisional: some year it spans is
	 * not loaded. Show such a date as 暂定; it may move when the year is loaded.
	 */
	public boolean isProvisional(LocalDate from, LocalDate to) {
		int first = Math.min(from.getYear(), to.getYear());
		int last = Math.max(from.getYear(), to.getYear());
		for (int y = first; y <= last; y++) {
			if (!isLoaded(y)) {
				return true;
			}
		}
		return false;
	}

	/** How a document or a message marks a provisional date: 2027年1月18日（暂定）. */
	public static final String PROVISIONAL_MARK = "（暂定）";

	/**
	 * A due date as an export's cell (.xlsx) holds it, marked as the page marks it: a date cell either way, shown
	 * {@code 2027-01-18（暂定）} when it lies in a year whose holiday notice is not loaded ({@link SheetDay}: the mark
	 * is in the cell's format, the value stays the day, so the column sorts and filters as dates); null for none.
	 * @param due the due date, or null
	 * @param provisional whether {@code due} is provisional ({@link #isProvisional}, as the row's view counted it)
	 */
	public static Object exported(LocalDate due, boolean provisional) {
		return due == null ? null : provisional ? new SheetDay(due, PROVISIONAL_MARK) : due;
	}

	/** {@link #exported(LocalDate, boolean)} for a working-day due date this calendar judges ({@link #isProvisional}). */
	public Object exported(LocalDate due) {
		return exported(due, due != null && isProvisional(due));
	}

	/**
	 * A due date as a generated document (.docx) states it: {@code 2027年1月18日}, plainly — an official notice or
	 * decision never prints the platform's （暂定） mark; a date in a year whose holiday notice is not loaded
	 * ({@link #isProvisional(LocalDate)}) is counted on the statutory holidays all the same, and the document words that
	 * in a sentence of its own where it has one ({@link #documentNote}). Empty for null.
	 */
	public String documentDay(LocalDate due) {
		return due == null ? "" : ChineseText.day(due);
	}

	/** What {@link #documentNote} says of a date counted before its year's holiday notice was published. */
	public static final String PROVISIONAL_NOTE = "上述期限按法定节假日推算，国务院公布当年节假日安排后如有调整，以调整后的工作日为准";

	/**
	 * The sentence a generated document adds when a working-day date it states ({@link #documentDay}) lies in a year
	 * whose holiday notice is not loaded ({@link #isProvisional(LocalDate)}): {@link #PROVISIONAL_NOTE}, worded for the
	 * party instead of an internal mark; empty for a date on a loaded year or null.
	 */
	public String documentNote(LocalDate due) {
		return due != null && isProvisional(due) ? PROVISIONAL_NOTE : "";
	}

	/**
	 * A due date as a message (a refusal, an audit entry, a notice) states it, as every sentence meant for people writes
	 * a day ({@link ChineseText#day}): {@code 2027年1月18日}, followed by （暂定） when it is provisional
	 * ({@link #isProvisional(LocalDate)}). Empty for null.
	 */
	public String messageDay(LocalDate due) {
		return due == null ? "" : ChineseText.day(due) + mark(due);
	}

	private String mark(LocalDate due) {
		return isProvisional(due) ? PROVISIONAL_MARK : "";
	}

	/**
	 * The days off of a year that is not loaded, as the provisional calendar counts them besides weekends: the
	 * statutory holidays, named with （暂定）. Empty for a loaded year.
	 */
	public List<CalendarDay> provisionalHolidays(int year) {
		return provisionalHolidays(snapshot(), year);
	}

	private static List<CalendarDay> provisionalHolidays(Snapshot calendar, int year) {
		if (calendar.years().contains(year)) {
			return List.of();
		}
		return StatutoryHolidays.of(year)
			.stream()
			.map(d -> new CalendarDay(d.day(), d.kind(), d.name() + "（暂定）"))
			.toList();
	}

	/**
	 * The day {@code days} working days after {@code from} (before it when negative); {@code from} itself is not
	 * counted, so 2026-09-30 + 1 = 2026-10-08. Zero days returns {@code from}.
	 */
	public LocalDate plusWorkingDays(LocalDate from, int days) {
		int step = days >= 0 ? 1 : -1;
		LocalDate day = from;
		// counted in long: Math.abs(Integer.MIN_VALUE) is negative in int, which would count no day at all
		for (long left = Math.abs((long) days); left > 0;) {
			day = day.plusDays(step);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}: {@code from} is not counted, {@code to} is.
	 * So {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** The day itself if it is a working day, otherwise the next working day. */
	public LocalDate onOrNextWorkingDay(LocalDate day) {
		LocalDate d = day;
		while (!isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	/**
	 * A deadline of {@code days} calendar days (日) from {@code from}: when the last day is a day off it moves to the
	 * next working day (行政许可法(2019) art.82 / 民法典(2020) art.203 practice). The only place calendar days are added.
	 */
	public LocalDate plusCalendarDays(LocalDate from, int days) {
		return onOrNextWorkingDay(from.plusDays(days));
	}

	public boolean isLoaded(int year) {
		return snapshot().years().contains(year);
	}

	public Set<Integer> loadedYears() {
		return snapshot().years();
	}

	/** The exceptions of one year in date order. */
	public List<CalendarDay> exceptions(int year) {
		return snapshot().days()
			.values()
			.stream()
			.filter(d -> d.day().getYear() == year)
			.sorted(Comparator.comparing(CalendarDay::day))
			.toList();
	}

	/**
	 * The first day of the next holiday period that starts after {@code today}: from the loaded years, or from the
	 * provisional days off (named （暂定）) of this year and the next when they are not loaded.
	 */
	public Optional<CalendarDay> nextHoliday(LocalDate today) {
		Snapshot calendar = snapshot();
		NextHoliday last = nextHoliday;
		if (last != null && last.calendar() == calendar && last.today().equals(today)) {
			return last.holiday();
		}
		Optional<CalendarDay> holiday = nextHoliday(calendar, today);
		nextHoliday = new NextHoliday(calendar, today, holiday);
		return holiday;
	}

	private static Optional<CalendarDay> nextHoliday(Snapshot calendar, LocalDate today) {
		Map<LocalDate, CalendarDay> days = new TreeMap<>(calendar.days());
		for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
			provisionalHolidays(calendar, year).forEach(d -> days.putIfAbsent(d.day(), d));
		}
		return days.values()
			.stream()
			.filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY && d.day().isAfter(today))
			.filter(d -> days.get(d.day().minusDays(1)) == null
					|| days.get(d.day().minusDays(1)).kind() != CalendarDay.Kind.HOLIDAY)
			.min(Comparator.comparing(CalendarDay::day));
	}

	/** Re-reads the calendar from the database (this node, right after it loaded a year). */
	public void refresh() {
		String version = version();
		Map<LocalDate, CalendarDay> days = new TreeMap<>();
		jdbc.sql("SELECT day, kind, name FROM calendar_day").query(Rows.of(CalendarDay.class)).list()
			.forEach(d -> days.put(d.day(), d));
		Set<Integer> years = jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list().stream()
			.collect(Collectors.toUnmodifiableSet());
		snapshot = new Snapshot(Map.copyOf(days), years, version);
	}

	/**
	 * Re-reads the calendar when another node of the cluster has loaded or replaced a year since this node last read
	 * it: every {@code youguan.calendar.refresh-interval} (10 s) each node compares a digest of the loaded years and
	 * days (one small query) with its snapshot's. Until then a node counts deadlines on the calendar it had.
	 */
	@Scheduled(fixedDelayString = "${youguan.calendar.refresh-interval:PT10S}",
			initialDelayString = "${youguan.calendar.refresh-interval:PT10S}")
	@EveryNode("each node keeps its own in-memory snapshot of the calendar")
	public void refreshIfChanged() {
		Snapshot s = snapshot;
		if (s == null || !s.version().equals(version())) {
			refresh();
		}
	}

	/** A digest of everything the snapshot is made of, changed by any load or replacement of a year. */
	private String version() {
		return jdbc.sql("""
				SELECT md5(coalesce((SELECT string_agg(year || '@' || loaded_at || '@' || source, ',' ORDER BY year)
				                     FROM calendar_year), '')
				    || '|' || coalesce((SELECT string_agg(day || kind || name, ',' ORDER BY day) FROM calendar_day), ''))""")
			.query(String.class)
			.single();
	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		if (s == null) {
			refresh();
			s = snapshot;
		}
		return s;
	}
}
