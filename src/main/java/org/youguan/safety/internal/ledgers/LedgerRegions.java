package org.youguan.safety.internal.ledgers;

import java.util.List;

import org.youguan.kernel.DataScope;
import org.youguan.kernel.Validation;
import org.youguan.region.Region;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;

/**
 * The one rule for the region a bureau's own ledger row names — a 寄递安保期, a safety training, a joint seizure: a
 * province, city or county (2, 4 or 6 digits) that exists, within the caller's region. A township or street (9 or 12
 * digits) is refused alike everywhere: the ledgers count and scope by county (trainings took a street that periods
 * refused), and the forms offer no level below the county.
 */
final class LedgerRegions {

	private LedgerRegions() {
	}

	/**
	 * The region code as entered, checked (errors on {@code region}: {@code required}, {@code exists} — also for a
	 * level below the county). A region below the caller's own is taken: the row is the recording bureau's
	 * ({@link Corrections#requireOwn}).
	 * @throws org.youguan.kernel.DomainException not found (404) for a region outside the caller's scope, whatever the
	 *     other fields hold
	 * @param text the code as typed, read as every region code is ({@link RegionCode#typed}: full-width digits, 320500
	 * for 3205)
	 * @param label what the region is, for the messages ("安保期所在区域", "所选区域")
	 * @return the code so read, null when none
	 */
	static String checked(DataScope scope, Validation v, Regions regions, String text, String label) {
		String region = RegionCode.typed(text);
		if (region == null) {
			v.require("region", false, "required", "请选择" + label);
		}
		else if (!region.matches("\\d{2}(\\d{2}(\\d{2})?)?") || regions.find(region).isEmpty()) {
			v.require("region", false, "exists", label + "的区域代码不是省、市或县级行政区划：" + region);
		}
		else {
			// another region is not there (404), before any other field is told: as the page forms' access answers
			// (LedgerStepAccess#ledgerRegionSteps), so an API body's other fields say nothing about a region apart
			scope.requireRegion(region, "行政区划", region);
		}
		return region;
	}

	/** The areas a form offers under the caller's own region: its children down to the county, none below. */
	static List<Region> areas(Regions regions, String own) {
		return regions.children(own).stream().filter(r -> r.code().length() <= 6).toList();
	}
}
