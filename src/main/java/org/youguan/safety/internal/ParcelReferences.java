package org.youguan.safety.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.registry.BranchView;
import org.youguan.registry.Branches;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityStatus;
import org.youguan.registry.FacilityView;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.safety.ParcelRecord;

/**
 * The reference data every uploaded line is checked against, cached in memory because it is read on the hot path:
 * the set of county-level region codes (reloaded every 10 minutes: region imports are rare) and, per enterprise, the
 * filing numbers of its outlets with the instant each closed, the serials of the screening machines a record may name
 * (in service, 在用 — a suspended or removed machine screens nothing: its own anywhere, and those that screen its open
 * outlets' parcels, {@link ScreeningMachineIndex}: the coverage page's rule) and its outlets a third-party screening contract covers
 * (1 minute, so a newly filed outlet or registered machine is accepted, and a closed outlet refused, soon after).
 * A batch reads them once; a line costs a hash look-up.
 */
@Component
class ParcelReferences {

	/**
	 * What an enterprise's lines are checked against.
	 *
	 * @param outlets filing number → the start (China time) of the day the outlet closed, {@link Instant#MAX} while it
	 *        is open
	 * @param machineSerials the serials of the screening machines in service a record of the enterprise may name: its
	 *        own, and its brand's in the counties of its open outlets ({@link ScreeningMachineIndex})
	 * @param contracts filing number → the periods (first and last day) of the third-party screening contracts
	 *        (委托第三方安检, {@code safety_contractor}) that cover the outlet
	 * @param senderCounties the counties where the enterprise may accept parcels, so a record's {@code senderRegion}
	 *        must be one of them: its registered seat's county (every county of a seat registered at city or province
	 *        level), and the counties of its branches and its filed outlets — a parcel is counted toward the rates of
	 *        the county it names, and an enterprise may not add parcels to a county where it has no place of business
	 * @param outletCounties filing number → the county of the outlet, which a record naming the outlet must name as its
	 *        {@code senderRegion}
	 */
	record EnterpriseFacts(Map<String, Instant> outlets, Set<String> machineSerials,
			Map<String, List<LocalDate[]>> contracts, Set<String> senderCounties, Map<String, String> outletCounties) {
	}

	private final LoadingCache<String, Set<String>> counties;

	private final LoadingCache<String, EnterpriseFacts> enterprises;

	/** The registry's in-service screening machines by county, owner and brand (one key; 1 minute). */
	private final LoadingCache<String, ScreeningMachineIndex> machines;

