package org.youguan.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How database refusals, oversized bodies and clients that went away reach the caller and the log. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTest {

	/**
	 * Attack round 18: a choice not among the offered was refused with the enum's English codes only, and a user's
	 * kind under the generic 类别: the choices are listed by the labels the forms show (with the value to send), and a
	 * choice is named as the forms name it.
	 */
	@Test
	void aChoiceNotOfferedListsTheChoicesByTheirChineseLabels() {
		assertThat(ErrorHandling.expected(org.youguan.org.Role.class)).contains("系统管理员（SYSTEM_ADMIN）", "机构管理员");
		assertThat(ErrorHandling.expected(org.youguan.org.UserKind.class)).contains("（STAFF）").doesNotContain("可选值：STAFF");
		assertThat(FieldLabels.named("kind", org.youguan.org.UserKind.class)).isEqualTo("用户类型");
		assertThat(FieldLabels.named("role", org.youguan.org.Role.class)).isEqualTo("角色");
	}

	/**
	 * A date that could not be bound is told what is wrong with it: a malformed one its format (no range), a real one
	 * beyond the one bound of a date (Validation.plausible, a record's 1949-10-01 … 2099-12-31 — no second, looser
	 * 1900–2199 of the binding's own) that bound.
	 */
	@Test
	void aDateThatCannotBeBoundIsToldWithoutARangeTheFieldDoesNotHave() {
		assertThat(ErrorHandling.expected(java.time.LocalDate.class)).contains("YYYY-MM-DD").doesNotContain("1900", "2199", "之间");
		assertThat(ErrorHandling.wrong(java.time.LocalDate.class, "2026-02-30")).startsWith("格式不正确").doesNotContain("1900");
		assertThat(ErrorHandling.wrong(java.time.LocalDate.class, "1850-01-01"))
			.isEqualTo("年份不合理，日期应在1949年10月1日至2099年12月31日之间，请核对");
		assertThat(ErrorHandling.wrong(Integer.class, "x")).startsWith("格式不正确（应为整数");
	}


	/**
	 * A number refused only for lying beyond its type, on a field declaring no range of its own, is told its own type's
	 * real range — a short's, an int's, a long's, a decimal's digits — never an int's for another type, nor "应为整数"
	 * alone of a whole number.
	 */
	@Test
	void aNumberBeyondItsTypeIsToldThatTypesRealRange() {
		assertThat(ErrorHandling.wrong(Short.class, "40000", "count")).isEqualTo("格式不正确（应为整数（-32768至32767））");
		assertThat(ErrorHandling.wrong(Integer.class, "99999999999", "count"))
			.isEqualTo("格式不正确（应为整数（-2147483648至2147483647））");
		assertThat(ErrorHandling.wrong(Long.class, "99999999999999999999", "count")).contains("9223372036854775807")
			.doesNotContain("2147483647");
		assertThat(ErrorHandling.wrong(java.math.BigDecimal.class, "1e400", "amount"))
			.isEqualTo("格式不正确（应为数字，整数部分至多" + org.youguan.kernel.Decimals.INTEGER_DIGITS + "位、小数部分至多10位）");
		// a value that is no number keeps being told only what it should be
		assertThat(ErrorHandling.wrong(java.math.BigDecimal.class, "abc", "amount")).isEqualTo("格式不正确（应为数字）");
		assertThat(ErrorHandling.wrong(Short.class, "x", "count")).doesNotContain("32767");
	}

	final ErrorHandling handling = new ErrorHandling(DataSize.ofMegabytes(50), DataSize.ofMegabytes(60), null,
			java.time.Clock.systemUTC(), null, null, null);

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

	/**
	 * A refusal that names no field (licensing's "只有业务人员或企业本身可以提交许可申请", a 403 without a field) still carries
	 * the errors array every problem has: field {@code request}, rule {@code forbidden}; one naming its field keeps it.
	 */
	@Test
	void aRefusalNamingNoFieldIsAProblemWithRequestForbidden() {
		var request = new MockHttpServletRequest("POST", "/api/v1/licensing/applications");
		assertThat(errorsOf(handling.refused(new AccessRefusedException("只有业务人员或企业本身可以提交许可申请"), request)))
			.containsExactly(new FieldError("request", "forbidden", "只有业务人员或企业本身可以提交许可申请"));
		assertThat(errorsOf(handling.refused(new AccessRefusedException("applicantCreditCode", "企业用户只能为本企业提交许可申请"),
				request))).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("applicantCreditCode", "forbidden"));
		assertThat(errorsOf(handling.domain(new DomainException(ErrorCode.ACCESS_DENIED, "无权办理"), request, null)))
			.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("request", "forbidden"));
	}

	/**
	 * Every refusal names a field and a rule, only a 500 none (attack: a 422 for missing licence materials and one for
	 * too small a team answered {@code errors: []}): a 422 or 404 naming no field is about the request.
	 */
	@Test
	void aRuleViolationOrNotFoundNamingNoFieldNamesTheRequest() {
		var request = new MockHttpServletRequest("POST", "/api/v1/licensing/applications/1/acceptance");
		assertThat(errorsOf(handling.domain(DomainException.rule("申请材料不齐全"), request, null), 422))
			.containsExactly(new FieldError("request", "rule", "申请材料不齐全"));
		assertThat(errorsOf(handling.domain(DomainException.notFound("许可申请", 1), request, null), 404))
			.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("request", "not-found"));
	}

	private static List<FieldError> errorsOf(Object answer) {
		return errorsOf(answer, 403);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errorsOf(Object answer, int status) {
		ProblemDetail problem = (ProblemDetail) ((ResponseEntity<?>) answer).getBody();
		assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(status);
		return (List<FieldError>) problem.getProperties().get("errors");
	}

	@Test
	void otherIntegrityFailuresStayServerErrors() {
		SQLException foreignKey = new PSQLException("violates foreign key constraint", PSQLState.FOREIGN_KEY_VIOLATION);
		Object answer = handling.database(new DataIntegrityViolationException("fk", foreignKey),
				new MockHttpServletRequest("POST", "/api/v1/inspections/records/42/order"));
		assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class,
				r -> assertThat(r.getStatusCode().value()).isEqualTo(500));
	}

	/**
	 * A client that closed the connection while a large answer was written (a parcel upload's error list piped into
	 * {@code head}): Tomcat's broken pipe, wrapped by the message converter, is no server error — no answer, no ERROR
	 * line with a stack trace; any other failure still is one.
	 */
	@Test
	void aClientThatWentAwayWhileItsAnswerWasWrittenIsNoServerError(CapturedOutput output) {
		var request = new MockHttpServletRequest("POST", "/api/v1/safety/parcel-records");
		var brokenPipe = new HttpMessageNotWritableException("Could not write JSON",
				new ClientAbortException(new IOException("Broken pipe")));
		assertThat(handling.unexpected(brokenPipe, request)).isNull();
		assertThat(output.getAll()).doesNotContain("Unexpected error");
		assertThat(handling.unexpected(new IllegalStateException("a fault"), request))
			.isInstanceOfSatisfying(ResponseEntity.class, r -> assertThat(r.getStatusCode().value()).isEqualTo(500));
		assertThat(output.getAll()).contains("Unexpected error on POST /api/v1/safety/parcel-records");
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

	/**
	 * An upload over the multipart limits names the part that was too large (evidence, materials — not a generic
	 * "file"), so the form marks that field; a request over the limit as a whole names the request.
	 */
	@Test
	void anUploadOverTheLimitNamesThePartThatWasTooLarge() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/enforcement/cases/1/evidence");
		FileSizeLimitExceededException part = new FileSizeLimitExceededException("too large", 60, 50);
		part.setFieldName("evidence");
		Object tooLarge = handling.tooLarge(new MaxUploadSizeExceededException(50, new IllegalStateException(part)), request);
		assertThat(errorsOf413(tooLarge)).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("evidence", "size"));
		Object whole = handling.tooLarge(new MaxUploadSizeExceededException(60,
				new IllegalStateException(new SizeLimitExceededException("too large", 70, 60))), request);
		assertThat(errorsOf413(whole)).extracting(FieldError::field).containsExactly("request");
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errorsOf413(Object answer) {
		assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(413);
		return (List<FieldError>) ((ProblemDetail) ((ResponseEntity<?>) answer).getBody()).getProperties().get("errors");
	}
}
