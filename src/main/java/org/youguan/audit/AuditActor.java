package org.youguan.audit;

/**
 * Who acts, as the audit trail records it. The signed-in principal implements this.
 */
public interface AuditActor {

	String auditName();

	Long auditUserId();

	Long auditBureauId();

	/** The actor's own region (bureau region for staff), used when an event names no region of its own. */
	String auditRegionCode();
}
