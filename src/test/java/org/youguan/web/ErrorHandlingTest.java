package org.youguan.web;

import java.sql.SQLException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** How database refusals reach the caller. */
class ErrorHandlingTest {

	final ErrorHandling handling = new ErrorHandling(DataSize.ofMegabytes(50), DataSize.ofMegabytes(60));

	@Test
	void aUniqueKeyMetByARacingSecondSubmissionIsAConflictNotAServerError() {
		SQLException duplicate = new PSQLException("duplicate key value violates unique constraint x_key",
				PSQLState.UNIQUE_VIOLATION);
		Object answer = handling.database(new DuplicateKeyException("dup", duplicate),
				new MockHttpServletRequest("POST", "/api/v1/inspections/records/42/order"));
		assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class, r -> {
			assertThat(r.getStatusCode().value()).isEqualTo(409);
			assertThat(((ProblemDetail) r.getBody()).getDetail()).contains("重复提交");
		});
	}

	@Test
	void otherIntegrityFailuresStayServerErrors() {
		SQLException foreignKey = new PSQLException("violates foreign key constraint", PSQLState.FOREIGN_KEY_VIOLATION);
		Object answer = handling.database(new DataIntegrityViolationException("fk", foreignKey),
				new MockHttpServletRequest("POST", "/api/v1/inspections/records/42/order"));
		assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class,
				r -> assertThat(r.getStatusCode().value()).isEqualTo(500));
	}

	@Test
	void aFormBodyTomcatRefusedAsTooLargeIsA413InChineseNotAServerError() {
		Object answer = handling.unparsableParameters(new InvalidParameterException("Parameters were not parsed because the "
				+ "size of the posted data was too big.", 413), new MockHttpServletRequest("POST", "/api/v1/safety/hazards"));
		assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class, r -> {
			assertThat(r.getStatusCode().value()).isEqualTo(413);
			assertThat(((ProblemDetail) r.getBody()).getDetail()).contains("超过大小限制");
		});
	}
}
