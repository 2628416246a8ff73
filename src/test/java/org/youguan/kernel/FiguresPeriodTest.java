package org.youguan.kernel;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one check of a figures period: a period not begun is refused on {@code from} (rule {@code future}) by day and by
 * month alike, a reversed one on {@code to} ({@code after-from}), a day before 2000 or after next year on its field
 * ({@code range}); a period that has begun may end after today.
 */
class FiguresPeriodTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static void refused(Runnable call, String field, String rule, String message) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidValueException.class,
				e -> assertThat(e.fieldErrors()).anySatisfy(f -> {
					assertThat(f.field()).isEqualTo(field);
					assertThat(f.rule()).isEqualTo(rule);
					assertThat(f.message()).contains(message);
				}));
	}

	@Test
	void aPeriodByDayNotBegunIsRefusedOnFromAndOneBegunMayEndAfterToday() {
		refused(() -> FiguresPeriod.days("2026-12-07", "2026-12-31", null, TODAY, TODAY), "from", "future",
				"起始日期不能晚于今天（2026年12月6日）：2026年12月7日");
		// the default end (today) before a first day to come: the period not begun is what is wrong, named too
		refused(() -> FiguresPeriod.days("2027-01-01", null, null, TODAY, TODAY), "from", "future", "2027年1月1日");
		assertThat(FiguresPeriod.days("2026-12-06", "2026-12-31", null, TODAY, TODAY))
			.isEqualTo(new FiguresPeriod(TODAY, LocalDate.of(2026, 12, 31)));
		assertThat(FiguresPeriod.days(null, null, TODAY.withDayOfYear(1), TODAY, TODAY))
			.isEqualTo(new FiguresPeriod(LocalDate.of(2026, 1, 1), TODAY));
	}

	@Test
	void aReversedOrAbsurdPeriodByDayIsRefusedNamingTheField() {
		refused(() -> FiguresPeriod.days("2026-11-30", "2026-11-01", null, TODAY, TODAY), "to", "after-from",
				"截止日期不能早于起始日期");
		refused(() -> FiguresPeriod.days("1999-12-31", "2026-01-31", null, TODAY, TODAY), "from", "range",
				"起始日期不得早于2000年1月1日（应在2000年1月1日至2027年12月31日之间）");
		refused(() -> FiguresPeriod.days("2026-01-01", "2028-01-01", null, TODAY, TODAY), "to", "range",
				"截止日期不得晚于2027年12月31日（应在2000年1月1日至2027年12月31日之间）");
		refused(() -> FiguresPeriod.days("2026-13-01", null, null, TODAY, TODAY), "from", "date", "起始日期应为日期");
	}

	@Test
	void aPeriodByMonthIsCheckedTheSameWay() {
		YearMonth current = YearMonth.of(2026, 12);
		refused(() -> FiguresPeriod.months("2027-01", "2027-02", null, current, current), "from", "future",
				"起始月份不能晚于本月（2026年12月）：2027年1月");
		refused(() -> FiguresPeriod.months("2026-10", "2026-09", null, current, current), "to", "after-from",
				"截止月份不能早于起始月份");
		refused(() -> FiguresPeriod.months("1999-12", null, null, current, current), "from", "range", "起始月份应在2000年至2027年之间：1999年12月");
		refused(() -> FiguresPeriod.months("2026-1", null, null, current, current), "from", "month", "起始月份应为年月，格式YYYY-MM（如2025-01）：2026-1");
		assertThat(FiguresPeriod.months("2026-12", "2027-01", null, current, current))
			.isEqualTo(new FiguresPeriod.Months(current, YearMonth.of(2027, 1)));
	}

	/** The one rule of a year a query asks for: 2000 to next year, refused on the field with both bounds named. */
	@Test
	void aYearAQueryAsksForRunsFrom2000ToNextYear() {
		assertThat(FiguresPeriod.year("year", 2000, TODAY)).isEqualTo(2000);
		assertThat(FiguresPeriod.year("year", 2027, TODAY)).isEqualTo(2027);
		refused(() -> FiguresPeriod.year("year", 1999, TODAY), "year", "range", "年度应在2000年至2027年之间");
		refused(() -> FiguresPeriod.year("plan", 2028, TODAY), "plan", "range", "年度应在2000年至2027年之间");
		// the same rule told by a module's own label and the year refused (work plans, responsibility letters)
		refused(() -> FiguresPeriod.year("year", "工作计划的年度", 2999, TODAY), "year", "range",
				"工作计划的年度应在2000年至2027年之间，不能是2999年");
		assertThat(FiguresPeriod.lastYear(TODAY)).isEqualTo(2027);
	}

	/** A list's days are held to the figures' days: 1900 is a typing error, named with the bounds; either end may be open. */
	@Test
	void aListsDaysRunFrom2000ToTheEndOfNextYearEitherEndOpen() {
		refused(() -> FiguresPeriod.filter("1900-01-01", null, TODAY), "from", "range",
				"起始日期不得早于2000年1月1日（应在2000年1月1日至2027年12月31日之间）");
		refused(() -> FiguresPeriod.filter(null, "2028-01-01", TODAY), "to", "range",
				"截止日期不得晚于2027年12月31日（应在2000年1月1日至2027年12月31日之间）");
		refused(() -> FiguresPeriod.filter("2026-02-01", "2026-01-31", TODAY), "to", "after-from", "截止日期不能早于起始日期");
		refused(() -> FiguresPeriod.filter("2026-02-30", null, TODAY), "from", "date", "起始日期");
		assertThat(FiguresPeriod.filter(null, null, TODAY)).isEqualTo(new FiguresPeriod.Filter(null, null));
		assertThat(FiguresPeriod.filter("2000-01-01", "2027-12-31", TODAY))
			.isEqualTo(new FiguresPeriod.Filter(LocalDate.of(2000, 1, 1), LocalDate.of(2027, 12, 31)));
	}
}
