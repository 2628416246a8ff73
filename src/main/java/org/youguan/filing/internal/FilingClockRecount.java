package org.youguan.filing.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.ChineseText;

/**
 * When years of the holiday notice are loaded, the open filings whose statutory clock spans them are counted again
 * from the same start: a due date computed on the provisional calendar (weekends and statutory holidays only) becomes
 * the due date under the notice, 调休 included. Decided filings keep their dates (their working days taken were
 * counted when decided). The recount uses the rule values in force now; each moved date is audited.
 */
@Component
class FilingClockRecount {

	private static final Logger log = LoggerFactory.getLogger(FilingClockRecount.class);

	private final OutletFilingRepository filings;

	private final OutletFilings procedure;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	FilingClockRecount(OutletFilingRepository filings, OutletFilings procedure, JdbcClient jdbc, AuditTrail audit) {
		this.filings = filings;
		this.procedure = procedure;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = recount(loaded);
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open filings' due dates recomputed", loaded.years(), moved);
		}
	}

	/** Recounts the open filings whose clock (start to the later due date) touches the loaded years. */
	int recount(CalendarYearsLoaded loaded) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM outlet_filing
				WHERE status IN ('SUBMITTED', 'MISSING_ITEMS') AND clock_start <= :last
				  AND greatest(due_on, missing_notice_due) >= :first
				ORDER BY id""")
			.param("first", loaded.first())
			.param("last", loaded.last())
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			OutletFiling f = filings.findById(id).orElseThrow();
			FilingClock clock = procedure.clockFrom(f.clockStart(), f.regionCode());
			if (clock.dueOn().equals(f.dueOn()) && clock.missingNoticeDue().equals(f.missingNoticeDue())) {
				continue;
			}
			var before = f.snapshot();
			String was = f.dueOn().toString();
			f.recount(clock);
			filings.save(f);
			audit.record(AuditEntry.of("filing.recount", "OutletFiling", f.id(),
					CalendarYearsLoaded.loaded(loaded.first(), loaded.last()) + "，备案" + f.number() + "办理时限由" + was + "改为" + ChineseText.day(f.dueOn()))
				.states(before, f.snapshot())
				.inRegion(f.regionCode()));
			moved++;
		}
		return moved;
	}
}
