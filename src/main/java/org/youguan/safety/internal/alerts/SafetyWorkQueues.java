package org.youguan.safety.internal.alerts;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The safety centre's inbox queue: open anomaly alerts of the user's region, newest first, for staff who act on them
 * (not leaders, not enterprises).
 */
@Component
class SafetyWorkQueues implements WorkQueueProvider {

	private final Alerts alerts;

	SafetyWorkQueues(Alerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		if (!user.isStaff() || !user.writer()) {
			return List.of();
		}
		var open = alerts.list(user.scope(), null, "OPEN", new PageQuery("", 0, WorkQueue.ITEMS, "day", true));
		return List.of(WorkQueue.action("safety.alerts", "/safety/alerts?status=OPEN", open.total(), 0, null,
				open.items()
					.stream()
					.map(a -> new WorkQueue.Item(List.of(a.rule(), "· " + a.day()), a.detail() == null ? List.of() : List.of(a.detailWords()), "/safety/alerts/" + a.id(),
							null, false))
					.toList()));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		return "SafetyAlert".equals(objectType) && objectId != null && user.isStaff()
				? Optional.of("/safety/alerts/" + objectId) : Optional.empty();
	}
}