	ParcelReferences(JdbcClient jdbc, Outlets outlets, Facilities facilities, Enterprises registry, Branches branches) {
		this.machines = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(key -> ScreeningMachineIndex.load(facilities, registry));
		this.counties = Caffeine.newBuilder()
			.refreshAfterWrite(Duration.ofMinutes(10))
			.build(key -> Set.copyOf(jdbc.sql("SELECT code FROM region_name WHERE level = 'COUNTY'")
				.query(String.class)
				.list()));
		this.enterprises = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1))
			.maximumSize(10_000)
			.build(creditCode -> load(creditCode, outlets, facilities, jdbc, machines.get(""), new Places(registry, branches,
					counties.get(""))));
	}

	/** Every existing county-level region code (6 digits). */
	Set<String> counties() {
		return counties.get("");
	}

	/** The outlets and screening machines of an enterprise. */
	EnterpriseFacts facts(EnterpriseView enterprise) {
		return enterprises.get(enterprise.creditCode());
	}

	/** Forgets the cached facts, so the next batch sees registry changes at once (tests, the demo's seeding). */
	void forget() {
		enterprises.invalidateAll();
		counties.invalidateAll();
		machines.invalidateAll();
	}

	/** What the enterprise's places of business are read from: the registry's enterprise and branch lists. */
	private record Places(Enterprises registry, Branches branches, Set<String> counties) {
	}

	private static EnterpriseFacts load(String creditCode, Outlets outlets, Facilities facilities, JdbcClient jdbc,
			ScreeningMachineIndex machines, Places places) {
		DataScope scope = DataScope.enterprise(creditCode);
		Map<String, Instant> closing = new HashMap<>();
		outlets.filedOutlets(creditCode)
			.forEach((number, closedOn) -> closing.put(number,
					closedOn.map(day -> day.atStartOfDay(ParcelRecord.CHINA).toInstant()).orElse(Instant.MAX)));
		Set<String> serials = new HashSet<>();
		all(page -> facilities.list(scope, new Facilities.Filter(FacilityKind.SCREENING_MACHINE, FacilityStatus.IN_SERVICE), page),
				FacilityView::serialNumber, serials);
		Map<String, String> outletCounties = new HashMap<>();
		// and the machines that screen its open outlets' parcels, its brand's in their counties: the coverage rule
		for (int p = 0;; p++) {
			List<OutletView> page = outlets.list(scope, Outlets.Filter.NONE, new PageQuery("", p, PageQuery.MAX_SIZE, null, false))
				.items();
			for (OutletView o : page) {
				if (o.filingNumber() != null && o.regionCode() != null && o.regionCode().length() >= 6) {
					outletCounties.put(o.filingNumber(), o.regionCode().substring(0, 6));
				}
				if (o.status() != OutletStatus.CLOSED) {
					for (String serial : machines.serials(o.regionCode(), o.enterpriseId(), o.brandId())) {
						if (!ScreeningMachineIndex.unnamed(serial)) {
							serials.add(serial);
						}
					}
				}
			}
			if (page.size() < PageQuery.MAX_SIZE) {
				break;
			}
		}
		Set<String> senderCounties = new HashSet<>(outletCounties.values());
		places.registry().findByCreditCode(creditCode)
			.ifPresent(e -> senderCounties.addAll(countiesOf(e.regionCode(), places.counties())));
		for (int p = 0;; p++) {
			List<BranchView> page = places.branches().list(scope, null, new PageQuery("", p, PageQuery.MAX_SIZE, null, false))
				.items();
			page.forEach(b -> senderCounties.addAll(countiesOf(b.regionCode(), places.counties())));
			if (page.size() < PageQuery.MAX_SIZE) {
				break;
			}
		}
		return new EnterpriseFacts(Map.copyOf(closing), Set.copyOf(serials), contracts(creditCode, outlets, jdbc),
				Set.copyOf(senderCounties), Map.copyOf(outletCounties));
	}

	/**
	 * The counties a registered place lies in: the county of a county's or a township's code (its first six digits),
	 * every county under a city's or a province's code (a seat registered at that level), none for no code.
	 */
	static Set<String> countiesOf(String regionCode, Set<String> counties) {
		if (regionCode == null || regionCode.length() < 6) {
			return Set.of();
		}
		String county = regionCode.substring(0, 6);
		if (counties.contains(county) || !county.endsWith("00")) {
			return Set.of(county);
		}
		String prefix = county.endsWith("0000") ? county.substring(0, 2) : county.substring(0, 4);
		Set<String> under = new HashSet<>();
		for (String c : counties) {
			if (c.startsWith(prefix)) {
				under.add(c);
			}
		}
		return under;
	}

	/** The enterprise's outlets a screening contract covers, by filing number, with the contracts' periods. */
	private static Map<String, List<LocalDate[]>> contracts(String creditCode, Outlets outlets, JdbcClient jdbc) {
		Map<Long, List<LocalDate[]>> byOutlet = new HashMap<>();
		jdbc.sql("""
				SELECT o.outlet_id, c.contract_from, c.contract_to FROM safety_contractor c
				JOIN safety_contractor_outlet o ON o.contractor_id = c.id WHERE c.enterprise_credit_code = ?""")
			.param(creditCode)
			.query((rs, i) -> byOutlet.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new LocalDate[] { rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class) }))
			.list();
		if (byOutlet.isEmpty()) {
			return Map.of();
		}
		Map<String, List<LocalDate[]>> byNumber = new HashMap<>();
		outlets.readable(DataScope.enterprise(creditCode), byOutlet.keySet()).forEach((id, outlet) -> {
			if (outlet.filingNumber() != null) {
				byNumber.put(outlet.filingNumber(), List.copyOf(byOutlet.get(id)));
			}
		});
		return Map.copyOf(byNumber);
	}

	private static <T> void all(Function<PageQuery, PageResult<T>> pages, Function<T, String> value, Set<String> into) {
		for (int p = 0;; p++) {
			PageResult<T> page = pages.apply(new PageQuery("", p, PageQuery.MAX_SIZE, null, false));
			List<T> items = page.items();
			for (T item : items) {
				String v = value.apply(item);
				if (v != null && !Text.isBlank(v)) {
					into.add(Text.strip(v));
				}
			}
			if (items.size() < PageQuery.MAX_SIZE) {
				return;
			}
		}
	}
}
