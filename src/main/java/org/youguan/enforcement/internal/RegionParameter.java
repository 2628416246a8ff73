package org.youguan.enforcement.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.region.Regions;

/**
 * The {@code region} parameter of every figures and list endpoint of the enforcement module: blank (or {@code 0}, the
 * country) as given, otherwise a whole region of GB/T 2260 — 2 (province), 4 (city), 6 (county), 9 (street) or 12
 * (village) digits — that exists in the region register. Checked by the region module's one validator
 * ({@link Regions#require}), so {@code 32050} is a 400 (field {@code region}, rule {@code length}), never read as a
 * prefix of every code that starts with it; an unknown code is a 400 with rule {@code exists}.
 */
@Component
class RegionParameter {

	private final Regions regions;

	RegionParameter(Regions regions) {
		this.regions = regions;
	}

	/**
	 * The region asked for, stripped; blank or {@code 0} gives "".
	 * @throws InvalidValueException (field {@code region}, rule {@code digits}, {@code length} or {@code exists})
	 */
	String check(String region) {
		String code = region == null ? "" : region.strip();
		return code.isEmpty() || code.equals("0") ? "" : regions.require("region", code).value();
	}

	/**
	 * A figures query ({@link FiguresQuery#of}) whose region, when given, is a whole existing region.
	 * @throws InvalidValueException as {@link #check(String)}, or naming {@code from}/{@code to}
	 */
	FiguresQuery figures(DataScope scope, String region, String ownRegion, String from, String to, LocalDate today) {
		check(region);
		return FiguresQuery.of(scope, region, ownRegion, from, to, today);
	}
}
