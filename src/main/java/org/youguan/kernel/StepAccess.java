package org.youguan.kernel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may take the steps of one kind of record, decided before anything the step was sent is read. A module whose
 * records are their handling bureau's (a complaint, a case, a lead, a credit entry) declares here the addresses of its
 * steps and the rule; the web shell asks it for every POST, PUT, PATCH or DELETE to such an address before the form is
 * bound or the body read (its {@code StepAccessFirst}), so the order of the answers is the same on every page form and
 * API call: the caller's role ({@code @PreAuthorize}, 403) → the record outside the caller's scope (404) → a record of
 * another bureau, which the caller reads and takes no step of (403, {@code Bureaus#requireHandling}) → a value that
 * cannot be bound or read (400) → the step's own rules. A superior bureau's staff posting a step with one bad field to a
 * county's complaint is told that the county bureau handles it, not which of its fields is wrong.
 *
 * <p>The step itself still checks the same rule (a call that does not come through the web — a job, a test, the demo
 * data — is held to it there); this is the order of the refusals, not a second rule.
 */
public interface StepAccess {

	/**
	 * The addresses of the steps this rule decides, as Spring path patterns holding the record's id in {@code {id}}
	 * and, where the address goes on, {@code /**} ({@code /complaints/{id}/**}, {@code /api/v1/complaints/{id}/**}).
	 * An address whose {@code id} is not a whole number is not the record's (a page such as {@code /complaints/new}):
	 * left to the handler.
	 */
	List<String> steps();

	/**
	 * Refuses the signed-in caller the step at {@code rest} on record {@code id}, or returns when it may take it (its
	 * own rules then decide).
	 * @param scope the caller's scope
	 * @param id the record's id from the address
	 * @param rest what follows the id in the address ({@code transfer}, {@code documents/3/reissue}; empty for none):
	 *        a step open to more than the handling bureau (a case's 法制审核) is let through here
	 * @throws DomainException 404 for a record not there or outside the scope
	 * @throws AccessRefusedException 403 for staff of another bureau than the one handling the record
	 */
	void requireStep(DataScope scope, long id, String rest);

	/**
	 * The request parameter naming the record for an address that holds no {@code {id}} — a step on a record chosen in
	 * its form ({@code POST /statistics/completeness/remind} with {@code form=7}): the record's number is read from
	 * this parameter (a query or form field, never a JSON body) before the form is bound, as an id in the address is.
	 * Null (the default) for addresses that hold the record's id.
	 */
	default String recordParameter() {
		return null;
	}

	/**
	 * What the record {@link #recordParameter} names is called in a 404 ({@code 报表}) when the parameter holds no
	 * record's number in its one form (ASCII digits): {@code form=７}, {@code form=+7}, {@code form=7,} name no record —
	 * 404 before any field, as an id in another form in the address is. Null for addresses that hold the record's id.
	 */
	default String parameterRecord() {
		return null;
	}

	/**
	 * The request parameter naming the region a step is on, for an address that holds no record ({@code POST
	 * /statistics/targets} with {@code region=320583}) — a form or query parameter, or for a JSON body its top-level
	 * field of that name (or of a {@code @JsonAlias} of the body's record component of that name): its value is read as every region code is
	 * ({@link RegionPrefix#normalised}: {@code ３２０５} and {@code 320500} are {@code 3205}) and handed to
	 * {@link #requireStep(DataScope, String, String)} before the form is bound; a form or query value that is no region code in
	 * any form ({@code +3205}, {@code 32 05}, {@code 3205,}, {@code 03205}) names no region: 400 naming the parameter
	 * (rule {@code format}) before any other field, whatever the caller's scope. A blank
	 * value (the caller's own region, where the step allows it) is left to the step. Null (the default) for others.
	 */
	default String regionParameter() {
		return null;
	}

	/**
	 * The request parameter or top-level JSON field naming the record a new step is about, for an address that holds
	 * none — the bureau an inspector is registered with ({@code bureauId}): its value, stripped, is handed to
	 * {@link #requireStep(DataScope, String, String)} before the form is bound or the body read, as
	 * {@link #regionParameter} is; a blank or absent value is left to the step. Null (the default) for others.
	 */
	default String valueParameter() {
		return null;
	}

	/**
	 * The fields that, when sent (a value other than blank), place the new record elsewhere than the record
	 * {@link #valueParameter} names — an outlet or facility in the caller's region of an enterprise registered in
	 * another ({@code outletId}, {@code facilityId}): the value is then left to the step, which decides the place.
	 * Empty (the default) for others.
	 */
	default List<String> placingParameters() {
		return List.of();
	}

	/**
	 * The rule of a new step whose record is named by more than one field of the request — an inspection record names
	 * the enterprise ({@code enterpriseCreditCode}) or one of its branches or outlets ({@code objectType} and
	 * {@code objectId}; the page form's {@code object}): asked before the form is bound or the body read with every
	 * value the request sends under each name ({@link Sent}), so it reads every way the request can name what the step
	 * is about, not one field only. Null (the default) for others.
	 */
	default SentRule sentRule() {
		return null;
	}

	/**
	 * What a request sends under a field's name, read before the form is bound or the body read: its form or query
	 * parameter, else every string's text or whole number's digits its JSON body holds under that top-level name (or a
	 * {@code @JsonAlias} of the body record's component of that name) — each value of a key sent twice. Empty when
	 * nothing is sent under the name.
	 */
	@FunctionalInterface
	interface Sent {

		/** Every value sent under {@code name}, as sent (not stripped); empty for none. */
		List<String> values(String name);
	}

	/** The rule of a step deciding on what the request names in several fields ({@link #sentRule}). */
	@FunctionalInterface
	interface SentRule {

		/**
		 * Refuses the signed-in caller the step on what {@code sent} names, or returns when it may take it (the step's
		 * own rules then decide, and check again).
		 * @throws DomainException 404 for a record named outside the caller's scope
		 */
		void requireStep(DataScope scope, Sent sent);
	}

	/**
	 * The access to the steps at {@code steps}, whose addresses hold no record, decided by {@code rule} on every value
	 * the request sends under the names it reads ({@link #sentRule}) — a new record named by more than one field.
	 * @param steps the addresses, as {@link #steps} takes them
	 * @param rule the refusal, asked before the form is bound or the body read
	 */
	static StepAccess ofSent(List<String> steps, SentRule rule) {
		return named(steps, null, null, List.of(), (scope, value, rest) -> {
			// asked with every value at once (sentRule), never one by one
		}, rule);
	}

	/**
	 * For records addressed by a code rather than a number (a 建制村 by its 12-digit village code, a bureau's 抽查事项 by
	 * its item code): the one written form of the code, which the addresses of {@link #steps} hold in {@code {code}};
	 * empty (the default) for records addressed by number. A step addressed with another form of the code — full-width
	 * digits, lower case, blanks, a code one digit short — names no record: 404 before the rule or any field, as a
	 * number in another form does; an address whose handler takes no {@code code} (a page such as
	 * {@code /universal/villages/import}) is left to the handler.
	 */
	default Optional<CodeForm> code() {
		return Optional.empty();
	}

	/**
	 * Refuses the signed-in caller the step at {@code rest} on the record addressed by {@code code} (already in its
	 * {@link #code() form}), or returns when it may take it; never asked of a rule of records addressed by number.
	 * @throws DomainException 404 for a record not there or outside the scope
	 * @throws AccessRefusedException 403 for a caller who reads the record and takes no step of it
	 */
	default void requireStep(DataScope scope, String code, String rest) {
	}

	/**
	 * The one written form of a record's code ({@link #code()}).
	 * @param record what the record is called in a 404 ({@code 建制村})
	 * @param pattern the whole code as written (ASCII only: never {@code \d} with Unicode classes)
	 */
	record CodeForm(String record, Pattern pattern) {

		/** Whether {@code code} is written in this form. */
		public boolean matches(String code) {
			return code != null && pattern.matcher(code).matches();
		}
	}

	/** The rule of a step on a record addressed by code ({@link #requireStep(DataScope, String, String)}), for {@link #ofCode}. */
	@FunctionalInterface
	interface CodeRule {

		/** As {@link StepAccess#requireStep(DataScope, String, String)}. */
		void requireStep(DataScope scope, String code, String rest);
	}

	/**
	 * The access to the steps at {@code steps} on records addressed by code, decided by {@code rule} — what a module
	 * declares when its records are named by a code ({@code StepAccess.ofCode(List.of("/universal/villages/{code}/**"),
	 * new CodeForm("建制村", Pattern.compile("[0-9]{12}")), (scope, code, rest) -> villages.requireProfileStep(scope, code))}).
	 * @param steps the addresses, holding the code in {@code {code}} and, where the address goes on, {@code /**}
	 * @param form the code's one written form: another form of it is 404
	 * @param rule the refusal, asked with the code as written in {@code form}
	 */
	static StepAccess ofCode(List<String> steps, CodeForm form, CodeRule rule) {
		List<String> addresses = List.copyOf(steps);
		return new StepAccess() {

			@Override
			public List<String> steps() {
				return addresses;
			}

			@Override
			public Optional<CodeForm> code() {
				return Optional.of(form);
			}

			@Override
			public void requireStep(DataScope scope, long id, String rest) {
				// addressed by code: no number names one of these records
			}

			@Override
			public void requireStep(DataScope scope, String code, String rest) {
				rule.requireStep(scope, code, rest);
			}
		};
	}

	/** The rule of a step ({@link #requireStep}), for {@link #of}. */
	@FunctionalInterface
	interface Rule {

		/** As {@link StepAccess#requireStep}. */
		void requireStep(DataScope scope, long id, String rest);
	}

	/**
	 * The access to the steps at {@code steps} decided by {@code rule} — what a module declares as a bean when the rule
	 * is one call of its own ({@code StepAccess.of(List.of("/plans/{id}/**"), (scope, id, rest) -> plans.requireStep(scope, id))}).
	 * @param steps the addresses, as {@link #steps} takes them
	 * @param rule the refusal, as {@link #requireStep} throws it
	 */
	static StepAccess of(List<String> steps, Rule rule) {
		return of(steps, null, null, rule);
	}

	/**
	 * The access to the steps at {@code steps}, whose addresses hold no record id, on the record a request parameter
	 * names ({@link #recordParameter}), decided by {@code rule} — a step such as 催报 on the form {@code form} names.
	 * A value of the parameter that is no record number in its one form (not ASCII digits) names no record: 404
	 * before any field ({@link #parameterRecord}); a blank one is left to the handler, which asks for it.
	 * @param steps the addresses, as {@link #steps} takes them (without {@code {id}})
	 * @param parameter the request parameter holding the record's number; null for an id in the address
	 * @param record what the record is called in a 404 ({@code 报表}); null with {@code parameter} null
	 * @param rule the refusal, as {@link #requireStep} throws it ({@code rest} is empty)
	 */
	static StepAccess of(List<String> steps, String parameter, String record, Rule rule) {
		List<String> addresses = List.copyOf(steps);
		return new StepAccess() {

			@Override
			public String recordParameter() {
				return parameter;
			}

			@Override
			public String parameterRecord() {
				return record;
			}

			@Override
			public List<String> steps() {
				return addresses;
			}

			@Override
			public void requireStep(DataScope scope, long id, String rest) {
				rule.requireStep(scope, id, rest);
			}
		};
	}

	/**
	 * The access to the steps at {@code steps}, whose addresses hold no record, on the region a request parameter names
	 * ({@link #regionParameter}), decided by {@code rule} with the region's code in the project's one form — setting a
	 * region's target ({@code POST /statistics/targets}, {@code region}).
	 * @param steps the addresses, as {@link #steps} takes them
	 * @param parameter the request parameter holding the region's code
	 * @param rule the refusal, asked with the normalised code and an empty {@code rest}
	 */
	static StepAccess ofRegion(List<String> steps, String parameter, CodeRule rule) {
		return regionStep(steps, parameter, rule);
	}

	/**
	 * The access to the steps at {@code steps} that place a record in the region a request parameter names — a new
	 * record stored with that region ({@code POST /safety/trainings}, {@code region}; {@code POST /registry/outlets/new},
	 * {@code regionCode}) or one moved there by its edit: for a bureau's staff a region outside its scope is not there
	 * (404 naming the 行政区划) before any field is read, as a record of another region is; a region within it (its own,
	 * or one below: the record is then the recording bureau's where its module says so) is left to the step's rules,
	 * which check it again. An enterprise's or the public's step is left to the step (its scope holds no region). A value
	 * that is no region code is 400 naming its format, a blank one left to the step ({@link #regionParameter}).
	 * @param steps the addresses, as {@link #steps} takes them
	 * @param parameter the form or query parameter holding the region's code — or the JSON body's top-level field of
	 *        that name (or its {@code @JsonAlias}), read before the body is bound
	 */
	static StepAccess ofRegionInScope(List<String> steps, String parameter) {
		// the rule a module API applies to a region in its data (DataScope#refuseRegionOutside), here before the form
		return regionStep(steps, parameter, (scope, code, rest) -> scope.refuseRegionOutside(parameter, code));
	}

	/**
	 * The access to the steps at {@code steps}, whose addresses hold no record, on the record a form field or a JSON
	 * body's top-level field names ({@link #valueParameter}) — a new inspector of the bureau {@code bureauId} names:
	 * {@code rule} refuses a record outside the caller's scope (404) before any field is bound, so a malformed date
	 * beside it is not told to a caller who may not take the step at all.
	 * @param steps the addresses, as {@link #steps} takes them
	 * @param parameter the form field or JSON field holding the record's key (an id, a code)
	 * @param rule the refusal, asked with the value as sent (stripped) and an empty {@code rest}
	 */
	static StepAccess ofValue(List<String> steps, String parameter, CodeRule rule) {
		return named(steps, null, parameter, List.of(), rule, null);
	}

	/**
	 * As {@link #ofValue(List, String, CodeRule)}, the value left to the step when one of {@code placing} is sent
	 * ({@link #placingParameters}) — a new hazard of an enterprise named by {@code enterpriseCreditCode} at one of its
	 * outlets ({@code outletId}) in the caller's region, the enterprise being registered in another.
	 * @param placing the fields that place the record elsewhere than the record {@code parameter} names
	 */
	static StepAccess ofValue(List<String> steps, String parameter, List<String> placing, CodeRule rule) {
		return named(steps, null, parameter, List.copyOf(placing), rule, null);
	}

	private static StepAccess regionStep(List<String> steps, String parameter, CodeRule rule) {
		return named(steps, parameter, null, List.of(), rule, null);
	}

	/**
	 * The access to steps whose addresses hold no record, on what a request value names: the region
	 * {@code regionParameter} names (read as a region code), the record {@code valueParameter} names (as sent), or what
	 * several fields name together ({@code sent}, null for none).
	 */
	private static StepAccess named(List<String> steps, String regionParameter, String valueParameter, List<String> placing,
			CodeRule rule, SentRule sent) {
		List<String> addresses = List.copyOf(steps);
		return new StepAccess() {

			@Override
			public SentRule sentRule() {
				return sent;
			}

			@Override
			public List<String> placingParameters() {
				return placing;
			}

			@Override
			public String regionParameter() {
				return regionParameter;
			}

			@Override
			public String valueParameter() {
				return valueParameter;
			}

			@Override
			public List<String> steps() {
				return addresses;
			}

			@Override
			public void requireStep(DataScope scope, long id, String rest) {
				// a region or a record named in the step's values, not a numbered record in its address
			}

			@Override
			public void requireStep(DataScope scope, String value, String rest) {
				rule.requireStep(scope, value, rest);
			}
		};
	}
}
