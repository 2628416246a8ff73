package org.youguan.safety;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Validation;

/**
 * The real-name, inspection and screening rates (实名率, 验视率, 过机率) of a region and period, from the daily rollups
 * ({@code safety_parcel_day}, China-time days) — never from the records themselves, so a city's month answers in well under a second
 * whatever the volume (docs/performance.md).
 *
 * <p>The formulas (the national ones are not published; these are the product's, stated on every page and in README):
 * <ul>
 * <li>实名率 = real-name parcels / (parcels − exempt parcels): exempt are letters (信件) and agreement customers'
 * parcels (协议客户, 邮件快件实名收寄管理办法), outside the duty; a parcel accepted 未实名 counts in the denominator only
 * (快递暂行条例(2025) art.23);</li>
 * <li>验视率 = parcels inspected (验视, art.32) / parcels;</li>
 * <li>过机率 = parcels screened by a machine (过机安检, art.33) / parcels.</li>
 * </ul>
 * Each rate is a percentage with two decimals (99.88), like the published "快递实名率99.88%", rounded down as every
 * rate of the platform is ({@link Percentages#rate}: 95.4198 reads 95.41; 100.00 only when every parcel counts, so a
 * target is never shown reached when it is not; a rate of some parcels at least 0.01); null when its denominator is 0 (no parcel, or every parcel exempt). Days and months are China-time (Asia/Shanghai); a
 * period is inclusive of both days. A record belongs to the county of its sender ({@code sender_region}): staff see
 * the rates of parcels sent in their region, an enterprise those of its own parcels.
 */
@Service
public class SafetyRates {

	/** What a breakdown groups by. */
	public enum By {
		/** Per enterprise (registry enterprise). */
		ENTERPRISE,
		/** Per outlet (filing number; parcels that named none form one line "未填写网点"). */
		OUTLET,
		/** Per sender county. */
		COUNTY
	}

	/** A trend's step. */
	public enum Step {
		DAY, MONTH
	}

	/**
	 * The counts and rates of a set of parcels.
	 *
	 * @param parcels parcels accepted
	 * @param exempt of them, exempt from real-name (letters, agreement customers)
	 * @param realName of the subject ones, real-name (identity checked)
	 * @param inspected parcels inspected (验视)
	 * @param screened parcels screened by a machine (过机)
	 * @param realNameRate realName / (parcels − exempt), percent, 2 decimals; null when no parcel is subject
	 * @param inspectionRate inspected / parcels, percent; null when there is no parcel
	 * @param screeningRate screened / parcels, percent; null when there is no parcel
	 */
	public record Rates(long parcels, long exempt, long realName, long inspected, long screened, BigDecimal realNameRate,
			BigDecimal inspectionRate, BigDecimal screeningRate) {

		/** The rates of these counts. */
		public static Rates of(long parcels, long exempt, long realName, long inspected, long screened) {
			return new Rates(parcels, exempt, realName, inspected, screened, percent(realName, parcels - exempt),
					percent(inspected, parcels), percent(screened, parcels));
		}

		/** Parcels subject to real-name (the real-name rate's denominator). */
		public long subject() {
			return parcels - exempt;
		}
	}

	/**
	 * One line of a breakdown or a trend.
	 *
	 * @param key the enterprise id, the outlet's filing number ('' for none), the county code, or the day/month
	 *        (YYYY-MM-DD / YYYY-MM)
	 * @param name the enterprise's or outlet's name, the county's name; null for a trend
	 * @param code the line's own number as the pages and exports show it: the enterprise's credit code (its key is
	 *        the register's internal id), the outlet's filing number, the county code, the day/month
	 * @param enterpriseId the enterprise (outlet and enterprise lines), else null
	 */
	public record Line(String key, String name, String code, Long enterpriseId, long parcels, long exempt, long realName,
			long inspected, long screened, BigDecimal realNameRate, BigDecimal inspectionRate, BigDecimal screeningRate) {

		/** The counts and rates of the line. */
		public Rates rates() {
			return new Rates(parcels, exempt, realName, inspected, screened, realNameRate, inspectionRate, screeningRate);
		}
	}

