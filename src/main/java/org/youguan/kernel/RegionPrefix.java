package org.youguan.kernel;

import java.util.Set;

/**
 * A region and every region inside it, as the SQL predicate every scope and region filter uses:
 * {@code column LIKE '3205%'}, the digits written into the statement.
 *
 * <p>Why written in, not bound: PostgreSQL plans a prepared statement once ("generic plan") after five runs, and a
 * generic plan knows nothing of a bound value — a bound {@code LIKE} pattern can use no index, and a bound range is
 * estimated at 0.5 % of the table however wide the region is, so a city's list would read all its rows and sort them
 * rather than walk the order index. With the code in the text each region gets its own statement whose one plan
 * knows how much of the table the region holds, and the statement is not re-planned on every call. Only digits are
 * ever written in (GB/T 2260 codes; checked here), so nothing a caller types reaches the SQL text. Text prefixes
 * (names) are bound instead: {@link PrefixRange}.
 *
 * @param code the region's code, digits only; empty for the whole country (the predicate is {@code TRUE})
 */
public record RegionPrefix(String code) {

	/** The lengths of a whole region's code: province, city, county, township, village. */
	private static final Set<Integer> LEVELS = Set.of(2, 4, 6, 9, 12);

	/**
	 * @throws InvalidValueException (field {@code region}) rule {@code digits} unless the code is made of digits, rule
	 *         {@code length} unless it names a whole level of GB/T 2260 and its extensions: 2 digits (province), 4
	 *         (city), 6 (county), 9 (township) or 12 (village) — a 5-digit {@code 32050} would otherwise stand for the
	 *         ten counties 320500–320509 together, a region that does not exist
	 */
	public RegionPrefix {
		code = code == null ? "" : Text.strip(code);
		if ("0".equals(code)) {
			code = "";
		}
		if (code.length() > 12 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidValueException("region", "digits", "行政区划代码只能是1至12位数字：" + Masking.personalNumbersIn(code));
		}
		if (!code.isEmpty() && !LEVELS.contains(code.length())) {
			throw new InvalidValueException("region", "length",
					"行政区划代码应为2位（省）、4位（市）、6位（县）、9位（乡镇）或12位（村）：" + code);
		}
	}

	/** The region {@code code} and everything in it; blank or {@code 0} is the whole country. */
	public static RegionPrefix of(String code) {
		return new RegionPrefix(code);
	}

	/** {@code TRUE} for the country, else {@code column LIKE '<code>%'}. */
	public String predicate(String column) {
		return code.isEmpty() ? "TRUE" : column + " LIKE '" + code + "%'";
	}

	/** Whether {@code regionCode} lies in this region (the same rule as the SQL). */
	public boolean contains(String regionCode) {
		return regionCode != null && regionCode.startsWith(code);
	}
}
