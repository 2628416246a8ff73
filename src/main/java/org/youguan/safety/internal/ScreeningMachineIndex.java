package org.youguan.safety.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityStatus;
import org.youguan.registry.FacilityView;

/**
 * The one rule of which screening machine screens an outlet's parcels (过机安检, 快递暂行条例(2025) art.33), used by the
 * coverage page ({@code ScreeningCoverage}) and the upload check ({@link ParcelReferences}) alike: an in-service 安检机
 * (registry facility) of the outlet's own enterprise, or of an enterprise of the same brand, standing in the outlet's
 * county (the brand's 分拨中心 screens the county's parcels; the registry links no machine to an outlet). A record may
 * name such a machine of any of its enterprise's outlets, or any in-service machine of its own enterprise.
 */
public final class ScreeningMachineIndex {

	private static final String UNNAMED = "\u0000#";

	/** "county:enterpriseId" → the serials (in registry order) and the first machine's label. */
	private final Map<String, Set<String>> byEnterprise = new HashMap<>();

	/** "county:brandId" → the serials (in registry order). */
	private final Map<String, Set<String>> byBrand = new HashMap<>();

	private final Map<String, String> labels = new HashMap<>();

	private ScreeningMachineIndex(List<FacilityView> machines, Map<Long, EnterpriseView> owners) {
		for (FacilityView m : machines) {
			String county = county(m.regionCode());
			String key = m.serialNumber() == null || Text.isBlank(m.serialNumber()) ? UNNAMED + m.id() : Text.strip(m.serialNumber());
			labels.putIfAbsent(key, m.name() + (m.serialNumber() == null ? "" : "（" + m.serialNumber() + "）"));
			byEnterprise.computeIfAbsent(county + ":" + m.enterpriseId(), k -> new LinkedHashSet<>()).add(key);
			EnterpriseView owner = owners.get(m.enterpriseId());
			if (owner != null && owner.brandId() != null) {
				byBrand.computeIfAbsent(county + ":" + owner.brandId(), k -> new LinkedHashSet<>()).add(key);
			}
		}
	}

	/** Every in-service screening machine of the registry, with its owner's brand (two reads). */
	public static ScreeningMachineIndex load(Facilities facilities, Enterprises enterprises) {
		List<FacilityView> machines = facilities.list(DataScope.all(),
				new Facilities.Filter(FacilityKind.SCREENING_MACHINE, FacilityStatus.IN_SERVICE),
				new PageQuery("", 0, PageQuery.EXPORT_LIMIT, null, false)).items();
		List<Long> owners = machines.stream().map(FacilityView::enterpriseId).distinct().toList();
		return new ScreeningMachineIndex(machines, enterprises.readable(DataScope.all(), owners));
	}

	/**
	 * The serials of the machines that screen an outlet's parcels (own enterprise's first, then the brand's), empty
	 * when none does; a machine registered without serial is in it under a key no record can name ({@link #unnamed}).
	 */
	public Set<String> serials(String outletRegion, long enterpriseId, Long brandId) {
		String county = county(outletRegion);
		Set<String> own = byEnterprise.get(county + ":" + enterpriseId);
		Set<String> brand = brandId == null ? null : byBrand.get(county + ":" + brandId);
		if (brand == null) {
			return own == null ? Set.of() : own;
		}
		if (own == null) {
			return brand;
		}
		Set<String> both = new LinkedHashSet<>(own);
		both.addAll(brand);
		return both;
	}

	/** The name (and serial) of the first machine that screens an outlet's parcels, or null when none does. */
	public String machine(String outletRegion, long enterpriseId, Long brandId) {
		Set<String> serials = serials(outletRegion, enterpriseId, brandId);
		return serials.isEmpty() ? null : labels.get(serials.iterator().next());
	}

	/** Whether a key of {@link #serials} stands for a machine registered without serial (no record can name it). */
	public static boolean unnamed(String serial) {
		return serial.startsWith(UNNAMED);
	}

	private static String county(String region) {
		return region == null ? "" : region.length() > 6 ? region.substring(0, 6) : region;
	}
}
