package org.youguan.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.TransactionLocks;
import org.youguan.rules.LegalText;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 年度信用信息归集: each bureau closes a year's credit data of its own region — the entries it recorded in the year,
 * their corrections and the objections to them — by the day the rule catalogue gives ({@code credit.year-close}:
 * 15 February of the next year, DOMAIN.md; the 办法's article is not in the catalogue, which cites the text as a whole).
 * A close records that the year's data is complete; it rates nothing (no rating is modelled). Audited
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
			throw new InvalidValueException("year", "before-measure", MEASURE.title() + "（" + MEASURE.version()
					+ "）自" + first + "年起适用，" + year + "年度不属于信用信息归集的年度");
		}
		int firstData = jdbc.sql("SELECT CAST(extract(year FROM min(occurred_on)) AS integer) FROM credit_entry")
			.query(Integer.class).list().stream().filter(y -> y != null).findFirst().orElse(lastYear());
		if (year < Math.min(firstData, lastYear())) {
			throw new InvalidValueException("year", "before-data", "本平台最早的信用记录在" + firstData + "年度，"
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
	 * @throws InvalidValueException 400 on {@code year}, rule {@code range}, for a year outside 2000 … next year
	 *         ({@link FiguresPeriod#year}); rule {@code before-measure} for a year before the credit measure applied,
	 *         {@code before-data} for one before the platform's first credit entry ({@link #requireUnderTheMeasure})
	 * @throws DomainException 404 for a caller without a bureau's region; 409 (field {@code year}) rule
	 * {@code year-not-ended} for this year or a later one, {@code already-closed} once closed, {@code open-items} while an
	 * entry of the year in the region owes a correction or an objection to one is under review
	 */
	@Transactional
	public YearClose close(DataScope scope, int year) {
		if (scope.kind() != DataScope.Kind.REGION) {
			throw DomainException.notFound("信用信息归集", year);
		}
		// a year outside the figures' years (FiguresPeriod: 2000 … next year) is no year of the record: 400 on year
		FiguresPeriod.year("year", year, LocalDate.now(clock));
		requireUnderTheMeasure(year);
		String region = scope.regionPrefix();
		// one close per bureau and year: the bureau's closes are taken one at a time
		TransactionLocks.hold(jdbc, "credit-year-close:" + region);
		if (year >= LocalDate.now(clock).getYear()) {
			throw DomainException.illegalTransition("year", "year-not-ended", year + "年度尚未结束，不能归集");
		}
		YearClose before = of(region, year);
		if (before.closedOn() != null) {
			throw DomainException.illegalTransition("year", "already-closed",
					year + "年度信用信息已于" + before.closedOn() + "归集（" + before.closedBy() + "）");
		}
		long open = jdbc.sql("""
				SELECT count(*) FROM credit_entry e WHERE e.region_code = :region AND extract(year FROM e.occurred_on) = :year
				  AND (e.correction_due_on IS NOT NULL
				       OR EXISTS (SELECT 1 FROM credit_objection o WHERE o.entry_id = e.id AND o.status = 'FILED'))""")
			.param("region", region).param("year", year).query(Long.class).single();
		if (open > 0) {
			throw DomainException.illegalTransition("year", "open-items",
					year + "年度有" + open + "条信用记录待更正或异议待复核，办结后才能归集");
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				INSERT INTO credit_year_close (region_code, year, due_on, closed_on, closed_by, created_at)
				VALUES (:region, :year, :due, :today, :by, :now)""")
			.param("region", region).param("year", year).param("due", before.dueOn()).param("today", today)
			.param("by", Actors.currentName()).param("now", OffsetDateTime.now(clock)).update();
		audit.record(AuditEntry.of("credit.year.close", "CreditYearClose", region + ":" + year, year + "年度信用信息归集完成"
				+ (before.overdue() ? "（已超过" + before.dueOn() + "的期限）" : "（期限" + before.dueOn() + "）"))
			.states(Map.of("status", "未归集"), Map.of("status", "已归集"))
			.inRegion(region));
		return of(region, year);
	}
}
