package org.youguan.complaints.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Rows;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.platform.ChinaTime;

/**
 * When years of the holiday notice are loaded, the open complaints whose clock spans them have their due dates counted
 * again from the same start days: the 30-day answer limit (邮政法(2015) art.65) from receipt, the transfer limit from
 * receipt while not yet transferred, and the current step's — the reply from the transfer, the redo from the latest
 * return, the call-back from the reply. A date computed on the provisional calendar (weekends and statutory holidays
 * only) thus becomes the date under the notice. Finished complaints keep their dates, and a reply already marked late
 * stays late. The recount uses the rule values in force now; each moved date is audited.
 */
@Component
class ComplaintDeadlineRecount {

	private static final Logger log = LoggerFactory.getLogger(ComplaintDeadlineRecount.class);

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private final ComplaintRepository complaints;

	private final ComplaintStore store;

	private final StatutoryRules rules;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ComplaintDeadlineRecount(ComplaintRepository complaints, ComplaintStore store, StatutoryRules rules, JdbcClient jdbc, AuditTrail audit) {
		this.complaints = complaints;
		this.store = store;
		this.rules = rules;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = recount(loaded);
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open complaints' due dates recomputed", loaded.years(), moved);
		}
	}

	/** Recounts the open complaints whose clock (receipt to the latest due date) touches the loaded years. */
	int recount(CalendarYearsLoaded loaded) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM complaint
				WHERE status NOT IN ('REJECTED', 'CLOSED', 'WITHDRAWN') AND received_on <= :last
				  AND greatest(answer_due, transfer_due, coalesce(step_due, answer_due)) >= :first
				ORDER BY id""")
			.param("first", loaded.first())
			.param("last", loaded.last())
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			Complaint c = complaints.findById(id).orElseThrow();
			String county = c.regionCode().substring(0, 6);
			LocalDate transferDue = rules.deadline(StatutoryRule.COMPLAINT_TRANSFER, c.receivedOn(), county);
			LocalDate answerDue = rules.deadline(StatutoryRule.COMPLAINT_ANSWER_LIMIT, c.receivedOn(), county);
			LocalDate stepDue = Complaint.withinAnswerDue(switch (c.status()) {
				case RECEIVED -> transferDue;
				case TRANSFERRED -> rules.deadline(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, c.transferredOn(), county);
				case RETURNED -> rules.deadline(StatutoryRule.COMPLAINT_REDO, returnedOn(c), county);
				case REPLIED, CALLBACK -> rules.deadline(StatutoryRule.COMPLAINT_CALLBACK, c.repliedOn(), county);
				case REJECTED, CLOSED, WITHDRAWN -> c.stepDue();
			}, answerDue);
			boolean same = answerDue.equals(c.answerDue()) && Objects.equals(stepDue, c.stepDue())
					&& (c.status() != ComplaintStatus.RECEIVED || transferDue.equals(c.transferDue()));
			if (same) {
				continue;
			}
			var before = c.snapshot();
			String was = c.stepDue() + "／" + c.answerDue();
			c.recount(transferDue, answerDue, stepDue);
			store.save(c);
			audit.record(AuditEntry.of("complaint.recount", "Complaint", c.id(),
					CalendarYearsLoaded.loaded(loaded.first(), loaded.last()) + "，" + c.number() + "环节时限／答复期限由" + was + "改为"
							+ ChineseText.day(c.stepDue()) + "／" + ChineseText.day(c.answerDue()))
				.states(before, c.snapshot())
				.inRegion(c.regionCode()));
			moved++;
		}
		return moved;
	}

	/** The day of the latest 退回重办 (China time), from the complaint's public history. */
	private LocalDate returnedOn(Complaint c) {
		return jdbc.sql("SELECT max(occurred_at) FROM complaint_event WHERE complaint_id = :id AND status = 'RETURNED'")
			.param("id", c.id())
			.query(Rows.of(Instant.class))
			.optional()
			.map(t -> t.atZone(CHINA).toLocalDate())
			.orElse(c.repliedOn());
	}
}
