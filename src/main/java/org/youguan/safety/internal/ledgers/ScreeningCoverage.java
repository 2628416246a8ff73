package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityView;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.safety.internal.ScreeningMachineIndex;

/**
 * 过机安检 coverage of outlets (全行业 "过机安检全覆盖"). The screening machines are the registry's facilities of kind
 * 安检机 (read through the registry's API, not copied). An outlet (not closed) is covered
 * <ul>
 * <li>by a machine when an in-service 安检机 of its own enterprise, or of an enterprise of the same brand, stands in the
 * outlet's county (the brand's 分拨中心 screens the county's parcels — the registry links no machine to an outlet, so
 * this is the rule the product applies, {@link ScreeningMachineIndex}, and the rule an uploaded record's machine serial
 * is checked against); or</li>
 * <li>by a contractor when a 委托第三方安检 contract active today lists it ({@link Contractors}).</li>
 * </ul>
 */
@Service
public class ScreeningCoverage {

	/** One outlet with what covers it (both null: not covered). */
	public record OutletCoverage(long outletId, String outletName, long enterpriseId, String enterpriseName,
			String regionName, String machine, String contractor) {

		public boolean covered() {
			return machine != null || contractor != null;
		}
	}

	/** An enterprise's outlets: how many, how many covered; {@code full} when every one is. */
	public record EnterpriseCoverage(long enterpriseId, String enterpriseName, long outlets, long byMachine,
			long byContractor, long uncovered) {

		public boolean full() {
			return uncovered == 0;
		}
	}

	private final Facilities facilities;

	private final Outlets outlets;

	private final Enterprises enterprises;

	private final Contractors contractors;

	private final Clock clock;

	ScreeningCoverage(Facilities facilities, Outlets outlets, Enterprises enterprises, Contractors contractors,
			Clock clock) {
		this.facilities = facilities;
		this.outlets = outlets;
		this.enterprises = enterprises;
		this.contractors = contractors;
		this.clock = clock;
	}

	/** A page of the screening machines in the caller's scope (registry facilities of kind 安检机), searched as there. */
	public PageResult<FacilityView> machines(DataScope scope, PageQuery page) {
		return facilities.list(scope, new Facilities.Filter(FacilityKind.SCREENING_MACHINE, null), page);
	}

	/**
	 * The coverage of the outlets in the caller's scope (an enterprise: its own), optionally of one enterprise.
	 * @param enterpriseId only this enterprise's outlets, or null for all
	 */
	public List<OutletCoverage> outlets(DataScope scope, Long enterpriseId) {
		ScreeningMachineIndex machines = ScreeningMachineIndex.load(facilities, enterprises);
		List<OutletView> all = outlets.list(scope, Outlets.Filter.NONE,
				new PageQuery("", 0, PageQuery.EXPORT_LIMIT, null, false)).items();
		Map<Long, String> contracted = contractors.coveredOn(LocalDate.now(clock));
		List<OutletCoverage> result = new ArrayList<>();
		for (OutletView o : all) {
			if (o.status() == OutletStatus.CLOSED || enterpriseId != null && o.enterpriseId() != enterpriseId) {
				continue;
			}
			String machine = machines.machine(o.regionCode(), o.enterpriseId(), o.brandId());
			result.add(new OutletCoverage(o.id(), o.name(), o.enterpriseId(), o.enterpriseName(), o.regionName(), machine,
					contracted.get(o.id())));
		}
		return result;
	}

	/** Per enterprise in the caller's scope: outlets, covered by a machine, by a contractor only, not covered. */
	public List<EnterpriseCoverage> enterprises(DataScope scope) {
		Map<Long, List<OutletCoverage>> grouped = new LinkedHashMap<>();
		for (OutletCoverage c : outlets(scope, null)) {
			grouped.computeIfAbsent(c.enterpriseId(), k -> new ArrayList<>()).add(c);
		}
		return grouped.values().stream().map(list -> {
			OutletCoverage first = list.get(0);
			long machine = list.stream().filter(c -> c.machine() != null).count();
			long contractor = list.stream().filter(c -> c.machine() == null && c.contractor() != null).count();
			long uncovered = list.stream().filter(c -> !c.covered()).count();
			return new EnterpriseCoverage(first.enterpriseId(), first.enterpriseName(), list.size(), machine, contractor,
					uncovered);
		})
			.sorted((a, b) -> a.full() != b.full() ? (a.full() ? 1 : -1)
					: Objects.compare(a.enterpriseName(), b.enterpriseName(), String::compareTo))
			.toList();
	}

}
