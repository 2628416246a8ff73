package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;

/**
 * The days left of the stopped cases on one page of the case list, worked out from every pause as the case's page
 * works them out ({@link PenaltyCases#get}: every suspension, and a requested hearing still to be held, shared days
 * counted once) — with one query for the whole page, the stopped cases and their pauses together, and one case clock
 * per region, not two queries and a clock per stopped case.
 */
public final class StoppedCaseDays {

	/** One row of the page's query: a stopped case and one of its suspensions (none: a pause of nulls). */
	private record Row(CaseView penaltyCase, LocalDate startedOn, LocalDate endedOn) {
	}

	private final JdbcClient jdbc;

	private final Function<String, CaseClock> clocks;

	/**
	 * @param clocks the case clock of a region ({@link CaseWork#clock(String)}): the decision limit's rules where
	 * the case is
	 */
	public StoppedCaseDays(JdbcClient jdbc, Function<String, CaseClock> clocks) {
		this.jdbc = jdbc;
		this.clocks = clocks;
	}

	/**
	 * The page with each stopped case's limit as it stands today (were the clock restarted tomorrow: today's paused day
	 * counted, a rest day moved off as resuming would store it, {@link CaseClock#daysLeftWhileStopped}) and the days to
	 * it, so the list's 期限 and its N天 agree as they do for a running case.
	 */
	public PageResult<PenaltyCases.CaseSummary> fill(PageResult<PenaltyCases.CaseSummary> page, LocalDate today) {
		List<Long> stopped = page.items().stream().filter(r -> r.suspended() && r.remainingDays() != null)
			.map(PenaltyCases.CaseSummary::id).toList();
		if (stopped.isEmpty()) {
			return page;
		}
		RowMapper<CaseView> view = Rows.of(CaseView.class);
		List<Row> rows = jdbc.sql("""
				SELECT c.*, s.started_on AS pause_started_on, s.ended_on AS pause_ended_on
				FROM penalty_case c LEFT JOIN penalty_case_suspension s ON s.case_id = c.id
				WHERE c.id IN (:ids) ORDER BY c.id, s.started_on, s.id""")
			.param("ids", stopped)
			.query((rs, n) -> new Row(view.mapRow(rs, n), rs.getObject("pause_started_on", LocalDate.class),
					rs.getObject("pause_ended_on", LocalDate.class)))
			.list();
		Map<Long, CaseView> cases = new LinkedHashMap<>();
		Map<Long, List<CaseClock.Pause>> pauses = new HashMap<>();
		for (Row r : rows) {
			long id = r.penaltyCase().id();
			cases.putIfAbsent(id, r.penaltyCase());
			List<CaseClock.Pause> own = pauses.computeIfAbsent(id, k -> new ArrayList<>());
			if (r.startedOn() != null) {
				own.add(new CaseClock.Pause(r.startedOn(), r.endedOn()));
			}
		}
		Map<String, CaseClock> byRegion = new HashMap<>();
		Map<Long, Long> daysLeft = new HashMap<>();
		cases.forEach((id, c) -> {
			List<CaseClock.Pause> inForce = new ArrayList<>(pauses.get(id));
			// a requested hearing still to be held stops the clock like a suspension (lasting to today)
			CaseClock.pausedSince(c, Optional.empty()).ifPresent(requested -> inForce.add(new CaseClock.Pause(requested, null)));
			daysLeft.put(id, byRegion.computeIfAbsent(c.regionCode(), clocks)
				.daysLeftWhileStopped(c.filedOn(), c.extended(), inForce, today));
		});
		return page.map(r -> !daysLeft.containsKey(r.id()) ? r : new PenaltyCases.CaseSummary(r.id(), r.number(),
				r.regionCode(), r.enterpriseName(), r.enterpriseCreditCode(), r.violationCode(), r.status(), r.filedOn(),
				today.plusDays(daysLeft.get(r.id())), daysLeft.get(r.id()), true, r.decisionNumber(), r.penalty(), r.fine(), r.publishedOn(),
				r.imported(), r.decisionDueOnProvisional(), r.deliveryMethod(), r.deliveredOn(), r.shownStatus(),
				r.deemedServicePending(), r.decidedLate()));
	}
}
