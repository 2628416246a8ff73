package org.youguan.universal;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.rules.RuleSetting;
import org.youguan.rules.StatutoryRules;

/**
 * The delivery-frequency standards (投递频次) per area type as they apply in a province: the catalogue's default
 * (城市 ≥ 7/week and 乡镇 seat ≥ 5/week by 邮政法(2015) art.19; 建制村 3/week until the province sets its own) or the
 * value a provincial bureau set on the rules page with its source ({@link StatutoryRules#override}).
 */
@Service
public class DeliveryStandards {

	private final StatutoryRules rules;

	DeliveryStandards(StatutoryRules rules) {
		this.rules = rules;
	}

	/** Every area type's standard in the province of {@code regionCode} (any code inside the province). */
	public List<DeliveryStandard> standards(String regionCode) {
		return Arrays.stream(AreaType.values()).map(a -> standard(a, regionCode)).toList();
	}

	/**
	 * One area type's standard in the province of {@code regionCode}: the standard is the province's (a value a city or
	 * county bureau set for itself is not used here), the catalogue default where the province set none.
	 * @throws InvalidValueException (field {@code region}) unless the code is 1–12 digits
	 */
	public DeliveryStandard standard(AreaType area, String regionCode) {
		String region = RegionPrefix.of(regionCode).code();
		RuleSetting s = rules.setting(area.rule(), region.length() < 2 ? "0" : region.substring(0, 2));
		return new DeliveryStandard(area, s.effectiveValue().intValue(), area.rule().basis(), s.reason(), s.overrideRegion());
	}

	/** The minimum deliveries a week a 建制村 must get where {@code villageCode} lies. */
	public int villageMinimum(String villageCode) {
		return standard(AreaType.VILLAGE, villageCode).perWeek();
	}
}
