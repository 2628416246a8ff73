package org.youguan.complaints.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.ComplaintView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The complaint queues of the inbox, each counted with the queue page's own filter so the count is what the link
 * shows. Bureau handlers: to accept and transfer (2 working days), to call back (3 working days from the reply), in
 * call-back to close, and replies the enterprise owes past their date (to chase). Enterprise users: complaints waiting
 * for its reply, with the reply's due date. A bureau's queues hold only the complaints it handles
 * ({@code Filter#handledHere}, the links' {@code handling=true}): a county's complaint is the county bureau's to do, not
 * also the city's and the province's, whose staff read it and take none of its steps.
 */
@Component
class ComplaintWorkQueues implements WorkQueueProvider {

	private final ComplaintQueries complaints;

	ComplaintWorkQueues(ComplaintQueries complaints) {
		this.complaints = complaints;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		DataScope scope = user.scope();
		if (!user.isStaff()) {
			return List.of(queue(scope, "complaint.reply", "/enterprise/complaints?state=OPEN&awaitingReply=true",
					null, true, "/enterprise/complaints/"));
		}
		if (!user.caseHandler()) {
			return List.of();
		}
		return List.of(
				queue(scope, "complaint.accept", "/complaints?state=OPEN&status=RECEIVED&handling=true&sort=step_due&dir=asc",
						ComplaintStatus.RECEIVED, false, "/complaints/"),
				queue(scope, "complaint.callback", "/complaints?state=OPEN&status=REPLIED&handling=true&sort=step_due&dir=asc",
						ComplaintStatus.REPLIED, false, "/complaints/"),
				queue(scope, "complaint.close", "/complaints?state=OPEN&status=CALLBACK&handling=true&sort=step_due&dir=asc",
						ComplaintStatus.CALLBACK, false, "/complaints/"),
				lateReplies(scope));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (!"Complaint".equals(objectType) || objectId == null) {
			return Optional.empty();
		}
		return Optional.of((user.isStaff() ? "/complaints/" : "/enterprise/complaints/") + objectId);
	}

	private WorkQueue queue(DataScope scope, String name, String link, ComplaintStatus status, boolean awaitingReply,
			String path) {
		// a bureau's queue holds the complaints it handles (an enterprise's scope is its own complaints already)
		var open = list(scope, new ComplaintQueries.Filter(status, null, null, WorkState.OPEN, awaitingReply, false, true));
		long overdue = complaints.count(scope,
				new ComplaintQueries.Filter(status, true, null, WorkState.OPEN, awaitingReply, false, true));
		return WorkQueue.action(name, link, open.total(), overdue, nearest(open), items(open, path));
	}

	/** Replies the enterprise owes past the date: the bureau chases them (the enterprise's lateness is on record). */
	private WorkQueue lateReplies(DataScope scope) {
		var late = list(scope, new ComplaintQueries.Filter(null, true, null, WorkState.OPEN, true, false, true));
		return WorkQueue.action("complaint.late-reply",
				"/complaints?state=OPEN&awaitingReply=true&overdue=true&handling=true&sort=step_due&dir=asc", late.total(), late.total(),
				nearest(late), items(late, "/complaints/"));
	}

	private PageResult<ComplaintView> list(DataScope scope, ComplaintQueries.Filter filter) {
		return complaints.list(scope, filter, new PageQuery("", 0, WorkQueue.ITEMS, "step_due", false));
	}

	private static LocalDate nearest(PageResult<ComplaintView> sortedByDue) {
		return sortedByDue.items().isEmpty() ? null : sortedByDue.items().get(0).stepDue();
	}

	/** Staff see the respondent enterprise of each; an enterprise (its own complaints) status and category. */
	private static List<WorkQueue.Item> items(PageResult<ComplaintView> result, String path) {
		boolean staff = !path.startsWith("/enterprise/");
		return result.items().stream()
			.map(c -> new WorkQueue.Item(List.of(c.number()), Arrays.asList(c.status(),
					// the category by the bundle's complaint.category.<category>, as the complaint pages word it
					c.category() == null ? null : WorkQueue.Item.message("complaint.category." + c.category(), c.category()),
					staff ? c.enterpriseName() : null), path + c.id(), c.stepDue(), c.overdue()))
			.toList();
	}
}
