package org.youguan.licensing.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.CopiedIdentifiers;
import org.youguan.platform.DataMigration;

/**
 * The licence numbers this module copied (V235): a renewal reminder's ({@code licence_renewal_reminder.licence_number},
 * part of its key) and a branch filing's ({@code branch_filing.licence_number}), written as {@link Text#identifier}
 * writes the licence application's number since V234 ({@link ApplicationLicenceNumberStore}) — else the daily job,
 * reading the application's rewritten number, finds no reminder sent under it and sends the same reminder again.
 */
@Component
class LicenceNumberCopies implements CopiedIdentifiers {

	/**
	 * Rewrites the copies; a reminder whose rewritten number is already recorded for the same expiry and threshold is
	 * one reminder sent: the row already written so, or the earliest sent, is kept and the other dropped.
	 * @throws SQLException from the database
	 */
	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "branch_filing", "licence_number", Text::identifier, "id");
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("""
						SELECT licence_number, valid_until, days_before, sent_on FROM licence_renewal_reminder
						ORDER BY sent_on, licence_number""");
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO licence_renewal_reminder (licence_number, valid_until, days_before, sent_on)
						VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""");
				PreparedStatement delete = connection.prepareStatement("""
						DELETE FROM licence_renewal_reminder WHERE licence_number = ? AND valid_until = ? AND days_before = ?""")) {
			while (rows.next()) {
				String stored = rows.getString("licence_number");
				String written = Text.identifier(stored);
				if (written == null || written.equals(stored)) {
					continue;
				}
				Date until = rows.getDate("valid_until");
				int days = rows.getInt("days_before");
				insert.setString(1, written);
				insert.setDate(2, until);
				insert.setInt(3, days);
				insert.setDate(4, rows.getDate("sent_on"));
				insert.executeUpdate();
				delete.setString(1, stored);
				delete.setDate(2, until);
				delete.setInt(3, days);
				delete.executeUpdate();
			}
		}
	}
}
