package org.youguan.complaints.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * Where a complaint goes: the complained brand's enterprise nearest the place (county, then city, then province),
 * else the brand's headquarters enterprise.
 */
@Component
public class RespondentRouting {

	private final Enterprises enterprises;

	private final Brands brands;

	RespondentRouting(Enterprises enterprises, Brands brands) {
		this.enterprises = enterprises;
		this.brands = brands;
	}

	/** The routed respondent for a complaint filed in {@code regionCode} about brand {@code brandId}, if any. */
	public Optional<EnterpriseView> route(String regionCode, long brandId) {
		for (int length : new int[] { 6, 4, 2 }) {
			String prefix = regionCode.substring(0, Math.min(length, regionCode.length()));
			Optional<EnterpriseView> found = enterprises.list(DataScope.region(prefix),
					new Enterprises.Filter(null, brandId, EnterpriseStatus.NORMAL), new PageQuery("", 0, 1, "region_code", false))
				.items()
				.stream()
				.findFirst();
			if (found.isPresent()) {
				return found;
			}
		}
		return brands.all().stream().filter(b -> b.id() == brandId && b.hqEnterpriseId() != null).findFirst()
			.flatMap(b -> enterprises.find(DataScope.all(), b.hqEnterpriseId()));
	}
}
