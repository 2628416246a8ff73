package org.youguan.web;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.org.CurrentUser;
import org.youguan.org.Todo;
import org.youguan.org.TodoProvider;

/**
 * The home pages' inbox: 我的待办 from every module's {@link TodoProvider}, most urgent first, and 已办 — the user's own
 * recent changes from the audit trail, each linked to its object where a module knows the page.
 */
@Component
class Inbox {

	/** One handled event and the page of its object (null when no module knows one). */
	record Done(AuditEvent event, String link) {
	}

	private final ObjectProvider<TodoProvider> providers;

	private final AuditTrail audit;

	Inbox(ObjectProvider<TodoProvider> providers, AuditTrail audit) {
		this.providers = providers;
		this.audit = audit;
	}

	/** Every queue the modules hold for the user, most urgent first ({@link Todo#MOST_URGENT_FIRST}). */
	List<Todo> todos(CurrentUser user) {
		return providers.orderedStream()
			.flatMap(p -> p.todosFor(user).stream())
			.sorted(Todo.MOST_URGENT_FIRST)
			.toList();
	}

	/** The user's latest changes, newest first. */
	List<Done> done(CurrentUser user, int limit) {
		List<TodoProvider> all = providers.orderedStream().toList();
		return audit.handledBy(user.id(), limit)
			.stream()
			.map(e -> new Done(e, link(all, user, e).orElse(null)))
			.toList();
	}

	private static Optional<String> link(List<TodoProvider> providers, CurrentUser user, AuditEvent e) {
		return providers.stream()
			.map(p -> p.linkFor(user, e.objectType(), e.objectId()))
			.flatMap(Optional::stream)
			.findFirst();
	}
}
