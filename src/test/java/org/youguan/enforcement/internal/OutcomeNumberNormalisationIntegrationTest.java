package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.enforcement.PastCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V264 writes the 复议/诉讼 outcome numbers stored before session 44 as a number recorded now is stored
 * ({@code Text.documentNumber}): a court's 案号 with its year in ASCII parentheses takes the full-width ones courts write,
 * a 复议决定书's (2025) its 〔2025〕; a number already so written is left as it is, and of two stored forms of one number on
 * a case the one already written keeps it, the other stays as stored.
 */
@IntegrationTest
class OutcomeNumberNormalisationIntegrationTest {

	@Autowired
	PastCases pastCases;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock clock;

	long imported() {
		String code = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0).creditCode();
		return pastCases.importCase(DataScope.all(), new PastCases.ImportedCase(code, "DATA_NOT_REPORTED", "REPORT", "2025-03-01",
				"2025-05-10", "吴邮管罚〔2025〕" + RandomDigits.of(7) + "号", "WARNING", null, null, null));
	}

	/** An outcome of case {@code id} stored with {@code number} as typed before the rule; its row id. */
	long stored(long id, String kind, String number) {
		return jdbc.sql("""
				INSERT INTO penalty_case_outcome (case_id, kind, body, document_number, decided_on, result, reason, recorded_by,
				    recorded_at)
				VALUES (:id, :kind, '苏州市吴中区人民法院', :n, :on, 'UPHELD', '认定事实清楚', 'test', now()) RETURNING id""")
			.param("id", id).param("kind", kind).param("n", number).param("on", LocalDate.now(clock))
			.query(Long.class).single();
	}

	String number(long outcome) {
		return jdbc.sql("SELECT document_number FROM penalty_case_outcome WHERE id = :id").param("id", outcome)
			.query(String.class).single();
	}

	@Test
	void storedCourtAndReviewNumbersTakeTheOneFormAndACollisionKeepsTheOtherAsStored() throws Exception {
		long id = imported();
		// no leading zero: the one form writes a sequence number without one (00110 → 110)
		String seq = "1" + RandomDigits.of(4);
		long court = stored(id, "LITIGATION", "(2025)苏0506行初" + seq + "号");
		long review = stored(id, "REVIEW", "苏邮复决(2025)" + seq + "号");
		long written = stored(id, "LITIGATION", "（2025）苏05行终" + seq + "号");
		long holder = stored(id, "LITIGATION", "（2024）苏0506行初" + seq + "号");
		long twin = stored(id, "LITIGATION", "(2024)苏0506行初" + seq + "号");
		try (Connection connection = dataSource.getConnection()) {
			new OutcomeNumberNormalisation().migrate(connection);
		}
		assertThat(number(court)).isEqualTo("（2025）苏0506行初" + seq + "号");
		assertThat(number(review)).isEqualTo("苏邮复决〔2025〕" + seq + "号");
		assertThat(number(written)).isEqualTo("（2025）苏05行终" + seq + "号");
		assertThat(number(holder)).isEqualTo("（2024）苏0506行初" + seq + "号");
		assertThat(number(twin)).as("another row holds its written form: kept as stored").isEqualTo("(2024)苏0506行初" + seq + "号");
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_outcome WHERE case_id = :id AND document_number LIKE '(%'")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}
}
