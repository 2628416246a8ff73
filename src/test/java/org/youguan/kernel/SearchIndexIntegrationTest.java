package org.youguan.kernel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.Listing.Masked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expression a list's search compares is served by an index, so the whole search condition — the words ORed over
 * the columns, the exact-number arms, the masked columns' confirmed keys — is a bitmap OR and never a read of the whole
 * table: planned on the very statements the list idiom writes ({@link Listing#search}, its masked columns' candidate
 * statement {@link Listing#maskedCandidates}), with the columns of the enterprise list ({@code registry.Enterprises})
 * and of the complaint list for a bureau's staff ({@code complaints.ComplaintQueries}). Plain columns are compared
 * folded ({@link Text#halfWidthAlphanumericsSql}: V347, V348, V350, V352), masked ones in NFKC (V350, V352), a column
 * stored masked without a number's joiners (V352). Sequential scans are off and no scope narrows the rows: the demo
 * tables are small, so the planner would read them whole anyway; with them off it takes an index wherever one can serve
 * the condition, and reads the table only where none can ("Seq Scan" in the plan) — a column added to a list's search
 * without its index fails here.
 */
@IntegrationTest
class SearchIndexIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	/** As Enterprises#list searches: the exact credit code, the contact phone masked, name, credit code and region. */
	private Listing enterprises(String q) {
		return Listing.from("FROM enterprise e")
			.search(query(q), "e.credit_code = :code", Map.of("code", query(q).identifier().toUpperCase()), jdbc, "e.id",
					List.of(Masked.phone("e.contact_phone").readInFullWhere("FALSE")), "e.legal_name", "e.credit_code",
					"e.region_code");
	}

	/** A bureau's own complaints (Bureaus#handledHere's shape): those not of a region a bureau below it handles. */
	private static final String HANDLED = "NOT (c.region_code LIKE '320506%')";

	private static final List<Masked> COMPLAINT_MASKED = List.of(Masked.telephones("c.description").readInFullWhere(HANDLED),
			Masked.telephones("c.waybill_number").readInFullWhere(HANDLED), Masked.stored("c.filer_phone_masked"));

	/** As ComplaintQueries searches for the staff handling complaints (the widest form: the phone's index too). */
	private Listing complaints(String q) {
		return Listing.from("FROM complaint c")
			.search(query(q), "c.number = :exact OR c.waybill_number = :maskSafe"
					+ " OR ((c.waybill_number = :waybill OR c.filer_phone_index = :phone) AND " + HANDLED + ")",
					Map.of("exact", q, "waybill", q, "maskSafe", q, "phone", new byte[] { 1 }), jdbc, "c.id", COMPLAINT_MASKED,
					"c.enterprise_name", "c.enterprise_credit_code");
	}

	@Test
	void everyWordOfTheEnterpriseListsSearchIsAnsweredFromIndexes() {
		// a Chinese word (every column compared folded, the phone in NFKC), Latin letters and digits, a full-width
		// bracket (its identifier form), a mask typed whole and in blocks, digits the phone's mask shows
		for (String q : List.of("顺丰速运", "SF12", "顺丰（示例）", "139****5678", "139 **** 5678", "快递 5678", "９１３２")) {
			String plan = plan("SELECT e.id FROM enterprise e", enterprises(q));
			assertThat(plan).as(q).doesNotContain("Seq Scan").contains("enterprise_name_folded_trgm")
				.contains("enterprise_credit_code_folded_trgm").contains("enterprise_region_code_folded_trgm");
		}
		assertThat(plan("SELECT e.id FROM enterprise e", enterprises("顺丰速运")))
			.as("a word without digits: the phone as a plain column").contains("enterprise_contact_phone_shown_trgm");
		for (String word : List.of("5678", "139****5678", "139-****-5678", "13912345678")) {
			Listing.Candidates candidates = Listing.from("FROM enterprise e")
				.maskedCandidates("e.id", List.of(Masked.phone("e.contact_phone")), word);
			assertThat(plan(candidates.sql(), candidates.values())).as(word).doesNotContain("Seq Scan")
				.contains("enterprise_contact_phone_shown_trgm");
		}
	}

	@Test
	void everyWordOfTheComplaintListsSearchIsAnsweredFromIndexes() {
		for (String q : List.of("顺丰速运", "EMSexp", "139****5678", "139 **** 5678", "投诉 5678", "SF1234567890")) {
			String plan = plan("SELECT c.id FROM complaint c", complaints(q));
			assertThat(plan).as(q).doesNotContain("Seq Scan").contains("complaint_enterprise_folded_trgm")
				.contains("complaint_credit_code_folded_trgm").contains("complaint_filer_phone_stored_trgm");
		}
		assertThat(plan("SELECT c.id FROM complaint c", complaints("顺丰速运")))
			.as("a word without digits: the masked columns as plain ones, in NFKC")
			.contains("complaint_description_shown_trgm").contains("complaint_waybill_shown_trgm");
		// a whole number typed: its candidates where the reader reads the columns in full, by the regular expression
		for (String word : List.of("5678", "139-****-5678", "13912345678", "0512-6688 1234")) {
			Listing.Candidates candidates = Listing.from("FROM complaint c").maskedCandidates("c.id", COMPLAINT_MASKED, word);
			assertThat(candidates.sql()).as("a column stored masked is compared in SQL, not confirmed")
				.doesNotContain("filer_phone_masked");
			assertThat(plan(candidates.sql(), candidates.values())).as(word).doesNotContain("Seq Scan")
				.contains("complaint_description_shown_trgm").contains("complaint_waybill_shown_trgm");
		}
	}

	private static PageQuery query(String q) {
		return new PageQuery(q, 0, 20, null, false);
	}

	/** The plan of {@code select} with the listing's conditions, sequential scans off. */
	private String plan(String select, Listing listing) {
		return plan(select + listing.whereClause(), listing.params());
	}

	private String plan(String sql, Map<String, Object> params) {
		return tx.execute(s -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
		});
	}
}
