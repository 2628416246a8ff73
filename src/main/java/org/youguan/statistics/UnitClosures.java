package org.youguan.statistics;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.registry.EnterpriseCancelled;

/**
 * Keeps the day an enterprise was cancelled (注销, {@link EnterpriseCancelled}) for the reporting rules: it still owes
 * the reports of the periods it operated in ({@link ReportForms#owing}), so the 应报 of a past period does not shrink
 * when a unit closes later. Runs after the cancellation commits; a redelivered event keeps the first day.
 */
@Component
class UnitClosures {

	private final ReportForms forms;

	UnitClosures(ReportForms forms) {
		this.forms = forms;
	}

	@ApplicationModuleListener
	void on(EnterpriseCancelled cancelled) {
		forms.closed(cancelled.enterpriseId(), cancelled.cancelledOn());
	}
}
