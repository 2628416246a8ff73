package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.Listing.Masked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A word holding ASCII digits or letters is compared with a column's full-width ones folded
 * ({@link Text#halfWidthAlphanumericsSql}, {@link Listing#search}); the trigram indexes on the columns as stored do not
 * serve that expression, the expression indexes of V347 (enterprise name) and V348 (complaint enterprise name and
 * description) do — planned on the very statement the list idiom writes. Sequential scans are off: the demo tables are
 * small, so the planner would read them whole anyway; with them off it takes any index that can serve the condition.
 */
@IntegrationTest
class FoldedSearchIndexIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theEnterpriseListsFoldedNameSearchUsesTheFoldedIndex() {
		Listing folded = Listing.from("FROM enterprise e").search(query("SF12"), "e.legal_name");
		assertThat(folded.whereClause()).contains("translate(e.legal_name");
		assertThat(plan("SELECT e.id FROM enterprise e", folded)).contains("enterprise_name_folded_trgm");
		// a word without ASCII digits and letters is compared as stored, and V9's index serves it still
		Listing asStored = Listing.from("FROM enterprise e").search(query("顺丰速运"), "e.legal_name");
		assertThat(plan("SELECT e.id FROM enterprise e", asStored)).contains("enterprise_name_trgm");
	}

	@Test
	void theComplaintListsFoldedSearchUsesTheFoldedIndexesOfTheEnterpriseNameAndTheDescription() {
		// as ComplaintQueries searches for a bureau's staff: the description masked, found as a plain column for a word
		// with Latin letters and no digits (nothing of it is masked); the other columns plain
		Listing folded = Listing.from("FROM complaint c")
			.search(query("EMSexp"), jdbc, "c.id", List.of(Masked.telephones("c.description")), "c.enterprise_name");
		assertThat(folded.whereClause()).contains("translate(c.enterprise_name").contains("translate(c.description");
		assertThat(plan("SELECT c.id FROM complaint c", folded)).contains("complaint_enterprise_folded_trgm")
			.contains("complaint_description_folded_trgm");
	}

	private static PageQuery query(String q) {
		return new PageQuery(q, 0, 20, null, false);
	}

	/** The plan of {@code select} with the listing's conditions, sequential scans off. */
	private String plan(String select, Listing listing) {
		return tx.execute(s -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("EXPLAIN " + select + listing.whereClause())
				.params(listing.params())
				.query(String.class)
				.list());
		});
	}
}
