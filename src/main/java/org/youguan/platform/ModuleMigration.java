package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A data migration every module takes part in the same way: each module that supplies a contribution of type {@code M}
 * (a Spring bean in its own {@code internal} package, such as {@link StoredNames} or {@link GuardedNames}) is run in
 * turn on Flyway's connection, inside the migration's one transaction — so platform names no module's table and a
 * failure in any module leaves every module's rows as they were.
 * @param <M> the modules' contribution
 */
abstract class ModuleMigration<M> extends DataMigration {

	/** What the migration does with one module's contribution. */
	interface Step<M> {

		/**
		 * Runs the module's part on the migration's connection.
		 * @throws SQLException from the database: the migration fails and runs again on the next start
		 */
		void run(M module, Connection connection) throws SQLException;
	}

	private final List<M> modules;

	private final Step<M> step;

	/**
	 * @param version the migration's version (as Flyway numbers it)
	 * @param description what it does, for Flyway's history table
	 * @param modules every module's contribution (Spring injects them all)
	 * @param step what is done with each
	 */
	ModuleMigration(String version, String description, List<M> modules, Step<M> step) {
		super(version, description);
		this.modules = modules;
		this.step = step;
	}

	@Override
	protected final void migrate(Connection connection) throws SQLException {
		for (M m : modules) {
			step.run(m, connection);
		}
	}
}
