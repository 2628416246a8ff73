package org.youguan.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.platform.ChinaTime;

/**
 * Loads reports that were already submitted and approved elsewhere (the demo city's past years, a generator) in
 * batches: report, values and facts as the procedure would have left them, and one audit event for the load. Values
 * are checked against the catalogue (known, entered indicators of the form, non-negative).
 */
@Service
public class ReportLoader {

	/**
	 * One approved report: whose, which period, the entered values, and the day it was first submitted (a day after
	 * today is loaded as submitted and approved now — no report is stamped in the future).
	 */
	public record Approved(long enterpriseId, Period period, Map<String, BigDecimal> values, LocalDate submittedOn) {
	}

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private final JdbcTemplate jdbc;

	private final ReportForms forms;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	private final StatisticsRollup rollup;

	private final Clock clock;

	ReportLoader(JdbcTemplate jdbc, ReportForms forms, Enterprises enterprises, AuditTrail audit, StatisticsRollup rollup,
			Clock clock) {
		this.jdbc = jdbc;
		this.rollup = rollup;
		this.forms = forms;
		this.enterprises = enterprises;
		this.audit = audit;
		this.clock = clock;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isAfter(b) ? b : a;
	}

	/**
	 * Refuses reports whose values the history import already gives as region totals, as approving one does
	 * ({@link Reports#approve}): history of one of a report's indicators for a month of its period, in the
	 * enterprise's region or one containing it or inside it, of any brand or none — the region's figure would count the
	 * enterprise twice.
	 * @throws DomainException (409, field {@code period}, rule {@code history-imported}) naming the enterprise, the
	 * region and the month; nothing is loaded
	 */
	private void refuseOverHistory(List<Approved> reports, Map<Long, EnterpriseView> reporters) {
		if (reports.isEmpty()) {
			return;
		}
		LocalDate first = reports.stream().map(a -> a.period().start()).min(LocalDate::compareTo).orElseThrow();
		LocalDate last = reports.stream().map(a -> a.period().end()).max(LocalDate::compareTo).orElseThrow();
		List<Object[]> history = jdbc.query("""
				SELECT DISTINCT indicator_code, region_code, period_start FROM stat_fact
				WHERE source = 'HISTORY' AND period_start BETWEEN ? AND ?""",
				(rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate() }, Date.valueOf(first),
				Date.valueOf(last));
		if (history.isEmpty()) {
			return;
		}
		for (Approved a : reports) {
			String region = reporters.get(a.enterpriseId()).regionCode();
			for (Object[] kept : history) {
				String keptRegion = (String) kept[1];
				LocalDate month = (LocalDate) kept[2];
				if (a.values().containsKey((String) kept[0]) && !month.isBefore(a.period().start())
						&& !month.isAfter(a.period().end()) && (region.startsWith(keptRegion) || keptRegion.startsWith(region))) {
					throw DomainException.illegalTransition("period", "history-imported", Wording.of("statistics.refusal.importedTotals", keptRegion, YearMonth.from(month), reporters.get(a.enterpriseId()).legalName(), a.period().code()),
							"历史数据导入已有" + keptRegion + "的"
							+ ChineseText.month(YearMonth.from(month)) + "的合计数，载入" + reporters.get(a.enterpriseId()).legalName() + a.period().code()
							+ "的已审核报表会重复计数");
				}
			}
		}
	}

