package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNumbers;

/**
 * V264: the numbers of the 行政复议 and 行政诉讼 outcomes ({@code penalty_case_outcome.document_number}) stored before
 * they were written by {@link Text#documentNumber} (session 44) kept the form NFKC gave them — a court's 案号 with its
 * year in ASCII parentheses ({@code (2025)苏0506行初12号}), a 复议决定书 文号 with {@code (2025)} for 〔2025〕 — while a
 * number recorded since is stored as courts and GB/T 9704 write it ({@code （2025）苏0506行初12号}, {@code 苏邮复决〔2025〕1号}):
 * they are rewritten by that method itself, so every stored number has the one form the page, the documents and the
 * duplicate check (which folds both) read. One number per case ({@code case_id}, the duplicate check's scope): of two
 * stored forms of one number on a case, the one already written so keeps it and the other stays as stored (logged, as
 * {@link DataMigration#normaliseDocumentNumbers} does). Run again with every module's numbers ({@link StoredNumbers}).
 */
@Component
class OutcomeNumberNormalisation extends DataMigration implements StoredNumbers {

	OutcomeNumberNormalisation() {
		super("264", "write stored 复议/诉讼 outcome numbers as Text.documentNumber writes them");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		normaliseDocumentNumbers(connection, "penalty_case_outcome", "document_number", "case_id::text");
	}

	@Override
	public void normalise(Connection connection) throws SQLException {
		migrate(connection);
	}
}
