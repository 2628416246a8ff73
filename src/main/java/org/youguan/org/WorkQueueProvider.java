package org.youguan.org;

import java.util.List;
import java.util.Optional;

/**
 * The inbox contract (我的待办 / 已办). Each business module contributes one package-private bean implementing it for
 * its own queues; the web shell collects every bean and shows the queues most urgent first. A module answers within the
 * user's scope and role only — queues a user may not act on are not returned at all — and never calls the web shell.
 * New modules (inspections, penalty cases, licensing) add their queues by adding a bean.
 */
public interface WorkQueueProvider {

	/**
	 * The queues this module holds for {@code user} (an empty queue may be returned so the user sees it is clear; a
	 * queue the user has no part in is not returned).
	 */
	List<WorkQueue> queuesFor(CurrentUser user);

	/**
	 * The page of one of this module's objects as the audit trail names it ({@code objectType}, {@code objectId}), for
	 * {@code user}'s 已办 list; empty when the type is not this module's or the user has no page for it.
	 */
	default Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		return Optional.empty();
	}
}
