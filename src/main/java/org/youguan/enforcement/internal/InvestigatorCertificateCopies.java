package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.inspections.Inspectors;
import org.youguan.platform.CopiedIdentifiers;
import org.youguan.platform.DataMigration;

/**
 * The 执法证号 of a case's investigators ({@code penalty_case_investigator.certificate_number}), stored as typed until
 * V235, rewritten as {@link Inspectors#certificateNumber} writes the roster's — the form {@link CaseTeam} stores them
 * in now, and the one the evidence list's collectors are matched against.
 */
@Component
class InvestigatorCertificateCopies implements CopiedIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "penalty_case_investigator", "certificate_number",
				Inspectors::certificateNumber, "case_id", "position");
	}
}
