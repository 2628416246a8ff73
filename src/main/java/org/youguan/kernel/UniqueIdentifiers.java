package org.youguan.kernel;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one check every uniqueness rule on an identifier runs (a filing number, a machine serial, a licence or
 * certificate number, a 文号 …): whether a row holds the identifier or a look-alike of it under {@link Text#identifierKey}
 * (letter case, spaces, dashes and underscores folded), under a {@link TransactionLocks} lock on the key, so two
 * look-alikes sent at once are ordered and the second one's check sees the first one's row. The unique indexes compare
 * the value as written; the largest identifier columns have an index on the key (V251: outlet filing numbers, machine
 * serials, licence numbers; V252: decision 文号), which the query's expression matches.
 */
public final class UniqueIdentifiers {

	private UniqueIdentifiers() {
	}

	/**
	 * Whether a row of {@code table} other than those {@code condition} leaves out holds {@code identifier} or a
	 * look-alike of it in {@code column}. Holds the lock on the table, column and key until the caller's transaction ends.
	 * @param table the module's own table
	 * @param column the column holding the identifier as stored ({@link Text#identifier} or {@link Text#documentNumber})
	 * @param identifier the identifier as it would be stored
	 * @param condition more of the WHERE clause ("region_code = :region", "id <> :self"), or "" for none
	 * @param params the condition's parameters
	 */
	public static boolean taken(JdbcClient jdbc, String table, String column, String identifier, String condition,
			Map<String, ?> params) {
		String key = Text.identifierKey(identifier);
		TransactionLocks.hold(jdbc, table + "." + column + ":" + key);
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + Text.identifierKeySql(column)
				+ " = :identifierKey" + (condition.isEmpty() ? "" : " AND " + condition) + ")")
			.params(params)
			.param("identifierKey", key)
			.query(Boolean.class)
			.single();
	}

	/**
	 * {@link #taken} for many identifiers at once (a sheet's column, checked before its rows are inserted in batches):
	 * the keys ({@link Text#identifierKey}) of {@code identifiers} that a row of {@code table} already holds in
	 * {@code column}. Holds the lock of every key, taken in key order (two imports at once cannot deadlock), until the
	 * caller's transaction ends — so a look-alike registered or imported meanwhile waits for this import, and its own
	 * check then sees this import's rows.
	 * @param identifiers the identifiers as they would be stored; nulls and blanks are passed over
	 * @return the keys taken (a subset of the identifiers' keys), empty when none
	 */
	public static Set<String> takenKeys(JdbcClient jdbc, String table, String column, Collection<String> identifiers) {
		Set<String> keys = new TreeSet<>();
		identifiers.stream().filter(Objects::nonNull).map(Text::identifierKey).filter(k -> !k.isEmpty()).forEach(keys::add);
		if (keys.isEmpty()) {
			return Set.of();
		}
		keys.forEach(key -> TransactionLocks.hold(jdbc, table + "." + column + ":" + key));
		String key = Text.identifierKeySql(column);
		return new HashSet<>(jdbc.sql("SELECT " + key + " FROM " + table + " WHERE " + key + " = ANY (:keys)")
			.param("keys", keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}
}
