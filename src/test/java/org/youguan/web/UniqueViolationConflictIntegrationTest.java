package org.youguan.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.ConcurrentSubmits;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A penalty case has at most one open pause (中止计时) whoever writes it (V218's partial unique index), and a unique key
 * met — two submissions racing — answers 409 naming the field and the rule like every other refusal; no refusal by
 * the database carries the refused row's values into an exception message or a log line.
 */
@IntegrationTest
class UniqueViolationConflictIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ErrorHandling errors;

	@Test
	void aSecondOpenPauseOfACaseIsRefusedByTheDatabaseAndAnsweredAsAConflictNamingFieldAndRule() {
		long caseId = jdbc.sql("""
				SELECT c.id FROM penalty_case c WHERE NOT EXISTS (
				    SELECT 1 FROM penalty_case_suspension s WHERE s.case_id = c.id AND s.ended_on IS NULL)
				ORDER BY c.id LIMIT 1""").query(Long.class).single();
		String open = "INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason) VALUES (:id, 'APPRAISAL', "
				+ "current_date, '委托鉴定')";
		DuplicateKeyException[] met = new DuplicateKeyException[1];
		transactions.executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			jdbc.sql(open).param("id", caseId).update();
			// an ended pause beside the open one is fine
			jdbc.sql("INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason) VALUES (:id, "
					+ "'TESTING', current_date - 20, current_date - 10, '检测')").param("id", caseId).update();
			assertThatThrownBy(() -> jdbc.sql(open).param("id", caseId).update())
				.isInstanceOfSatisfying(DuplicateKeyException.class, ex -> met[0] = ex);
		});

		MockHttpServletRequest request = new MockHttpServletRequest("POST",
				"/api/v1/enforcement/cases/" + caseId + "/suspension");
		ResponseEntity<?> answer = (ResponseEntity<?>) errors.database(met[0], request);
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		@SuppressWarnings("unchecked")
		List<FieldError> named = (List<FieldError>) problem.getProperties().get("errors");
		assertThat(named).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("caseId", "duplicate"));
	}

	@Test
	void aLookAlikeDepartmentRacingPastTheCheckIsRefusedByTheFoldedIndexAndNamedAsTheNameField() {
		long bureau = jdbc.sql("SELECT id FROM bureau ORDER BY id LIMIT 1").query(Long.class).single();
		String insert = "INSERT INTO department (bureau_id, name, created_at) VALUES (:b, :n, now())";
		DuplicateKeyException[] met = new DuplicateKeyException[1];
		transactions.executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			jdbc.sql(insert).param("b", bureau).param("n", "GJ竞速专班").update();
			assertThatThrownBy(() -> jdbc.sql(insert).param("b", bureau).param("n", "ＧＪ 竞速专班").update())
				.isInstanceOfSatisfying(DuplicateKeyException.class, ex -> met[0] = ex);
		});
		ResponseEntity<?> answer = (ResponseEntity<?>) errors.database(met[0],
				new MockHttpServletRequest("POST", "/api/v1/departments"));
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		@SuppressWarnings("unchecked")
		List<FieldError> named = (List<FieldError>) ((ProblemDetail) answer.getBody()).getProperties().get("errors");
		assertThat(named).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("bureauId,name", "duplicate"));
	}

	@Test
	void aRefusalByTheDatabaseReachesNoMessageOrLogLineWithTheRowsValues() {
		String idNumber = "11010519491231002X";
		DataAccessException[] met = new DataAccessException[1];
		transactions.executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			jdbc.sql("CREATE TEMPORARY TABLE refused_person (id_number text UNIQUE CHECK (length(id_number) = 19))"
					+ " ON COMMIT DROP").update();
			assertThatThrownBy(() -> jdbc.sql("INSERT INTO refused_person VALUES (:n)").param("n", idNumber).update())
				.isInstanceOfSatisfying(DataAccessException.class, ex -> met[0] = ex);
		});
		// PostgreSQL's detail would read "Failing row contains (11010519491231002X)."
		assertThat(met[0].getMessage()).contains("refused_person_id_number_check").doesNotContain(idNumber);
		assertThat(ErrorHandling.withoutValues(met[0])).contains("23514", "refused_person_id_number_check")
			.doesNotContain(idNumber);
	}

	@Test
	void theFieldOfAUniqueKeyIsReadFromTheDatabasesDetail() {
		assertThat(ConcurrentSubmits.uniqueKeyField("ERROR: duplicate key value violates unique constraint \"x\"\n"
				+ "  Detail: Key (case_id)=(12) already exists.")).isEqualTo("caseId");
		assertThat(ConcurrentSubmits.uniqueKeyField("Key (enterprise_credit_code, report_year)=(9132, 2026) already exists."))
			.isEqualTo("enterpriseCreditCode,reportYear");
		assertThat(ConcurrentSubmits.uniqueKeyField("Key (bureau_id, folded(name::text))=(1, gj) already exists."))
			.isEqualTo("bureauId,name");
		assertThat(ConcurrentSubmits.uniqueKeyField("Key (bureau_id, text_key(name::text))=(1, gj) already exists."))
			.as("the text_key indexes of V346").isEqualTo("bureauId,name");
		assertThat(ConcurrentSubmits.uniqueKeyField("Key (enterprise_name_key(legal_name::text))=(苏州某某快递有限公司) already exists."))
			.isEqualTo("legalName");
		assertThat(ConcurrentSubmits.uniqueKeyField("unique violation")).isEqualTo("request");
	}
}
