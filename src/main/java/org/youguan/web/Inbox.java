package org.youguan.web;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The home pages' inbox: 我的待办 from every module's {@link WorkQueueProvider}, most urgent first, and 已办 — the user's own
 * recent changes from the audit trail, each linked to its object where a module knows the page.
 */
@Component
class Inbox {

	/** One handled event and the page of its object (null when no module knows one). */
	record Done(AuditEvent event, String link) {
	}

	private final ObjectProvider<WorkQueueProvider> providers;

	private final AuditTrail audit;

	Inbox(ObjectProvider<WorkQueueProvider> providers, AuditTrail audit) {
		this.providers = providers;
		this.audit = audit;
	}

	/** Every queue the modules hold for the user, most urgent first ({@link WorkQueue#MOST_URGENT_FIRST}). */
	List<WorkQueue> queues(CurrentUser user) {
		return providers.orderedStream()
			.flatMap(p -> p.queuesFor(user).stream())
			.sorted(WorkQueue.MOST_URGENT_FIRST)
			.toList();
	}

	/** The user's latest changes, newest first. */
	List<Done> done(CurrentUser user, int limit) {
		List<WorkQueueProvider> all = providers.orderedStream().toList();
		return audit.handledBy(user.id(), limit)
			.stream()
			.map(e -> new Done(e, link(all, user, e).orElse(null)))
			.toList();
	}

	private static Optional<String> link(List<WorkQueueProvider> providers, CurrentUser user, AuditEvent e) {
		return providers.stream()
			.map(p -> p.linkFor(user, e.objectType(), e.objectId()))
			.flatMap(Optional::stream)
			.findFirst();
	}
}
