package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Attack: a refusal naming no field showed on the page with no data-field and its code's constant as the rule
 * (data-rule="RULE_VIOLATION", "ILLEGAL_TRANSITION"), while the problem JSON named {@code request}/{@code rule}. One
 * naming for both: the state's refusal on {@code status}, rule {@code state}; any other on {@code request}, rule in
 * lower-case kebab by its code.
 */
class DomainExceptionFormErrorsTest {

	@Test
	void aRefusalNamingNoFieldIsNamedAsTheProblemAnswerNamesIt() {
		assertThat(DomainException.rule("不符合").formErrors()).extracting(FieldError::field, FieldError::rule, FieldError::message)
			.containsExactly(tuple("request", "rule", "不符合"));
		assertThat(DomainException.illegalTransition("已审核").formErrors()).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("status", "state"));
		assertThat(new DomainException(ErrorCode.DUPLICATE, "重复").formErrors()).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("request", "duplicate"));
		assertThat(DomainException.rule("request", "department-duty", "只能").formErrors()).extracting(FieldError::rule)
			.containsExactly("department-duty");
	}
}
