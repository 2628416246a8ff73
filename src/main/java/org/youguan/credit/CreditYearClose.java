package org.youguan.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Wording;
import org.youguan.rules.LegalText;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 年度信用信息归集: each bureau closes a year's credit data of its region and everything below it — the entries of the
 * year recorded in its region, in a township of it (a case's 9-digit region) or by a bureau below it, their corrections
 * and the objections to them — by the day the rule catalogue gives ({@code credit.year-close}:
 * 15 February of the next year, DOMAIN.md; the 办法's article is not in the catalogue, which cites the text as a whole).
 * A close records that the year's data is complete; it rates nothing (no rating is modelled). So a city's close covers
 * its counties' entries too: it is refused while any of them owes a correction or has an objection under review, the
 * refusal naming each region that holds one; a county closes its own region whatever the city has done. Audited
 * ({@code credit.year.close}).
 */
@Service
public class CreditYearClose {

	/**
	 * A bureau's close of a year.
	 * @param regionCode the bureau's region
	 * @param year the year closed
	 * @param dueOn the last day to close it ({@code credit.year-close} for the region)
	 * @param closedOn the day closed, or null while open
	 * @param closedBy who closed it
	 * @param overdue whether it is still open past its due day
	 */
	public record YearClose(String regionCode, int year, LocalDate dueOn, LocalDate closedOn, String closedBy,
			boolean overdue) {
	}

	/**
	 * The first year a close takes: the credit measure's ({@link #MEASURE}, {@link LegalText#firstYear}: 快递业信用管理
	 * 暂行办法(2017)) — a constant so the year parameter declares the range it is held to
	 * ({@code @YearIn(from = FIRST_YEAR, ahead = -1)}: 2017 to the last year ended).
	 */
	public static final int FIRST_YEAR = 2017;

	/** How many years after the current one a close takes: none, nor the current year (not ended), so -1. */
	public static final int YEARS_AHEAD = -1;

	/** The most regions an {@code open-items} refusal names one by one (then "等N个地区"). */
	private static final int NAMED_REGIONS = 5;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final StatutoryRules rules;

	CreditYearClose(JdbcClient jdbc, AuditTrail audit, Clock clock, StatutoryRules rules) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.rules = rules;
	}

	/** The text the yearly close follows: the credit measure the rule {@code credit.year-close} cites. */
	static final LegalText MEASURE = LegalText.EXPRESS_CREDIT_MEASURES;

	/**
	 * Refuses a year before the credit measure applied ({@link LegalText#firstYear}: 快递业信用管理暂行办法(2017), so
	 * 2017) or before the installation's first credit data (the year of the earliest credit entry recorded on the
	 * platform, or the last year ended while none is): such a year holds no credit record to close (attack 51: year
	 * 2000 was closed).
	 * @throws InvalidValueException 400 on {@code year}: rule {@code before-measure}, {@code before-data}
	 */
	private void requireUnderTheMeasure(int year) {
		Integer first = MEASURE.firstYear();
		if (first != null && year < first) {
			throw new InvalidValueException("year", "before-measure",
					Wording.of("credit.refusal.yearBeforeMeasure", MEASURE.englishTitle(), MEASURE.version(), String.valueOf(first),
							String.valueOf(year)),
					MEASURE.title() + "（" + MEASURE.version()
					+ "）自" + first + "年起适用，" + year + "年度不属于信用信息归集的年度");
		}
		int firstData = jdbc.sql("SELECT CAST(extract(year FROM min(occurred_on)) AS integer) FROM credit_entry")
			.query(Integer.class).list().stream().filter(y -> y != null).findFirst().orElse(lastYear());
		if (year < Math.min(firstData, lastYear())) {
			throw new InvalidValueException("year", "before-data",
					Wording.of("credit.refusal.yearBeforeData", String.valueOf(firstData), String.valueOf(year), MEASURE.englishTitle()),
					"本平台最早的信用记录在" + firstData + "年度，"
					+ year + "年度没有信用信息可以归集（" + MEASURE.title() + "：年度信用信息归集）");
		}
	}

	/** The year the bureau is to close now: the last year ended. */
	public int lastYear() {
		return LocalDate.now(clock).getYear() - 1;
	}

	/** The close of {@code year} by the bureau of {@code regionCode}: its due day and, once closed, its day and closer. */
	public YearClose of(String regionCode, int year) {
		LocalDate due = rules.deadline(StatutoryRule.CREDIT_YEAR_CLOSE, LocalDate.of(year + 1, 1, 1), regionCode);
		return jdbc.sql("SELECT closed_on, closed_by FROM credit_year_close WHERE region_code = :region AND year = :year")
			.param("region", regionCode).param("year", year)
			.query((rs, n) -> new YearClose(regionCode, year, due, rs.getObject(1, LocalDate.class), rs.getString(2), false))
			.optional()
			.orElseGet(() -> new YearClose(regionCode, year, due, null, null, LocalDate.now(clock).isAfter(due)));
	}

	/**
	 * Closes the caller's bureau's year.
	 * @param scope the caller's scope: a bureau's region (another scope closes nothing: 404)
	 * @param year the year, ended
	 * @return the close
	 * @throws InvalidValueException 400 on {@code year}, rule {@code range}, for a year after the current one (the
	 *         message names the years a close takes: {@link #FIRST_YEAR} to the last year ended); rule {@code before-measure} for a year before the credit measure applied,
	 *         {@code before-data} for one before the platform's first credit entry ({@link #requireUnderTheMeasure})
	 * @throws DomainException 404 for a caller without a bureau's region; 409 (field {@code year}) rule
	 * {@code year-not-ended} for this year or a later one, {@code already-closed} once closed, {@code open-items} while an
	 * entry of the year in the region or below it owes a correction or an objection to one is under review
	 */
	@Transactional
	public YearClose close(DataScope scope, int year) {
		if (scope.kind() != DataScope.Kind.REGION) {
			throw DomainException.notFound("信用信息归集", year);
		}
		// a year after the current one is no year to close (400, naming the years a close takes); the current one has
		// not ended (409 below), one before the measure applied holds no credit record (requireUnderTheMeasure)
		if (year > LocalDate.now(clock).getYear()) {
			throw new InvalidValueException("year", "range", notEnded(year));
		}
		requireUnderTheMeasure(year);
		String region = scope.regionPrefix();
		// one close per bureau and year: the bureau's closes are taken one at a time
		TransactionLocks.hold(jdbc, "credit-year-close:" + region);
		if (year >= LocalDate.now(clock).getYear()) {
			throw DomainException.illegalTransition("year", "year-not-ended", notEnded(year));
		}
		YearClose before = of(region, year);
		if (before.closedOn() != null) {
			throw DomainException.illegalTransition("year", "already-closed",
					Wording.of("credit.refusal.yearClosed", year, before.closedOn(), before.closedBy()), year + "年度信用信息已于" + ChineseText.day(before.closedOn()) + "归集（" + before.closedBy() + "）");
		}
		requireNothingOpen(region, year);
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				INSERT INTO credit_year_close (region_code, year, due_on, closed_on, closed_by, created_at)
				VALUES (:region, :year, :due, :today, :by, :now)""")
			.param("region", region).param("year", year).param("due", before.dueOn()).param("today", today)
			.param("by", Actors.currentName()).param("now", OffsetDateTime.now(clock)).update();
		audit.record(AuditEntry.of("credit.year.close", "CreditYearClose", region + ":" + year, year + "年度信用信息归集完成"
				+ (before.overdue() ? "（已超过" + ChineseText.day(before.dueOn()) + "的期限）" : "（期限" + ChineseText.day(before.dueOn()) + "）"))
			.states(Map.of("status", "未归集"), Map.of("status", "已归集"))
			.inRegion(region));
		return of(region, year);
	}

	/**
	 * The one wording of a year a close does not take yet, the current one (409) as a later one (400): the years it
	 * takes in the form the page's refusal of a non-number names them ({@code @YearIn}: "2017至2025"), and why.
	 */
	private String notEnded(int year) {
		return "归集年度应在" + FIRST_YEAR + "至" + lastYear() + "之间（" + year + "年度尚未结束，不能归集）";
	}

	/**
	 * Refuses the close while an entry of the year in the bureau's region or below it ({@link RegionPrefix}: a township's
	 * 9-digit region, a county's under a city) owes a correction or has an objection under review: the refusal counts
	 * them and names each region holding one ("吴中区1条、姑苏区2条"), so a city sees which county has still to finish.
	 * @throws DomainException 409 on {@code year}, rule {@code open-items}
	 */
	private void requireNothingOpen(String region, int year) {
		List<Map.Entry<String, Long>> open = jdbc.sql("SELECT coalesce(r.name, e.region_code), count(*) FROM credit_entry e"
				+ " LEFT JOIN region_name r ON r.code = e.region_code WHERE " + RegionPrefix.of(region).predicate("e.region_code")
				+ """
				   AND extract(year FROM e.occurred_on) = :year
				   AND (e.correction_due_on IS NOT NULL
				        OR EXISTS (SELECT 1 FROM credit_objection o WHERE o.entry_id = e.id AND o.status = 'FILED'))
				 GROUP BY 1 ORDER BY 1""")
			.param("year", year)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list();
		if (open.isEmpty()) {
			return;
		}
		long total = open.stream().mapToLong(Map.Entry::getValue).sum();
		String where = open.stream().limit(NAMED_REGIONS).map(e -> e.getKey() + e.getValue() + "条")
			.collect(Collectors.joining("、")) + (open.size() > NAMED_REGIONS ? "等" + open.size() + "个地区" : "");
		throw DomainException.illegalTransition("year", "open-items", Wording.of("credit.refusal.yearOpenItems", year, total, where),
				year + "年度本辖区（含下级行政区划）有" + total
				+ "条信用记录待更正或异议待复核（" + where + "），办结后才能归集");
	}
}
