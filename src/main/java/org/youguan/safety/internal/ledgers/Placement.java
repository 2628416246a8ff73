package org.youguan.safety.internal.ledgers;

import java.util.Objects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
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
	 * accepts them; both empty when no enterprise has the credit code, or the one that has it is cancelled (注销:
	 * {@link #resolve} refuses it, so its outlets are never offered to choose from).
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
		Optional<EnterpriseView> found = enterprises.findByCreditCode(creditCode);
		if (found.isEmpty() || found.get().status() == EnterpriseStatus.CANCELLED) {
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
				: Objects.requireNonNullElse(CreditCode.written(creditCode), "");
		String named = CreditCode.written(creditCode);
		// a code that cannot be one is told by the rule it breaks on this field, not looked up ("没有…的企业")
		if (named != null && CreditCode.checked(v, "enterpriseCreditCode", creditCode) == null) {
			return Optional.empty();
		}
		if (scope.kind() == DataScope.Kind.ENTERPRISE && named != null && !named.equals(code)) {
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
		// each id is checked on its own: the enterprise's and in the caller's scope (else answered as unknown, with no
		// name), then still serving; an outlet in scope does not carry a facility of another county with it
		Optional<OutletView> o = outletId == null ? Optional.empty()
				: outlet(scope, v, "outletId", e.id(), e.legalName(), outletId, kept);
		Optional<FacilityView> f = facilityId == null ? Optional.empty() : facility(scope, v, e, facilityId, kept);
		if (o.isPresent()) {
			region = o.get().regionCode();
		}
		else if (f.isPresent()) {
			region = f.get().regionCode();
		}
		if (region == null) {
			region = "";
		}
		if (scope.kind() != DataScope.Kind.ENTERPRISE && outletId == null && facilityId == null) {
			// an enterprise outside the scope is not there (404), before any other field is told
			scope.refuseWithin("enterpriseCreditCode", region, "企业" + e.creditCode());
		}
		String outletName = o.map(OutletView::name).orElse(null);
		String facilityName = f.map(FacilityView::name).orElse(null);
		return Optional.of(new Place(e.id(), e.creditCode(), e.legalName(), outletName == null ? null : outletId,
				outletName, facilityName == null ? null : facilityId, facilityName, region));
	}

	/**
	 * An outlet a ledger names by id: one of the enterprise's (any enterprise when {@code enterpriseId} is null) and,
	 * for staff, in their region, else the one error {@code exists} — the same words for an unknown id, another
	 * enterprise's and one out of the caller's scope, which never names it (no id is enumerated for its name); then
	 * not closed ({@code closed}, naming it: it is the caller's to see) unless the corrected record names it now
	 * ({@code kept}). One error per id.
	 * @param owner the enterprise's name in the error, or how the form calls it ("委托企业")
	 * @return the outlet, or empty with the error added to {@code v}
	 */
	Optional<OutletView> outlet(DataScope scope, Validation v, String field, Long enterpriseId, String owner, long id,
			Kept kept) {
		return outlets(scope, v, field, enterpriseId, owner, List.of(id), kept).values().stream().findFirst();
	}

	/**
	 * The outlets a ledger names by id, each checked as {@link #outlet}; a list that names one outlet twice is refused
	 * ({@code duplicate}) rather than read as naming it once, so the list saved is the list sent.
	 * @return the outlets that passed, by id, in the order sent
	 */
	Map<Long, OutletView> outlets(DataScope scope, Validation v, String field, Long enterpriseId, String owner,
			List<Long> ids, Kept kept) {
		Map<Long, OutletView> found = ids.isEmpty() ? Map.of() : outlets.readable(DataScope.all(), ids);
		Map<Long, OutletView> passed = new LinkedHashMap<>();
		Set<Long> seen = new HashSet<>();
		for (Long id : ids) {
			if (!seen.add(id)) {
				v.require(field, false, "duplicate", "网点（编号" + id + "）重复，每个网点只能选择一次");
				continue;
			}
			OutletView o = found.get(id);
			boolean known = o != null && (enterpriseId == null || o.enterpriseId() == enterpriseId) && serves(scope, o.regionCode());
			if (!known) {
				v.require(field, false, "exists", "网点（编号" + id + "）不存在，或不是" + owner + within(scope) + "的网点");
			}
			else if (o.status() == OutletStatus.CLOSED && !kept.outlet(id)) {
				v.require(field, false, "closed", "网点" + o.name() + "（编号" + id + "）已关闭，请选择在营的网点");
			}
			else {
				passed.put(id, o);
			}
		}
		return passed;
	}

	/** A facility a ledger names by id, checked as {@link #outlet}: the enterprise's, in scope, then not removed. */
	private Optional<FacilityView> facility(DataScope scope, Validation v, EnterpriseView e, long id, Kept kept) {
		FacilityView f = facilities.readable(DataScope.all(), List.of(id)).get(id);
		if (f == null || f.enterpriseId() != e.id() || !serves(scope, f.regionCode())) {
			v.require("facilityId", false, "exists", "设施（编号" + id + "）不存在，或不是" + e.legalName() + within(scope) + "的设施");
			return Optional.empty();
		}
		if (f.status() == FacilityStatus.REMOVED && !kept.facility(id)) {
			v.require("facilityId", false, "removed", "设施" + f.name() + "（编号" + id + "）已撤除，请选择在用的设施");
			return Optional.empty();
		}
		return Optional.of(f);
	}

	/** Whether a place in this region is the caller's: an enterprise's own (its enterprise is checked), staff's region. */
	private static boolean serves(DataScope scope, String regionCode) {
		return scope.kind() == DataScope.Kind.ENTERPRISE || scope.containsRegion(regionCode);
	}

	private static String within(DataScope scope) {
		return scope.kind() == DataScope.Kind.ENTERPRISE ? "" : "在您管辖范围内";
	}
}
