package org.youguan.filing.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.filing.OutletFilings;
import org.youguan.platform.DataMigration;
import org.youguan.platform.Secrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * V263: a filing names the branch (分支机构) its outlet is run through ({@code branch_id}, {@code branch_name}, null for
 * the enterprise itself), so the queue, its export, the filing's page and its receipt can show it, and so a change
 * filing can change it. Filings already stored are filled from what they hold: a change or closure from the outlet as
 * it stood ({@code outlet_before}) — a change filed before this version could not change the branch, so it keeps the
 * outlet's, which its approval now applies; a new outlet from its proposal (decrypted here) or, once the proposal is
 * gone, the registered outlet's branch; the name from the branch register where the stored outlet had none. The
 * registry is read through its views {@code outlet_branch} and {@code branch_name} (V262.1), not its tables.
 */
@Component
class FilingBranchColumns extends DataMigration {

	private final Secrets secrets;

	private final JsonMapper json = JsonMapper.builder().build();

	FilingBranchColumns(Secrets secrets) {
		super("263", "the branch a filing's outlet is run through");
		this.secrets = secrets;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, "ALTER TABLE outlet_filing ADD COLUMN branch_id bigint, ADD COLUMN branch_name varchar(200)");
		fill(connection);
	}

	/** Fills the branch of every stored filing from what it holds (see the class comment). */
	void fill(Connection connection) throws SQLException {
		execute(connection, """
				UPDATE outlet_filing SET branch_id = CAST(CAST(outlet_before AS jsonb) ->> 'branchId' AS bigint),
				       branch_name = CAST(outlet_before AS jsonb) ->> 'branchName'
				WHERE kind IN ('CHANGE', 'CLOSURE') AND outlet_before IS NOT NULL""");
		rewrite(connection, "SELECT id, proposed_cipher FROM outlet_filing WHERE kind = 'NEW' AND proposed_cipher IS NOT NULL",
				"UPDATE outlet_filing SET branch_id = ? WHERE id = ?", row -> {
					JsonNode branch = json.readTree(secrets.decrypt(row.getBytes(2), OutletFilings.PROPOSED)).path("branchId");
					return new Object[] { branch.isNumber() ? branch.longValue() : null };
				});
		execute(connection, """
				UPDATE outlet_filing f SET branch_id = o.branch_id FROM outlet_branch o
				WHERE f.kind = 'NEW' AND f.proposed_cipher IS NULL AND f.outlet_id = o.outlet_id""",
				"""
				UPDATE outlet_filing f SET branch_name = b.name FROM branch_name b
				WHERE b.id = f.branch_id AND f.branch_name IS NULL""");
	}
}
