package org.youguan.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;

/**
 * The readable names of the audit trail: action codes and object types by their message keys
 * ({@code audit.action.<code>}, {@code audit.object.<type>}; the code itself when a module declared none), and object
 * titles with links from the {@link AuditObjects} the modules declare, and each event's readable changes.
 */
@Component
class AuditCatalogue {

	private final MessageSource messages;

	private final Map<String, AuditObjects> objects;

	private final AuditChanges changes;

	private final JdbcClient jdbc;

	AuditCatalogue(MessageSource messages, ObjectProvider<AuditObjects> objects, AuditChanges changes, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.changes = changes;
		this.objects = objects.orderedStream().collect(Collectors.toMap(AuditObjects::objectType, Function.identity()));
	}

	/** The name of an action code in the current language ("受理申诉"), or the code when none is declared. */
	String action(String code) {
		return code == null ? "" : messages.getMessage("audit.action." + code, null, code, LocaleContextHolder.getLocale());
	}

	/** The name of an object type in the current language ("申诉"), or the type when none is declared. */
	String objectType(String type) {
		return type == null ? "" : messages.getMessage("audit.object." + type, null, type, LocaleContextHolder.getLocale());
	}

	/**
	 * An event as a page and an export show it: action name, object title and the link to the object (or null), and its
	 * before/after as the changed fields with their names and readable values ({@link AuditChanges}).
	 */
	record Row(AuditEvent event, String actionName, String objectTitle, String objectLink,
			List<AuditChanges.Change> changes, String regionName) {
	}

	/** The changes of a row as one text, a line per field ("状态：已报送 → 已审核"), for the export. */
	String changesText(Row row) {
		return changes.text(row.changes());
	}

	/** The events with their names, titles and links, looking titles up once per object type. */
	List<Row> rows(DataScope scope, Collection<AuditEvent> events) {
		Map<String, Set<String>> idsByType = new HashMap<>();
		for (AuditEvent e : events) {
			if (e.objectId() != null && objects.containsKey(e.objectType())) {
				idsByType.computeIfAbsent(e.objectType(), t -> new LinkedHashSet<>()).add(e.objectId());
			}
		}
		Map<String, Map<String, AuditObjects.Title>> titles = new HashMap<>();
		idsByType.forEach((type, ids) -> titles.put(type, objects.get(type).titles(scope, ids)));
		Map<String, String> regionNames = regionNames(events);
		// the objects the changed fields refer to (bureauId, departmentId), named once each for this page
		Map<String, String> referred = new HashMap<>();
		BiFunction<String, String, String> named = (type, id) -> !objects.containsKey(type) ? null
				: referred.computeIfAbsent(type + "#" + id, k -> {
					AuditObjects.Title t = objects.get(type).titles(scope, List.of(id)).get(id);
					return t == null ? "" : t.text();
				});
		List<Row> rows = new ArrayList<>(events.size());
		for (AuditEvent e : events) {
			// an event about no one object (an import of many) has no title; a module's map may refuse a null key
			AuditObjects.Title title = e.objectId() == null ? null
					: titles.getOrDefault(e.objectType(), Map.of()).get(e.objectId());
			String typeName = objectType(e.objectType());
			// a title names the object by itself (a complaint number already says 申诉-…): no type name before it
			// the object's live name is free text a person typed (an 安保期's name): masked as the entry itself is
			String text = title != null ? AuditMasking.text(title.text())
					: e.objectId() == null ? typeName : typeName + " #" + e.objectId();
			rows.add(new Row(e, action(e.action()), text, title == null ? null : title.link(),
					changes.of(e, (type, id) -> {
						String name = named.apply(type, id);
						return name == null || name.isEmpty() ? null : name;
					}),
					e.regionCode() == null ? "" : regionNames.getOrDefault(e.regionCode(), e.regionCode())));
		}
		return rows;
	}

	/**
	 * The names of the events' regions (苏州市, 吴中区), read once from the region module's read contract
	 * ({@code region_name}); a code it does not know (the national trail's) stays as it is.
	 */
	private Map<String, String> regionNames(Collection<AuditEvent> events) {
		Set<String> codes = events.stream()
			.map(AuditEvent::regionCode)
			.filter(c -> c != null && !c.isEmpty())
			.collect(Collectors.toSet());
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new HashMap<>();
		jdbc.sql("SELECT code, name FROM region_name WHERE code IN (:codes)")
			.param("codes", codes)
			.query((rs, n) -> names.put(rs.getString("code"), rs.getString("name")))
			.list();
		return names;
	}
}
