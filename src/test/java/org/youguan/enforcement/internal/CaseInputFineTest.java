package org.youguan.enforcement.internal;

import org.junit.jupiter.api.Test;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;

import static org.assertj.core.api.Assertions.assertThat;

/** A fine beyond its digits is told once, for its digits — not also "须大于0" for the null it became. */
class CaseInputFineTest {

	@Test
	void aFineOfTooManyDigitsIsOneMessage() {
		for (String typed : new String[] { "1e20", "100000000000000000000", "1E+20" }) {
			Validation v = new Validation();
			assertThat(CaseInput.fine(v, "proposedFine", Penalty.FINE, typed)).isNull();
			assertThat(v.errors()).as(typed).singleElement().extracting(FieldError::rule).isEqualTo("digits");
		}
	}

	@Test
	void aFineInExponentFormWithinItsDigitsIsOneMessage() {
		Validation v = new Validation();
		CaseInput.fine(v, "proposedFine", Penalty.FINE, "1e3");
		assertThat(v.errors()).singleElement().extracting(FieldError::rule).isEqualTo("number");
	}
}
