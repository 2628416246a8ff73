package org.youguan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.CollectedErrors;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Finding (a refusal of several errors read in English for its first error only): every failure a refusal lists
 * carries its own sentence's key — a {@link Validation}'s checks thrown together, the refusals an answer gathers
 * ({@link CollectedErrors}) — so a reader in English reads each of them in English, a reader in Chinese as written.
 */
class RefusalOfSeveralErrorsInEnglishTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final LocalDate MIN = LocalDate.of(2020, 1, 1);

	private static final LocalDate MAX = LocalDate.of(2020, 12, 31);

	/** Two dates out of their range, thrown together: both in English, neither with a Chinese character. */
	@Test
	void everyErrorOfAValidationIsWordedInEnglish() {
		Validation v = new Validation().within("startedOn", "开始日期", LocalDate.of(2019, 5, 1), MIN, MAX)
			.within("endedOn", "结束日期", LocalDate.of(2021, 5, 1), MIN, MAX);
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, v::throwIfInvalid);
		assertThat(refused.fieldErrors()).hasSize(2);
		List<FieldError> english = RefusalWords.in(refused.formErrors(), refused, Locale.ENGLISH);
		assertThat(english).extracting(FieldError::message)
			.containsExactly("Started on must not be before 2020-01-01 (between 2020-01-01 and 2020-12-31)",
					"Ends on must not be after 2020-12-31 (between 2020-01-01 and 2020-12-31)");
		assertThat(english).allSatisfy(e -> assertThat(HAN.matcher(e.message()).find()).as(e.message()).isFalse());
		// a Chinese reader reads the module's words as they are
		assertThat(RefusalWords.in(refused.formErrors(), refused, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo(refused.formErrors());
	}

	/** Refusals gathered into one answer keep each failure's key, not the first refusal's alone. */
	@Test
	void collectedRefusalsKeepEveryKey() {
		CollectedErrors errors = new CollectedErrors();
		for (String field : List.of("startedOn", "endedOn")) {
			try {
				new Validation().within(field, "开始日期", LocalDate.of(2019, 5, 1), MIN, MAX).throwIfInvalid();
			}
			catch (DomainException ex) {
				errors.addRefusal(ex);
			}
		}
		InvalidValueException refused = errors.refusal();
		assertThat(refused.formErrors()).hasSize(2);
		assertThat(refused.formErrors()).allSatisfy(e -> assertThat(refused.wording(e)).isNotNull());
		assertThat(RefusalWords.in(refused.formErrors(), refused, Locale.ENGLISH)).extracting(FieldError::message)
			.allSatisfy(m -> assertThat(m).startsWith("Started on must not be before 2020-01-01"));
	}
}
