package org.youguan.universal;

import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;

/**
 * The region filter of every universal list and export ({@code ?region=}), checked once as the figures check theirs
 * ({@link DataScope#requireReadable}): a region outside the caller's region is refused (403), never answered with the
 * caller's own rows as if it had been asked for them or with an empty page that looks like "none there". An enterprise's
 * lists hold only its own rows whatever the filter, so its filter is only checked for form.
 */
final class RegionFilter {

	private RegionFilter() {
	}

	/**
	 * @param field the request parameter ({@code region}, {@code village})
	 * @return the region's code, {@code ""} when blank (no filter)
	 * @throws InvalidValueException (400, field {@code region}) for a code that is no whole region (digits, 2/4/6/9/12)
	 * @throws AccessRefusedException (403, {@code field}) for a region outside a bureau's region, the whole country
	 *         ({@code 0}) included
	 */
	static String of(DataScope scope, String region, String field) {
		if (region == null || Text.isBlank(region)) {
			return "";
		}
		String code = RegionPrefix.of(region).code();
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			scope.requireReadable(code, field);
		}
		return code;
	}
}
