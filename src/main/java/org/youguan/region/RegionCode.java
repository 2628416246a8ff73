package org.youguan.region;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * A GB/T 2260 region code: province {@code 32}, city {@code 3205}, county {@code 320506}, street {@code 320506001},
 * village {@code 320506001001}; {@code 0} stands for the whole country. The format is checked here; whether the code
 * exists is checked by {@link Regions#require(String, String)}. A prefix test is a containment test.
 */
public record RegionCode(String value) {

	public static final RegionCode COUNTRY = new RegionCode("0");

	public RegionCode {
		if (value == null || Text.isBlank(value)) {
			throw new InvalidValueException("regionCode", "required", Wording.of("kernel.invalid.required", "行政区划代码"), "行政区划代码不能为空");
		}
		value = Text.strip(value);
		if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidValueException("regionCode", "digits", Wording.of("kernel.invalid.regionDigitsOnly", value), "行政区划代码只能由数字组成：" + value);
		}
		if (RegionLevel.ofLength(value.length()) == null || (value.length() == 1 && !value.equals("0"))) {
			throw new InvalidValueException("regionCode", "length",
					"行政区划代码应为2位（省）、4位（市）、6位（县）、9位（乡镇）或12位（村）：" + value);
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	/**
	 * A region code as typed into a form field or a JSON body, read as a {@code ?region=} parameter is
	 * ({@link RegionPrefix#normalised}, what {@code RegionParameterFilter} applies to reads): full-width digits as ASCII,
	 * 320000/320500 as 32/3205, a twelve-digit statistical code as the county's or township's — the one reading of a
	 * region code, for writes too, which then check the code as their own rules say. White space around it (the
	 * ideographic space too) dropped.
	 * @param text the code as typed, or null
	 * @return the code in the project's form; null when blank
	 */
	public static String typed(String text) {
		String code = text == null ? null : Text.blankToNull(text.replace('\u3000', ' '));
		return code == null ? null : RegionPrefix.normalised(code);
	}

	public RegionLevel level() {
		return RegionLevel.ofLength(value.length());
	}

	public boolean isCountry() {
		return this.equals(COUNTRY);
	}

	/** The enclosing region, or {@code null} for the country. */
	public RegionCode parent() {
		return switch (level()) {
			case COUNTRY -> null;
			case PROVINCE -> COUNTRY;
			case CITY -> new RegionCode(value.substring(0, 2));
			case COUNTY -> new RegionCode(value.substring(0, 4));
			case STREET -> new RegionCode(value.substring(0, 6));
			case VILLAGE -> new RegionCode(value.substring(0, 9));
		};
	}

	/** Whether {@code other} lies inside this region (a region contains itself). */
	public boolean contains(RegionCode other) {
		return isCountry() || other.value.startsWith(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