	/**
	 * What to read: a region (within the scope), a period, optionally one enterprise.
	 *
	 * @param region a region code prefix ("" for the country)
	 * @param from the first China-time day
	 * @param to the last China-time day (inclusive)
	 * @param enterpriseId one enterprise only, or null
	 */
	public record Query(String region, LocalDate from, LocalDate to, Long enterpriseId) {

		public Query {
			region = RegionPrefix.of(region).code();
			if (from == null || to == null) {
				throw new InvalidValueException("to", "after-from", "截止日期不能早于起始日期");
			}
			Validation.requirePeriod(from, to);
		}
	}

	static final String SUMS = "sum(h.parcels)::bigint AS parcels, sum(h.exempt)::bigint AS exempt, "
			+ "sum(h.real_name)::bigint AS real_name, sum(h.inspected)::bigint AS inspected, "
			+ "sum(h.screened)::bigint AS screened";

	/** The three rates in SQL, from a grouped row's sums (the same rounding as {@link #percent}). */
	static final String RATES = """
			CASE WHEN s.parcels - s.exempt > 0 THEN %s END AS real_name_rate,
			CASE WHEN s.parcels > 0 THEN %s END AS inspection_rate,
			CASE WHEN s.parcels > 0 THEN %s END AS screening_rate""".formatted(
			Percentages.rateSql("s.real_name", "s.parcels - s.exempt", 2), Percentages.rateSql("s.inspected", "s.parcels", 2),
			Percentages.rateSql("s.screened", "s.parcels", 2));

	/** A grouped query's sums with their rates, as one row source {@code g} (so the rates can be sorted on). */
	private static String withRates(String grouped) {
		return "(SELECT s.*, " + RATES + " FROM (" + grouped + ") s) g";
	}

	private static final Map<String, String> SORTS = Map.of("real_name_rate", "g.real_name_rate",
			"inspection_rate", "g.inspection_rate", "screening_rate", "g.screening_rate", "parcels", "g.parcels",
			"key", "g.key");

	private final JdbcClient jdbc;

	SafetyRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * part/whole in percent with 2 decimals, rounded down as every rate is ({@link Percentages#rate}): 100.00 only when
	 * every parcel counts; null when whole is 0.
	 */
	public static BigDecimal percent(long part, long whole) {
		return Percentages.rate(part, whole, 2);
	}

	/**
	 * The totals of a region and period within the caller's scope (an enterprise: its own parcels only).
	 * @throws InvalidValueException (region) unless the region is digits
	 */
	public Rates total(DataScope scope, Query q) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, q, params);
		return jdbc.sql("SELECT coalesce(sum(h.parcels), 0)::bigint AS parcels, coalesce(sum(h.exempt), 0)::bigint AS exempt, "
				+ "coalesce(sum(h.real_name), 0)::bigint AS real_name, coalesce(sum(h.inspected), 0)::bigint AS inspected, "
				+ "coalesce(sum(h.screened), 0)::bigint AS screened FROM safety_parcel_day h WHERE " + where)
			.params(params)
			.query((rs, n) -> Rates.of(rs.getLong("parcels"), rs.getLong("exempt"), rs.getLong("real_name"),
					rs.getLong("inspected"), rs.getLong("screened")))
			.single();
	}

