package org.youguan.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.registry.EnterpriseView;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportStatus;
import org.youguan.statistics.Reports;

/**
 * The statistics queues of the inbox. Bureau handlers: reports submitted and waiting for their bureau's approval
 * (one item per report, at the level that decides it, {@link Reports#awaitingDecision}), oldest first.
 * Enterprise users (待报送): the current period of each form it reports that is not yet submitted (with its due date)
 * and every other draft it holds — a correction (更正) of an approved report among them — and reports the bureau
 * returned for correction.
 */
@Component
class StatisticsWorkQueues implements WorkQueueProvider {

	/** The most drafts beside the current periods' the queue lists (an enterprise keeps a few at most). */
	private static final int DRAFTS = 100;

	private final Reports reports;

	private final ReportForms forms;

	private final EnterpriseReporting reporting;

	private final Clock clock;

	StatisticsWorkQueues(Reports reports, ReportForms forms, EnterpriseReporting reporting, Clock clock) {
		this.reports = reports;
		this.forms = forms;
		this.reporting = reporting;
		this.clock = clock;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		DataScope scope = user.scope();
		if (!user.isStaff()) {
			return enterprise(user, scope);
		}
		if (!user.writer()) {
			return List.of();
		}
		// only the reports this bureau decides: a county's is its county bureau's item, not also the city's and province's
		var submitted = reports.awaitingDecision(scope, new PageQuery("", 0, WorkQueue.ITEMS, "submitted_at", false));
		List<WorkQueue.Item> items = submitted.items().stream()
			.map(r -> new WorkQueue.Item(r.enterpriseName(), r.formName() + " · " + r.period(), "/statistics/reports/" + r.id(),
					null, false))
			.toList();
		return List.of(WorkQueue.action("statistics.approve",
				"/statistics/reports?state=OPEN&status=SUBMITTED&deciding=true&sort=submitted_at&dir=asc", submitted.total(), 0, null,
				items));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (!"StatReport".equals(objectType) || objectId == null) {
			return Optional.empty();
		}
		return Optional.of((user.isStaff() ? "/statistics/reports/" : "/enterprise/statistics/reports/") + objectId);
	}

	/**
	 * A draft's line: 草稿, or for a voluntary correction of an approved report (revision 2 on) 更正草稿（第N版） — a draft
	 * in progress owed by no day (the approved revision stands meanwhile).
	 */
	/** A draft's status as its row words it: 草稿, or 更正草稿（第N版） for a correction of an approved report. */
	private static Object statusPart(ReportView r) {
		return r.revision() > 1
				? WorkQueue.Item.message("statistics.queue.correction", "更正草稿（第" + r.revision() + "版）", r.revision())
				: ReportStatus.DRAFT;
	}

	private List<WorkQueue> enterprise(CurrentUser user, DataScope scope) {
		EnterpriseView enterprise;
		try {
			enterprise = reporting.enterprise(user);
		}
		catch (DomainException notRegistered) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<WorkQueue.Item> due = new ArrayList<>();
		List<Long> shown = new ArrayList<>();
		for (ReportForm form : forms.formsFor(enterprise)) {
			Period period = forms.currentPeriod(form);
			if (forms.owing(List.of(enterprise), period).isEmpty()) {
				continue; // licensed after the period ended: nothing owed for it
			}
			ReportView report = reports.list(scope, new Reports.Filter(form.id(), period.code(), null, null),
					new PageQuery("", 0, 1, "period", true)).items().stream().findFirst().orElse(null);
			if (report == null || report.status() == ReportStatus.DRAFT) {
				if (report != null) {
					shown.add(report.id());
				}
				LocalDate dueOn = forms.dueOn(form, period);
				boolean correction = report != null && report.revision() > 1;
				// the period as people write it in Chinese (2026年11月), its code in English (2026-11); the form's name is the bureau's
				due.add(new WorkQueue.Item(List.of(form.name(), WorkQueue.Item.message("statistics.queue.period", period.label(),
						period.label(), period.code())),
						List.of(report == null ? WorkQueue.Item.message("statistics.queue.unfiled", "未填报") : statusPart(report)),
						report == null ? "/enterprise/statistics" : "/enterprise/statistics/reports/" + report.id(),
						correction ? null : dueOn, report == null ? today.isAfter(dueOn) : report.overdue(today)));
			}
		}
		// every other draft is still to be sent: a period before the current one (owed, with its due day) or a voluntary
		// correction (更正) of an approved report — the approved revision stands meanwhile, so a correction is owed by no
		// day: a draft in progress, listed without a due day and never overdue, as /enterprise/statistics?overdue=true
		// leaves it out (ReportView#overdue)
		List<Long> listed = new ArrayList<>(shown);
		reports.list(scope, new Reports.Filter(null, null, ReportStatus.DRAFT, null),
				new PageQuery("", 0, DRAFTS, "period", true)).items().stream()
			.filter(r -> !listed.contains(r.id()))
			.forEach(r -> due.add(new WorkQueue.Item(List.of(r.formName(), r.period()), List.of(statusPart(r)),
					"/enterprise/statistics/reports/" + r.id(), r.revision() > 1 ? null : r.dueOn(),
					r.revision() <= 1 && r.overdue(today))));
		due.sort(Comparator.comparing(WorkQueue.Item::due, Comparator.nullsLast(Comparator.naturalOrder())));
		LocalDate nearest = due.stream().map(WorkQueue.Item::due).filter(java.util.Objects::nonNull).findFirst().orElse(null);
		var returned = reports.list(scope, new Reports.Filter(null, null, ReportStatus.RETURNED, null, WorkState.OPEN),
				new PageQuery("", 0, WorkQueue.ITEMS, "due_on", false));
		List<WorkQueue.Item> returnedItems = returned.items().stream()
			.map(r -> new WorkQueue.Item(r.formName() + " " + r.period(), r.returnReason(),
					"/enterprise/statistics/reports/" + r.id(), r.dueOn(), r.overdue()))
			.toList();
		return List.of(
				WorkQueue.action("statistics.due", "/enterprise/statistics", due.size(),
						due.stream().filter(WorkQueue.Item::overdue).count(), nearest, due),
				// a returned report not sent again by its due date is overdue (ReportView#overdue), as a draft is
				WorkQueue.action("statistics.returned", "/enterprise/statistics?status=RETURNED", returned.total(),
						returnedItems.stream().filter(WorkQueue.Item::overdue).count(),
						returnedItems.isEmpty() ? null : returnedItems.get(0).due(), returnedItems));
	}
}
