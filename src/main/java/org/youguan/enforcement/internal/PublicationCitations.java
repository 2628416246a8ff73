package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredCitations;
import org.youguan.rules.Citation;

/**
 * The basis of each published penalty decision (the 双公示 snapshot, {@code penalty_case.publication_basis}) as the
 * public portal cites it, V288 ({@link StoredCitations}): a snapshot published before in the short form
 * ({@code 邮政法(2015) 第72条}) is written formally ({@code 《中华人民共和国邮政法》第七十二条}, {@link Citation#formalIn}) —
 * the same citation, only its form.
 */
@Component
class PublicationCitations implements StoredCitations {

	@Override
	public void writeFormally(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "penalty_case", "publication_basis",
				StoredCitations.shortForm("publication_basis"), Citation::formalIn, "id");
	}
}
