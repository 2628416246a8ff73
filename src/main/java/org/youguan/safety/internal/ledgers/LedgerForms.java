package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.Validation;

/**
 * The values of a ledger's page form that could not be read into their type (an outlet's number or a count that is
 * no whole number), told as field errors that the ledger's own checks continue ({@link Validation#after}), so one
 * answer names every bad field of the form: the recording forms bind their records ({@link FormBinding}), the one edit
 * page reads its numbers here ({@link #number}).
 */
final class LedgerForms {

	/** The labels of the ledgers' fields a value of the wrong shape can be posted to, by field. */
	static final Map<String, String> LABELS = Map.of("outletId", "网点编号", "facilityId", "设施编号", "parcels", "收寄量",
			"screened", "过机安检量", "backFilled", "历史补录");

	private LedgerForms() {
	}

	/**
	 * The form's values that could not be bound ({@link FormBinding#errors}), each named by its label and stating what
	 * the field takes.
	 * @param binding the binding of the form's record
	 * @param form the form's record class, declaring its counts' ranges
	 * @param clock the application's clock (China's date)
	 */
	static List<FieldError> errors(BindingResult binding, Class<? extends Record> form, Clock clock) {
		return FormBinding.errors(binding, form, LABELS, LocalDate.now(clock));
	}

	/**
	 * A registry id typed in an edit form's field, null when blank or when it is no whole number from 1 — then refused in
	 * {@code earlier} (rule {@code format}, "网点编号应为正整数（至多19位）"), which the ledger's checks continue.
	 * @param earlier the form's failures so far ({@link Validation#errors} of a validation the ledger continues)
	 */
	static Long id(Validation earlier, Map<String, String> form, String field) {
		return earlier.check(field, () -> Validation.id(field, LABELS.get(field), form.get(field)));
	}
}
