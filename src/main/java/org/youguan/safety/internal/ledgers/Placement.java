package org.youguan.safety.internal.ledgers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityStatus;
import org.youguan.registry.FacilityView;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

/**
 * Where a ledger record belongs, as every safety ledger places its rows: the enterprise (an enterprise user's own; for
 * staff, the one with the credit code typed), optionally one of its outlets or facilities (registry ids, read through
 * the registry's API), and the region the record lies in — the outlet's or facility's, else the enterprise's — which
 * must lie in a staff member's region. Errors are added to the caller's {@link Validation}: enterpriseCreditCode
 * (required, exists, cancelled, scope), outletId / facilityId (exists: not one of the enterprise's; closed / removed).
 */
@Component
class Placement {

	/** A resolved place; the names are the registry's at the time of recording. */
	record Place(long enterpriseId, String enterpriseCreditCode, String enterpriseName, Long outletId, String outletName,
			Long facilityId, String facilityName, String regionCode) {
	}

	/**
	 * A whole number as a form sends it (text: a registry id, a count): null when blank.
	 * @param field the form's field
	 * @param message the error when it is no whole number, naming the field as the form labels it
	 * @throws InvalidValueException on the field (rule {@code format}) when it is not a whole number,
	 *         so the form is shown again with the error at the field, not the generic 400 page
	 */
	static Long number(String field, String message, String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		try {
			return Long.valueOf(Text.strip(text));
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(field, "format", message);
		}
	}

	/**
	 * Refuses a form whose values could not be bound (an id or count that is no number) the way the form's own rules
	 * refuse it: as field errors (rule {@code format}), so the form is shown again, not the generic 400 page.
	 * @param binding the binding of the form's values
	 * @param labels the form's labels of its numeric fields, by field
	 */
	static void requireBound(BindingResult binding, Map<String, String> labels) {
		if (binding.hasFieldErrors()) {
			throw new InvalidValueException(binding.getFieldErrors().stream()
				.map(e -> new FieldError(e.getField(), "format",
						labels.getOrDefault(e.getField(), e.getField()) + "应为数字"))
				.toList());
		}
	}