	/**
	 * Loads approved reports of one form.
	 * @param formCode the form's code
	 * @param reports the reports, each for an ended period of the form's frequency that its enterprise operated in
	 * @param demo whether they are demo data
	 * @param note what the load is, for the audit event
	 * @return how many were loaded
	 * @throws org.youguan.kernel.InvalidValueException on {@code period}: not ended (rule {@code ended}) or before the
	 * enterprise began to operate (rule {@code operating}, {@link ReportForms#requireOperating}); nothing is loaded
	 * @throws IllegalArgumentException another frequency, an indicator the form does not enter, a negative value
	 * @throws DomainException (409, rule {@code history-imported}) when the history import already gives a report's
	 * values as region totals ({@link #refuseOverHistory})
	 */
	@Transactional
	public int loadApproved(String formCode, List<Approved> reports, boolean demo, String note) {
		ReportForm form = forms.byCode(formCode);
		Map<String, Indicator> entered = new HashMap<>();
		forms.indicators(form.id()).stream().filter(i -> !i.derived()).forEach(i -> entered.put(i.code(), i));
		Map<Long, EnterpriseView> reporters = new HashMap<>();
		List<Object[]> reportRows = new ArrayList<>();
		List<Long> ids = jdbc.queryForList("SELECT nextval('stat_report_id_seq') FROM generate_series(1, ?)", Long.class,
				reports.size());
		Timestamp now = Timestamp.from(clock.instant());
		Map<Long, LocalDate> since = enterprises.operatingSince(reports.stream().map(Approved::enterpriseId).distinct().toList());
		List<Object[]> valueRows = new ArrayList<>();
		List<Object[]> factRows = new ArrayList<>();
		for (int n = 0; n < reports.size(); n++) {
			Approved a = reports.get(n);
			if (a.period().type() != form.periodType()) {
				throw new IllegalArgumentException(form.name() + "按" + form.periodType().label() + "报送：" + a.period());
			}
			// only an ended period has approved figures; a loader is held to the rule the form is
			a.period().requireEnded("period", LocalDate.now(clock.withZone(CHINA)));
			EnterpriseView e = reporters.computeIfAbsent(a.enterpriseId(), id -> enterprises.get(DataScope.all(), id));
			// and to the enterprise's operating start (attack round 14: a report before it makes it owe every month since)
			ReportForms.requireOperating("period", since.get(e.id()), a.period());
			long id = ids.get(n);
			LocalDate due = forms.dueOn(form, a.period());
			// submitted (and approved) at 10:00 of its day, but never after now: a story running ahead of the clock (a
			// demo's straggler due in three days) is loaded as submitted now, and on time by that day
			Timestamp submitted = Timestamp.from(min(a.submittedOn().atTime(10, 0).atZone(CHINA).toInstant(), now.toInstant()));
			LocalDate submittedOn = LocalDate.ofInstant(submitted.toInstant(), CHINA);
			reportRows.add(new Object[] { id, form.id(), e.id(), e.legalName(), e.creditCode(), e.regionCode(), e.brandId(),
					a.period().code(), Date.valueOf(a.period().start()), Date.valueOf(a.period().end()), Date.valueOf(due),
					submitted, submitted, !submittedOn.isAfter(due), submitted, demo, now });
			a.values().forEach((code, value) -> {
				if (!entered.containsKey(code)) {
					throw new IllegalArgumentException(form.name() + "没有可填报的指标" + code);
				}
				if (value.signum() < 0) {
					throw new IllegalArgumentException(code + "不能为负数");
				}
				valueRows.add(new Object[] { id, code, value });
				factRows.add(new Object[] { code, Date.valueOf(a.period().start()), Date.valueOf(a.period().end()),
						e.regionCode(), e.brandId(), e.id(), id, value });
			});
		}
		// ordered against a history import running at once, as an approval is
		HistoryImport.holdFacts(JdbcClient.create(jdbc), reporters.values().stream().map(EnterpriseView::regionCode).toList(),
				true);
		refuseOverHistory(reports, reporters);
		jdbc.batchUpdate("""
				INSERT INTO stat_report (id, form_id, enterprise_id, enterprise_name, credit_code, region_code, brand_id, period,
				    period_start, period_end, due_on, first_submitted_at, submitted_at, on_time, decided_at, decided_by,
				    revision, status, demo, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '批量载入', 1, 'APPROVED', ?, ?)""", reportRows);
		jdbc.batchUpdate("INSERT INTO stat_report_value (report_id, indicator_code, value) VALUES (?, ?, ?)", valueRows);
		// submitted as loaded: the values the bureau reads (Report#submittedValues)
		jdbc.batchUpdate("INSERT INTO stat_report_submitted_value (report_id, indicator_code, value) VALUES (?, ?, ?)",
				valueRows);
		jdbc.batchUpdate("""
				INSERT INTO stat_fact (indicator_code, period_start, period_end, region_code, brand_id, enterprise_id,
				    report_id, source, value) VALUES (?, ?, ?, ?, ?, ?, ?, 'REPORT', ?)""", factRows);
		rollup.refresh(reports.stream().map(a -> a.period().start()).toList(),
				reporters.values().stream().map(EnterpriseView::regionCode).toList());
		audit.record(AuditEntry.of("statistics.report.load", "StatReport", null,
				"批量载入已审核的“" + form.name() + "”" + reports.size() + "份（" + note + "）"));
		return reports.size();
	}
}
