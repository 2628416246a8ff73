package org.youguan.universal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;

/**
 * The figures of the 普遍服务监督 records of a region and period ("开展检查21人次，机要通信继续零事故"，"赴41处农村网点开展
 * 现场督办"，"主要党报在县级城市100%当日见报"), and the 机要通信 zero-incident counter, which runs up to today whatever
 * the period. Rates are percent with one decimal (half up), null when nothing was checked — as
 * {@link UniversalFigures#figures} expresses 规范投递率.
 */
@Service
public class SupervisionFigures {

	/**
	 * @param confidentialChecks 机要通信 checks in the period, the number of checks (次) — {@link UniversalFigures.Figures}'s
	 *        field of that name is {@code confidentialVisits} here (人次)
	 * @param confidentialVisits their inspector-visits (人次): the inspectors of every check, summed
	 * @param confidentialIncidents checks in the period that recorded an incident
	 * @param partyPaperChecks 党报当日见报 checks in the period
	 * @param partyPaperSameDay of these, delivered the same day
	 * @param partyPaperSameDayRate same-day share in percent, one decimal; null without a check
	 * @param outletVisits 农村网点 on-site visits in the period
	 * @param outletEscalated of these, put under 督办
	 * @param hallWindowsChecked 政务服务大厅 postal windows checked in the period
	 * @param supervisorsServing 社会监督员 whose term covers the period's last day
	 * @param supervisorReports reports received from 社会监督员 in the period
	 * @param zeroIncident the zero-incident counter as of today
	 */
	public record Figures(long confidentialChecks, long confidentialVisits, long confidentialIncidents,
			long partyPaperChecks, long partyPaperSameDay, BigDecimal partyPaperSameDayRate, long outletVisits,
			long outletEscalated, long hallWindowsChecked, long supervisorsServing, long supervisorReports,
			ZeroIncident zeroIncident) {
	}

	/**
	 * The 机要通信 zero-incident counter of a region, as of today.
	 * @param lastIncidentOn the day of the latest check that recorded an incident, or null when none did
	 * @param since the counter's start: the day after the last incident, or the first check's day when there was none
	 *        (null when nothing was ever checked)
	 * @param days days without an incident from {@code since} to today inclusive (0 when {@code since} is null)
	 * @param checksSince 机要通信 checks recorded since (all of them when there never was an incident)
	 */
	public record ZeroIncident(LocalDate lastIncidentOn, LocalDate since, long days, long checksSince) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	SupervisionFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The figures of a region and period already checked against the caller's scope ({@link FiguresQuery}). */
	public Figures figures(FiguresQuery q) {
		return figures(q.region(), q.from(), q.to());
	}

	/**
	 * The figures of a region ({@code ""} for the country) and period (inclusive days).
	 * @throws InvalidValueException (field region) unless the region is 1–12 digits
	 */
	public Figures figures(String region, LocalDate from, LocalDate to) {
		RegionPrefix r = RegionPrefix.of(region);
		Figures f = jdbc.sql("""
				SELECT count(*) FILTER (WHERE kind = 'CONFIDENTIAL' AND day BETWEEN :from AND :to) AS confidential,
				    coalesce(sum(inspector_count) FILTER (WHERE kind = 'CONFIDENTIAL' AND day BETWEEN :from AND :to), 0)
				        AS visits,
				    count(*) FILTER (WHERE kind = 'CONFIDENTIAL' AND flag AND day BETWEEN :from AND :to) AS incidents,
				    count(*) FILTER (WHERE kind = 'PARTY_PAPER' AND day BETWEEN :from AND :to) AS papers,
				    count(*) FILTER (WHERE kind = 'PARTY_PAPER' AND flag AND day BETWEEN :from AND :to) AS same_day,
				    count(*) FILTER (WHERE kind = 'OUTLET_VISIT' AND day BETWEEN :from AND :to) AS outlets,
				    count(*) FILTER (WHERE kind = 'OUTLET_VISIT' AND flag AND day BETWEEN :from AND :to) AS escalated,
				    count(*) FILTER (WHERE kind = 'HALL_WINDOW' AND day BETWEEN :from AND :to) AS halls,
				    count(*) FILTER (WHERE kind = 'SUPERVISOR' AND day <= :to AND until_on >= :to) AS serving
				FROM universal_supervision WHERE""" + " " + r.predicate("region_code"))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				long papers = rs.getLong("papers");
				long sameDay = rs.getLong("same_day");
				return new Figures(rs.getLong("confidential"), rs.getLong("visits"), rs.getLong("incidents"), papers,
						sameDay, rate(sameDay, papers), rs.getLong("outlets"), rs.getLong("escalated"),
						rs.getLong("halls"), rs.getLong("serving"), 0, null);
			})
			.single();
		long reports = jdbc.sql("""
				SELECT count(*) FROM universal_supervisor_report p JOIN universal_supervision s ON s.id = p.supervisor_id
				WHERE p.received_on BETWEEN :from AND :to AND """ + " " + r.predicate("s.region_code"))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		return new Figures(f.confidentialChecks(), f.confidentialVisits(), f.confidentialIncidents(),
				f.partyPaperChecks(), f.partyPaperSameDay(), f.partyPaperSameDayRate(), f.outletVisits(),
				f.outletEscalated(), f.hallWindowsChecked(), f.supervisorsServing(), reports, zeroIncident(r));
	}

	/** The rate in percent with one decimal, rounded down ({@link Percentages#rate}), null when {@code all} is 0. */
	static BigDecimal rate(long part, long all) {
		return Percentages.rate(part, all, 1);
	}

	private ZeroIncident zeroIncident(RegionPrefix r) {
		LocalDate today = LocalDate.now(clock);
		record Span(LocalDate last, LocalDate first) {
		}
		Span span = jdbc.sql("""
				SELECT max(day) FILTER (WHERE flag) AS last, min(day) AS first FROM universal_supervision
				WHERE kind = 'CONFIDENTIAL' AND day <= :today AND """ + " " + r.predicate("region_code"))
			.param("today", today)
			.query((rs, n) -> new Span(rs.getObject("last", LocalDate.class), rs.getObject("first", LocalDate.class)))
			.single();
		LocalDate since = span.last() != null ? span.last().plusDays(1) : span.first();
		long checks = jdbc.sql("SELECT count(*) FROM universal_supervision WHERE kind = 'CONFIDENTIAL' AND day <= :today"
				+ (span.last() == null ? "" : " AND day > :last") + " AND " + r.predicate("region_code"))
			.param("today", today)
			.param("last", span.last() == null ? today : span.last())
			.query(Long.class)
			.single();
		long days = since == null || since.isAfter(today) ? 0 : ChronoUnit.DAYS.between(since, today) + 1;
		return new ZeroIncident(span.last(), since, days, checks);
	}
}
