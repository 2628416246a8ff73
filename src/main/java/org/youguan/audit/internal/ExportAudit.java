package org.youguan.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetExported;
import org.youguan.kernel.RequestPath;

/**
 * One audit entry ({@code data.export}) for every list exported as a spreadsheet, whichever module's list it is: who,
 * when, from which address (the trail's own columns), what list under which address of the application, and how many
 * rows — never a value of the rows nor the request's filters (a search text may be a person's name or phone). Recorded
 * synchronously, before the file leaves, in a transaction of its own when the export runs in none.
 */
@Component
class ExportAudit {

	static final String ACTION = "data.export";

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	ExportAudit(AuditTrail audit, TransactionTemplate tx) {
		this.audit = audit;
		this.tx = tx;
	}

	@EventListener
	void record(SheetExported export) {
		String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
				? RequestPath.routed(attrs.getRequest()) : null;
		String summary = "导出“" + export.sheetName() + "”" + export.rows() + "行" + (path == null ? "" : "（" + path + "）");
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of(ACTION, "Export", null, summary)));
	}
}
