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
	 * The code is read as {@link #normalised} reads it (full-width digits, the six-digit form of a province or city).
	 * @throws InvalidValueException (field {@code region}) rule {@code digits} unless the code is made of digits, rule
	 *         {@code length} unless it names a whole level of GB/T 2260 and its extensions: 2 digits (province), 4
	 *         (city), 6 (county), 9 (township) or 12 (village) — a 5-digit {@code 32050} would otherwise stand for the
	 *         ten counties 320500–320509 together, a region that does not exist
	 */
	public RegionPrefix {
		code = normalised(code);
		if ("0".equals(code)) {
			code = "";
		}
		if (code.length() > 12 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidValueException("region", "digits", Wording.of("kernel.invalid.regionDigits", Masking.personalNumbersIn(code)),
					"行政区划代码只能是1至12位数字：" + Masking.personalNumbersIn(code));
		}
		if (!code.isEmpty() && !LEVELS.contains(code.length())) {
			throw new InvalidValueException("region", "length", Wording.of("kernel.invalid.regionLength", code),
					"行政区划代码应为2位（省）、4位（市）、6位（县）、9位（乡镇）或12位（村）：" + code);
		}
	}

	/**
	 * A region code as a person or another system writes it, in the project's own form — the one reading of every
	 * {@code region} a figures page, a list or an API is asked for (and of the codes services pass on): white space
	 * around it dropped; full-width digits (３２０５０６) read as the ASCII ones they show, as the parcel ingest and the
	 * .xlsx importers read them; the standard six-digit form of GB/T 2260 for a province or a city — 320000 江苏省,
	 * 320500 苏州市, the code ending in 0000 or 00 — as the province's two digits or the city's four (32, 3205: it was
	 * answered "行政区划代码不存在"), and the twelve-digit form of the statistical division codes
	 * (统计用区划代码: 320506000000, 320506001000) as the county's six or the township's nine digits. A county's own code
	 * ending in 00 (441900 东莞市, a city without counties) is read as its city, which holds that county alone: the same
	 * region. Any other text is returned stripped, for the rules below to refuse.
	 * @param typed the code as sent, or null
	 * @return the code in the project's form; "" for null
	 */
	public static String normalised(String typed) {
		if (typed == null) {
			return "";
		}
		String code = Text.halfWidthDigits(Text.strip(typed));
		if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return code;
		}
		if (code.length() == 12 && code.endsWith("000")) {
			code = code.endsWith("000000") ? code.substring(0, 6) : code.substring(0, 9);
		}
		if (code.length() == 6 && code.endsWith("00") && !code.startsWith("00")) {
			code = code.endsWith("0000") ? code.substring(0, 2) : code.substring(0, 4);
		}
		return code;
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
