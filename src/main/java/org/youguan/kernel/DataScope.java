package org.youguan.kernel;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows a caller may see, and the one place that turns it into SQL. A bureau sees rows whose region code starts
 * with its own region's code (the national bureau sees all); an enterprise user sees its own enterprise's rows; the
 * public and callers without a bureau see nothing of the staff side.
 *
 * <p>Every module's list and detail queries call {@link #regionPredicate(String)} or
 * {@link #enterprisePredicate(String)} and bind {@link #params()}.
 */
public record DataScope(Kind kind, String regionPrefix, String enterpriseCreditCode) {

	public enum Kind {

		ALL, REGION, ENTERPRISE, NONE

	}

	public static DataScope all() {
		return new DataScope(Kind.ALL, "", null);
	}

	public static DataScope region(String regionCode) {
		return "0".equals(regionCode) ? all() : new DataScope(Kind.REGION, regionCode, null);
	}

	public static DataScope enterprise(String creditCode) {
		return new DataScope(Kind.ENTERPRISE, null, creditCode);
	}

	public static DataScope none() {
		return new DataScope(Kind.NONE, null, null);
	}

	/**
	 * A predicate on a region-code column: true for rows inside the caller's region (a {@link RegionPrefix}: the region
	 * is written into the statement, so that its one plan fits the region).
	 */
	public String regionPredicate(String column) {
		return switch (kind) {
			case ALL -> "TRUE";
			case REGION -> RegionPrefix.of(regionPrefix).predicate(column);
			case ENTERPRISE, NONE -> "FALSE";
		};
	}

	/**
	 * A predicate for rows that belong to an enterprise (its credit code column) and to a region: staff see them by
	 * region, the enterprise sees its own.
	 */
	public String enterprisePredicate(String creditCodeColumn, String regionColumn) {
		return kind == Kind.ENTERPRISE ? creditCodeColumn + " = :scopeEnterprise" : regionPredicate(regionColumn);
	}

	public Map<String, Object> params() {
		return switch (kind) {
			case ENTERPRISE -> Map.of("scopeEnterprise", enterpriseCreditCode);
			case ALL, REGION, NONE -> Map.of();
		};
	}

	/** Whether a row in this region is visible (the same rule as the SQL predicate). */
	public boolean containsRegion(String regionCode) {
		return switch (kind) {
			case ALL -> true;
			case REGION -> regionCode != null && regionCode.startsWith(regionPrefix);
			case ENTERPRISE, NONE -> false;
		};
	}

	/**
	 * The region a caller asks to read figures of, checked once for every page and API: blank or {@code 0} means the
	 * whole country and is returned as {@code ""}.
	 * @throws AccessRefusedException (403, naming {@code field}) unless the region lies in this scope
	 */
	public String requireReadable(String regionCode, String field) {
		String code = regionCode == null || Text.isBlank(regionCode) || Text.strip(regionCode).equals("0") ? "" : Text.strip(regionCode);
		if (kind != Kind.ALL && (code.isEmpty() || !containsRegion(code))) {
			throw new AccessRefusedException(field, "该区域不在您的数据权限范围内：" + (code.isEmpty() ? "全国" : code));
		}
		return code;
	}

	/**
	 * The region filter of a list or export ({@code ?region=}), checked once for every module as the figures check
	 * theirs ({@link #requireReadable}): a region outside a bureau's region is refused (403), never answered with an
	 * empty page that looks like "none there" or with the caller's own rows. The code is read as every region code is
	 * ({@link RegionPrefix#of}). An enterprise's lists hold only its own rows whatever the filter, so its filter is only
	 * checked for form.
	 * @param typed the filter as sent, or null
	 * @param field the request parameter ({@code region}, {@code village})
	 * @return the region's code in the project's form, {@code ""} when blank (no filter)
	 * @throws InvalidValueException (400, field {@code region}) for a code that is no whole region (digits, 2/4/6/9/12)
	 * @throws AccessRefusedException (403, {@code field}) for a region outside a bureau's region, the whole country
	 *         ({@code 0}) included
	 */
	public String regionFilter(String typed, String field) {
		if (typed == null || Text.isBlank(typed)) {
			return "";
		}
		String code = RegionPrefix.of(typed).code();
		if (kind != Kind.ENTERPRISE) {
			requireReadable(code, field);
		}
		return code;
	}

	/**
	 * Records a "scope" error for {@code field} unless the region lies in this scope — the rule of an import row
	 * (a register's sheet of enterprises, branches, facilities, outlets), which is told on its region's column with
	 * every other bad cell of the row, the import reporting every bad row. A step placing one record (a page form, an
	 * API call) never comes here with a region outside the scope: it refuses the region first, as not there (404, before
	 * any field: {@link #refuseRegionOutside}, {@link #refusePlace}).
	 * @param what the record's place in Chinese, e.g. "企业所在地"
	 */
	public Validation requireWithin(Validation v, String field, String regionCode, String what) {
		return v.require(field, containsRegion(regionCode), "scope", what + "不在您的管辖范围内");
	}

	/**
	 * Refuses a record a step names (an enterprise, a 建制村, a region) whose region lies outside this scope: not there
	 * (404), before — and in place of — any field error, as a record of another region is; the one rule of a module
	 * API's scope check, where a "scope" field error (400) once told a caller which of its other fields were wrong too.
	 * The refusal names {@code field} (rule {@code scope}), so a row of an import that meets it is told on its column.
	 * @param field the field that named the record ({@code enterpriseCreditCode}, {@code villageCode})
	 * @param regionCode the record's region
	 * @param what the record in Chinese, with its key ({@code 建制村320506001001}, {@code 企业91320…}): told as
	 *        {@code refusal.notFound} ("企业不存在或不在您的数据权限范围内：91320…", in English "Not found, or outside your
	 *        data scope: 91320…")
	 * @throws DomainException not found (404) when {@code regionCode} is outside this scope
	 */
	public void refuseWithin(String field, String regionCode, String what) {
		if (!containsRegion(regionCode == null ? "" : regionCode)) {
			// the record's kind (企业, 建制村, 行政区划) and its key, worded as every not-found is (refusal.notFound), so an
			// English reader is told it in English, a page or an import's error list alike
			int cut = 0;
			while (cut < what.length() && Character.UnicodeScript.of(what.codePointAt(cut)) == Character.UnicodeScript.HAN) {
				cut += Character.charCount(what.codePointAt(cut));
			}
			if (cut == 0 || cut == what.length()) {
				String message = what + "不存在或不在您的数据权限范围内";
				throw new DomainException(ErrorCode.NOT_FOUND, message, List.of(new FieldError(field, "scope", message)));
			}
			String kind = what.substring(0, cut);
			String key = Masking.personalNumbersIn(what.substring(cut));
			String message = kind + "不存在或不在您的数据权限范围内：" + key;
			throw new DomainException(ErrorCode.NOT_FOUND, Wording.of("refusal.notFound", kind, key), message,
					List.of(new FieldError(field, "scope", message)));
		}
	}

	/**
	 * Refuses a step that places a record (an enterprise, a branch, an outlet, a facility, a plan) in the region
	 * {@code regionCode}, already read as a region code, when it lies outside this scope: not there (404, field
	 * {@code field}, rule {@code scope}, "行政区划…不存在或不在您的数据权限范围内"), in place of any field error — as
	 * {@link #refuseWithin}. A module's step calls it once it has read the region, whatever its other fields hold: the
	 * web's step access has refused a well-formed code outside a bureau's region before the form was bound; this holds
	 * a call that does not come through the web, a scope of another kind and a region the step chose itself (an import
	 * row is told its region on its column instead, with its other cells: {@link #requireWithin}).
	 * @param field the field that placed the record ({@code regionCode})
	 * @param regionCode the region's code in the project's form
	 * @throws DomainException not found (404) for a region outside this scope
	 */
	public void refusePlace(String field, String regionCode) {
		refuseWithin(field, regionCode, "行政区划" + regionCode);
	}

	/**
	 * Refuses a step that places a record in a region outside this scope before any of its fields is read — the
	 * region a module API takes in its data (a JSON body, a form bound into a record), where the web's step access
	 * cannot see it: a bureau's staff naming another bureau's region is told the region is not there (404 naming the
	 * 行政区划), as a record of another region is, not which of its other fields are wrong. The value is read as every
	 * region code is ({@link RegionPrefix#normalised}: {@code ３２０５０７} and {@code 320500} are codes); blank, a value
	 * that is no region code, and a scope of another kind (national, an enterprise's, the public's) are left to the
	 * step's own rules, which check the region again and name the field.
	 * The refusal names the field the module API names ({@code regionCode}, {@code region}), rule {@code scope}, as
	 * {@link #refusePlace} does — not the whole {@code request} — in the words of any record not found.
	 * @param field the field that holds the region ({@code regionCode}; the staff complaint API's {@code region})
	 * @param typed the region's code as sent, or null
	 * @throws DomainException not found (404, 行政区划; field {@code field}, rule {@code scope}) for a region code
	 *         outside a bureau's region
	 */
	public void refuseRegionOutside(String field, String typed) {
		if (kind != Kind.REGION || typed == null) {
			return;
		}
		String code = RegionPrefix.normalised(typed.replace('\u3000', ' '));
		if (isRegionCode(code) && !containsRegion(code)) {
			DomainException notFound = DomainException.notFound("行政区划", code);
			throw new DomainException(ErrorCode.NOT_FOUND, notFound.wording(), notFound.getMessage(),
					List.of(new FieldError(field, "scope", notFound.getMessage())));
		}
	}

	/**
	 * Whether {@code code} is a region's code in the project's one form: the country {@code 0}, or 2, 4, 6, 9 or 12
	 * ASCII digits (a value typed otherwise is first read by {@link RegionPrefix#normalised}).
	 */
	public static boolean isRegionCode(String code) {
		return REGION_CODE.matcher(code).matches();
	}

	private static final Pattern REGION_CODE = Pattern.compile("0|[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}");

	/** Throws not-found (not "forbidden": existence is not revealed) unless the region is in scope. */
	public void requireRegion(String regionCode, String what, Object id) {
		if (!containsRegion(regionCode)) {
			throw DomainException.notFound(what, id);
		}
	}
}
