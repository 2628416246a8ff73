package org.youguan.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PrefixRange;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;

/**
 * Look-ups of the region table.
 */
@Service
public class Regions {

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> find(String code) {
		return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE code = :code")
			.param("code", code)
			.query(Rows.of(Region.class))
			.optional();
	}

	/**
	 * A valid, existing region code, or an error naming the field: the format rule or "does not exist". The code is read
	 * as every region code is ({@link RegionCode#typed}: full-width digits, 320500 for 3205), so a body or a form
	 * accepts what a {@code ?region=} parameter accepts.
	 */
	public RegionCode require(String field, String code) {
		RegionCode regionCode;
		try {
			regionCode = RegionCode.of(RegionCode.typed(code));
		}
		catch (InvalidValueException ex) {
			throw ex.forField(field);
		}
		if (find(regionCode.value()).isEmpty()) {
			throw new InvalidValueException(field, "exists", "行政区划代码不存在：" + regionCode.value());
		}
		return regionCode;
	}

	public List<Region> children(String parentCode) {
		return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE parent_code = :code ORDER BY code")
			.param("code", parentCode)
			.query(Rows.of(Region.class))
			.list();
	}

	/** The chain from the province down to the region itself. */
	public List<Region> path(String code) {
		List<Region> path = new ArrayList<>();
		Optional<Region> current = find(code);
		while (current.isPresent() && current.get().level() != RegionLevel.COUNTRY) {
			path.add(current.get());
			current = current.get().parentCode() == null ? Optional.empty() : find(current.get().parentCode());
		}
		Collections.reverse(path);
		return path;
	}

	/** E.g. "江苏省苏州市吴中区"; the city level "市辖区" of municipalities is left out. */
	public String fullName(String code) {
		StringBuilder name = new StringBuilder();
		for (Region region : path(code)) {
			if (!region.name().equals("市辖区") && !region.name().equals("县")) {
				name.append(region.name());
			}
		}
		return name.isEmpty() ? find(code).map(Region::name).orElse(code) : name.toString();
	}

	public String name(String code) {
		return find(code).map(Region::name).orElse(code);
	}

	/** The orders the administrator's list may be sorted by (request name → column); the code breaks ties. */
	static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "level", "length(code)");

	/**
	 * The administrator's list of regions: without search text the children of {@code code}; with it the regions
	 * inside {@code code} (its code's prefix) whose name has every word of it, or whose code is the text — in a
	 * whitelisted order ({@link #SORTS}; by default the most general first, then by code; an unknown key is
	 * 400 on {@code sort}), a page at a time. Regions are the public register: every administrator reads the whole tree.
	 * @param code a region's code ("0" for the country)
	 */
	public PageResult<Region> list(String code, PageQuery page) {
		Listing listing = Listing.from("FROM region");
		if (page.q().isEmpty()) {
			listing.where("parent_code = :parent", Map.of("parent", code));
		}
		else {
			listing.where(RegionPrefix.of(code).predicate("code")).search(page, "code = :exact", Map.of("exact", page.q()), "name");
		}
		return listing.sorts(SORTS, "level", "code").page(jdbc, "SELECT code, name, parent_code, level", page, Rows.of(Region.class));
	}

	/**
	 * Regions inside {@code within} whose name starts with {@code namePrefix} (e.g. "吴中" → 吴中区), most general
	 * first — for searches where a word names a place.
	 */
	public List<Region> findByNamePrefix(String within, String namePrefix, RegionLevel... levels) {
		PrefixRange names = PrefixRange.of(namePrefix);
		return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE " + RegionPrefix.of(within).predicate("code")
				+ " AND " + names.predicate("name", "name") + " AND level IN (:levels) ORDER BY length(code), code LIMIT 20")
			.params(names.params("name"))
			.param("levels", Arrays.stream(levels).map(Enum::name).toList())
			.query(Rows.of(Region.class))
			.list();
	}

	/**
	 * The full names of the given regions in one query, e.g. 320506 → "江苏省 苏州市 吴中区" (ancestors from the province
	 * down, separated by spaces; the "市辖区"/"县" placeholder level of municipalities is left out as in
	 * {@link #fullName(String)}). Keyed by code, in the order given.
	 */
	public Map<String, String> pathNames(List<Region> regions) {
		Set<String> codes = new HashSet<>();
		for (Region region : regions) {
			for (int length : new int[] { 2, 4, 6, 9, 12 }) {
				if (region.code().length() >= length) {
					codes.add(region.code().substring(0, length));
				}
			}
		}
		Map<String, String> names = new HashMap<>();
		if (!codes.isEmpty()) {
			jdbc.sql("SELECT code, name FROM region WHERE code IN (:codes)")
				.param("codes", codes)
				.query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("name")))
				.list()
				.forEach(e -> names.put(e.getKey(), e.getValue()));
		}
		Map<String, String> paths = new LinkedHashMap<>();
		for (Region region : regions) {
			StringJoiner path = new StringJoiner(" ");
			for (int length : new int[] { 2, 4, 6, 9, 12 }) {
				String name = region.code().length() >= length ? names.get(region.code().substring(0, length)) : null;
				if (name != null && !name.equals("市辖区") && !name.equals("县")) {
					path.add(name);
				}
			}
			paths.put(region.code(), path.length() == 0 ? region.name() : path.toString());
		}
		return paths;
	}

	public long count(RegionLevel level) {
		return jdbc.sql("SELECT count(*) FROM region WHERE level = :level")
			.param("level", level.name())
			.query(Long.class)
			.single();
	}
}
