package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V239: every module's stored names ({@link StoredNames}) trimmed again, as {@code kernel.Text.strip} now also trims the
 * default-ignorable letters and marks and the Braille blank (U+034F, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0,
 * U+2800 …) around typed text; and every module's stored identifiers ({@link StoredIdentifiers}) written again, as the
 * complaints' waybill numbers now are ({@code kernel.Text.identifier}: full-width digits and letters typed with a Chinese
 * input method are ASCII), so a record kept before is found by, and blocks or duplicates, the same value typed now.
 * Both rewrites give the same result when run twice.
 */
@Component
class BlankAndIdentifierRenormalisation extends DataMigration {

	private final List<StoredNames> names;

	private final List<StoredIdentifiers> identifiers;

	BlankAndIdentifierRenormalisation(List<StoredNames> names, List<StoredIdentifiers> identifiers) {
		super("239", "trim blank-looking characters around stored names; write stored waybill numbers as Text.identifier does");
		this.names = names;
		this.identifiers = identifiers;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		for (StoredNames m : names) {
			m.trim(connection);
		}
		for (StoredIdentifiers m : identifiers) {
			m.normalise(connection);
		}
	}
}