	/**
	 * One page of a breakdown by enterprise, outlet or county, sortable by any rate or the parcels (sort names
	 * {@code real_name_rate}, {@code inspection_rate}, {@code screening_rate}, {@code parcels}, {@code key}; default:
	 * the lowest real-name rate first), searchable by name.
	 */
	public PageResult<Line> breakdown(DataScope scope, Query q, By by, PageQuery page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, q, params);
		String grouped = switch (by) {
			case ENTERPRISE -> "SELECT h.enterprise_id::text AS key, h.enterprise_id, " + SUMS
					+ " FROM safety_parcel_day h WHERE " + where + " GROUP BY h.enterprise_id";
			case OUTLET -> "SELECT h.outlet_filing_number AS key, h.enterprise_id, " + SUMS
					+ " FROM safety_parcel_day h WHERE " + where + " GROUP BY h.enterprise_id, h.outlet_filing_number";
			case COUNTY -> "SELECT h.sender_region AS key, NULL::bigint AS enterprise_id, " + SUMS
					+ " FROM safety_parcel_day h WHERE " + where + " GROUP BY h.sender_region";
		};
		String names = switch (by) {
			case ENTERPRISE -> " LEFT JOIN enterprise_name n ON n.id = g.enterprise_id";
			case OUTLET -> " LEFT JOIN outlet_name n ON n.filing_number = g.key";
			case COUNTY -> " LEFT JOIN region_name n ON n.code = g.key";
		};
		String nameColumn = switch (by) {
			case ENTERPRISE -> "n.legal_name";
			case OUTLET -> "coalesce(n.name, CASE WHEN g.key = '' THEN '（未填写网点）' END)";
			case COUNTY -> "n.name";
		};
		// the line's own number as users know it: the enterprise's credit code (its key is the register's row id)
		String codeColumn = by == By.ENTERPRISE ? "n.credit_code" : "g.key";
		Listing listing = Listing.from("FROM " + withRates(grouped) + names);
		params.forEach(listing::bind);
		return listing.search(page, nameColumn, codeColumn)
			.sorts(SORTS, "real_name_rate", "g.key")
			.page(jdbc, "SELECT g.key, " + nameColumn + " AS name, " + codeColumn + " AS code, g.enterprise_id, g.parcels, g.exempt, g.real_name, "
					+ "g.inspected, g.screened, g.real_name_rate, g.inspection_rate, g.screening_rate", page, Rows.of(Line.class));
	}

	/** The day-by-day or month-by-month rates of the region and period, oldest first (days without parcels omitted). */
	public List<Line> trend(DataScope scope, Query q, Step step) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, q, params);
		String bucket = step == Step.DAY ? "to_char(h.day, 'YYYY-MM-DD')" : "to_char(h.day, 'YYYY-MM')";
		return jdbc.sql("SELECT g.*, g.key AS code FROM " + withRates("SELECT " + bucket + " AS key, NULL AS name, NULL::bigint AS "
				+ "enterprise_id, " + SUMS + " FROM safety_parcel_day h WHERE " + where + " GROUP BY 1") + " ORDER BY g.key")
			.params(params)
			.query(Rows.of(Line.class))
			.list();
	}

	/**
	 * The registry enterprise of a credit code (the rollups name enterprises by id), or null when none is registered.
	 */
	public Long enterpriseId(String creditCode) {
		// written as stored (CreditCode.written: "９１３２…" is 9132…), as every look-up by a typed code
		return jdbc.sql("SELECT id FROM enterprise_name WHERE credit_code = :code")
			.param("code", Objects.requireNonNullElse(CreditCode.written(creditCode), ""))
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * The rollup rows of the period, the region (written in as digits: {@link RegionPrefix}), the enterprise asked for
	 * and the caller's scope (staff: their region; an enterprise: its own rows).
	 */
	private static String where(DataScope scope, Query q, Map<String, Object> params) {
		params.put("from", q.from());
		params.put("to", q.to());
		StringBuilder w = new StringBuilder("h.day BETWEEN :from AND :to AND ")
			.append(RegionPrefix.of(q.region()).predicate("h.sender_region"));
		if (q.enterpriseId() != null) {
			w.append(" AND h.enterprise_id = :enterprise");
			params.put("enterprise", q.enterpriseId());
		}
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			w.append(" AND h.enterprise_id = (SELECT e.id FROM enterprise_name e WHERE e.credit_code = :scopeEnterprise)");
			params.putAll(scope.params());
		}
		else {
			w.append(" AND ").append(scope.regionPredicate("h.sender_region"));
		}
		return w.toString();
	}
}
