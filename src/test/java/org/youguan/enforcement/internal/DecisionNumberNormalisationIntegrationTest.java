package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.RandomLetters;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.PastCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V216 rewrites the 文号 stored before {@code Text.documentNumber} read Chinese numerals as the number they name: a
 * number alone becomes the written form, its documents follow; of two stored numbers that become one, the one already
 * written so keeps it and the other stays exactly as stored (never renumbered), its documents too.
 */
@IntegrationTest
class DecisionNumberNormalisationIntegrationTest {

	@Autowired
	PastCases pastCases;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	long imported(String number) {
		String code = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0).creditCode();
		return pastCases.importCase(DataScope.all(), new PastCases.ImportedCase(code, "DATA_NOT_REPORTED", "REPORT", "2025-03-01",
				"2025-05-10", number, "WARNING", null, null, null));
	}

	/** Stores {@code number} on the case and one document bearing it, as rows stored before the rule. */
	void stored(long id, String number) {
		jdbc.sql("UPDATE penalty_case SET decision_number = :n WHERE id = :id").param("n", number).param("id", id).update();
		jdbc.sql("""
				INSERT INTO penalty_case_document (case_id, kind, number, attachment_id, file_name, issued_on, issued_by, created_at)
				VALUES (:id, 'DECISION', :n, 0, 'decision.pdf', DATE '2025-05-10', 'test', now())""")
			.param("id", id).param("n", number).update();
	}

	String number(long id) {
		return jdbc.sql("SELECT decision_number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	String document(long id) {
		return jdbc.sql("SELECT number FROM penalty_case_document WHERE case_id = :id").param("id", id).query(String.class)
			.single();
	}

	@Test
	void storedNumbersAreWrittenAsTheCodeWritesThemAndACollisionKeepsTheLaterAsStored() throws Exception {
		rewritten("〔2025〕十二号", "〔2025〕12号", "〔2025〕三号", c -> new DecisionNumberNormalisation().migrate(c));
	}

	/**
	 * V231 runs the rewrite again for the forms read since: a year or sequence in capital or Chinese-digit numerals
	 * (〔二〇二五〕贰拾号) becomes the written form, and one that is another row's number stays as stored.
	 */
	@Test
	void storedNumbersInCapitalOrChineseDigitNumeralsAreWrittenAgainByV231() throws Exception {
		rewritten("〔二〇二五〕贰拾号", "〔2025〕20号", "二○二五年第叁号", c -> new DecisionNumberNormalisation().normalise(c));
	}

	/** A rewrite run on the test's connection. */
	interface Rewrite {

		void run(Connection connection) throws SQLException;
	}

	/**
	 * Three cases of one office: the first stored as {@code alone} (its documents too), the second holding 〔2025〕3号,
	 * the third stored as {@code colliding}, a form of 〔2025〕3号; after {@code rewrite} the first bears
	 * {@code written}, the second keeps its number and the third its number as stored, its document too.
	 */
	void rewritten(String alone, String written, String colliding, Rewrite rewrite) throws Exception {
		// a paper-era code of its own, in characters (a 文号's code and kind are written together, Han only)
		String office = "吴邮管罚" + RandomLetters.of(6).chars().map(c -> '甲' + c - 'a').collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
		long first = imported(office + "〔2025〕1号");
		long holder = imported(office + "〔2025〕3号");
		long third = imported(office + "〔2025〕4号");
		stored(first, office + alone);
		stored(holder, office + "〔2025〕3号");
		stored(third, office + colliding);
		try (Connection connection = dataSource.getConnection()) {
			rewrite.run(connection);
		}
		assertThat(number(first)).isEqualTo(office + written);
		assertThat(document(first)).isEqualTo(office + written);
		assertThat(number(holder)).isEqualTo(office + "〔2025〕3号");
		assertThat(number(third)).isEqualTo(office + colliding);
		assertThat(document(third)).isEqualTo(office + colliding);
	}
}
