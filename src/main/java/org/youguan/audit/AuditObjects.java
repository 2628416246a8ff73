package org.youguan.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * What a module contributes so the audit trail can show its objects by their titles with links — "申诉-320506-2026-000069"
 * linking to the complaint's page instead of "Complaint 724". A module declares one bean per object type it records
 * (the {@code objectType} of its {@link AuditEntry}s); the audit module knows none of them. Their display names, and
 * those of the module's action codes, are the message keys {@code audit.object.<type>} and
 * {@code audit.action.<code>}.
 */
public interface AuditObjects {

	/** The object type as recorded in {@link AuditEntry#objectType()}, e.g. {@code "Complaint"}. */
	String objectType();

	/**
	 * The titles of these objects (ids as recorded) the caller may read: each with the link to its page, or without a
	 * link when the caller sees the object's title but not its page. Objects the caller may not read, or that are gone,
	 * are left out (the trail then shows the type's name and the id). Called once per listed page with at most its ids.
	 */
	Map<String, Title> titles(DataScope scope, Collection<String> ids);

	/**
	 * An object's title (its number or name) and the link to its page, or null.
	 */
	record Title(String text, String link) {
	}

	/**
	 * The usual declaration: objects with numeric ids, each read through the module's scoped single-record read
	 * ({@code title} gets the caller's scope and the id and throws not-found or a refusal when the caller may not read
	 * it). Ids that are not numbers, and objects the reader may not read, are left out.
	 * @param objectType the type as recorded, e.g. {@code "TerminalOutlet"}
	 */
	static AuditObjects of(String objectType, BiFunction<DataScope, Long, Title> title) {
		return ofMany(objectType, (scope, ids) -> {
			Map<Long, Title> titles = new LinkedHashMap<>();
			for (Long id : ids) {
				try {
					titles.put(id, title.apply(scope, id));
				}
				catch (DomainException | AccessRefusedException ex) {
					// not the reader's: the trail shows the type and the id
				}
			}
			return titles;
		});
	}

	/**
	 * The batch declaration: objects with numeric ids, read with one scoped query for all ids of a listed page
	 * ({@code titles} gets the caller's scope and the ids and answers the titles of those the caller may read, leaving
	 * out the others). Ids that are not numbers are left out before the read.
	 * @param objectType the type as recorded, e.g. {@code "ExpressLicence"}
	 */
	static AuditObjects ofMany(String objectType, BiFunction<DataScope, Collection<Long>, Map<Long, Title>> titles) {
		return new AuditObjects() {

			@Override
			public String objectType() {
				return objectType;
			}

			@Override
			public Map<String, Title> titles(DataScope scope, Collection<String> ids) {
				Map<String, Long> numbers = new LinkedHashMap<>();
				for (String id : ids) {
					try {
						numbers.put(id, Long.parseLong(id));
					}
					catch (NumberFormatException ex) {
						// not an id of this type: the trail shows the type and the id
					}
				}
				if (numbers.isEmpty()) {
					return Map.of();
				}
				Map<Long, Title> found = titles.apply(scope, Set.copyOf(numbers.values()));
				Map<String, Title> result = new LinkedHashMap<>();
				numbers.forEach((id, number) -> {
					Title title = found.get(number);
					if (title != null) {
						result.put(id, title);
					}
				});
				return result;
			}
		};
	}
}
