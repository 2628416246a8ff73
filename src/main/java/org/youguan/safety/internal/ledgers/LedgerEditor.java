package org.youguan.safety.internal.ledgers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.youguan.org.CurrentUser;

/**
 * One ledger's correction as the one edit page ({@link LedgerEditController}) runs it: the form's fields, the row's
 * values as the form shows them (read in the caller's scope: 404 outside it), the correction of the row from the
 * posted values (the ledger's service: the recording's checks, 409 once closed, the audit of what changed) and the
 * page to show after saving.
 */
interface LedgerEditor {

	/** The ledger's path segment under {@code /safety/} (trainings, seizures, hazards, incidents, contractors). */
	String ledger();

	/** The message key of the edit page's title. */
	String title();

	/** The form's fields for this user (e.g. the regions it may choose). */
	List<Field> fields(CurrentUser me);

	/** The row's values by field name, as the form shows them. */
	Map<String, String> values(CurrentUser me, long id);

	/** Corrects the row from the posted values; returns the changed facts (empty: nothing changed). */
	Map<String, Object[]> correct(CurrentUser me, long id, Map<String, String> form);

	/** Where the saved form goes. */
	String page(long id);

	/**
	 * A form field.
	 * @param type an HTML input type, or {@code textarea}, {@code select}, {@link #ENTERPRISE}, {@link #PLACE} or
	 *        {@link #OUTLETS}
	 * @param label the message key of its label
	 */
	record Field(String name, String label, String type, boolean required, int maxLength, List<Option> options) {

		/** The enterprise's credit code, the region's enterprises suggested ({@link Placement#enterprises}). */
		static final String ENTERPRISE = "enterprise";

		/** The outlet or facility (by the field's name) chosen among the named enterprise's ({@link Placement#choices}). */
		static final String PLACE = "place";

		/** The outlets covered, several chosen among the named enterprise's ({@link Placement#choices}). */
		static final String OUTLETS = "outlets";

		static Field of(String name, String label, String type, boolean required, int maxLength) {
			return new Field(name, label, type, required, maxLength, List.of());
		}

		static <E extends Enum<E>> Field choice(String name, String label, E[] values, Function<E, String> labels) {
			return new Field(name, label, "select", true, 0,
					Arrays.stream(values).map(e -> new Option(e.name(), labels.apply(e))).toList());
		}
	}

	/** A choice of a select field. */
	record Option(String value, String label) {
	}
}
