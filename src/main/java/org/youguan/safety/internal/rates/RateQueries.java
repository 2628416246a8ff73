package org.youguan.safety.internal.rates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.youguan.documents.Column;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.SafetyRates;

/** How the rate pages, API and export read their parameters: one place, so they cannot drift apart. */
final class RateQueries {

	static final List<Column<SafetyRates.Line>> COLUMNS = List.of(Column.of("编号", SafetyRates.Line::code, 22),
			Column.of("名称", SafetyRates.Line::name, 30), Column.of("收寄件数", SafetyRates.Line::parcels, 12),
			Column.of("免于实名件数（信件、协议客户）", SafetyRates.Line::exempt, 14),
			Column.of("实名件数", SafetyRates.Line::realName, 12), Column.of("验视件数", SafetyRates.Line::inspected, 12),
			Column.of("过机件数", SafetyRates.Line::screened, 12), Column.of("实名率（%）", SafetyRates.Line::realNameRate, 10),
			Column.of("验视率（%）", SafetyRates.Line::inspectionRate, 10),
			Column.of("过机率（%）", SafetyRates.Line::screeningRate, 10));

	/** The columns with the line's enterprise after the name (lines by outlet: each enterprise has its own outlets). */
	static List<Column<SafetyRates.Line>> withEnterprise(Map<Long, String> names) {
		List<Column<SafetyRates.Line>> columns = new ArrayList<>(COLUMNS);
		columns.add(2, Column.of("企业", l -> l.enterpriseId() == null ? null : names.get(l.enterpriseId()), 30));
		return List.copyOf(columns);
	}

	private RateQueries() {
	}

	/** Today in China time. */
	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ParcelRecord.CHINA));
	}

	/**
	 * The region and period asked for, checked against the caller: staff within their region (default their own, the
	 * current month by default); an enterprise any region, narrowed to its own parcels by its scope.
	 */
	static SafetyRates.Query query(CurrentUser me, DataScope scope, String region, String from, String to, Clock clock) {
		LocalDate today = today(clock);
		String defaultFrom = from == null || Text.isBlank(from) ? today.withDayOfMonth(1).toString() : from;
		FiguresQuery q = figures(me, scope, region, defaultFrom, to, today);
		return new SafetyRates.Query(q.region(), q.from(), q.to(), null);
	}

	/**
	 * The region and period of the figures or rates asked for ({@link FiguresQuery#of}: staff within their region,
	 * default their own; an enterprise any region, narrowed to its own parcels by its scope; the period this year by
	 * default), of a county at the most: parcels are counted per county (the records' sender region), so a township's
	 * code would answer no parcels beside its county's ledgers.
	 * @throws InvalidValueException on {@code region}, rule {@code county-level}, for a code below a county
	 */
	static FiguresQuery figures(CurrentUser me, DataScope scope, String region, String from, String to, LocalDate today) {
		FiguresQuery q = scope.kind() == DataScope.Kind.ENTERPRISE
				? FiguresQuery.of(DataScope.all(), region, "", from, to, today)
				: FiguresQuery.of(scope, region, me.regionCode() == null ? "0" : me.regionCode(), from, to, today);
		if (q.region().length() > 6) {
			throw new InvalidValueException("region", "county-level", "寄递安全统计按县级及以上区域计算（收寄记录只记到县）：区域代码"
					+ "应为省、市或县级代码（2、4或6位），" + q.region() + "是乡镇（街道）级代码");
		}
		return q;
	}

	/** The breakdown asked for ({@code by}: ENTERPRISE, OUTLET or COUNTY; default ENTERPRISE). */
	static SafetyRates.By by(String by) {
		if (by == null || Text.isBlank(by)) {
			return SafetyRates.By.ENTERPRISE;
		}
		try {
			return SafetyRates.By.valueOf(Text.strip(by).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("by", "enum", "分组方式只能是按企业（ENTERPRISE）、按网点（OUTLET）或按区县（COUNTY）");
		}
	}

	/** The trend's step ({@code step}: DAY or MONTH; default DAY). */
	static SafetyRates.Step step(String step) {
		if (step == null || Text.isBlank(step)) {
			return SafetyRates.Step.DAY;
		}
		try {
			return SafetyRates.Step.valueOf(Text.strip(step).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("step", "enum", "趋势粒度只能是按日（DAY）或按月（MONTH）");
		}
	}
}
