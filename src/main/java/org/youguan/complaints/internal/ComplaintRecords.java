package org.youguan.complaints.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.Masking;

/**
 * What every step of a complaint leaves behind, in the step's transaction: a line of public history (what the filer
 * reads on the status page) and an audit event with the states before and after.
 */
@Component
public class ComplaintRecords {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ComplaintRecords(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A line of the public history, in the complaint's current status. */
	public void history(Complaint c, String publicText) {
		jdbc.sql("INSERT INTO complaint_event (complaint_id, occurred_at, status, public_text) VALUES (:id, :at, :status, :text)")
			.param("id", c.id())
			.param("at", Timestamp.from(clock.instant()))
			.param("status", c.status().name())
			.param("text", publicText)
			.update();
	}

	/** An audit event by the signed-in user, with the states before and after the step. */
	public void audit(Complaint c, String action, String summary, Map<String, Object> before) {
		audit.record(AuditEntry.of(action, "Complaint", c.id(), summary).states(before, c.snapshot()).inRegion(c.regionCode()));
	}

	/** An audit event by the filer (public portal; a signed-in clerk entering it is the actor instead). */
	public void auditByFiler(Complaint c, String action, String summary, Map<String, Object> before) {
		audit.recordForPublic(filerActor(c),
				AuditEntry.of(action, "Complaint", c.id(), summary).states(before, c.snapshot()).inRegion(c.regionCode()));
	}

	/** How a public filer appears in the audit trail: masked, never as an anonymous user. */
	static String filerActor(Complaint c) {
		return "申诉人" + Masking.name(c.filerName()) + "（" + c.filerPhoneMasked() + "）";
	}
}
