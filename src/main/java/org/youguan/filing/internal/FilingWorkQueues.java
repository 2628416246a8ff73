package org.youguan.filing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.filing.FilingStatus;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The filing queues of the inbox. Bureau handlers: filings with the bureau to decide (the statutory clock's due date).
 * Enterprise users: filings returned for missing items to supplement, and those with the bureau to follow.
 */
@Component
class FilingWorkQueues implements WorkQueueProvider {

	private final OutletFilings filings;

	private final Clock clock;

	FilingWorkQueues(OutletFilings filings, Clock clock) {
		this.filings = filings;
		this.clock = clock;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		DataScope scope = user.scope();
		if (!user.isStaff()) {
			var missing = open(scope, FilingStatus.MISSING_ITEMS, "submitted_on");
			var waiting = open(scope, FilingStatus.SUBMITTED, "due_on");
			return List.of(
					WorkQueue.action("filing.supplement", "/enterprise/filings?status=MISSING_ITEMS", missing.total(), 0, null,
							items(missing, "/enterprise/filings/", false)),
					WorkQueue.tracking("filing.in-progress", "/enterprise/filings?status=SUBMITTED", waiting.total(),
							nearest(waiting), items(waiting, "/enterprise/filings/", false)));
		}
		if (!handles(user)) {
			return List.of();
		}
		var review = open(scope, FilingStatus.SUBMITTED, "due_on");
		// the filings its own bureau decides: a county's are the county bureau's, the city and the province read them
		long overdue = filings.list(scope, new OutletFilings.Filter(FilingStatus.SUBMITTED, WorkState.OPEN, true, null),
				new PageQuery("", 0, 1, "due_on", false), true).total();
		return List.of(WorkQueue.action("filing.review", "/filing/queue?state=OPEN&status=SUBMITTED&handling=true&sort=due_on&dir=asc",
				review.total(), overdue, nearest(review), items(review, "/filing/", true)));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (!"OutletFiling".equals(objectType) || objectId == null) {
			return Optional.empty();
		}
		return Optional.of((user.isStaff() ? "/filing/" : "/enterprise/filings/") + objectId);
	}

	/** Who decides filings: the handlers of {@link FilingController#HANDLERS}, not leaders. */
	private static boolean handles(CurrentUser user) {
		return user.writer();
	}

	private PageResult<FilingView> open(DataScope scope, FilingStatus status, String sort) {
		return filings.list(scope, new OutletFilings.Filter(status, WorkState.OPEN, false, null),
				new PageQuery("", 0, WorkQueue.ITEMS, sort, false), true);
	}

	private static LocalDate nearest(PageResult<FilingView> sortedByDue) {
		return sortedByDue.items().isEmpty() ? null : sortedByDue.items().get(0).dueOn();
	}

	/** Staff see each filing's enterprise and the statutory due date; an enterprise its own filing's step. */
	private List<WorkQueue.Item> items(PageResult<FilingView> result, String path, boolean staff) {
		LocalDate today = LocalDate.now(clock);
		return result.items().stream()
			.map(f -> new WorkQueue.Item(List.of(f.number(), f.outletName()),
					List.of(f.kind(), staff ? f.enterpriseName() : f.status()), path + f.id(),
					staff ? f.dueOn() : null, staff && f.dueOn() != null && f.dueOn().isBefore(today)))
			.toList();
	}
}
