package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.InspectionPlans;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The inspection queues of the inbox (我的待办). Bureau staff who write (not leaders), their own bureau's
 * ({@code handling=true}: the plans it made and the orders of its inspections, not a bureau below's, which it reads
 * and takes no step of): 双随机 plans
 * whose inspected targets' results await publication (due the catalogue's {@code inspection.result-publication}
 * working days after each check; overdue ones first), enterprises' rectification reports awaiting acceptance, and
 * orders not rectified past their deadline (to re-inspect or follow as case leads). Enterprise users: the orders
 * awaiting their report, by deadline. Each queue links to its list filtered to exactly what it counts.
 */
@Component
class InspectionWorkQueues implements WorkQueueProvider {

	private final InspectionPlans plans;

	private final InspectionOrders orders;

	private final Clock clock;

	InspectionWorkQueues(InspectionPlans plans, InspectionOrders orders, Clock clock) {
		this.plans = plans;
		this.orders = orders;
		this.clock = clock;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		DataScope scope = user.scope();
		LocalDate today = LocalDate.now(clock);
		if (!user.isStaff()) {
			if (user.enterpriseCreditCode() == null) {
				return List.of();
			}
			var awaiting = open(scope, InspectionOrders.State.AWAITING_REPLY);
			long overdue = orders.countPastDue(scope, InspectionOrders.State.AWAITING_REPLY);
			return List.of(WorkQueue.action("inspection.reply", "/enterprise/inspections/orders?state=AWAITING_REPLY&sort=due_on&dir=asc",
					awaiting.total(), overdue, nearest(awaiting), items(awaiting, "/enterprise/inspections/orders/", today)));
		}
		if (!user.caseHandler()) {
			return List.of();
		}
		List<InspectionPlans.PendingResults> pending = plans.pendingResults(scope);
		WorkQueue results = WorkQueue.action("inspection.publish-results", "/inspections/plans?results=pending&handling=true",
				pending.size(), pending.stream().filter(p -> p.overdue() > 0).count(),
				pending.stream().map(InspectionPlans.PendingResults::nearestDue).min(LocalDate::compareTo).orElse(null),
				pending.stream()
					.map(p -> new WorkQueue.Item(List.of(p.plan().name()), List.of(p.overdue() > 0
							? WorkQueue.Item.message("inspection.queue.awaitingOverdue",
									"待公示" + p.awaiting() + "个，逾期" + p.overdue() + "个", p.awaiting(), p.overdue())
							: WorkQueue.Item.message("inspection.queue.awaiting", "待公示" + p.awaiting() + "个", p.awaiting())),
							"/inspections/plans/" + p.plan().id(),
							p.nearestDue(), p.overdue() > 0))
					.toList());
		// the bureau's own: a county's plans and orders are the county's to do, the city reads them (handling=true)
		var replied = open(scope, InspectionOrders.State.REPLIED);
		WorkQueue accept = WorkQueue.action("inspection.accept", "/inspections/orders?state=REPLIED&handling=true&sort=due_on&dir=asc",
				replied.total(), 0, nearest(replied), items(replied, "/inspections/orders/", null));
		var late = open(scope, InspectionOrders.State.OVERDUE);
		WorkQueue overdue = WorkQueue.action("inspection.overdue", "/inspections/orders?state=OVERDUE&handling=true&sort=due_on&dir=asc",
				late.total(), late.total(), nearest(late), items(late, "/inspections/orders/", today));
		return List.of(results, accept, overdue);
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (objectId == null || !objectId.matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return switch (objectType == null ? "" : objectType) {
			case "inspection" -> Optional.of((user.isStaff() ? "/inspections/records/" : "/enterprise/inspections/records/")
					+ objectId);
			case "inspection-plan" -> user.isStaff() ? Optional.of("/inspections/plans/" + objectId) : Optional.empty();
			case "inspection-item", "inspection-item-list" -> user.isStaff() ? Optional.of("/inspections/items")
					: Optional.empty();
			default -> Optional.empty();
		};
	}

	/**
	 * The most urgent open orders in a state (earliest deadline first), with the total: staff's of their own bureau's
	 * inspections only ({@code handling}, as the links list them), the enterprise's its own.
	 */
	private PageResult<InspectionOrders.Order> open(DataScope scope, InspectionOrders.State state) {
		return orders.list(scope, state, scope.kind() != DataScope.Kind.ENTERPRISE,
				new PageQuery("", 0, WorkQueue.ITEMS, "due_on", false));
	}

	private static LocalDate nearest(PageResult<InspectionOrders.Order> byDue) {
		return byDue.items().isEmpty() ? null : byDue.items().get(0).dueOn();
	}

	/** Each order by 文号 and enterprise, its deadline, overdue when {@code today} is given and the deadline passed. */
	private static List<WorkQueue.Item> items(PageResult<InspectionOrders.Order> result, String path, LocalDate today) {
		return result.items().stream()
			.map(o -> new WorkQueue.Item(o.number(), o.enterpriseName(), path + o.id(), o.dueOn(),
					today != null && o.dueOn().isBefore(today)))
			.toList();
	}
}
