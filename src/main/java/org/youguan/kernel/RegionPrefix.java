package org.youguan.kernel;

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

	/**
	 * @throws InvalidValueException (field {@code region}, rule {@code digits}) unless the code is 1–12 digits
	 */
	public RegionPrefix {
		code = code == null ? "" : code.strip();
		if ("0".equals(code)) {
			code = "";
		}
		if (code.length() > 12 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidValueException("region", "digits", "行政区划代码只能是1至12位数字：" + Masking.personalNumbersIn(code));
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
