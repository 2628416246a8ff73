package org.youguan.statistics.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.kernel.ChineseText;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;

/**
 * When years of the holiday notice are loaded, the reports still owed whose due date falls in those years — drafts and
 * reports returned (已退回) and not sent again — get the due date counted again by the one rule 报送进度 counts
 * ({@code ReportForms#owedDueOn}: the form's due day, moved to the next working day under the notice). A report standing
 * sent or approved keeps its date: its first submission decided whether it was on time ({@link Report#recountDue}).
 */
@Component
class ReportDueRecount {

	private static final Logger log = LoggerFactory.getLogger(ReportDueRecount.class);

	private final ReportRepository reports;

	private final ReportForms forms;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ReportDueRecount(ReportRepository reports, ReportForms forms, JdbcClient jdbc, AuditTrail audit) {
		this.reports = reports;
		this.forms = forms;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM stat_report
				WHERE status IN ('DRAFT','RETURNED') AND due_on BETWEEN :first AND :last + 7
				ORDER BY id""")
			.param("first", loaded.first())
			.param("last", loaded.last())
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			Report r = reports.findById(id).orElseThrow();
			ReportForm form = forms.get(r.formId());
			var was = r.dueOn();
			if (r.recountDue(forms.owedDueOn(r.enterpriseId(), form, Period.parse(form.periodType(), r.period(), "period")))) {
				reports.save(r);
				audit.record(AuditEntry.of("statistics.recount", "StatReport", r.id(),
						CalendarYearsLoaded.loaded(loaded.first(), loaded.last()) + "，" + form.name() + "（" + r.period() + "）截止日期由" + ChineseText.day(was) + "改为"
								+ (r.dueOn() == null ? "无（该企业此期间未经营，不需报送）" : ChineseText.day(r.dueOn())))
					.inRegion(r.regionCode()));
				moved++;
			}
		}
		if (moved > 0) {
			log.info("Calendar {} loaded: {} owed reports' due dates recomputed", loaded.years(), moved);
		}
	}
}
