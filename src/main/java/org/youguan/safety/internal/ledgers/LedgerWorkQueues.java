package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The ledgers' inbox queues. Staff who write: 隐患 overdue and due soon that their bureau acts on (to press for
 * rectification or close: those it recorded, and those no bureau recorded in the regions it handles — not another
 * bureau's row in its region, {@code Corrections#actionable}), and the 寄递安保期 daily reports missing for past days. An enterprise user: its own open hazards to rectify,
 * the nearest deadline first, and its missing daily reports.
 */
@Component
class LedgerWorkQueues implements WorkQueueProvider {

	private final Hazards hazards;

	private final SecurityPeriods periods;

	LedgerWorkQueues(Hazards hazards, SecurityPeriods periods) {
		this.hazards = hazards;
		this.periods = periods;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		DataScope scope = user.scope();
		if (!user.isStaff()) {
			var open = hazards(scope, Hazards.Status.OPEN);
			long overdue = hazards.count(scope, Hazards.Status.OVERDUE);
			return List.of(WorkQueue.action("safety.hazards.rectify", HazardController.PORTAL + "?status=OPEN&sort=deadline&dir=asc",
					open.total(), overdue, nearest(open), items(open, HazardController.PORTAL)),
					missingReports("safety.periods.report", scope, PeriodController.PORTAL));
		}
		if (!user.writer()) {
			return List.of();
		}
		// only the hazards the bureau acts on: a row another bureau recorded in its region, or one a bureau below
		// recorded, is read there and acted on by its owner (Corrections.requireOwn) — never a to-do here; the links
		// (handling=true) list exactly these
		var overdue = actionable(user, Hazards.Status.OVERDUE);
		var soon = actionable(user, Hazards.Status.DUE_SOON);
		return List.of(
				WorkQueue.action("safety.hazards.overdue", HazardController.STAFF + "?status=OVERDUE&handling=true&sort=deadline&dir=asc",
						overdue.total(), overdue.total(), nearest(overdue), items(overdue, HazardController.STAFF)),
				WorkQueue.action("safety.hazards.due-soon", HazardController.STAFF + "?status=DUE_SOON&handling=true&sort=deadline&dir=asc",
						soon.total(), 0, nearest(soon), items(soon, HazardController.STAFF)),
				missingReports("safety.periods.missing", scope, PeriodController.STAFF));
	}

	/**
	 * Daily reports of active 寄递安保期 not filed: past days for staff, any day (today included) for an enterprise; the
	 * link lists exactly these ({@code …/periods/missing}).
	 */
	private WorkQueue missingReports(String queue, DataScope scope, String base) {
		List<SecurityPeriods.Missing> missing = periods.missing(scope);
		return WorkQueue.action(queue, base + "/missing", missing.size(), 0,
				missing.isEmpty() ? null : missing.get(0).day(),
				missing.stream()
					.map(m -> new WorkQueue.Item(m.period().name() + " " + m.day(), m.enterpriseName(),
							base + "/" + m.period().id(), m.day(), false))
					.toList());
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (objectId == null) {
			return Optional.empty();
		}
		if (Hazards.AUDIT_TYPE.equals(objectType)) {
			return Optional.of((user.isStaff() ? HazardController.STAFF : HazardController.PORTAL) + "/" + objectId);
		}
		if (SecurityPeriods.AUDIT_TYPE.equals(objectType)) {
			return Optional.of((user.isStaff() ? PeriodController.STAFF : PeriodController.PORTAL) + "/" + objectId);
		}
		if (Incidents.AUDIT_TYPE.equals(objectType)) {
			return Optional.of((user.isStaff() ? IncidentController.STAFF : IncidentController.PORTAL) + "/" + objectId);
		}
		if (Contractors.AUDIT_TYPE.equals(objectType) && user.isStaff()) {
			return Optional.of(ScreeningController.CONTRACTORS + "/" + objectId);
		}
		return Optional.empty();
	}

	private PageResult<HazardView> hazards(DataScope scope, Hazards.Status status) {
		return hazards.list(scope, new Hazards.Filter(null, status, null),
				new PageQuery("", 0, WorkQueue.ITEMS, "deadline", false));
	}

	private PageResult<HazardView> actionable(CurrentUser user, Hazards.Status status) {
		return hazards.actionable(user, status, new PageQuery("", 0, WorkQueue.ITEMS, "deadline", false));
	}

	private static LocalDate nearest(PageResult<HazardView> byDeadline) {
		return byDeadline.items().isEmpty() ? null : byDeadline.items().get(0).deadline();
	}

	private static List<WorkQueue.Item> items(PageResult<HazardView> result, String base) {
		return result.items().stream()
			.map(h -> new WorkQueue.Item(List.of(h.level(), h.enterpriseName()), Arrays.asList(h.description()),
					base + "/" + h.id(), h.deadline(), h.overdue()))
			.toList();
	}
}
