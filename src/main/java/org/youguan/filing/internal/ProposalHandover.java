package org.youguan.filing.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.youguan.filing.OutletFilings;
import org.youguan.platform.DataMigration;
import org.youguan.platform.Secrets;
import org.youguan.registry.OutletData;

/**
 * V87: the filing module takes over the proposed outlets of new filings that are undecided or were rejected, which the
 * registry used to hold as pending (or closed) outlets. Each is read through the registry's hand-over view
 * ({@code unfiled_outlet}, V86), its manager's numbers decrypted from the registry's columns and the whole proposal
 * encrypted as the filing's own ({@link OutletFilings#PROPOSED}); V88 then removes those outlets from the registry.
 * Also: a filing's outlet id may be null (a new outlet before approval) and a change or closure keeps the outlet as it
 * stood at submission ({@code outlet_before}).
 */
@Component
class ProposalHandover extends DataMigration {

	/** The contexts the registry encrypts the manager's numbers under (terminal_outlet.manager_id_cipher / _phone_). */
	static final String REGISTRY_MANAGER_ID = "terminal_outlet.manager_id";

	static final String REGISTRY_MANAGER_PHONE = "terminal_outlet.manager_phone";

	private final Secrets secrets;

	private final JsonMapper json;

	ProposalHandover(Secrets secrets, JsonMapper json) {
		super("87", "filing owns the proposed outlets of undecided and rejected new filings");
		this.secrets = secrets;
		this.json = json;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, "ALTER TABLE outlet_filing ALTER COLUMN outlet_id DROP NOT NULL",
				"ALTER TABLE outlet_filing ADD COLUMN outlet_before text");
		rewrite(connection, """
				SELECT f.id, u.name, u.enterprise_id, u.branch_id, u.cooperation, u.address, u.region_code, u.longitude,
				       u.latitude, u.manager_name, u.manager_id_cipher, u.manager_phone_cipher, u.storage_area,
				       u.has_communications, u.has_shelving, u.has_surveillance, u.has_signage, u.opened_on
				FROM outlet_filing f JOIN unfiled_outlet u ON u.id = f.outlet_id
				WHERE f.kind = 'NEW' AND f.status <> 'APPROVED' AND f.proposed_cipher IS NULL ORDER BY f.id""",
				"UPDATE outlet_filing SET proposed_cipher = ? WHERE id = ?",
				row -> new Object[] { secrets.encrypt(json.writeValueAsString(proposal(row)), OutletFilings.PROPOSED) });
	}

	private OutletData proposal(ResultSet row) throws SQLException {
		return new OutletData(row.getString("name"), row.getLong("enterprise_id"), (Long) row.getObject("branch_id"),
				row.getString("cooperation"), row.getString("address"), row.getString("region_code"),
				row.getBigDecimal("longitude"), row.getBigDecimal("latitude"), row.getString("manager_name"),
				secrets.decrypt(row.getBytes("manager_id_cipher"), REGISTRY_MANAGER_ID),
				secrets.decrypt(row.getBytes("manager_phone_cipher"), REGISTRY_MANAGER_PHONE),
				row.getBigDecimal("storage_area"), row.getBoolean("has_communications"), row.getBoolean("has_shelving"),
				row.getBoolean("has_surveillance"), row.getBoolean("has_signage"),
				row.getObject("opened_on", LocalDate.class));
	}
}
