package org.youguan.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.youguan.kernel.Text;

/**
 * A Flyway migration written in Java because it needs what the database must not hold — a key — such as encrypting a
 * column of personal data in place: schema change, every row rewritten in batches, the clear column dropped, all in
 * the one transaction Flyway runs it in (so a failure leaves the clear column as it was, and the migration runs again
 * on the next start). Declared as a Spring bean, which Spring Boot hands to Flyway; the version comes from the subclass,
 * so the class name can say what it does.
 */
public abstract class DataMigration implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(DataMigration.class);

	/** Rows rewritten per statement batch. */
	protected static final int BATCH = 1_000;

	private final MigrationVersion version;

	private final String description;

	protected DataMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public final void migrate(Context context) throws Exception {
		migrate(context.getConnection());
	}

	/** Does the migration on Flyway's connection (inside its transaction). */
	protected abstract void migrate(Connection connection) throws SQLException;

	/** Runs each statement. */
	protected static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement s = connection.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
	}

	/** One row to rewrite: its key and the values of the update's parameters after the key. */
	public interface RowRewrite {

		/** The parameters for the update statement (the row's id is bound last). */
		Object[] values(ResultSet row) throws SQLException;
	}

	/**
	 * Reads the rows of {@code select} (whose first column is the id) and runs {@code update} (whose last parameter is
	 * the id) for each, with the values {@code rewrite} computes, in batches; returns how many rows were rewritten.
	 */
	protected static int rewrite(Connection connection, String select, String update, RowRewrite rewrite)
			throws SQLException {
		int count = 0;
		try (Statement read = connection.createStatement(); PreparedStatement write = connection.prepareStatement(update)) {
			read.setFetchSize(BATCH);
			try (ResultSet rows = read.executeQuery(select)) {
				List<Object[]> pending = new ArrayList<>();
				while (rows.next()) {
					Object[] values = rewrite.values(rows);
					Object[] all = Arrays.copyOf(values, values.length + 1);
					all[values.length] = rows.getLong(1);
					pending.add(all);
					if (pending.size() == BATCH) {
						count += flush(write, pending);
					}
				}
				count += flush(write, pending);
			}
		}
		return count;
	}

	private static int flush(PreparedStatement write, List<Object[]> rows) throws SQLException {
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				write.setObject(i + 1, row[i]);
			}
			write.addBatch();
		}
		int n = rows.size();
		if (n > 0) {
			write.executeBatch();
		}
		rows.clear();
		return n;
	}

	/**
	 * Rewrites every value of {@code column} of {@code table} — a copy of an identifier, in no unique index — as
	 * {@code form} writes it (a value {@code form} gives null for stays as stored), each row found by its {@code key}
	 * columns (its primary key); rows already written so are left alone.
	 * @return how many rows were rewritten
	 * @throws SQLException from the database
	 */
	public static int rewriteCopies(Connection connection, String table, String column, UnaryOperator<String> form,
			String... key) throws SQLException {
		return rewriteCopies(connection, table, column, column + " IS NOT NULL", form, key);
	}

	/**
	 * As {@link #rewriteCopies(Connection, String, String, UnaryOperator, String...)}, reading only the rows
	 * {@code selected} (an SQL condition over the table's columns) selects — the rows {@code form} may change, so a large
	 * table is not read whole.
	 * @return how many rows were rewritten
	 * @throws SQLException from the database
	 */
	public static int rewriteCopies(Connection connection, String table, String column, String selected,
			UnaryOperator<String> form, String... key) throws SQLException {
		String keys = String.join(", ", key);
		String where = String.join(" AND ", Arrays.stream(key).map(k -> k + " = ?").toList());
		int count = 0;
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("SELECT " + keys + ", " + column + " FROM " + table + " WHERE " + column
						+ " IS NOT NULL AND (" + selected + ")");
				PreparedStatement write = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE "
						+ where)) {
			while (rows.next()) {
				String stored = rows.getString(column);
				String written = Objects.requireNonNullElse(form.apply(stored), stored);
				if (!written.equals(stored)) {
					write.setString(1, written);
					bindKey(write, rows, key.length);
					write.addBatch();
					count++;
				}
			}
			write.executeBatch();
		}
		return count;
	}

	private record NumberRow(long id, String scope, String stored, String written) {
	}

	/**
	 * Rewrites the 文号 in {@code column} of {@code table} as {@link Text#documentNumber} writes them (a table of the
	 * subclass's module), one number per {@code scope} (an SQL expression over the row: the uniqueness scope of its
	 * index). Where two stored numbers become one, the row already stored in the written form keeps it, otherwise the
	 * earliest (lowest id); every other row keeps its number exactly as stored — never renumbered or suffixed, since the
	 * paper already served bears it — and is logged (warning {@code 文号 collision}, table, ids and both numbers).
	 * @return the numbers kept as stored because their written form was another row's
	 */
	protected static Set<String> normaliseDocumentNumbers(Connection connection, String table, String column, String scope)
			throws SQLException {
		return normaliseNumbers(connection, table, column, scope, Text::documentNumber);
	}

	/**
	 * As {@link #normaliseDocumentNumbers}, with the numbers written by {@code form} ({@code Text::identifier} for a
	 * 编号 that is no 文号, such as a 备案编号); a number {@code form} gives null for stays as stored.
	 * @return the numbers kept as stored because their written form was another row's
	 */
	public static Set<String> normaliseNumbers(Connection connection, String table, String column, String scope,
			UnaryOperator<String> form) throws SQLException {
		Map<List<String>, List<NumberRow>> byNumber = new LinkedHashMap<>();
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("SELECT id, " + scope + " AS scope, " + column + " AS number FROM " + table
						+ " WHERE " + column + " IS NOT NULL ORDER BY id")) {
			while (rows.next()) {
				String stored = rows.getString("number");
				String written = Objects.requireNonNullElse(form.apply(stored), stored);
				NumberRow r = new NumberRow(rows.getLong("id"), rows.getString("scope"), stored, written);
				byNumber.computeIfAbsent(List.of(r.scope(), written), k -> new ArrayList<>()).add(r);
			}
		}
		Set<String> kept = new HashSet<>();
		try (PreparedStatement write = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
			for (List<NumberRow> same : byNumber.values()) {
				NumberRow holder = same.stream().filter(r -> r.stored().equals(r.written())).findFirst().orElse(same.get(0));
				for (NumberRow r : same) {
					if (r == holder) {
						if (!r.stored().equals(r.written())) {
							write.setString(1, r.written());
							write.setLong(2, r.id());
							write.addBatch();
						}
					}
					else if (!r.stored().equals(r.written())) {
						kept.add(r.stored());
						log.warn("文号 collision in {}.{}: id {} keeps '{}' as stored (written '{}', held by id {})", table,
								column, r.id(), r.stored(), r.written(), holder.id());
					}
				}
			}
			write.executeBatch();
		}
		return kept;
	}

	/**
	 * The rows whose stored name {@link #storedName} may change: one holding an invisible character inside, a space
	 * other than the ASCII one, or two spaces in a row — as a PostgreSQL condition over {@code column}.
	 */
	private static String unclean(String column) {
		return column + " ~ '[\\u00A0\\u00AD\\u034F\\u115F\\u1160\\u2000-\\u200F\\u202F\\u205F-\\u2064\\u2800\\u3000\\u3164"
				+ "\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\U000E0000-\\U000E007F]|  '";
	}

	/**
	 * A name stored before {@code kernel.Validation.name} guarded it, as a name typed now is stored: without the
	 * invisible characters inside ({@link Text#blank} ones that are neither white space nor a space: U+200B–U+200F,
	 * U+2060–U+2064, U+FEFF, U+00AD, U+034F, the Hangul fillers, variation selectors, tags, U+2800 …), its spaces as
	 * {@link Text#name} writes them (U+3000 and every run as one ASCII space).
	 * @param stored the stored name, or null
	 * @return the name so written, or null when nothing visible would remain (the row then stays as stored)
	 */
	public static String storedName(String stored) {
		if (stored == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(stored.length());
		stored.codePoints()
			.filter(c -> !Text.blank(c) || Character.isWhitespace(c) || Character.isSpaceChar(c))
			.forEach(out::appendCodePoint);
		return Text.blankToNull(Text.name(out.toString()));
	}

	/**
	 * Rewrites {@code column} of {@code table} as {@link #storedName} writes it, reading only the rows it may change;
	 * each row on its own savepoint, so a row whose rewritten name a unique constraint refuses (another row holds it)
	 * keeps its name as stored and is logged — duplicates are never merged.
	 * @param key the row's primary key columns (one, or those of a composite key such as {@code record_id, position})
	 * @return how many rows were rewritten
	 * @throws SQLException from the database, other than a unique violation
	 */
	public static int rewriteNames(Connection connection, String table, String column, String... key) throws SQLException {
		return rewriteOnSavepoints(connection, table, column, unclean(column), DataMigration::storedName, "name", key);
	}

	/**
	 * Rewrites {@code column} of {@code table} as {@code form} writes it in the rows {@code selected} (an SQL condition),
	 * each row on its own savepoint: a value {@code form} gives null for, or gives back unchanged, stays; an empty one
	 * is written as NULL; a row whose written value a unique constraint refuses keeps its value as stored and is logged
	 * (as {@code what} kept as stored).
	 * @return how many rows were rewritten
	 * @throws SQLException from the database, other than a unique violation
	 */
	private static int rewriteOnSavepoints(Connection connection, String table, String column, String selected,
			UnaryOperator<String> form, String what, String... key) throws SQLException {
		int count = 0;
		String where = String.join(" AND ", Arrays.stream(key).map(k -> k + " = ?").toList());
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("SELECT " + String.join(", ", key) + ", " + column + " FROM " + table
						+ " WHERE " + column + " IS NOT NULL AND " + selected);
				PreparedStatement write = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE "
						+ where)) {
			while (rows.next()) {
				String stored = rows.getString(key.length + 1);
				String written = form.apply(stored);
				if (written == null || written.equals(stored)) {
					continue;
				}
				Savepoint before = connection.setSavepoint();
				try {
					write.setString(1, written.isEmpty() ? null : written);
					bindKey(write, rows, key.length);
					write.executeUpdate();
					connection.releaseSavepoint(before);
					count++;
				}
				catch (SQLException ex) {
					if (!"23505".equals(ex.getSQLState())) {
						throw ex;
					}
					connection.rollback(before);
					log.warn("{} kept as stored in {}.{}: {} {} would be '{}', which another row holds", what, table, column,
							String.join(", ", key), rows.getObject(1), written);
				}
			}
		}
		return count;
	}

	/** What a required one-line column holds in place of a stored value that showed nothing (only invisible characters). */
	public static final String NOTHING_VISIBLE = "（原值无可见字符）";

	/**
	 * A one-line text (an address, a place, opening hours, a training's topic, a seized item) stored before
	 * {@code kernel.Validation.line} guarded it, as the same text typed now is accepted and stored: a line break (LF, CR,
	 * the vertical tab, form feed, NEL, U+2028, U+2029) or a tab written as a space, every other character that shows
	 * nothing and is no space removed (zero-width space U+200B, joiners, U+FEFF, U+2060, U+2800, the Hangul fillers, a
	 * control character U+0001–U+001F, U+007F–U+009F, a bidirectional control …), then as {@link Text#line} writes it:
	 * trimmed, every run of spaces inside (U+3000 included) one ASCII space — "越溪路26号\r\n二楼\u200B" is
	 * "越溪路26号 二楼".
	 * @param stored the stored text, or null
	 * @return the text so written, or null when nothing visible remains
	 */
	public static String storedLine(String stored) {
		if (stored == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(stored.length());
		stored.codePoints().forEach(c -> {
			if (c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029) {
				out.append(' ');
			}
			else if (!Character.isISOControl(c)
					&& (!Text.blank(c) || Character.getType(c) == Character.SPACE_SEPARATOR)) {
				out.appendCodePoint(c);
			}
		});
		return Text.line(out.toString());
	}

	/**
	 * The rows whose stored one-line text {@link #storedLine} may change: {@link #unclean} ones, and those holding a
	 * control character (line breaks and tabs among them), a line or paragraph separator or a bidirectional control, or
	 * beginning or ending with a space or invisible character — as a PostgreSQL condition over {@code column}.
	 */
	private static String uncleanLine(String column) {
		return "(" + unclean(column) + " OR " + column + " ~ '[\\u0001-\\u001F\\u007F-\\u009F\\u061C\\u2028-\\u202E"
				+ "\\u2066-\\u206F]' OR " + StoredNames.untrimmed(column) + ")";
	}

	/**
	 * Rewrites the one-line texts of {@code column} of {@code table} as {@link #storedLine} writes them, reading only the
	 * rows it may change, each on its own savepoint. A text that showed nothing (only invisible characters and line
	 * breaks) becomes NULL where the column allows it, else {@link #NOTHING_VISIBLE} — a visible value the column's
	 * NOT NULL accepts and a user sees is to be filled in. A row whose rewritten text a unique constraint refuses (an
	 * outlet of the same name already at the written address) keeps its text as stored and is logged: duplicates are
	 * never merged. Gives the same result when run twice.
	 * @param key the row's primary key columns (one, or those of a composite key)
	 * @return how many rows were rewritten
	 * @throws SQLException from the database, other than a unique violation
	 */
	public static int rewriteLines(Connection connection, String table, String column, String... key) throws SQLException {
		boolean nullable;
		try (ResultSet meta = connection.getMetaData().getColumns(null, connection.getSchema(), table, column)) {
			if (!meta.next()) {
				throw new SQLException("no column " + table + "." + column);
			}
			nullable = "YES".equals(meta.getString("IS_NULLABLE"));
		}
		String empty = nullable ? "" : NOTHING_VISIBLE;
		return rewriteOnSavepoints(connection, table, column, uncleanLine(column),
				stored -> Objects.requireNonNullElse(storedLine(stored), empty), "one-line text", key);
	}

	/**
	 * As {@link #rewriteLines} for a column of one-line texts kept as an array ({@code text[]}, such as an inspection
	 * item's checklist, one check per element): each element written as {@link #storedLine} writes it, one that showed
	 * nothing as {@link #NOTHING_VISIBLE} (the elements keep their places: a record names a check by its position).
	 * Reads only the rows holding an element it may change; gives the same result when run twice.
	 * @param key the row's primary key columns
	 * @return how many rows were rewritten
	 * @throws SQLException from the database
	 */
	public static int rewriteLineArrays(Connection connection, String table, String column, String... key)
			throws SQLException {
		int count = 0;
		String where = String.join(" AND ", Arrays.stream(key).map(k -> k + " = ?").toList());
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("SELECT " + String.join(", ", key) + ", " + column + " FROM " + table
						+ " WHERE EXISTS (SELECT 1 FROM unnest(" + column + ") AS e(v) WHERE v IS NOT NULL AND "
						+ uncleanLine("v") + ")");
				PreparedStatement write = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE "
						+ where)) {
			while (rows.next()) {
				String[] stored = (String[]) rows.getArray(key.length + 1).getArray();
				String[] written = Arrays.stream(stored)
					.map(e -> e == null ? null : Objects.requireNonNullElse(storedLine(e), NOTHING_VISIBLE))
					.toArray(String[]::new);
				if (Arrays.equals(stored, written)) {
					continue;
				}
				write.setArray(1, connection.createArrayOf("text", written));
				bindKey(write, rows, key.length);
				write.addBatch();
				count++;
			}
			write.executeBatch();
		}
		return count;
	}

	/** Binds the row's key (the first {@code keys} columns read) to the update's parameters after the value. */
	private static void bindKey(PreparedStatement write, ResultSet rows, int keys) throws SQLException {
		for (int i = 0; i < keys; i++) {
			write.setObject(i + 2, rows.getObject(i + 1));
		}
	}
}