	/**
	 * A place as the ledgers' columns keep it: the enterprise (id, credit code, name), the region, and the outlet and
	 * facility (id and name) when the ledger has them.
	 */
	static Map<String, Object> columns(Place p, boolean outlet, boolean facility) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("enterprise_id", p.enterpriseId());
		columns.put("enterprise_credit_code", p.enterpriseCreditCode());
		columns.put("enterprise_name", p.enterpriseName());
		if (outlet) {
			columns.put("outlet_id", p.outletId());
			columns.put("outlet_name", p.outletName());
		}
		if (facility) {
			columns.put("facility_id", p.facilityId());
			columns.put("facility_name", p.facilityName());
		}
		columns.put("region_code", p.regionCode());
		return columns;
	}

	private final Enterprises enterprises;

	private final Outlets outlets;

	private final Facilities facilities;

	Placement(Enterprises enterprises, Outlets outlets, Facilities facilities) {
		this.enterprises = enterprises;
		this.outlets = outlets;
		this.facilities = facilities;
	}

	/**
	 * What a ledger form offers to choose the outlet and the facility from (by region and name), as {@link #resolve}
	 * accepts them: the enterprise's outlets not closed and facilities not removed, in the caller's scope — and, on a
	 * correction, those the record names now even once closed or removed ({@link Kept}; the page marks them).
	 */
	record Choices(List<OutletView> outlets, List<FacilityView> facilities) {
	}

	/**
	 * The outlets and the facility a record names now: a correction may keep them although they have closed or been
	 * removed since (the form lists them, marked, and {@link #resolve} accepts them), so correcting another field does not
	 * force choosing another outlet; a new choice is still refused once closed or removed.
	 * @param outlets the outlet ids the record names (its outlet, or the outlets a contract covers)
	 * @param facility the facility's id, null for none
	 */
	record Kept(Collection<Long> outlets, Long facility) {

		/** A new record: it keeps nothing. */
		static final Kept NONE = new Kept(List.of(), null);

		/** What a record naming one outlet and one facility (either null for none) keeps. */
		static Kept of(Long outlet, Long facility) {
			return new Kept(outlet == null ? List.of() : List.of(outlet), facility);
		}

		/**
		 * What a record's values as its edit form shows them name: {@code outletId} or {@code outletIds}
		 * (comma-separated) and {@code facilityId}; a value that is no whole number is left out.
		 */
		static Kept of(Map<String, String> values) {
			List<Long> outlets = new ArrayList<>();
			for (String name : List.of("outletId", "outletIds")) {
				for (String id : Text.names(values.get(name))) {
					Optional.ofNullable(whole(id)).ifPresent(outlets::add);
				}
			}
			return new Kept(outlets, whole(values.get("facilityId")));
		}

		private static Long whole(String text) {
			return text != null && Text.strip(text).matches("\\d{1,18}") ? Long.valueOf(Text.strip(text)) : null;
		}

		boolean outlet(long id) {
			return outlets.contains(id);
		}

		boolean facility(long id) {
			return facility != null && facility == id;
		}
	}

	/**
	 * The enterprises a staff ledger form suggests for its credit code (the inspection record's idiom: the typed code
	 * with a list of the region's enterprises): those registered in the caller's region and not cancelled, by name;
	 * none for an enterprise user, who records its own.
	 */
	List<EnterpriseView> enterprises(DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return List.of();
		}
		return enterprises.choosable(scope);
	}

	/**
	 * What a ledger form offers once the enterprise is named: its outlets (not closed) and facilities (not removed)
	 * in the caller's scope (a staff member's region, an enterprise's own), by region and name, as {@link #resolve}
	 * accepts them; both empty when no enterprise has the credit code.
	 * @param creditCode the credit code typed, as typed (full-width digits and lower case read as the code)
	 */
	Choices choicesOf(DataScope scope, String creditCode) {
		return choicesOf(scope, creditCode, Kept.NONE);
	}

	/**
	 * {@link #choicesOf(DataScope, String)} with the outlets and the facility a corrected record names now, listed even
	 * once closed or removed (the registry's status tells the page to mark them).
	 */
	Choices choicesOf(DataScope scope, String creditCode, Kept kept) {
		String code = Text.identifier(creditCode);
		Optional<EnterpriseView> found = code == null ? Optional.empty()
				: enterprises.findByCreditCode(code.toUpperCase(Locale.ROOT));
		if (found.isEmpty()) {
			return new Choices(List.of(), List.of());
		}
		long id = found.get().id();
		PageQuery all = PageQuery.of(null, 0, null, "region_code", "asc").unpaged();
		return new Choices(outlets.list(scope, Outlets.Filter.ofEnterprise(id), all)
			.items()
			.stream()
			.filter(o -> o.status() != OutletStatus.CLOSED || kept.outlet(o.id()))
			.toList(),
				facilities.list(scope, Facilities.Filter.ofEnterprise(id), all)
					.items()
					.stream()
					.filter(f -> f.status() != FacilityStatus.REMOVED || kept.facility(f.id()))
					.toList());
	}

	/**
	 * The form's {@link Choices} for the caller: an enterprise's own outlets and facilities that still serve; for staff
	 * those of the enterprise named by {@code creditCode} in their region (none before a code is typed).
	 */
	Choices choices(DataScope scope, String creditCode, Kept kept) {
		return choicesOf(scope, scope.kind() == DataScope.Kind.ENTERPRISE ? scope.enterpriseCreditCode() : creditCode, kept);
	}

	/**
	 * Puts what a ledger form offers in its page model: {@code places} ({@link #choices}) and {@code enterprises}
	 * ({@link #enterprises}, a staff form's suggestions).
	 * @param creditCode the enterprise's credit code as typed (a refused form shown again), null on a new form
	 * @param kept what the corrected record names now ({@link Kept#NONE} on a recording form)
	 */
	void offer(Model model, DataScope scope, String creditCode, Kept kept) {
		model.addAttribute("places", choices(scope, creditCode, kept));
		model.addAttribute("enterprises", enterprises(scope));
	}

	/**
	 * The place, or empty with the reasons recorded in {@code v}. Staff name the enterprise by its credit code, which
	 * must lie in their region; an enterprise records its own: the code may be left blank, and another enterprise's
	 * code is refused on {@code enterpriseCreditCode} (rule {@code own-enterprise}) — never read as the signed-in
	 * enterprise's, in the page form, the API and every ledger that places its record here.
	 */
	Optional<Place> resolve(DataScope scope, Validation v, String creditCode, Long outletId, Long facilityId) {
		return resolve(scope, v, creditCode, outletId, facilityId, Kept.NONE);
	}

	/**
	 * {@link #resolve(DataScope, Validation, String, Long, Long)} for a correction: the outlet or facility the record
	 * names now ({@code kept}) is accepted although it has closed or been removed since; another closed one is refused.
	 */
	Optional<Place> resolve(DataScope scope, Validation v, String creditCode, Long outletId, Long facilityId, Kept kept) {
		String code = scope.kind() == DataScope.Kind.ENTERPRISE ? scope.enterpriseCreditCode()
				: creditCode == null ? "" : Text.strip(creditCode).toUpperCase();
		String named = Text.identifier(creditCode);
		if (scope.kind() == DataScope.Kind.ENTERPRISE && named != null && !named.toUpperCase(Locale.ROOT).equals(code)) {
			v.require("enterpriseCreditCode", false, "own-enterprise", "统一社会信用代码" + named + "不是本企业的（本企业为" + code
					+ "），企业只能登记本企业的记录，请留空或填写本企业的代码");
			return Optional.empty();
		}
		if (code.isEmpty()) {
			v.require("enterpriseCreditCode", false, "required", "请填写企业的统一社会信用代码");
			return Optional.empty();
		}
		Optional<EnterpriseView> found = enterprises.findByCreditCode(code);
		if (found.isEmpty()) {
			v.require("enterpriseCreditCode", false, "exists", "没有统一社会信用代码为" + code + "的企业");
			return Optional.empty();
		}
		EnterpriseView e = found.get();
		if (e.status() == EnterpriseStatus.CANCELLED) {
			v.require("enterpriseCreditCode", false, "cancelled", e.legalName() + "（" + code + "）已注销，不能再登记其记录");
			return Optional.empty();
		}
		String region = e.regionCode();
		String outletName = null;
		String facilityName = null;
		if (outletId != null) {
			Optional<OutletView> o = outlets.readable(DataScope.all(), List.of(outletId)).values().stream()
				.filter(x -> x.enterpriseId() == e.id())
				.findFirst();
			v.require("outletId", o.isPresent(), "exists", "网点（编号" + outletId + "）不是" + e.legalName() + "的网点");
			if (o.isPresent() && o.get().status() == OutletStatus.CLOSED && !kept.outlet(outletId)) {
				v.require("outletId", false, "closed", "网点" + o.get().name() + "（编号" + outletId + "）已关闭，请选择在营的网点");
			}
			else if (o.isPresent()) {
				outletName = o.get().name();
				region = o.get().regionCode();
			}
		}
		if (facilityId != null) {
			Optional<FacilityView> f = facilities.readable(DataScope.all(), List.of(facilityId)).values().stream()
				.filter(x -> x.enterpriseId() == e.id())
				.findFirst();
			v.require("facilityId", f.isPresent(), "exists", "设施（编号" + facilityId + "）不是" + e.legalName() + "的设施");
			if (f.isPresent() && f.get().status() == FacilityStatus.REMOVED && !kept.facility(facilityId)) {
				v.require("facilityId", false, "removed", "设施" + f.get().name() + "（编号" + facilityId + "）已撤除，请选择在用的设施");
			}
			else if (f.isPresent()) {
				facilityName = f.get().name();
				if (outletName == null) {
					region = f.get().regionCode();
				}
			}
		}
		if (region == null) {
			region = "";
		}
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			scope.requireWithin(v, outletName != null ? "outletId" : "enterpriseCreditCode", region, "该企业或网点");
		}
		return Optional.of(new Place(e.id(), e.creditCode(), e.legalName(), outletName == null ? null : outletId,
				outletName, facilityName == null ? null : facilityId, facilityName, region));
	}
}
