package org.youguan.complaints.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredIdentifiers;

/**
 * The complaints' waybill numbers ({@code complaint.waybill_number}, no unique index: the duplicate rule finds a second
 * complaint of one waybill), kept as typed until V239 and rewritten then as {@link ComplaintIntake#waybill} writes them
 * — full-width digits and letters as ASCII, upper case — with the invisible characters inside dropped
 * ({@link Text#invisible}: a number typed with a zero-width space is the number it shows), so a complaint filed before
 * is found by, and makes a duplicate of, the same waybill typed now. Only rows holding anything other than A–Z, 0–9 and
 * '-' are read.
 */
@Component
class WaybillNumberStore implements StoredIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "complaint", "waybill_number", "waybill_number ~ '[^0-9A-Z-]'",
				WaybillNumberStore::written, "id");
	}

	/** A stored waybill number as {@link ComplaintIntake#waybill} writes it, the invisible characters inside dropped. */
	static String written(String stored) {
		StringBuilder shown = new StringBuilder(stored.length());
		stored.codePoints().filter(c -> !Text.invisible(c)).forEach(shown::appendCodePoint);
		return ComplaintIntake.waybill(shown.toString());
	}
}
