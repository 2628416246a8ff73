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
import org.youguan.org.Todo;
import org.youguan.org.TodoProvider;
import org.youguan.registry.EnterpriseView;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportStatus;
import org.youguan.statistics.Reports;

/**
 * The statistics queues of the inbox. Bureau handlers: reports submitted and waiting for approval, oldest first.
 * Enterprise users: the current period of each form it reports that is not yet submitted (with its due date), and
 * reports the bureau returned for correction.
 */
@Component
class StatisticsTodos implements TodoProvider {

	private final Reports reports;

	private final ReportForms forms;

	private final EnterpriseReporting reporting;

	private final Clock clock;

	StatisticsTodos(Reports reports, ReportForms forms, EnterpriseReporting reporting, Clock clock) {
		this.reports = reports;
		this.forms = forms;
		this.reporting = reporting;
		this.clock = clock;
	}

	@Override
	public List<Todo> todosFor(CurrentUser user) {
		DataScope scope = user.scope();
		if (!user.isStaff()) {
			return enterprise(user, scope);
		}
		if (!user.writer()) {
			return List.of();
		}
		var submitted = reports.list(scope, new Reports.Filter(null, null, ReportStatus.SUBMITTED, null, WorkState.OPEN),
				new PageQuery("", 0, Todo.ITEMS, "submitted_at", false));
		List<Todo.Item> items = submitted.items().stream()
			.map(r -> new Todo.Item(r.enterpriseName(), r.formName() + " · " + r.period(), "/statistics/reports/" + r.id(),
					null, false))
			.toList();
		return List.of(Todo.action("statistics.approve",
				"/statistics/reports?state=OPEN&status=SUBMITTED&sort=submitted_at&dir=asc", submitted.total(), 0, null,
				items));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (!"StatReport".equals(objectType) || objectId == null) {
			return Optional.empty();
		}
		return Optional.of((user.isStaff() ? "/statistics/reports/" : "/enterprise/statistics/reports/") + objectId);
	}

	private List<Todo> enterprise(CurrentUser user, DataScope scope) {
		EnterpriseView enterprise;
		try {
			enterprise = reporting.enterprise(user);
		}
		catch (DomainException notRegistered) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<Todo.Item> due = new ArrayList<>();
		for (ReportForm form : forms.formsFor(enterprise)) {
			Period period = forms.currentPeriod(form);
			ReportView report = reports.list(scope, new Reports.Filter(form.id(), period.code(), null, null),
					new PageQuery("", 0, 1, "period", true)).items().stream().findFirst().orElse(null);
			if (report == null || report.status() == ReportStatus.DRAFT) {
				LocalDate dueOn = forms.dueOn(form, period);
				due.add(new Todo.Item(form.name() + " " + period.label(),
						report == null ? "未填报" : ReportStatus.DRAFT.label(),
						report == null ? "/enterprise/statistics" : "/enterprise/statistics/reports/" + report.id(), dueOn,
						dueOn.isBefore(today)));
			}
		}
		due.sort(Comparator.comparing(Todo.Item::due));
		var returned = reports.list(scope, new Reports.Filter(null, null, ReportStatus.RETURNED, null, WorkState.OPEN),
				new PageQuery("", 0, Todo.ITEMS, "due_on", false));
		List<Todo.Item> returnedItems = returned.items().stream()
			.map(r -> new Todo.Item(r.formName() + " " + r.period(), r.returnReason(),
					"/enterprise/statistics/reports/" + r.id(), r.dueOn(), false))
			.toList();
		return List.of(
				Todo.action("statistics.due", "/enterprise/statistics", due.size(),
						due.stream().filter(Todo.Item::overdue).count(), due.isEmpty() ? null : due.get(0).due(), due),
				Todo.action("statistics.returned", "/enterprise/statistics", returned.total(), 0,
						returnedItems.isEmpty() ? null : returnedItems.get(0).due(), returnedItems));
	}
}
