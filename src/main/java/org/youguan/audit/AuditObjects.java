package org.youguan.audit;

import java.util.Collection;
import java.util.Map;

import org.youguan.kernel.DataScope;

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
}
