package org.youguan.enforcement.internal;

import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

/**
 * A step's refusal naming the fields as the caller sent them: the services name a step's day by what it is
 * ({@code notifiedOn}, {@code deliveredOn}, …), the case page's forms and the API take it as {@code on} (a statement's
 * text as {@code text}) — so the error is shown beside the field typed, and an API caller reads the name it sent.
 */
final class StepFieldNames {

	private StepFieldNames() {
	}

	/**
	 * Runs {@code step}; an error on {@code field} — a refused value (400) or a rule of law refused on it (422, 409) —
	 * is rethrown on {@code callerName}, the other errors as they were.
	 */
	static void named(String field, String callerName, Runnable step) {
		try {
			step.run();
		}
		catch (InvalidValueException ex) {
			throw ex.renamed(field, callerName);
		}
		catch (DomainException ex) {
			// a rule of law refused on the day (422, 409) names the day as the caller sent it too
			throw new DomainException(ex.code(), ex.wording(), ex.getMessage(), ex.fieldErrors().stream()
				.map(e -> field.equals(e.field()) ? new FieldError(callerName, e.rule(), e.message()) : e)
				.toList(), ex.wordings());
		}
	}

	/** As {@link #named(String, String, Runnable)} for a step's day sent as {@code on}. */
	static void onDay(String field, Runnable step) {
		named(field, "on", step);
	}
}
